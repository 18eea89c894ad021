"""R12 reports the 2019 trial format, its notice cited by title or number. Two real reports cite something else in
the same words and were told they wrote in the old format (an error a supervisor sees): 开化县中村乡 names the notice
by the 2019 title but gives the 2021 number in 【】, and 漳平市卫生健康局 cites its city's own notice of the year,
《…关于编制公布2023年政府信息公开工作年度报告有关事项的通知》."""

from __future__ import annotations

import pytest

from bot.report import empty_report
from bot.rules import check_report


def _r12(text: str) -> list:
    report = empty_report("示范县示范乡", "乡", 2023, fill=None)
    report.text["preface"] = text
    return [f for f in check_report(report) if f.rule == "R12"]


@pytest.mark.parametrize("text", [
    "认真落实《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》(国办公开办函【2021】30号)"
    "的文件精神。",
    "根据《漳平市人民政府办公室关于编制公布2023年政府信息公开工作年度报告有关事项的通知》要求,现将我局2023年报告公布。",
])
def test_the_2021_number_or_a_citys_own_notice_is_no_old_format(text: str) -> None:
    assert _r12(text) == []


@pytest.mark.parametrize("text", [
    "根据《关于政府信息公开工作年度报告有关事项的通知》(国办公开办函【2019】60号)编制。",
    "按照《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求编制。",
])
def test_the_2019_notice_is_still_found(text: str) -> None:
    assert len(_r12(text)) == 1
