"""A single number at a question of several numbers is taken where the earlier answers leave exactly one cell it can
be of: at 【3.5】 the one applicant column whose applications the earlier result kinds have not yet accounted for
(read from the balance 新收 + 上年结转 = 办理结果 + 结转), at 【3.6】 the one column the computed row holds a count in.
Elsewhere it is answered with the cells expected in order and an example made of the clerk's own number, never a
generic refusal."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

TO_THE_MENU = ("你好", "0", "0", "0", "0", "是")
COLUMNS = ("person", "company", "research", "ngo", "legal", "other")


def _row(chat: Chat, row: str) -> list:
    return [chat.report.cells.get(f"t3.{row}.{c}") for c in COLUMNS]


def test_a_single_number_for_the_last_column_the_earlier_kinds_left_open() -> None:
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "1 1 0 0 0 0", "无", "1 11", "1 0 0 0 0 0")
    reply = chat.send("1")
    assert _row(chat, "unable_1") == [0, 1, 0, 0, 0, 0], reply
    assert "【3.6】" in reply


def test_a_single_number_where_two_columns_are_still_open_names_them() -> None:
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "2 1 0 0 0 0", "无", "1 11", "1 0 0 0 0 0")
    reply = chat.send("1")
    assert _row(chat, "unable_1") == [None] * 6, reply
    assert "可能是自然人或商业企业的" in reply, reply


def test_a_single_number_at_the_computed_row_with_one_count_is_that_count() -> None:
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "3 0 0 0 0 0", "无", "1", "1")
    reply = chat.send("2")
    assert _row(chat, "carry_over") == [2, 0, 0, 0, 0, 0] and "3.6" in chat.state["answered"], reply


def test_a_single_number_at_the_computed_row_that_is_not_its_count_shows_the_row_to_confirm() -> None:
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "3 0 0 0 0 0", "无", "1", "1")
    reply = chat.send("5")
    assert "3.6" not in chat.state["answered"]
    assert "例如：2 0 0 0 0 0" in reply and "5 0 0 0 0 0" not in reply, reply


@pytest.mark.parametrize(("before", "typed", "expected"), [
    (("你好", "0 0 0"), "3", "只收到 1 个数字「3」。请依次回复 3 个数字：本年制发件数、本年废止件数、现行有效件数，用空格隔开，例如：3 0 0。"),
    (("你好", "0 0 0"), "15件", "只收到 1 个数字「15」。请依次回复 3 个数字：本年制发件数、本年废止件数、现行有效件数，用空格隔开，例如：15 0 0。"),
    (("你好", "0 0 0", "0 0 0"), "12", "只收到 1 个数字「12」。请依次回复 3 个数字：行政许可、行政处罚、行政强制，用空格隔开，例如：12 0 0。"),
    ((*TO_THE_MENU,), "两个", "只收到 1 个数字「2」。请依次回复 6 个数字：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他，用空格隔开，例如：2 0 0 0 0 0。"),
    (("你好", "0", "0", "0", "0", "否", "是", "1"), "1", "只收到 1 个数字「1」。请依次回复 4 个数字：结果维持、结果纠正、其他结果、尚未审结，用空格隔开，例如：1 0 0 0。"),
])
def test_a_single_number_elsewhere_is_answered_with_the_cells_in_order_and_its_own_example(
    before: tuple[str, ...], typed: str, expected: str,
) -> None:
    chat = Chat(township())
    chat.say_all(*before)
    reply = chat.send(typed)
    assert reply.startswith(expected), reply
    assert "收到 1 个。" not in reply


def test_as_many_numbers_as_open_columns_are_one_to_each_in_order() -> None:
    """自然人 2 and 企业 1 left after 予以公开: “1 1” is 自然人 1, 企业 1 (it got 请回复 6 个数字…收到 2 个)."""
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "3 1 0 0 0 0", "无", "1 11 21", "1 0 0 0 0 0")
    reply = chat.send("1 1")
    assert _row(chat, "unable_1") == [1, 1, 0, 0, 0, 0], reply


def test_as_many_numbers_as_open_columns_but_more_than_one_has_left_are_asked_again() -> None:
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "3 1 0 0 0 0", "无", "1 11 21", "1 0 0 0 0 0")
    reply = chat.send("1 2")  # 企业 has 1 left
    assert _row(chat, "unable_1") == [None] * 6, reply


def test_a_short_row_with_a_zero_is_a_row_typed_from_its_first_column_and_asked_again() -> None:
    """企业 1 and 科研 1 left: “0 1” was typed from 自然人 on (自然人 0, 企业 1), so it is asked for, not spread."""
    chat = Chat(township())
    chat.say_all(*TO_THE_MENU, "1 1 1 0 0 0", "无", "1 11", "1 0 0 0 0 0")
    reply = chat.send("0 1")
    assert _row(chat, "unable_1") == [None] * 6, reply
