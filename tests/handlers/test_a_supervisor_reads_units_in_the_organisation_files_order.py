"""A supervisor reads the county's units in the order of the organisation file it imported (its official order),
in every list the chat sends — 未完成, 逾期, 进度/汇总 — never by the code points of their names."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.incoming import Incoming
from handlers.conversation import NianbaoEngine
from storage import Store, import_org_csv

TZ = ZoneInfo("Asia/Shanghai")
BEFORE_DUE = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)
AFTER_DUE = datetime(2026, 1, 20, 10, 0, tzinfo=TZ)
# the county's own order (the seat town, the streets, then the townships), not the names' code-point order
OFFICIAL = ["城关镇", "青山乡", "东城街道", "北关镇", "阿里乡"]
assert OFFICIAL != sorted(OFFICIAL)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "order.db")
    rows = [f"u{i},经办人{i},staff,{name},,示范县" for i, name in enumerate(OFFICIAL)]
    import_org_csv(s, "\n".join(["userid,name,role,unit,unit_kind,area", *rows, "sup,审核员,supervisor,,,示范县", ""]))
    s.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    yield s
    s.close()


def say(store: Store, text: str, now: datetime) -> str:
    account = store.user("sup")
    assert account is not None
    with store.transaction():
        replies = NianbaoEngine(TZ)(store, account, Incoming("sup", "text", now, text=text), now)
    return "\n".join(r.text for r in replies)


def order_in(text: str) -> list[str]:
    at = {name: text.find(name) for name in OFFICIAL}
    assert all(i >= 0 for i in at.values()), text
    return sorted(OFFICIAL, key=at.get)


@pytest.mark.parametrize(("word", "now"), [("未完成", BEFORE_DUE), ("进度", BEFORE_DUE), ("汇总", BEFORE_DUE),
                                           ("逾期", AFTER_DUE)])
def test_a_supervisors_list_follows_the_organisation_file(store: Store, word: str, now: datetime) -> None:
    assert order_in(say(store, word, now)) == OFFICIAL
