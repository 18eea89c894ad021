"""Clerks answer in the words they would say to a colleague: a row named with its columns in everyday verbs
(发了2个, 作废1个, 有效的5个), a column said to be none (没有废止), a filler after a name (许可的话 12件), a 是/否
behind a hedge or a subject (好像有两个申请, 今年没有, 可能没有吧). Each is read as meant, or asked again clearly."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township


def test_two_rows_named_in_one_reply_with_everyday_verbs():
    chat = Chat(township())
    reply = chat.say_all("你好", "规章没有，规范性文件发了2个 废止0 有效5")
    cells = chat.report.cells
    assert [cells[f"t2.regulations.{c}"] for c in ("issued", "abolished", "in_force")] == [0, 0, 0]
    assert [cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [2, 0, 5]
    assert "【2.3】" in reply


@pytest.mark.parametrize(("text", "expected"), [
    ("新出台1个，没有废止，现行有效的4个", [1, 0, 4]),
    ("印发3件 作废1件 仍有效9件", [3, 1, 9]),
    ("规范性文件：制发2，有效6", [2, 0, 6]),
])
def test_a_row_in_everyday_words_at_its_own_question(text, expected):
    chat = Chat(township())
    chat.say_all("你好", "0")
    chat.send(text)
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("今年印发了两个，废掉了一个，目前有效的七个", [2, 1, 7]),
    ("我们本年度新制定了4件 另外作废了2件 现在仍有效的共11件", [4, 2, 11]),
    ("今年搞了２个，废了1个，现在有效的5个", [2, 1, 5]),  # 搞了 said for 制发 (it had been no number)
])
def test_when_and_who_around_the_columns_change_no_number(text, expected):
    chat = Chat(township())
    chat.say_all("你好", "0")
    chat.send(text)
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == expected


def test_words_before_the_first_column_that_are_not_asides_are_no_labelled_row():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "去年发了3个 废止1个 有效5个")
    assert "t2.normative.issued" not in chat.report.cells, reply


def test_a_filler_after_a_column_name_is_no_number():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "许可的话 12件 处罚3 强制0")
    assert [chat.report.cells[c] for c in ("t2.license", "t2.penalty", "t2.enforcement")] == [12, 3, 0]
    assert "【2.4】" in reply


def test_words_that_are_no_number_after_a_column_are_named_not_counted():
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "许可 12件 13件")
    assert "None" not in reply and "「12件 13件」" in reply and "t2.license" not in chat.report.cells


@pytest.mark.parametrize(("text", "asked_next"), [
    ("好像有两个申请 都是老百姓的", "【3.3】"),
    ("应该是有1件", "「1件」"),  # a count with no applicant: shown, and the row asked
    ("今年没有", "【4.1】"),
    ("可能没有吧", "【4.1】"),
])
def test_a_hedged_yes_or_no_at_a_gate(text, asked_next):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", text)
    assert "没有看懂" not in reply, reply
    assert asked_next in reply, reply


@pytest.mark.parametrize(("text", "asked_next"), [
    ("有申请", "【3.2】"),
    ("收到过申请的", "【3.2】"),
    ("我们没收到申请", "【4.1】"),
    ("没有信息公开申请吧", "【4.1】"),
])
def test_a_yes_or_no_said_with_what_the_gate_asks_about(text, asked_next):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", text)
    assert asked_next in reply, reply


@pytest.mark.parametrize(("text", "answered"), [("有行政复议", True), ("没有诉讼", False), ("复议和诉讼都没有", False)])
def test_either_half_of_a_gates_subject_names_it(text, answered):
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "否", text)
    assert chat.state["gates"]["4.1"] is answered, chat.state


@pytest.mark.parametrize("text", ["上年没有结转的", "去年没有遗留", "好像没有"])
def test_none_said_with_its_year_or_a_hedge_is_a_row_of_zeros(text):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", "是", "1 0 0 0 0 0", text)
    assert all(chat.report.cells[f"t3.carried_in.{c}"] == 0 for c in ("person", "company", "other")), reply
    assert "不是数字" not in reply


@pytest.mark.parametrize(("text", "yes"), [("复议诉讼都没有", False), ("复议诉讼有1件", True), ("没有复议也没有诉讼", False)])
def test_a_gate_answered_with_its_own_subject(text, yes):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", "否", text)
    assert "没有看懂" not in reply, reply
    assert ("【4.2】" in reply) is yes, reply


@pytest.mark.parametrize(("text", "column", "count"), [
    ("收到的有5个，都是老百姓的", "person", 5),
    ("3件都是公司申请的", "company", 3),
])
def test_one_count_said_of_one_applicant_fills_that_column(text, column, count):
    chat = Chat(township())
    reply = chat.say_all("你好", "0", "0", "0", "0", "是", text)
    typed = {c: chat.report.cells.get(f"t3.new.{c}") for c in ("person", "company", "research", "ngo", "legal", "other")}
    assert typed == {c: count if c == column else 0 for c in typed}, reply


@pytest.mark.parametrize("text", ["有4个是老百姓的，企业的也有2个", "5个都是老百姓的，去年结转2"])
def test_two_counts_in_a_sentence_are_not_guessed_at_a_row(text):
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是")
    reply = chat.send(text)
    assert chat.report.cells.get("t3.new.person") is None, reply


def test_one_count_of_no_named_applicant_is_shown_as_the_rows_first_number():
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是", "3 0 0 0 0 0")
    reply = chat.send("上一年转过来的有两件")
    assert "只收到 1 个数字「2」" in reply and "例如：2 0 0 0 0 0" in reply and "不是数字" not in reply, reply
    assert chat.report.cells.get("t3.carried_in.person") is None


def test_a_result_kinds_count_said_of_one_applicant_fills_that_column():
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是", "4 0 0 0 0 0", "无", "1 11")
    reply = chat.send("有3件，都是群众申请的")
    assert chat.report.cells["t3.open.person"] == 3 and chat.report.cells["t3.open.company"] == 0, reply
    assert "本机关不掌握" in reply


@pytest.mark.parametrize("text", ["都公开了", "5个都公开了", "全部予以公开", "5件均已公开", "公开了5个"])
def test_the_result_kinds_said_as_all_disclosed_choose_disclosure(text):
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是", "5 0 0 0 0 0", "无")
    reply = chat.send(text)
    assert chat.state["choices"]["3.4"] == ["open"], reply
    # with a count said it the row is filled (test_a_count_said_with_a_result_kind_fills_its_row), else asked
    assert "「予以公开」按申请人" in reply or chat.report.cells["t3.open.person"] == 5


def test_all_refused_said_plainly_asks_which_refusal():
    chat = Chat(township())
    chat.say_all("你好", "0", "0", "0", "0", "是", "5 0 0 0 0 0", "无")
    reply = chat.send("都不予公开")
    assert "3.4" not in chat.state["choices"] and "国家秘密" in reply, reply


def test_a_row_named_column_by_column_after_a_heading_of_the_clerks_is_read() -> None:
    """新收：自然人十个，企业两个，律所一个 — the heading before the columns named (found in a QA round)."""
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是")
    reply = chat.send("新收：自然人十个，企业两个，律所一个")
    assert [chat.report.cells[f"t3.new.{c}"] for c in ("person", "company", "legal")] == [10, 2, 1], reply
