"""A zone's clerk sends its report titled as the zone calls itself (舒城经开区管委会2025年…) while the county registered
it in long (舒城经济开发区管理委员会): the file is the unit's own, not another unit's; a file of another zone, or of a
township, is still another unit's."""

from __future__ import annotations

import pytest

from handlers.files import read_file

UNIT = "舒城经济开发区管理委员会"


def _report(title: str) -> bytes:
    return "\n".join([
        title, "一、总体情况", "（一）主动公开情况", "2025年，我区持续深化政务公开，全年主动公开信息113条。",
        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "存在的问题是公开不够及时。", "六、其他需要报告的事项", "本年度未收取信息处理费。",
    ]).encode("utf-8")


@pytest.mark.parametrize("title", ["舒城经开区管委会2025年政府信息公开工作年度报告",
                                   "舒城经济技术开发区2025年政府信息公开工作年度报告"])
def test_the_zones_own_file_is_checked_as_its_own(title: str) -> None:
    verdict = read_file(_report(title), "年报.txt", UNIT, "开发区", 2025)
    assert verdict.outcome == "checked", verdict


@pytest.mark.parametrize("title", ["庐江经开区管委会2025年政府信息公开工作年度报告",
                                   "舒城高新区管委会2025年政府信息公开工作年度报告"])
def test_another_zones_file_is_another_units(title: str) -> None:
    verdict = read_file(_report(title), "年报.txt", UNIT, "开发区", 2025)
    assert verdict.outcome == "other_unit", verdict
