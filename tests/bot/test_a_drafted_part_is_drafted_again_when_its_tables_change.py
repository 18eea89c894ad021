"""A part drafted from the clerk's facts states the tables' numbers (行政处罚决定5件); once the table changes (修改 2.3:
6件), 修改 of the part offers a draft with the new numbers, not the old paragraph that 1 would keep (found when a
clerk withdrew a report, changed 2.3 and was blocked at 提交 by the paragraph kept)."""

from __future__ import annotations

from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT, Chat, township


def test_editing_a_drafted_part_after_its_table_changed_offers_the_new_numbers() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "3 5 0", "0", "否", "否", *PROSE_ALL_DEFAULT)
    assert "行政处罚决定5件" in chat.report.text["s1.active"]
    chat.say_all("修改 2.3", "3 6 0")
    reply = chat.send("修改 1.2")
    assert "行政处罚决定6件" in reply and "行政处罚决定5件" not in reply, reply
    chat.send("1")
    assert "行政处罚决定6件" in chat.report.text["s1.active"]


def test_editing_a_part_whose_numbers_still_hold_shows_it_as_it_stands() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "3 5 0", "0", "否", "否", *PROSE_ALL_DEFAULT)
    reply = chat.send("修改 1.2")
    assert "目前的内容" in reply, reply
