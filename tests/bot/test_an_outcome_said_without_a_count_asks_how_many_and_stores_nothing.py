"""At 4.3 an outcome said with no count (维持, 判了维持, 审理中呢, 都维持了) says which column, not how many: a clerk with
three cases upheld who answers 维持 had 1 stored. How many is asked back (结果维持的有几件？) and nothing is stored;
the count typed next (3, 3件) is that column's. Only a case said as one stores 1: 那件还没判, 这件维持了, 一件维持,
就一件，维持. (Before that, a bare outcome had been refused as a number: 「还没判」之后没有写明件数.)"""

from __future__ import annotations

import pytest

from .dialog_helpers import Chat, township

TO_A_SUIT = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "直接告到法院的")
TO_A_REVIEW = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "1")


def _at(steps: tuple[str, ...]) -> Chat:
    chat = Chat(township())
    chat.say_all(*steps)
    assert chat.state["cur"][0] == "4.3", chat.last.replies[0].text
    return chat


def _group(chat: Chat, group: str) -> dict[str, int]:
    return {k.rsplit(".", 1)[1]: v for k, v in chat.report.cells.items() if k.startswith(group) and "total" not in k}


@pytest.mark.parametrize(("said", "asked"), [
    ("维持", "结果维持的有几件？"), ("判了维持", "结果维持的有几件？"), ("都维持了", "结果维持的有几件？"),
    ("审理中呢", "尚未审结的有几件？"), ("还没判", "尚未审结的有几件？"), ("法院还没判呢", "尚未审结的有几件？"),
])
def test_an_outcome_alone_asks_how_many_and_stores_nothing(said: str, asked: str) -> None:
    chat = _at(TO_A_REVIEW)
    reply = chat.send(said)
    assert reply.startswith(asked) and "没有写明件数" not in reply, reply
    assert _group(chat, "t4.review") == {} and chat.state["cur"] == ["4.3", 0], reply


@pytest.mark.parametrize("count", ("3", "3件", "三件"))
def test_the_count_typed_after_the_question_is_that_columns(count: str) -> None:
    chat = _at(TO_A_REVIEW)
    chat.send("维持")
    reply = chat.send(count)
    assert _group(chat, "t4.review") == {"upheld": 3, "corrected": 0, "other": 0, "pending": 0}, reply


def test_a_full_row_typed_after_the_question_is_read_as_a_row() -> None:
    chat = _at(TO_A_REVIEW)
    chat.send("维持")
    chat.send("2 0 0 1")
    assert _group(chat, "t4.review") == {"upheld": 2, "corrected": 0, "other": 0, "pending": 1}


@pytest.mark.parametrize(("said", "column"), [
    ("那件还没判", "pending"), ("这件维持了", "upheld"), ("那个案子还在审", "pending"), ("一件维持", "upheld"),
    ("就一件，维持", "upheld"), ("就一件，还没判", "pending"),
])
def test_a_case_said_as_one_is_the_one_case_in_its_column(said: str, column: str) -> None:
    chat = _at(TO_A_SUIT)
    reply = chat.send(said)
    assert "4.3" in chat.state["answered"], reply
    cells = _group(chat, "t4.suit_direct")
    assert cells[column] == 1 and sum(cells.values()) == 1, cells
    assert "其余为 0" in reply, reply


def test_an_outcome_with_its_count_is_read_as_before() -> None:
    chat = _at(TO_A_SUIT)
    chat.send("还没判2件")
    assert chat.report.cells["t4.suit_direct.pending"] == 2
