"""A park's committee (…产业园 / …工业园 / …产业园区 管理委员会) is a development zone's, as the names of published
reports show: 苏银产业园管理委员会 2025, 五华科技产业园管理委员会 2022, 四川蓬安工业园区管理委员会 2025, 郯城县
高科技电子产业园 2018 — read as 开发区, saying 我区. No ordinary name is taken for one: a town or street named after a
park (工业园街道), a kindergarten or park (园 alone), a park's company or its service centre."""

from __future__ import annotations

import pytest

from bot.importers import import_bytes
from bot.units import core_name, guess_unit_kind, zone_name


@pytest.mark.parametrize(("name", "zone"), [
    ("苏银产业园管理委员会", "苏银产业园"),
    ("五华科技产业园管委会", "五华科技产业园"),
    ("五华科技产业园管理委员会", "五华科技产业园"),
    ("高科技电子产业园", "高科技电子产业园"),
    ("示范县工业园管委会", "示范县工业园"),
    ("四川蓬安工业园区管理委员会", "四川蓬安工业园区"),
    ("蓬安产业园区管委会", "蓬安产业园区"),
])
def test_a_parks_committee_is_a_zones(name: str, zone: str) -> None:
    assert guess_unit_kind(name) == "开发区"
    assert zone_name(name) == core_name(name) == zone


@pytest.mark.parametrize(("name", "kind"), [
    ("工业园街道办事处", "街道"),
    ("花园镇人民政府", "镇"),
    ("示范县幼儿园", None),
    ("示范县人民公园", None),
    ("示范县产业园有限公司", None),
    ("示范县产业园运营中心", None),
    ("示范县工业园区管理局", None),  # a bureau of the county, named after the zone it serves
    ("产业园", None),  # no park in particular
])
def test_a_name_that_only_mentions_a_park_is_no_zone(name: str, kind: str | None) -> None:
    assert guess_unit_kind(name) == kind
    assert zone_name(name) == ""


@pytest.mark.parametrize("title", [
    "苏银产业园管理委员会2025年政府信息公开工作年度报告",
    "五华科技产业园管委会2025年度政府信息公开工作年度报告",
])
def test_a_parks_report_is_imported_as_a_zones(title: str) -> None:
    text = "\n".join([
        title, "一、总体情况", "（一）主动公开情况", "2025年，我区持续深化政务公开，全年主动公开信息146条。",
        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "存在的问题是公开不够及时。", "六、其他需要报告的事项", "本年度未收取信息处理费。",
    ])
    report = import_bytes(text.encode("utf-8"), "report.txt").report
    assert (report.unit, report.unit_kind) == (title.split("20")[0], "开发区")
