"""Two clerks of one unit (handlers.conversation, real SQLite): 孙丽 was at 【3.1】是否收到申请 when 张明 answered it
否. A gate's 否 changes no cell, so her conversation stayed at 【3.1】: her next 确认 (meant for the hand-in's
warnings) was read as 是 there and turned the unit's table three on. She goes on where the unit stands instead."""

from __future__ import annotations

from storage import Store
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    OVERSIGHT_FACTS,
    UNIT,
    say,
    store,
)


def test_a_gate_a_colleague_answered_no_is_not_answered_again_by_the_other_clerks_next_word(store: Store) -> None:  # noqa: F811
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    assert "【3.1】" in say(store, "sun", "你好")  # she is asked 是否收到申请
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:])
    assert "确认提交" in say(store, "sun", "提交")
    reply = say(store, "sun", "确认")
    assert "已记录" not in reply and "【3.2】" not in reply, reply
    assert "确认提交 原因" in reply, reply  # the hand-in still asks its reason
    assert store.conversation("zhang", 2025)["gates"]["3.1"] is False
    assert store.conversation("sun", 2025)["gates"]["3.1"] is False

