"""A question named by its code while another is asked (3.4什么意思 at 3.5, 3.5什么意思 at 4.2, 1.2什么意思 at 3.5) is
answered with what the named question asks — a menu its kinds of options, a menu's numbers the menu they follow,
prose its part of the report and the facts asked for it — and how to reopen it once answered; QA found 3.4什么意思
at 3.5 answered with 予以公开, the row 3.5 was asking about."""

from __future__ import annotations

from tests.bot.dialog_helpers import asked_back_at

TO_3_1 = ("你好", "0 0 0", "0 0 0", "0 0 0", "0")
AT = {
    "3.2": (*TO_3_1, "是"),
    "3.5": (*TO_3_1, "是", "1 0 0 0 0 0", "无", "1"),
    "4.2": (*TO_3_1, "是", "1 0 0 0 0 0", "无", "1", "1 0 0 0 0 0", "1", "是"),
}


def asked_at(code: str, asked: str) -> str:
    return asked_back_at(AT[code], code, asked)


def test_the_menu_named_at_its_numbers_is_described_not_the_row_asked() -> None:
    said = asked_at("3.5", "3.4什么意思")
    assert said.startswith("「【3.4】办理结果种类」一题问：这些申请的办理结果有哪几种？"), said
    assert "6 类共 21 项" in said and "不予公开" in said and "「予以公开」指" not in said, said


def test_an_answered_menu_named_says_how_to_choose_again_with_what_was_chosen() -> None:
    said = asked_at("3.5", "3.4什么意思")
    assert "如需改选，请回复「修改 3.4」，再连同已选各项回复全部编号" in said, said


def test_a_menu_not_yet_reached_is_described_without_a_revision() -> None:
    said = asked_at("3.2", "4.2什么意思")
    assert "行政复议、未经复议直接起诉、复议后起诉 3 项" in said and "修改 4.2" not in said, said
    assert "「本年新收」指" not in said, said


def test_a_menus_numbers_named_at_another_menu_say_which_menu_they_follow() -> None:
    said = asked_at("4.2", "3.5什么意思")
    assert said.startswith("「【3.5】办理结果件数」一题对【3.4】选出的每一项逐项询问：按申请人分别是多少件？"), said


def test_a_part_of_the_prose_named_says_where_it_stands_and_what_it_will_ask() -> None:
    said = asked_at("3.5", "1.2什么意思")
    assert said.startswith("「【1.2】主动公开」是报告正文「一、总体情况」中的一段"), said
    assert "本年度主要通过哪些平台主动公开信息" in said and "「予以公开」指" not in said, said
