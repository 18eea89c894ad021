"""A clerk on a phone says 嗯, 那个, 吧 or 嘛 around the numbers (嗯 都是零吧, 收费嘛 零点五万, 1 11 吧): those words are
no numbers, so the numbers are read; they had been refused as 「嗯」不是数字. A reply made of nothing else is read as
typed, and the log keeps every reply as it was typed."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from bot.parse import without_fillers
from tests.bot.dialog_helpers import Chat, township

REGULATIONS = ("t2.regulations.issued", "t2.regulations.abolished", "t2.regulations.in_force")
AT_FEES = ("你好", "0 0 0", "0 0 0", "0 0 0")
AT_RESULT_KINDS = (*AT_FEES, "0", "是", "5 1 0 0 0 0", "0 0 0 0 0 0")


def test_all_zero_said_between_fillers_is_a_row_of_zeros() -> None:
    chat = Chat(township())
    chat.send("你好")
    chat.send("嗯 都是零吧")
    assert [chat.report.cells[c] for c in REGULATIONS] == [0, 0, 0]
    assert chat.state["cur"][0] == "2.2"


def test_an_amount_after_its_topic_and_a_particle_is_read() -> None:
    chat = Chat(township())
    chat.say_all(*AT_FEES)
    reply = chat.send("收费嘛 零点五万")
    assert chat.report.cells["t2.fees"] == Decimal("0.5"), reply


def test_a_particle_typed_apart_among_menu_numbers_chooses_nothing() -> None:
    chat = Chat(township())
    chat.say_all(*AT_RESULT_KINDS)
    assert chat.state["cur"][0] == "3.4"
    reply = chat.send("1 11 吧")
    assert chat.state["choices"]["3.4"] == ["open", "unable_1"], reply


def test_a_refused_reply_is_logged_as_typed() -> None:
    chat = Chat(township())
    chat.send("你好")
    chat.send("嗯 十来个 0 0吧")
    assert chat.last.log == ["2.1 嗯 十来个 0 0吧"]
    assert "t2.regulations.issued" not in chat.report.cells


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=8))
def test_numbers_with_no_filler_are_left_as_typed(numbers: list[int]) -> None:
    typed = " ".join(str(n) for n in numbers)
    assert without_fillers(typed) == typed


def test_a_reply_of_fillers_alone_is_left_as_typed() -> None:
    assert without_fillers("嗯") == "嗯" and without_fillers("嗯嗯") == "嗯嗯"


def test_a_filler_before_another_questions_name_answers_that_question() -> None:
    chat = Chat(township())
    chat.send("你好")
    reply = chat.send("那个 规范性文件今年发了两个 废止一个 现行有效五个")
    normative = [chat.report.cells.get(f"t2.normative.{c}") for c in ("issued", "abolished", "in_force")]
    assert normative == [2, 1, 5], reply
