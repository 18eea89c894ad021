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


def test_the_question_before_a_review_names_the_clerk_who_will_be_told() -> None:
    area = seed_area()
    area = replace(area, units=[replace(u, staff=("zhang",), staff_names=("张明",)) for u in area.units])
    asked = supervisor_command("通过 胡集", "supervisor", area, at(12, 10), TZ).replies[0].text
    assert "通过后将通知经办人张明，报告不能再修改。" in asked
    asked = supervisor_command("退回 胡集 数不对", "supervisor", area, at(12, 10), TZ).replies[0].text
    assert "退回后经办人张明将收到退回原因" in asked


def test_the_notice_of_a_report_handed_in_names_the_unit_as_briefly_as_a_command_takes_it() -> None:
    from bot.supervision import submitted_notice

    unit = next(u for u in seed_area().units if u.unit.endswith("柳园口乡人民政府"))
    notice = submitted_notice(unit, TZ, [u.unit for u in seed_area().units])
    assert notice.startswith("【报告提交】龙亭区柳园口乡人民政府提交了年度报告")
    assert notice.endswith("回复「查看 柳园口乡」审核，「通过 柳园口乡」或「退回 柳园口乡 原因」。")


def approved_on(day: int, month: int, year: int) -> str:
    """通过 of a report of the campaign's year (2025), confirmed on that day."""
    area = seed_area()
    units = [replace(u, staff=("zhang",), staff_names=("张明",), report=replace(u.report, year=2025))
             for u in area.units]
    when = at(day, 10, month=month, year=year)
    return supervisor_command("通过 胡集", "supervisor", replace(area, units=units), when, TZ,
                              confirmed=True).replies[0].text


def test_an_approval_tells_the_supervisor_the_date_the_clerk_must_publish_by() -> None:
    assert approved_on(12, 1, 2026) == "胡集乡2025年度报告已审核通过，已通知经办人张明于2026年1月31日前公开。"


def test_an_approval_after_the_publication_date_says_it_has_passed_not_on_time() -> None:
    assert approved_on(27, 11, 2026) == (
        "胡集乡2025年度报告已审核通过，已通知经办人张明尽快公开（公开期限2026年1月31日已过）。")
