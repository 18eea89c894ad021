"""Issue 9, answers understood as typed: all-zero words, 没有收费, a 是 with details, several questions named in one
reply (numbers before or after their names). Every message goes through a JSON round trip of the state."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township


@pytest.mark.parametrize("zero", ["0", "无", "没有", "都是0", "全部为零", "均为0。"])
def test_zero_to_a_multi_number_question_is_all_zero_said_back(zero):
    chat = Chat(township())
    reply = chat.say_all("你好", zero)
    assert "已记录：规章 0 0 0" in reply and "【2.2】" in reply
    assert chat.report.cells["t2.regulations.issued"] == 0 and chat.report.cells["t2.regulations.in_force"] == 0


def test_all_zero_with_a_column_named_is_all_zero():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "都是0 许可也是0")
    assert "已记录：行政许可、处罚、强制 0 0 0" in reply and "【2.4】" in reply


@pytest.mark.parametrize("text", ["没有收费", "未收取", "收费0"])
def test_no_fee_is_zero(text):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", text)
    assert "行政事业性收费 0 万元" in reply and "【3.1】" in reply


@pytest.mark.parametrize("text", ["没有收费", "未收费", "无收费"])
def test_no_fee_typed_at_another_question_answers_the_fee_not_that_question(text):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", text)  # 2.3 (许可、处罚、强制) is asked
    assert "行政事业性收费 0 万元" in reply and reply.rstrip().endswith("请依次回复三个数字。")  # 2.3 again
    assert chat.report.cells["t2.fees"] == 0 and "t2.license" not in chat.report.cells


@pytest.mark.parametrize("no", ["0", "都是0", "没有"])
def test_zero_at_a_gate_is_no(no):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", no)
    assert "表三各项均为 0" in reply and "【4.1】" in reply


def _at_gate() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0")
    return chat


def test_a_yes_with_details_keeps_the_details_for_the_question_they_answer():
    """The issue's “是 就1件 自然人邮寄的”: 是, 1 to 本年新收·自然人, 邮寄 (信函) as a fact of 1.3 — nothing asked twice."""
    chat = _at_gate()
    reply = chat.send("是 就1件 自然人邮寄的")
    assert "是否收到申请：是" in reply and "已据此记录【3.2】：本年新收 自然人 1，其余为 0" in reply, reply
    assert "「申请方式为信函」已记为【1.3】依申请公开的要点" in reply and "【3.3】" in reply
    assert chat.report.cells["t3.new.person"] == 1 and chat.report.cells["t3.new.company"] == 0
    assert chat.state["facts"]["1.3"] == ["申请方式为信函"]
    chat.say_all("无", "1", "1 0 0 0 0 0", "1", "否", "1", "政务公众号 120 条", "1")
    offer = chat.last.replies[0].text
    assert "【1.3】" in offer and "申请方式均为信函" in offer.split("要点：")[0] and "1. 申请方式为信函" in offer
    chat.send("删除 1")  # the clerk controls it like any fact
    assert "信函" not in chat.last.replies[0].text.split("要点")[0] and chat.state["facts"]["1.3"] == []


@pytest.mark.parametrize(("text", "cells", "facts"), [
    ("是，2件，企业的，当面递交，申请人很满意", {"t3.new.company": 2, "t3.new.person": 0},
     ["申请方式为现场提交", "申请人很满意"]),
    ("是，有一件是律师事务所来信申请的", {"t3.new.legal": 1}, ["申请方式为信函"]),
    ("是 1件 上年结转的 自然人", {"t3.carried_in.person": 1}, None),
    ("有，都是网上申请的", {}, ["申请方式为网络"]),
])
def test_each_detail_goes_to_the_question_it_answers(text, cells, facts):
    chat = _at_gate()
    chat.send(text)
    assert {c: chat.report.cells.get(c) for c in cells} == cells
    assert chat.state["facts"].get("1.3") == facts
    assert chat.state["gates"]["3.1"] is True


def test_a_count_the_details_do_not_place_is_shown_and_not_stored():
    chat = _at_gate()
    reply = chat.send("是 1件")
    assert "您提到「1件」，请在下面的题目中按题填写" in reply and "【3.2】" in reply
    assert chat.report.cells.get("t3.new.person") is None and not chat.state["facts"].get("1.3")


def test_a_first_message_that_answers_the_first_questions_is_recorded():
    chat = Chat(township())
    reply = chat.send("规章0 0 0，规范性文件0 0 0")
    assert "您好" in reply and "已记录：规章 0 0 0" in reply and "已记录：行政规范性文件 0 0 0" in reply
    assert "【2.3】" in reply


@pytest.mark.parametrize("text", ["0 0 0 规章 1 0 3 规范性文件", "规章：0，0，0；行政规范性文件 1 0 3"])
def test_several_questions_in_one_reply_numbers_before_or_after_their_names(text):
    chat = Chat(township())
    reply = chat.say_all("你好", text)
    assert chat.report.cells["t2.normative.issued"] == 1 and chat.report.cells["t2.normative.in_force"] == 3
    assert chat.report.cells["t2.regulations.issued"] == 0 and "【2.3】" in reply


def test_numbers_before_the_questions_own_name():
    chat = Chat(township())
    reply = chat.say_all("你好", "0 0 0 规章")
    assert "已记录：规章 0 0 0" in reply and "【2.2】" in reply


def test_two_questions_and_a_fee_in_one_line():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "许可2 处罚0 强制0，没有收费")
    assert chat.report.cells["t2.license"] == 2 and chat.report.cells["t2.fees"] == 0 and "【3.1】" in reply


def test_a_reply_that_cannot_be_read_whole_records_nothing():
    chat = Chat(township())
    reply = chat.say_all("你好", "规章0 0 0，规范性文件 好几件")
    assert chat.report.cells.get("t2.regulations.issued") is None and "【2.1】" in reply


def test_the_prose_parts_about_a_table_are_declared_with_real_tables():
    """Where a gate's details go is the format's declaration (Question.about), not a name in the dialog."""
    from bot.formats import GOV2021

    tables = {t.key for t in GOV2021.tables}
    about = [(q.code, t) for q in GOV2021.questions for t in q.about]
    assert about and all(q_table in tables for _, q_table in about)
    assert all(q.kind == "prose" for q in GOV2021.questions if q.about)
    gates = [q for q in GOV2021.questions if q.kind == "gate"]
    assert all(any(g.table in q.about for q in GOV2021.questions) for g in gates)


def test_result_kinds_named_with_their_counts_are_chosen_by_name():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", "是", "2 0 0 0 0 0", "0", "予以公开1 本机关不掌握1")
    assert "不是选项编号" not in reply and "【3.6】" in reply
    # the two rows chosen are filled with the counts said with them, not asked again
    assert chat.report.cells["t3.open.person"] == 1 and chat.report.cells["t3.unable_1.person"] == 1


def test_a_non_answer_to_a_part_that_must_be_written_offers_the_default_not_none():
    chat = Chat(township())
    reply = chat.say_all("你好")
    for _ in range(40):  # 0 / 无 / 采用 through the tables and the first parts, up to 存在的主要问题
        if "【5.1】" in reply.rsplit("【助手】", 1)[-1]:
            break
        reply = chat.say_all("1" if "回复1采用" in reply or "回复1确认" in reply else "无" if "“无”" in reply else "0")
    assert "【5.1】" in reply
    refusal = chat.say_all("1")
    assert "不是本题需要的情况说明" in refusal and "可回复“默认”" in refusal and "请回复“无”" not in refusal
