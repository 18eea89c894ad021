"""Checking as the user goes: R1 arithmetic with the fixing command, warnings accepted with a reason, 提交 blocked."""

from __future__ import annotations

from bot.dialog import checks
from bot.dialog.flow import Turn
from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township


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


def test_a_typed_carry_over_that_breaks_r1_is_refused_with_the_arithmetic():
    # was: the override was stored and R1 reported afterwards (QA 4); now it is refused at 3.6 with the fix
    chat = Chat(township())
    _to_carry_over(chat, "2 0 0 0 0 0", "1 0 0 0 0 0")
    reply = chat.send("3 0 0 0 0 0")  # the user "corrects" 结转下年度 to a number that breaks 一 + 二 = 三 + 四
    assert "t3.carry_over.person" not in chat.report.cells and "3.6" not in chat.state["answered"]
    assert "「自然人」应为 1，您填写的是 3" in reply
    assert "「修改 3.5」" in reply and "「修改 3.2」" in reply and "【3.6】" in reply
    chat.send("1 0 0 0 0 0")  # the right numbers typed are as good as confirming
    assert chat.report.cells["t3.carry_over.person"] == 1 and "【4.1】" in chat.last.replies[0].text


def test_negative_carry_over_refuses_typed_numbers_too():
    chat = Chat(township())
    _to_carry_over(chat, "1 0 0 0 0 0", "3 0 0 0 0 0")
    reply = chat.send("1 0 0 0 0 0")
    assert "t3.carry_over.person" not in chat.report.cells and "1 + 0 − 3 = -2" in reply and "【3.6】" in reply


def test_changed_inputs_ask_the_carry_over_again_at_once():
    chat = Chat(township())
    _to_carry_over(chat, "2 0 0 0 0 0", "1 0 0 0 0 0")
    chat.send("1")
    assert chat.report.cells["t3.carry_over.person"] == 1 and "【4.1】" in chat.last.replies[0].text
    chat.send("修改 3.2")
    reply = chat.send("3 0 0 0 0 1")
    assert "3.6" not in chat.state["answered"]
    assert "已重新计算" in reply and "【3.6】" in reply and "自然人 2" in reply and "其他 1" in reply
    assert "发现以下问题" not in reply  # no R1 error for the user to untangle
    chat.send("1")
    assert chat.report.cells["t3.carry_over.person"] == 2 and "【4.1】" in chat.last.replies[0].text
    chat.send("修改 3.4")  # a kind added: its row, then 结转下年度 again, then back
    chat.send("1 2")
    chat.send("1 0 0 0 0 0")
    reply = chat.send("1 0 0 0 0 1")
    assert "【3.6】" in reply and "自然人 1" in reply and "其他 0" in reply
    chat.send("1")
    assert "【4.1】" in chat.last.replies[0].text


def test_submit_lists_errors_and_warnings_together_and_does_not_say_all_done():
    previous = import_report(seed_path(4)).report  # 现行有效 0 行政规范性文件 last year: R8 warns about 1 0 5
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0", "0", "否", "否")
    while "全部题目已填写完毕" not in chat.last.replies[0].text:
        chat.send("1")
    chat.send("修改 1.3")
    reply = chat.send("本年度我乡共收到政府信息公开申请5件，均已按时答复。")  # R9: the table says 0
    assert "经检查" in reply and "表三「本年新收」" in reply  # checked as it is given, the fix offered
    chat.send("1")
    chat.report.text["s1.on_request"] = "本年度我乡共收到政府信息公开申请5件，均已按时答复。"  # as if imported
    reply = chat.send("提交")
    assert reply.index("发现以下问题") < reply.index("以下情况请核实")
    assert "1. 一、总体情况（二）依申请公开" in reply and "表三发现" not in reply and "1. 表二「行政规范性文件」" in reply
    assert "全部题目已填写完毕" not in reply and "submitted" not in chat.last.events
    assert len(reply.encode()) <= 2048


def test_confirm_submit_without_a_reason_asks_for_it():
    previous = import_report(seed_path(4)).report
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0", "0", "否", "否")
    while "全部题目已填写完毕" not in chat.last.replies[0].text:
        chat.send("1")
    chat.send("提交")
    reply = chat.send("确认提交")
    assert "submitted" not in chat.last.events and "确认提交 原因" in reply
    assert all(v["accepted"] is None for v in chat.state["warnings"].values())
    chat.send("补录往年文件")  # the reason alone, as asked
    assert "submitted" in chat.last.events and "warning_accepted:R8:补录往年文件" in chat.last.events


def test_r1_fix_names_two_questions_once_under_the_right_heading():
    chat = Chat(township())
    _to_carry_over(chat, "2 0 0 0 0 0", "1 0 0 0 0 0")
    chat.send("1")
    report = chat.report.copy()  # as a report imported with broken numbers would be: 结转 5 in every column
    report.cells.update({f"t3.carry_over.{c}": 5 for c in ("person", "firm", "research", "ngo", "law", "other")})
    turn = Turn(chat.ctx, chat.state, report)
    errors = [f for f in checks.findings_now(turn) if f.rule == "R1"]
    assert len(errors) >= 5
    assert checks.fix_targets(turn, errors[0]) == [("3.5", "「办理结果件数」"), ("3.2", "「本年新收」")]
    reply = checks.render(turn, errors, [])
    assert reply.count("「修改 3.5」") == 1 and "修改 3.6" not in reply and "修改 3.3" not in reply
    assert reply.startswith("表三中发现以下问题") and len(reply.encode()) <= 2048
    assert checks.fix_targets(turn, errors[0], asking="3.5") == [("3.2", "「本年新收」")]
