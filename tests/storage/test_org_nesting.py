"""Areas nest: org.csv's optional parent_area column puts a county's area inside a city's; files without it work
as before; a parent given twice differently or a loop is named by its line and nothing is imported."""

from __future__ import annotations

import pytest

from storage import OrgImportError, Store, import_org_csv

HEADER = "userid,name,role,unit,unit_kind,area,parent_area\n"
CITY = (HEADER
        + "c1,市审核员,supervisor,,,示范市,\n"
        + "a1,张一,staff,城关镇,镇,甲县,示范市\n"
        + "a2,甲县审核员,supervisor,,,甲县,示范市\n"
        + "b1,李一,staff,北关街道,街道,乙县,示范市\n"
        + "d1,王一,staff,东村乡,乡,东区,乙县\n")


def test_a_city_contains_its_counties_and_their_districts(store: Store) -> None:
    result = import_org_csv(store, CITY)
    assert result.areas_nested == 3
    assert store.area_parents() == {"示范市": None, "甲县": "示范市", "乙县": "示范市", "东区": "乙县"}
    assert store.areas_within("示范市") == ["示范市", "东区", "乙县", "甲县"]
    assert store.areas_within("乙县") == ["乙县", "东区"]
    assert store.areas_within("甲县") == ["甲县"]
    assert "示范市" in store.area_names()  # an area of areas, with no unit of its own
    # the chat's and the desk's area queries take the areas nested in it
    assert {r["name"] for r in store.area_unit_rows(2024, "示范市")} == {"城关镇", "北关街道", "东村乡"}
    assert {r["name"] for r in store.area_unit_rows(2024, "乙县")} == {"北关街道", "东村乡"}
    assert import_org_csv(store, CITY).areas_nested == 0  # the same file again changes nothing


def test_a_file_without_the_column_still_imports(store: Store) -> None:
    import_org_csv(store, "userid,name,role,unit,unit_kind,area\nu1,张三,staff,城关镇,镇,示范县\n")
    assert store.area_parents() == {} and store.area_names() == ["示范县"]
    assert [r["name"] for r in store.area_unit_rows(2024, "示范县")] == ["城关镇"]


def test_a_parent_given_twice_differently_is_named_by_its_line(store: Store) -> None:
    with pytest.raises(OrgImportError) as refused:
        import_org_csv(store, CITY + "a3,张三,staff,西关镇,镇,甲县,别的市\n")
    assert any(p.startswith("第7行") and "第3行" in p and "别的市" in p for p in refused.value.problems)
    assert store.units() == [] and store.area_parents() == {}


def test_an_area_that_would_lie_within_itself_is_refused(store: Store) -> None:
    import_org_csv(store, CITY)
    with pytest.raises(OrgImportError) as refused:
        import_org_csv(store, CITY.replace("c1,市审核员,supervisor,,,示范市,", "c1,市审核员,supervisor,,,示范市,东区"))
    assert any(p.startswith("第2行") and "循环" in p for p in refused.value.problems)
    assert store.area_parents()["示范市"] is None
