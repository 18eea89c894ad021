"""At 4.3 a case kind's outcome said with no count (还没判, 判了维持) is the one case of that kind the clerk speaks
of: recorded in its column, the others 0, and said back so. It had been refused for its number (「还没判」之后没有写明
件数), as if the clerk had said nothing."""

from __future__ import annotations

import pytest

from .dialog_helpers import Chat, township

TO_A_SUIT = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "直接告到法院的")
GROUP = "t4.suit_direct"


@pytest.mark.parametrize(("said", "column"), [
    ("还没判", "pending"), ("法院还没判呢", "pending"), ("审理中", "pending"), ("判了维持", "upheld"),
])
def test_an_outcome_alone_is_the_one_case_in_its_column(said: str, column: str) -> None:
    chat = Chat(township())
    chat.say_all(*TO_A_SUIT)
    assert chat.state["cur"][0] == "4.3", chat.last.replies[0].text
    reply = chat.send(said)
    assert "没有写明件数" not in reply and "4.3" in chat.state["answered"], reply
    cells = {k.rsplit(".", 1)[1]: v for k, v in chat.report.cells.items() if k.startswith(GROUP)}
    assert cells[column] == 1 and sum(v for k, v in cells.items() if k != "total") == 1, cells
    assert "其余为 0" in reply, reply


def test_an_outcome_with_its_count_is_read_as_before() -> None:
    chat = Chat(township())
    chat.say_all(*TO_A_SUIT)
    chat.send("还没判2件")
    assert chat.report.cells[f"{GROUP}.pending"] == 2
