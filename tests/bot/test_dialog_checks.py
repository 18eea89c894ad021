"""Checking as the user goes: R1 arithmetic with the fixing command, warnings accepted with a reason, 提交 blocked."""

from __future__ import annotations

from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township


def _to_carry_over(chat: Chat, new: str, results: str) -> str:
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", new, "无", "1")
    return chat.send(results)


def test_results_beyond_the_applications_show_the_arithmetic_and_the_fix():
    chat = Chat(township())
    reply = _to_carry_over(chat, "1 0 0 0 0 0", "3 0 0 0 0 0")
    assert "【3.6】" in reply
    assert "1 + 0 − 3 = -2" in reply and "「自然人」列" in reply
    assert "「修改 3.5」" in reply and "「修改 3.2」" in reply
    reply = chat.send("1")  # cannot confirm a negative carry-over
    assert "【3.6】" in reply and "3.6" not in chat.state["answered"]
    chat.send("修改 3.5")
    reply = chat.send("1 0 0 0 0 0")
    assert "自然人 0" in reply and "【3.6】" in reply
    chat.send("1")
    assert "【4.1】" in chat.last.replies[0].text


def test_corrected_carry_over_breaking_r1_is_shown_at_once_with_the_fix():
    chat = Chat(township())
    _to_carry_over(chat, "2 0 0 0 0 0", "1 0 0 0 0 0")
    reply = chat.send("3 0 0 0 0 0")  # the user "corrects" 结转下年度 to a number that breaks 一 + 二 = 三 + 四
    assert chat.report.cells["t3.carry_over.person"] == 3
    assert "表三发现以下问题" in reply
    assert "2" in reply and "3" in reply and "修改 3." in reply
    assert "【4.1】" in reply  # the flow goes on; 提交 will block until fixed
    chat.say_all("否", *PROSE_ALL_DEFAULT)
    reply = chat.send("提交")
    assert "submitted" not in chat.last.events and "修改 3." in reply
    chat.send("修改 3.6")
    chat.send("1")
    chat.send("提交")
    assert "submitted" in chat.last.events


def test_warning_shown_once_and_accepted_with_a_reason():
    previous = import_report(seed_path(4)).report  # 现行有效 0 行政规范性文件 last year
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0")
    reply = chat.send("0")
    assert "请核实" in reply and "确认 原因" in reply
    reply = chat.send("确认 清理时补录了 4 件往年文件")
    assert "已记录您的说明" in reply and "【3.1】" in reply
    assert chat.last.events == ["warning_accepted:R8:清理时补录了 4 件往年文件"]
    assert chat.state["warnings"]


def test_submit_with_an_unaccepted_warning_needs_confirmation():
    previous = import_report(seed_path(4)).report
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0", "0", "否", "否")
    while "全部题目已填写完毕" not in chat.last.replies[0].text:
        chat.send("1")
    reply = chat.send("提交")
    assert "确认提交" in reply and "submitted" not in chat.last.events
    chat.send("确认提交 补录往年文件")
    assert "submitted" in chat.last.events
    assert "warning_accepted:R8:补录往年文件" in chat.last.events
