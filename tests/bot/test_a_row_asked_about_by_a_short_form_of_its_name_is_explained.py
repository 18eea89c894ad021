"""A row or a menu's option asked about by a short form of its name (复议是啥, 诉讼是啥, 直接起诉什么意思, 请问什么是
复议, 撤回算哪种) is explained as its full name is (行政复议什么意思), found as a menu reads an option named in words; a
short form that fits several names is asked back (起诉: 未经复议直接起诉 or 复议后起诉), and a word too common to name
one (申请) or a column's name the question asks for (其他 at 3.2 and 4.3) names no row. QA found 复议是啥 at 4.2
answered with a generic line."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, asked_back_at, township

TO_3_1 = ("你好", "0 0 0", "0 0 0", "0 0 0", "0")
AT = {
    "3.2": (*TO_3_1, "是"),
    "3.5": (*TO_3_1, "是", "1 0 0 0 0 0", "无", "1"),
    "4.2": (*TO_3_1, "否", "是"),
    "4.3": (*TO_3_1, "否", "是", "1"),
}
REVIEW = "「行政复议」{}指申请人对本机关政府信息公开工作不服"


def asked_at(code: str, asked: str) -> str:
    return asked_back_at(AT[code], code, asked)


@pytest.mark.parametrize("asked", ["复议是啥", "请问什么是复议？", "复议指的是什么"])
def test_a_short_form_at_the_menu_is_the_option_with_its_number(asked: str) -> None:
    assert asked_at("4.2", asked).startswith(REVIEW.format("（第 1 项）")), asked


def test_a_short_form_at_a_question_of_another_table_is_explained() -> None:
    assert asked_at("3.2", "复议是啥").startswith(REVIEW.format("")), "复议是啥"


def test_a_short_form_of_a_group_explains_each_of_its_kinds() -> None:
    said = asked_at("3.5", "诉讼是啥")
    assert "「未经复议直接起诉」指" in said and "「复议后起诉」指" in said and "「行政复议」指" not in said, said
    said = asked_at("3.2", "不予公开什么意思")
    assert said.count("「不予公开·") == 8 and "国家秘密" in said and "行政查询事项" in said, said


def test_a_piece_of_an_option_not_chosen_says_how_to_add_it() -> None:
    said = asked_at("4.3", "直接起诉什么意思")
    assert said.startswith("「未经复议直接起诉」（【4.2】第 2 项）指"), said
    assert "如需补选，请回复「修改 4.2」，再回复全部编号（如 1 2）" in said, said


def test_a_word_only_one_options_explanation_holds_names_it_at_any_question_of_its_table() -> None:
    assert asked_at("3.2", "撤回算哪种").startswith("「其他处理·其他」（【3.4】第 21 项）指申请人撤回申请")


def test_a_short_form_fitting_several_names_asks_which_one_is_meant() -> None:
    said = asked_at("4.3", "起诉是啥")
    assert said.startswith("「起诉」可能指「未经复议直接起诉」或「复议后起诉」，请问是哪一项？"), said
    assert "「行政复议」指" not in said, said


@pytest.mark.parametrize(("code", "asked", "own"), [
    ("3.2", "申请是指什么", "「本年新收」指"),
    ("3.2", "其他是什么意思", "「本年新收」指"),
    ("4.3", "其他是什么意思", "「行政复议」指"),
])
def test_a_common_word_or_a_columns_name_names_no_row(code: str, asked: str, own: str) -> None:
    said = asked_at(code, asked)
    assert said.startswith(own) and "可能指" not in said and "其他处理" not in said, said


@pytest.mark.parametrize(("asked", "names"), [
    ("不予公开和无法提供有什么区别", ("「不予公开·国家秘密」", "「无法提供·本机关不掌握」")),
    ("复议和诉讼有什么区别", ("「行政复议」", "「未经复议直接起诉」", "「复议后起诉」")),
])
def test_two_names_asked_about_together_are_each_explained(asked: str, names: tuple[str, ...]) -> None:
    chat = Chat(township())
    chat.say_all(*AT["3.5"])
    reply = chat.send(asked).split("【3.5】")[0]  # 无法提供·本机关不掌握 is explained with 不是本机关的信息
    assert chat.state["cur"][0] == "3.5" and all(name in reply for name in names), reply
    assert not reply.startswith("「予以公开」"), reply  # the question's own row had been explained instead
