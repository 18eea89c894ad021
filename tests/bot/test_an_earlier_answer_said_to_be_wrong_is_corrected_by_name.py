"""A clerk on a phone says an earlier answer was wrong before giving the right one (“上面那个填错了 处罚是十一件”):
the remark is no answer to the question asked, the named part is corrected; the remark alone is told how to correct."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township


def _at_the_gate_of_table_three() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "许可3件，处罚十二件，强制没有", "0")
    return chat


@pytest.mark.parametrize("remark", ["上面那个填错了 ", "刚才填错了，", "前面写错了。", "上一题错了 "])
def test_the_part_named_after_the_remark_is_corrected(remark: str) -> None:
    chat = _at_the_gate_of_table_three()
    chat.send(f"{remark}处罚是十一件")
    assert (chat.report.cells["t2.license"], chat.report.cells["t2.penalty"]) == (3, 11)
    assert "3.1" in chat.state["cur"][0]


def test_the_remark_alone_is_told_how_to_correct_an_earlier_answer() -> None:
    chat = _at_the_gate_of_table_three()
    reply = chat.send("上面那个填错了")
    assert "修改" in reply and "没有看懂" not in reply
    assert chat.report.cells["t2.penalty"] == 12


def test_a_part_named_as_a_clerk_shortens_it_is_corrected() -> None:
    chat = _at_the_gate_of_table_three()
    chat.send("上面那个填错了 许可是2件")
    assert (chat.report.cells["t2.license"], chat.report.cells["t2.penalty"]) == (2, 12)

