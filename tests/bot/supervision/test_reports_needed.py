"""Which reports a supervisor command reads: the edge parses only those, and none for 汇总 or the reminders."""

from __future__ import annotations

from bot.supervision.commands import reports_needed
from tests.bot.supervision.helpers import seed_area


def test_only_the_commands_that_read_reports_need_them() -> None:
    units = seed_area().units
    names = [u.unit for u in units]
    for text in ("汇总", "进度", "未完成", "逾期", "催办", "设置截止 2026-01-20", "你好", "导出 全部"):
        assert reports_needed(text, units) == set(), text
    assert reports_needed("查看 " + names[2], units) == {names[2]}
    assert reports_needed(f"退回 {names[3]} 表三有误", units) == {names[3]}
    assert reports_needed(f"通过{names[2]}", units) == {names[2]}
    assert reports_needed("查看 不存在的乡", units) == set()
    assert reports_needed("汇总表", units) == {u.unit for u in units if u.status == "approved"}
    assert reports_needed("汇总表 含已提交", units) == {u.unit for u in units if u.status in ("approved", "submitted")}
    assert reports_needed("导出", units) == set(names)
