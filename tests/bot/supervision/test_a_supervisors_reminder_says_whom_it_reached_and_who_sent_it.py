"""催办 answers with the units reminded by name (催一下柳园口 → 已向龙亭区柳园口乡人民政府的经办人（1人）发送催办提醒。),
and the clerk's reminder says it comes from the supervisor (【年报催办】), not from the calendar (【年报提醒】)."""

from __future__ import annotations

from bot.supervision import RemindNow, supervisor_command

from .helpers import TZ, at, seed_area


def test_reminding_one_unit_names_it_and_the_clerk_reads_a_supervisors_reminder() -> None:
    result = supervisor_command("催一下柳园口", "supervisor", seed_area(), at(12, 10), TZ)
    assert result.replies[0].text == "已向龙亭区柳园口乡人民政府的经办人（1人）发送催办提醒。"
    [action] = result.actions
    assert isinstance(action, RemindNow)
    assert action.sends[0].text.startswith("【年报催办】龙亭区柳园口乡人民政府：审核人员请您抓紧完成年度报告。")
