"""A single number (1, 一个, 2) typed for a result kind at 【3.5】 is that kind's count of the one applicant column
that has applications (all 自然人): the conversation knows the column, so the six numbers are not asked for. Where
the applications are of several columns, or fewer than the number, it could be meant of more than one: the row is
asked for as before."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

TO_THE_MENU = ("你好", "0", "0", "0", "0", "是")
COLUMNS = ("person", "company", "research", "ngo", "legal", "other")


def _row(chat: Chat, row: str) -> list:
    return [chat.report.cells.get(f"t3.{row}.{c}") for c in COLUMNS]


@pytest.mark.parametrize(("typed", "count"), [("1", 1), ("一个", 1), ("2", 2), ("两件", 2)])
def test_a_single_number_when_every_application_was_of_one_applicant(typed, count):
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "2 0 0 0 0 0", "无", "1 11")
    reply = chat.send(typed)
    assert _row(chat, "open") == [count, 0, 0, 0, 0, 0], reply
    assert "「无法提供·本机关不掌握」按申请人" in reply and "只收到 1 个数字" not in reply


def test_the_column_is_the_one_with_applications_this_year_or_carried_in():
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "0 0 0 0 0 0", "0 1 0 0 0 0", "1")
    reply = chat.send("1")
    assert _row(chat, "open") == [0, 1, 0, 0, 0, 0], reply
    assert "【3.6】" in reply


@pytest.mark.parametrize(("new", "typed"), [
    ("2 1 0 0 0 0", "1"),  # 自然人 or 商业企业: not known
    ("2 0 0 0 0 0", "3"),  # more than the applications
])
def test_a_single_number_that_could_be_meant_of_more_than_one_is_asked_as_a_row(new, typed):
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, new, "无", "1")
    reply = chat.send(typed)
    assert _row(chat, "open") == [None] * 6, reply
    assert "请依次回复 6 个数字" in reply and "「予以公开」按申请人" in reply


def test_a_single_number_where_applications_are_of_several_applicants_names_them_to_choose():
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "2 1 0 0 0 0", "无", "1")
    reply = chat.send("1")
    assert "可能是自然人或商业企业的，请写明是哪一项，例如：自然人1" in reply, reply
    chat.send("自然人1")  # the example, typed, is accepted
    assert _row(chat, "open") == [1, 0, 0, 0, 0, 0]
