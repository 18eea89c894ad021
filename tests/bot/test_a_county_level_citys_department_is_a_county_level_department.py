"""A report read from a file is given its unit's kind from the unit's name: a department of a 县级市 (东阳市, a city
under 金华市) is a county-level department and its government a county-level government, though the name ends
with 市 as a 设区的市's does; a 设区的市's department stays a 市级部门. 市 inside a department's own name (市场监督管理局,
城市管理局) is no level word."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.county_level_cities import COUNTY_LEVEL_CITIES, COUNTY_LEVEL_CITIES_BY_PROVINCE
from bot.importers import import_bytes
from bot.importers.author import kind_from_name

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.mark.parametrize(("unit", "kind"), [
    ("东阳市自然资源和规划局", "县级部门"),
    ("浙江省东阳市自然资源和规划局", "县级部门"),
    ("金华市东阳市教育局", "县级部门"),
    ("仙桃市教育局", "县级部门"),  # a 省直辖县级市
    ("义乌市人民政府办公室", "县级部门"),
    ("东阳市市场监督管理局", "县级部门"),
    ("东阳市人民政府", "县级政府"),
    ("金华市自然资源和规划局", "市级部门"),
    ("开封市城市管理局", "市级部门"),
    ("白城市农业农村局", "市级部门"),
    ("白城市城市管理局", "市级部门"),
    ("黔南布依族苗族自治州教育局", "市级部门"),
    ("淮安市人民政府", "设区的市政府"),
    ("永清县市场监督管理局", "县级部门"),
    ("永清县城市管理局", "县级部门"),
    ("济南市市中区教育局", "县级部门"),
    ("浙江省自然资源厅", "省级部门"),
])
def test_the_kind_follows_the_level_of_the_place_the_name_starts_with(unit: str, kind: str) -> None:
    assert kind_from_name(unit) == kind


def test_a_county_level_city_is_told_by_the_list_whether_or_not_its_prose_names_its_townships() -> None:
    assert kind_from_name("东阳市人民政府", prose="全市各乡镇（街道）") == "县级政府"
    assert kind_from_name("东阳市人民政府", prose="") == "县级政府"


@pytest.mark.parametrize(("name", "unit"), [("dongyang_natres_2023", "东阳市自然资源和规划局"),
                                            ("daye_natres_2025", "大冶市自然资源和规划局"),
                                            ("fuyuan_natres_2022", "抚远市自然资源局")])
def test_a_published_report_of_a_county_level_citys_bureau_imports_as_a_county_level_department(
        name: str, unit: str) -> None:
    report = import_bytes((CORPUS / f"{name}.txt").read_bytes(), f"{name}.txt").report
    assert (report.unit, report.unit_kind) == (unit, "县级部门")


def test_the_list_holds_each_county_level_city_once_and_no_prefecture() -> None:
    names = [n for names in COUNTY_LEVEL_CITIES_BY_PROVINCE.values() for n in names]
    assert len(names) == len(COUNTY_LEVEL_CITIES) == 397
    assert all(n.endswith("市") and len(n) >= 2 for n in names)  # 芒市 has one character before 市
    assert not {"金华市", "黄石市", "佳木斯市", "淮安市", "开封市", "东莞市", "儋州市"} & COUNTY_LEVEL_CITIES
