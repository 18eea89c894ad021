"""通过 and 退回, once confirmed, say which clerk was told by name (已通知经办人张明), what happens next, and for a
unit with no clerk registered, that the supervisor must tell it themselves."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area


def confirmed(text: str, staff_names: tuple[str, ...] = ("张明",), staff: tuple[str, ...] = ("zhang",)) -> str:
    area = seed_area()
    area = replace(area, units=[replace(u, staff=staff, staff_names=staff_names) for u in area.units])
    return supervisor_command(text, "supervisor", area, at(12, 10), TZ, confirmed=True).replies[0].text


def test_a_return_names_the_clerk_and_says_the_fix_will_be_announced() -> None:
    assert confirmed("退回 胡集 表三结转数不对") == (
        "已退回胡集乡2025年度报告，退回原因：表三结转数不对\n"
        "退回原因和检查结果已发送给经办人张明，待其修改后重新提交，届时将另行通知您。")


def test_an_approval_names_the_clerk() -> None:
    assert confirmed("通过 胡集") == "胡集乡2025年度报告已审核通过，已通知经办人张明按时公开。"


def test_a_unit_without_a_clerk_is_to_be_told_by_the_supervisor() -> None:
    assert confirmed("通过 胡集", (), ()) == "胡集乡2025年度报告已审核通过。该单位未登记经办人，请另行通知。"
    assert confirmed("退回 胡集 数不对", (), ()).endswith("注意：该单位未登记经办人，请另行通知。")
