"""The areas below a city are listed to its supervisor as its units are: in the organisation file's order (the
city's own), not by the code points of their names (乙县 sorts before 甲县). The file orders areas only through its
rows, so an area stands where its first unit stands (a county's, or of a district nested in it); one without units
comes last. 汇总 and the desk's overview list them so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.supervision.area import sub_areas_in_order
from bot.supervision.summary import summary_text
from handlers.areas import area_campaign, load_digest, sub_area_map
from handlers.web.desk.views import Query, area_overview
from storage import Store, import_org_csv
from tests.handlers.test_supervisor import TZ

NOW = datetime(2026, 1, 10, 10, 0, tzinfo=TZ)
HEADER = "userid,name,role,unit,unit_kind,area,parent_area\n"
# the file's order: 甲县, 乙县 (whose first unit is its district 东区's), 丙县 (no units: its supervisor only)
CITY = (HEADER
        + "c1,市审核员,supervisor,,,示范市,\n"
        + "a1,张一,staff,城关镇,镇,甲县,示范市\n"
        + "d1,王一,staff,东村乡,乡,东区,乙县\n"
        + "b1,李一,staff,北关街道,街道,乙县,示范市\n"
        + "a2,张二,staff,西关镇,镇,甲县,示范市\n"
        + "e1,丙县审核员,supervisor,,,丙县,示范市\n"
        + "m1,赵一,staff,示范市人民政府,设区的市政府,示范市,\n")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "city.db") as opened:
        yield opened


def test_a_citys_areas_are_mapped_in_the_files_order(store: Store) -> None:
    import_org_csv(store, CITY)
    assert list(dict.fromkeys(sub_area_map(store, "示范市").values())) == ["甲县", "乙县", "丙县"]


def test_a_citys_summary_lists_its_counties_in_the_files_order(store: Store) -> None:
    import_org_csv(store, CITY)
    store.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    campaign, _ = area_campaign(store, "示范市", NOW, TZ)
    text = "\n".join(summary_text(load_digest(store, "示范市", campaign, TZ), NOW, TZ))
    lines = [line.split("：")[0] for line in text.split("其中：\n")[1].splitlines()[:4]]
    assert lines == ["甲县", "乙县", "丙县", "示范市（直属）"], text
    assert "如「甲县 汇总」" in text


def test_the_desks_overview_lists_a_citys_counties_in_the_files_order(store: Store) -> None:
    import_org_csv(store, CITY)
    store.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    parts = area_overview(store, "示范市", Query(), NOW, TZ)["parts"]
    assert [p["name"] for p in parts] == ["甲县", "乙县", "丙县", "示范市"]


def test_a_file_in_another_order_lists_them_in_that_order(store: Store) -> None:
    import_org_csv(store, CITY)
    lines = CITY.splitlines(keepends=True)
    import_org_csv(store, "".join([lines[0], lines[1], lines[3], lines[4], *lines[5:], lines[2]]))  # 乙县's first
    assert list(dict.fromkeys(sub_area_map(store, "示范市").values())) == ["乙县", "甲县", "丙县"]


def test_areas_are_ordered_by_their_first_units_place_then_by_name() -> None:
    mapping = {"甲县": "甲县", "东区": "乙县", "乙县": "乙县", "丁县": "丁县", "丙县": "丙县"}
    ordered = sub_areas_in_order(mapping, {"甲县": 5, "东区": 2, "乙县": 9})
    assert list(dict.fromkeys(ordered.values())) == ["乙县", "甲县", "丁县", "丙县"]  # 丁 and 丙 without units
    assert ordered.keys() == mapping.keys()
