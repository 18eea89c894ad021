"""A zone is called by the short word of its kind as often as by the long one — 番禺经济技术开发区管委会's own 2024
report says 番禺经开区管委会 in its next sentence; 合肥高新区 is 合肥高新技术产业开发区 — so a unit registered one way is
found when a supervisor types, or a text writes, the other: 舒城经开区 finds 舒城经济开发区管理委员会, and back. Nothing
else is found by it: a district (浦东新区) is no zone, a zone's kind alone (经开区) names no zone in particular, and
another county's zone is another zone."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import check_report
from bot.supervision import UnitStatus, match_unit, suggest_units
from bot.units import same_zone, zone_forms, zone_key

COUNTY = [UnitStatus(n, k, "舒城县") for n, k in (
    ("舒城县杭埠镇人民政府", "镇"), ("舒城经济开发区管理委员会", "开发区"), ("合肥高新区管委会", "开发区"),
    ("舒城县教育局", "县级部门"), ("舒城县人民政府", "县级政府"), ("桃溪镇人民政府", "镇"))]


@pytest.mark.parametrize(("typed", "unit"), [
    ("舒城经开区", "舒城经济开发区管理委员会"),
    ("舒城经开区管委会", "舒城经济开发区管理委员会"),
    ("舒城县经开区", "舒城经济开发区管理委员会"),
    ("舒城经济技术开发区", "舒城经济开发区管理委员会"),
    ("安徽舒城经开区", "舒城经济开发区管理委员会"),
    ("合肥高新技术产业开发区", "合肥高新区管委会"),
    ("合肥国家高新技术产业开发区管委会", "合肥高新区管委会"),
])
def test_a_zone_typed_with_its_kind_written_otherwise_is_found(typed: str, unit: str) -> None:
    found = match_unit(typed, COUNTY)
    assert isinstance(found, UnitStatus) and found.unit == unit, found
    assert suggest_units(typed, COUNTY)[0].unit == unit


def test_a_zone_typed_short_is_a_units_name_when_strict() -> None:
    found = match_unit("舒城经开区", COUNTY, strict=True)
    assert isinstance(found, UnitStatus) and found.unit == "舒城经济开发区管理委员会"


@pytest.mark.parametrize("typed", ["浦东新区", "经开区管委会", "庐江经开区", "舒城高新区", "杭埠经开区"])
def test_a_district_a_kind_alone_or_another_zone_finds_no_zone(typed: str) -> None:
    found = match_unit(typed, COUNTY, strict=True)
    assert found == [] or (isinstance(found, UnitStatus) and found.kind != "开发区"), found


def test_the_short_and_long_names_of_one_zone_are_one_key() -> None:
    assert zone_key("舒城县经济开发区管委会") == zone_key("舒城经开区") == zone_key("舒城经济技术开发区") == "舒城经开区"
    assert zone_key("合肥高新技术产业开发区管理委员会") == zone_key("合肥高新区") == "合肥高新区"
    assert zone_key("沙县经济开发区") == "沙县经开区"  # a one-character place keeps its level word
    assert same_zone("武昌经开区管委会", "武昌经济开发区")
    assert not same_zone("浦东新区", "浦东新区人民政府")  # a district's, no zone
    assert not same_zone("经济开发区管委会", "经开区")  # a kind alone: any county's
    assert not same_zone("舒城经开区", "舒城高新区")
    assert zone_forms("浦东新区人民政府") == zone_forms("经济开发区管委会") == ()
    assert "两江新区" not in zone_forms("两江新区管理委员会")  # a 新区 alone is its district's name too


AREA = tuple(u.unit for u in COUNTY)


def _r13(text: str, unit: str = "舒城县杭埠镇人民政府", kind: str = "镇") -> list[str]:
    report = Report(unit, kind, 2025, text={"s1.summary": text})
    return [f.message for f in check_report(report, other_units=AREA, area="舒城县") if f.rule == "R13"]


@pytest.mark.parametrize("written", ["舒城经开区", "舒城经济技术开发区管委会", "舒城县经济开发区", "舒城经开区管理委员会"])
def test_a_township_naming_the_zone_short_or_long_is_told_as_by_its_registered_name(written: str) -> None:
    [message] = _r13(f"配合{written}做好征迁信息公开。")
    assert f"其他单位的名称“{written}”" in message, message


def test_a_kind_alone_or_a_district_names_no_unit() -> None:
    assert _r13("配合经开区、高新区做好征迁信息公开。") == []
    assert _r13("学习借鉴浦东新区经验。") == []


def test_a_zone_writing_its_own_name_short_is_not_told_it_names_another() -> None:
    text = "2025年，舒城经开区持续推进政务公开。舒城经济技术开发区管委会网站发布信息113条，我区未收到申请。"
    assert _r13(text, unit="舒城经济开发区管理委员会", kind="开发区") == []
