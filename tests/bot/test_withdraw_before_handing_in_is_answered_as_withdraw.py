"""撤回 typed at a number question before the report is handed in is 撤回, answered "报告尚未提交，无需撤回", not
taken for a slip of 返回 (“如要返回，请回复「返回」” in a QA round)."""

from __future__ import annotations

from bot.dialog.flow import question
from tests.bot.dialog_helpers import Chat, township


def _at_the_gate_of_table_three() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "许可3件，处罚十二件，强制没有", "0")
    return chat


def test_withdraw_typed_at_a_number_question_before_handing_in_says_there_is_nothing_to_withdraw() -> None:
    chat = _at_the_gate_of_table_three()
    reply = chat.send("撤回")
    assert "尚未提交" in reply and "返回" not in reply.split("\n")[0], reply
    assert "【3.1】" in reply


def test_withdraw_said_as_chexiao_or_naming_the_submission_is_withdraw() -> None:
    for said in ("撤销", "撤销提交", "取消提交", "撤回报告"):
        reply = _at_the_gate_of_table_three().send(said)
        assert "尚未提交" in reply, (said, reply)


def test_a_submitted_report_comes_back_on_chexiao() -> None:
    chat = _at_the_gate_of_table_three()
    chat.with_status("submitted")
    chat.send("撤销")
    assert "withdrawn" in chat.last.events


def test_chexiao_alone_at_a_prose_question_is_no_command() -> None:
    chat = _at_the_gate_of_table_three()
    chat.say_all("否", "0", "否", "0")
    for _ in range(40):
        if question(chat.ctx.fmt, chat.state["cur"][0]).kind == "prose":
            break
        chat.send("0")
    reply = chat.send("撤销")
    assert question(chat.ctx.fmt, chat.state["cur"][0]).kind == "prose"
    assert "尚未提交" not in reply, reply
