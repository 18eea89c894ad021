"""A county without a campaign of its own works under its city's (the nearest area above it that has one), and the
reminder timer sends each unit the reminders of that campaign only, once — through real SQLite.

示范市 holds 甲区 and 乙区; 甲区 holds 甲区一街道 (three levels). The city sets 15 January; 乙区 sets its own
10 January; a campaign for every area says 31 January.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from handlers.areas import area_campaign
from handlers.jobs.reminders import run_reminders
from storage import Store, Unit, User

TZ = ZoneInfo("Asia/Shanghai")
CITY_DUE, OWN_DUE, EVERYWHERE_DUE = date(2026, 1, 15), date(2026, 1, 10), date(2026, 1, 31)
UNITS = {"甲镇": "甲区", "乙镇": "乙区", "街道镇": "甲区一街道", "市直乡": "示范市", "远乡": "别县"}


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "tree.db") as store:
        store.save_area_parent("甲区", "示范市")
        store.save_area_parent("乙区", "示范市")
        store.save_area_parent("甲区一街道", "甲区")
        for unit, area in UNITS.items():
            store.save_unit(Unit(unit, "镇", area))
            store.save_user(User(f"clerk-{unit}", unit, "staff", unit, area))
        store.save_campaign(2025, CITY_DUE, date(2026, 1, 31), area="示范市")
        store.save_campaign(2025, OWN_DUE, date(2026, 1, 31), area="乙区")
        store.save_campaign(2025, EVERYWHERE_DUE, date(2026, 2, 15))
        yield store


def _due(store: Store, area: str) -> date:
    return area_campaign(store, area, datetime(2026, 1, 5, 9, tzinfo=TZ), TZ)[0].due


def test_an_area_works_under_the_nearest_campaign_above_it(store: Store) -> None:
    assert _due(store, "示范市") == CITY_DUE
    assert _due(store, "甲区") == CITY_DUE  # no campaign of its own: the city's
    assert _due(store, "甲区一街道") == CITY_DUE  # two levels down
    assert _due(store, "乙区") == OWN_DUE  # its own comes first
    assert _due(store, "别县") == EVERYWHERE_DUE  # outside the city: the one for every area


def test_each_unit_is_reminded_under_its_own_campaign_only_and_once(store: Store) -> None:
    # 9 January 09:00: 乙区's "1 day before" (10 January is a Saturday) and the city's "7 days before" are due
    run_reminders(store, datetime(2026, 1, 9, 9, 1, tzinfo=TZ), TZ)
    run_reminders(store, datetime(2026, 1, 9, 9, 2, tzinfo=TZ), TZ)  # a second tick sends nothing again
    sent: dict[str, list[str]] = defaultdict(list)
    for row in store.db.query("SELECT touser, dedup_key FROM outbox WHERE dedup_key LIKE 'reminder:%'"):
        campaign = int(row["dedup_key"].split(":")[1])
        for user in row["touser"].split("|"):
            sent[user].append(store.db["campaigns"].get(campaign)["area"] or "*")
    assert sent["clerk-乙镇"] == ["乙区"]  # its own campaign's "1 day before", never the city's
    for unit in ("甲镇", "街道镇", "市直乡"):
        assert sent[f"clerk-{unit}"] == ["示范市"], unit  # the city's "7 days before" (8 January)
    assert "clerk-远乡" not in sent  # the campaign for every area has nothing due before 24 January
