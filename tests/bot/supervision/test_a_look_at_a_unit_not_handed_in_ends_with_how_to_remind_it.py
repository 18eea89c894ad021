"""查看 of a unit that has not handed its report in ends with 「催办 单位」 (the next step for a unit behind), or, with
no clerk registered, says to telephone; a unit not started says so without a progress of 0% and a next question."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import UnitStatus, supervisor_command

from .helpers import TZ, at, seed_area


def head(unit: str) -> str:
    area = seed_area()
    area = replace(area, units=[*area.units, UnitStatus("龙亭区水稻乡人民政府", "乡", "龙亭区", "not_started", staff=("s9",)),
                                UnitStatus("龙亭区万隆乡人民政府", "乡", "龙亭区", "not_started")])
    return supervisor_command(f"查看 {unit}", "supervisor", area, at(12, 10), TZ).replies[0].text


def test_a_unit_filling_in_its_report_ends_with_how_to_remind_it() -> None:
    assert head("柳园口").endswith("回复「催办 柳园口乡」提醒经办人。")


def test_a_returned_unit_is_reminded_to_fix_its_report() -> None:
    assert head("塔铺").endswith("回复「催办 塔铺街道」提醒经办人按退回意见修改。")


def test_a_unit_not_started_says_so_without_a_progress_and_ends_with_how_to_remind_it() -> None:
    text = head("水稻")
    assert "完成进度" not in text and "下一题" not in text
    assert text.endswith("该单位尚未开始填写，暂无报告内容。\n回复「催办 水稻乡」提醒经办人。")


def test_a_unit_without_a_clerk_is_to_be_telephoned() -> None:
    assert head("万隆").endswith("该单位未登记经办人，无法通过企业微信提醒，请电话联系。")
