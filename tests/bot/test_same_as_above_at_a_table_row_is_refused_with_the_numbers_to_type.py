"""同上 / 和上面一样 at a table row points at another row's numbers and gives none: it is never read as any number
(least of all 0), nothing is stored, and the clerk is told so politely with the numbers to type — the row above's,
as they would be typed, where the row above has the same columns (规章 → 规范性文件, 新收 → 上年结转, one result kind
→ the next)."""

import pytest

from bot.parse import ParseError, parse_number, parse_row

from .dialog_helpers import Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")
SAID = ("同上", "同上。", "和上面一样", "跟上面一样的", "都一样")


@pytest.mark.parametrize("said", SAID)
def test_same_as_above_is_no_number(said: str) -> None:
    row, one = parse_row(said, 3), parse_number(said)
    assert isinstance(row, ParseError) and row.code == "same_as_above"
    assert isinstance(one, ParseError) and one.code == "same_as_above"


@pytest.mark.parametrize("said", SAID)
def test_same_as_above_at_normative_documents_stores_nothing_and_shows_the_row_above(said: str) -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send(said)
    assert chat.state["cur"][0] == "2.2" and "t2.normative.issued" not in chat.report.cells, reply
    assert "无法逐项对应到本题的数字，未作记录" in reply and "例如：0 0 0。" in reply, reply  # its own example: 1 0 3
    assert "不是数字" not in reply, reply


def test_same_as_above_at_carried_in_shows_the_new_applications_row() -> None:
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "3 1 0 0 0 0")
    assert chat.state["cur"][0] == "3.3"
    reply = chat.send("和上面一样")
    assert "t3.carried_in.person" not in chat.report.cells and "例如：3 1 0 0 0 0。" in reply, reply


def test_same_as_above_at_the_second_result_kind_shows_the_first_kinds_row() -> None:
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "3 0 0 0 0 0", "无", "1 2", "2 0 0 0 0 0")
    assert chat.state["cur"] == ["3.5", 1]
    reply = chat.send("同上")
    assert "t3.partial.person" not in chat.report.cells and "例如：2 0 0 0 0 0。" in reply, reply


def test_same_as_above_at_the_fee_is_no_zero() -> None:
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2[:3])
    assert chat.state["cur"][0] == "2.4"
    reply = chat.send("同上")
    assert "t2.fees" not in chat.report.cells and "未作记录" in reply, reply
