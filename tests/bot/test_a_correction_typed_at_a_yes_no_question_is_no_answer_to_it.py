"""A clerk at a 是/否 question (是否收到申请) who goes back to an earlier answer (“不对，收费是3500元”): the 不对 is said
of that answer, never the 否 of the question asked, so no table is set to 0 by it and the question is asked again."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.bot.dialog_helpers import Chat, township


def _at_the_gate_of_table_three() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "许可3件，处罚十二件，强制没有", "0")
    return chat


@pytest.mark.parametrize(("typed", "cell", "value"), [
    ("不对，收费是0.35万", "t2.fees", Decimal("0.35")),
    ("不对，处罚是6个", "t2.penalty", 6),
    ("不是，许可是2件", "t2.license", 2),
])
def test_a_correction_of_an_earlier_answer_leaves_the_gate_unanswered(typed: str, cell: str, value: float) -> None:
    chat = _at_the_gate_of_table_three()
    reply = chat.send(typed)
    assert chat.report.cells[cell] == value
    assert "3.1" not in chat.state["answered"] and chat.state["cur"][0] == "3.1", reply
    assert "均为 0" not in reply and "【3.1】" in reply


def test_a_correction_naming_an_earlier_question_without_its_number_asks_nothing_as_no() -> None:
    chat = _at_the_gate_of_table_three()
    reply = chat.send("不是，我要改的是收费")
    assert "3.1" not in chat.state["answered"] and "均为 0" not in reply


@pytest.mark.parametrize("typed", ["不对", "不是", "不是，没有收到", "没有"])
def test_a_plain_no_still_answers_the_gate(typed: str) -> None:
    chat = _at_the_gate_of_table_three()
    chat.send(typed)
    assert "3.1" in chat.state["answered"]
