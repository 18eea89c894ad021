"""R13 tells a report that names another unit of its area (text pasted from that unit's report). Two names are no
other unit: the report's own zone by any of its names (舒城县杭埠经济开发区管委会 writing 杭埠经开区, 舒城开发区管委会 the
area's spelling of 舒城县经济开发区管理委员会), and a zone and the township it lies in, which the data tells by the
zone's name — a zone named after a township (杭埠经济开发区, with or without its county) lies in it: 杭埠镇's report
naming 杭埠开发区 is about its own ground, and so is the zone's naming 杭埠镇. Everything else is still told: another
township (桃溪镇, pasted), another township's zone, and the county's zone (舒城经开区), which no name places in a town."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import check_report

AREA = ("舒城县杭埠镇人民政府", "舒城县杭埠经济开发区管委会", "舒城县经济开发区管理委员会", "舒城县桃溪镇人民政府",
        "舒城县教育局")
TOWN, ZONE = "舒城县杭埠镇人民政府", "舒城县杭埠经济开发区管委会"


def _r13(unit: str, kind: str, text: str, area: tuple[str, ...] = AREA) -> list[str]:
    report = Report(unit, kind, 2025, text={"s1.summary": text})
    return [f.message for f in check_report(report, other_units=area, area="舒城县") if f.rule == "R13"]


@pytest.mark.parametrize("text", ["我镇配合杭埠经开区做好征迁信息公开。", "我镇配合杭埠开发区做好征迁信息公开。",
                                  "我镇配合舒城县杭埠经济开发区管委会做好征迁信息公开。"])
def test_a_township_naming_the_zone_it_hosts_is_not_told(text: str) -> None:
    assert _r13(TOWN, "镇", text) == []


def test_a_zone_naming_the_township_it_lies_in_or_itself_short_is_not_told() -> None:
    assert _r13(ZONE, "开发区", "杭埠经开区位于杭埠镇，我区配合杭埠镇做好征迁信息公开。") == []
    assert _r13(ZONE, "开发区", "杭埠开发区管委会网站发布信息。") == []


def test_a_zone_listed_under_another_spelling_is_its_own() -> None:
    area = ("舒城开发区管委会", "舒城县桃溪镇人民政府")
    assert _r13("舒城县经济开发区管理委员会", "开发区", "舒城开发区管委会网站发布信息12条。", area) == []


@pytest.mark.parametrize(("unit", "kind", "text", "named"), [
    ("舒城县桃溪镇人民政府", "镇", "我镇配合杭埠开发区做好征迁信息公开。", "杭埠开发区"),  # another township's zone
    (TOWN, "镇", "我镇配合桃溪镇做好征迁信息公开。", "桃溪镇"),
    (TOWN, "镇", "2025年，桃溪镇坚持以人民为中心。", "桃溪镇"),  # pasted from 桃溪镇's report
    (TOWN, "镇", "我镇配合舒城开发区做好征迁信息公开。", "舒城开发区"),  # the county's zone: no name places it here
    (ZONE, "开发区", "我区配合桃溪镇做好征迁信息公开。", "桃溪镇"),
])
def test_another_unit_is_still_told(unit: str, kind: str, text: str, named: str) -> None:
    [message] = _r13(unit, kind, text)
    assert f"其他单位的名称“{named}”" in message, message
