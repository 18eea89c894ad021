"""A warning only 提交 asks (监督保障 without a 社会评议 result) and the clerk waived with 确认提交 reaches the
supervisor as the warning itself, with the reason: in the notice of the hand-in and in 查看. The notice had shown R14's
description (「总体情况五个方面齐全…」), which reads as if all were well, and 查看 had not shown it at all. A waived
warning fixed since is no longer listed."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import submitted_notice, supervisor_command

from .helpers import TZ, at, seed_area, seed_unit

NO_REVIEW = "我乡开展政务公开业务培训2次，将政务公开工作纳入考核，考核结果为优秀。本年度未发生责任追究情况。"
WAIVED = {"R14:s1.oversight": "今年没搞社会评议"}


def township(oversight: str):
    unit = seed_unit(2, accepted_warnings=WAIVED)
    report = unit.report.copy()
    report.text["s1.oversight"] = oversight
    return replace(unit, kind="乡", report=replace(report, unit_kind="乡"))


def notice_of(unit) -> str:
    return submitted_notice(unit, TZ, [u.unit for u in seed_area().units])


def test_the_notice_names_the_result_left_unstated_and_the_reason() -> None:
    notice = notice_of(township(NO_REVIEW))
    assert "尚未写明社会评议情况" in notice and "今年没搞社会评议" in notice
    assert "五个方面齐全" not in notice


def test_a_waived_warning_fixed_since_is_not_listed() -> None:
    notice = notice_of(township(NO_REVIEW + "本年度未开展政务公开社会评议。"))
    assert "社会评议" not in notice and "今年没搞社会评议" not in notice


def test_looking_at_the_report_shows_the_waived_warning_with_its_reason() -> None:
    area = seed_area()
    unit = township(NO_REVIEW)
    area = replace(area, units=[unit if u.unit == unit.unit else u for u in area.units])
    shown = "\n".join(r.text for r in supervisor_command(f"查看 {unit.unit}", "supervisor", area, at(12, 10), TZ).replies)
    assert "尚未写明社会评议情况" in shown and "单位说明：今年没搞社会评议" in shown
