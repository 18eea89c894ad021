"""A count said with the result kinds at the menu (5个都公开了, 予以公开3件 本机关不掌握2件) is the count of that kind:
it fills the kind's row when it can only mean one thing, and the row is not asked again; a kind named without a count,
or a count that could be spread over the applicants in more than one way, is asked as before."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

TO_THE_MENU = ("你好", "0", "0", "0", "0", "是")
COLUMNS = ("person", "company", "research", "ngo", "legal", "other")


def _row(chat: Chat, row: str) -> list:
    return [chat.report.cells.get(f"t3.{row}.{c}") for c in COLUMNS]


@pytest.mark.parametrize("text", ["5个都公开了", "5件均已公开", "公开了5个", "五个都公开了"])
def test_all_applications_of_one_applicant_said_disclosed_fill_the_disclosed_row(text):
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "5 0 0 0 0 0", "无")
    reply = chat.send(text)
    assert _row(chat, "open") == [5, 0, 0, 0, 0, 0], reply
    assert "「予以公开」按申请人" not in reply and "【3.6】" in reply, reply


@pytest.mark.parametrize(("new", "text"), [
    ("5 0 0 0 0 0", "都公开了"),  # no count said
    ("5 0 0 0 0 0", "全部予以公开"),
    ("3 2 0 0 0 0", "予以公开3件 本机关不掌握2件"),  # a count that could be spread over several applicants
    ("3 2 0 0 0 0", "4个都公开了"),
    ("2 0 0 0 0 0", "5个都公开了"),  # a count beyond the applications
])
def test_a_kind_said_without_a_count_it_can_place_is_asked_its_numbers(new, text):
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, new, "无")
    reply = chat.send(text)
    assert _row(chat, "open") == [None] * 6, reply
    assert "「予以公开」按申请人" in reply


def test_two_kinds_with_their_counts_fill_both_rows():
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "4 0 0 0 0 0", "1 0 0 0 0 0")
    reply = chat.send("予以公开3件，本机关不掌握2件")
    assert _row(chat, "open") == [3, 0, 0, 0, 0, 0] and _row(chat, "unable_1") == [2, 0, 0, 0, 0, 0], reply
    assert "【3.6】" in reply


def test_only_the_kind_said_with_a_count_is_skipped_the_other_is_asked():
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "5 0 0 0 0 0", "无")
    reply = chat.send("公开了4个 21")
    assert _row(chat, "open") == [4, 0, 0, 0, 0, 0], reply
    assert "【3.5】" in reply and "「其他处理·其他」按申请人" in reply
    chat.send("1 0 0 0 0 0")
    assert "3.5" in chat.state["answered"] and chat.report.cells["t3.other_3.person"] == 1


def test_the_only_kind_said_of_all_applications_of_several_applicants_fills_each_column():
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "3 2 0 0 0 0", "无")
    reply = chat.send("5个都公开了")
    assert _row(chat, "open") == [3, 2, 0, 0, 0, 0], reply
