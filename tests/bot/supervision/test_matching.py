from __future__ import annotations

from bot.supervision import UnitStatus, match_unit, suggest_units


def units(*names: str) -> list[UnitStatus]:
    return [UnitStatus(n, "乡", "龙亭区") for n in names]


AREA = units("龙亭区柳园口乡人民政府", "龙亭区北道门街道办事处", "龙亭区午朝门街道办事处", "龙亭区水稻乡人民政府",
             "龙亭区水稻乡农业服务中心")


def test_exact_name_wins_over_longer_names() -> None:
    found = match_unit("龙亭区水稻乡人民政府", AREA)
    assert isinstance(found, UnitStatus) and found.unit == "龙亭区水稻乡人民政府"


def test_name_without_suffix() -> None:
    found = match_unit("龙亭区北道门街道", AREA)
    assert isinstance(found, UnitStatus) and found.unit == "龙亭区北道门街道办事处"


def test_core_name_finds_the_unit() -> None:
    for typed in ("柳园口", "柳园口乡", "柳 园口", "柳园口乡人民政府"):
        found = match_unit(typed, AREA)
        assert isinstance(found, UnitStatus) and found.unit == "龙亭区柳园口乡人民政府", typed


def test_substring_and_ambiguity() -> None:
    found = match_unit("午朝", AREA)
    assert isinstance(found, UnitStatus) and found.unit.startswith("龙亭区午朝门")
    several = match_unit("街道", AREA)
    assert isinstance(several, list) and {u.unit for u in several} == {"龙亭区北道门街道办事处", "龙亭区午朝门街道办事处"}


def test_core_name_match_prefers_the_township_over_its_office() -> None:
    found = match_unit("水稻", AREA)
    assert isinstance(found, UnitStatus) and found.unit == "龙亭区水稻乡人民政府"


def test_unknown_gives_nothing_and_suggestions_by_similarity() -> None:
    assert match_unit("柳园", units("祥符区半坡店乡")) == []
    assert match_unit("   ", AREA) == []
    assert match_unit("柳元口", AREA) == []
    assert [u.unit for u in suggest_units("柳元口", AREA)][0] == "龙亭区柳园口乡人民政府"
    assert suggest_units("完全无关的名字", AREA) == []


COUNTY = [UnitStatus(n, k, "示范县") for n, k in (("城关镇人民政府", "镇"), ("青山乡人民政府", "乡"),
                                                    ("东城街道办事处", "街道"), ("示范县教育局", "县级部门"),
                                                    ("示范县人民政府", "县级政府"))]


def test_a_different_kind_is_a_different_unit_offered_only_as_a_candidate() -> None:
    assert match_unit("青山镇", COUNTY) == []
    assert [u.unit for u in suggest_units("青山镇", COUNTY)][0] == "青山乡人民政府"
    found = match_unit("青山", COUNTY)
    assert isinstance(found, UnitStatus) and found.unit == "青山乡人民政府"


def test_government_means_peoples_government_not_a_department() -> None:
    for typed in ("县政府", "示范县政府", "示范县人民政府"):
        found = match_unit(typed, COUNTY)
        assert isinstance(found, UnitStatus) and found.unit == "示范县人民政府", typed
    found = match_unit("教育局", COUNTY)
    assert isinstance(found, UnitStatus) and found.unit == "示范县教育局"
    found = match_unit("城关镇政府", COUNTY)
    assert isinstance(found, UnitStatus) and found.unit == "城关镇人民政府"


TWO_COUNTIES = [UnitStatus("甲县刘街乡人民政府", "乡", "甲县"), UnitStatus("城关镇人民政府", "镇", "甲县"),
                UnitStatus("甲县教育局", "县级部门", "甲县")]


def test_a_unit_named_with_another_county_in_front_is_not_found() -> None:
    """issue 11: 通过 乙县刘街乡 must never act on 甲县刘街乡."""
    for typed in ("乙县刘街乡", "乙县刘街乡人民政府", "乙县刘街", "某市乙县刘街乡", "丙区城关镇", "乙县教育局"):
        assert match_unit(typed, TWO_COUNTIES) == [], typed
    # the candidates offered are the supervisor's own units
    assert [u.unit for u in suggest_units("乙县刘街乡", TWO_COUNTIES)][0] == "甲县刘街乡人民政府"


def test_the_own_county_or_area_in_front_still_finds_the_unit() -> None:
    for typed, unit in (("甲县刘街乡", "甲县刘街乡人民政府"), ("甲县城关镇", "城关镇人民政府"),
                        ("刘街乡", "甲县刘街乡人民政府"), ("甲县教育局", "甲县教育局"), ("教育局", "甲县教育局")):
        found = match_unit(typed, TWO_COUNTIES)
        assert isinstance(found, UnitStatus) and found.unit == unit, typed
