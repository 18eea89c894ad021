"""At the result kinds' numbers (3.5), a clerk asked for 予以公开 who answers 部分公开的是自然人一件 speaks of 部分公开: the
numbers were filed under 予以公开, and since the totals can still add up no rule caught the swap. A kind chosen at 3.4
and not yet asked is filled where named, and the kind asked is asked again; a kind not chosen, or already answered,
is not filled at all: the clerk is told how to add or change it."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")
TO_OPEN = ("你好", *ZERO_T2, "是", "3 0 0 0 0 0", "无", "1 2")  # 3 from 自然人; 予以公开 and 部分公开 chosen


def test_a_kind_chosen_and_named_is_filled_and_the_asked_kind_asked_again() -> None:
    chat = Chat(township())
    chat.say_all(*TO_OPEN)
    assert "予以公开" in chat.last.replies[-1].text
    reply = chat.send("部分公开的是自然人一件")
    assert chat.report.cells["t3.partial.person"] == 1
    assert chat.report.cells.get("t3.open.person") is None, "予以公开 was not answered"
    assert "予以公开" in reply, reply
    chat.send("2")
    assert chat.report.cells["t3.open.person"] == 2
    assert chat.report.cells["t3.partial.person"] == 1


def test_a_kind_not_chosen_is_not_filled_and_the_clerk_is_told_how_to_add_it() -> None:
    chat = Chat(township())
    chat.say_all(*TO_OPEN)
    reply = chat.send("本机关不掌握的是自然人一件")
    assert chat.report.cells.get("t3.open.person") is None
    assert chat.report.cells.get("t3.unable_1.person") in (None, 0)
    assert "修改 3.4" in reply and "予以公开" in reply, reply


def test_the_kind_asked_named_with_a_group_word_is_read_as_before() -> None:
    chat = Chat(township())
    chat.say_all(*TO_OPEN)
    chat.send("予以公开的自然人两件")
    assert chat.report.cells["t3.open.person"] == 2
