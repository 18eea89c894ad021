"""A question typed where a number is asked (规章是啥 我们有吗, 什么意思, 我不会填, 什么时候截止啊, ？) is answered
from what the format declares — the explanation of the rows it names, else of the rows the question fills; the date
the report is due — and the question is asked again; it is never refused as 「…」不是数字. A reply that reads as an
answer stays one."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

AT_2_2 = ("你好", "0 0 0")
AT_3_5 = ("你好", "0", "0", "0", "0", "是", "2 0 0 0 0 0", "无", "1")


def _asked_again(reply: str, code: str) -> bool:
    return f"【{code}】" in reply and "不是数字" not in reply and "未收到内容" not in reply


def test_a_term_asked_about_is_explained_with_what_it_means_for_the_unit():
    chat = Chat(township())
    chat.say_all(*AT_2_2)
    reply = chat.send("规章是啥 我们有吗")
    assert "「规章」（在【2.1】填写）指" in reply and "设区的市" in reply and "乡镇、街道不制定规章" in reply, reply
    assert _asked_again(reply, "2.2") and "2.2" not in chat.state["answered"]


@pytest.mark.parametrize("asked", ["什么意思", "我不会填", "？", "说明"])
def test_what_the_question_asks_is_explained_from_its_rows(asked):
    chat = Chat(township())
    chat.say_all(*AT_2_2)
    reply = chat.send(asked)
    assert "「行政规范性文件」指" in reply and "具有普遍约束力" in reply, reply
    assert _asked_again(reply, "2.2") and "「跳过」" in reply


def test_the_deadline_asked_is_the_date_the_report_is_published_by_and_where_to_ask():
    chat = Chat(township())
    chat.say_all(*AT_2_2)
    reply = chat.send("什么时候截止啊")
    assert "2026年1月31日前" in reply and "政务公开主管部门" in reply, reply
    assert "「行政规范性文件」指" not in reply and _asked_again(reply, "2.2")


def test_a_result_kind_asked_about_at_its_numbers_is_explained():
    chat = Chat(township())
    chat.say_all(*AT_3_5)
    reply = chat.send("予以公开是什么意思？")
    assert "「予以公开」指申请的信息全部提供给申请人" in reply and _asked_again(reply, "3.5"), reply


def test_asking_how_at_a_table_question_gets_the_commands_and_what_its_row_is():
    chat = Chat(township())
    chat.say_all(*AT_2_2)
    reply = chat.send("怎么填")
    assert "修改 题号" in reply and "「行政规范性文件」指" in reply and "【2.2】" in reply, reply


def test_a_question_mark_with_an_answer_is_still_the_answer():
    chat = Chat(township())
    chat.say_all(*AT_2_2)
    reply = chat.send("1 0 3？")
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [1, 0, 3], reply


def test_a_question_mark_at_a_menu_is_answered_with_how_to_choose():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "1 0 0 0 0 0", "无")
    reply = chat.send("？")
    assert "未收到内容" not in reply and "选出本年实际发生的各项" in reply and chat.state["cur"][0] == "3.4", reply


def test_a_question_at_a_computed_row_says_it_is_computed_not_to_be_looked_up():
    chat = Chat(township())
    chat.say_all(*AT_3_5, "1 0 0 0 0 0")
    reply = chat.send("什么意思")
    assert "由系统根据已填各项计算" in reply and "台账" not in reply and _asked_again(reply, "3.6"), reply


def test_a_computed_row_below_zero_is_not_offered_for_confirmation():
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是", "1 0 0 0 0 0", "无", "1", "2 0 0 0 0 0")
    reply = chat.send("什么意思")
    assert "请按下方提示更正" in reply and "回复 1 确认" not in reply.split("【3.6】")[0], reply
