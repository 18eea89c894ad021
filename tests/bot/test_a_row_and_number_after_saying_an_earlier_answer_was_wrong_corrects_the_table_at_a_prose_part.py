"""At a prose part, 上面那个填错了 is told to reply with the row and its right number (「行政处罚 11」): the next reply
in that form corrects the table, and is never drafted as a note (QA round 29: “行政处罚1” in 政府信息管理). A reply
that is the part's notes stays the part's notes."""

from __future__ import annotations

from .test_dialog_facts_list import at


def _punishments(chat) -> list[int]:
    return [v for k, v in chat.report.cells.items() if k == "t2.penalty" and v]


def test_a_row_and_its_number_after_the_hint_corrects_the_table_not_the_notes() -> None:
    chat = at("1.4", "镇")
    assert "「行政处罚 11」" in chat.send("上面那个填错了")
    reply = chat.send("行政处罚 1")
    assert "已记录" in reply and chat.state["cur"] == ["1.4", 0], reply
    assert not chat.state["facts"].get("1.4") and 1 in _punishments(chat), chat.report.cells


def test_the_parts_notes_after_the_hint_are_still_its_notes() -> None:
    chat = at("1.4", "镇")
    chat.send("上面那个填错了")
    chat.send("修订了信息发布审核制度")
    assert chat.state["facts"].get("1.4") and chat.state["cur"] == ["1.4", 1], chat.state
