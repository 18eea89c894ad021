"""什么意思 typed at any number question of tables 三 and 四 (是否收到申请, 本年新收, 上年结转, 结转下年度, 是否有复议
诉讼, 复议诉讼件数) is answered with a plain explanation from the format data — the rows the question fills, or for a
gate the rows behind it — before the question is asked again; 3.1 什么意思 (the code typed with it) too. 4.2's menu
lists the kinds with their explanations."""

from __future__ import annotations

import re

import pytest

from bot.formats import GOV2021
from tests.bot.dialog_helpers import Chat, township

TO_3_1 = ("你好", "0 0 0", "0 0 0", "0 0 0", "0")
TO_4_1 = (*TO_3_1, "否")
BEFORE = {
    "3.1": TO_3_1,
    "3.2": (*TO_3_1, "是"),
    "3.3": (*TO_3_1, "是", "1 0 0 0 0 0"),
    "3.5": (*TO_3_1, "是", "1 0 0 0 0 0", "无", "1"),
    "3.6": (*TO_3_1, "是", "2 0 0 0 0 0", "无", "1", "1 0 0 0 0 0"),
    "4.1": TO_4_1,
    "4.3": (*TO_4_1, "是", "1"),
}
EXPLAINED_KINDS = ("gate", "row", "prefill", "menu_rows", "computed")
NUMBER_QUESTIONS = [q.code for q in GOV2021.questions if q.table in ("t3", "t4") and q.kind in EXPLAINED_KINDS]


def test_the_cases_cover_every_number_question_of_tables_three_and_four() -> None:
    assert sorted(BEFORE) == sorted(NUMBER_QUESTIONS)


def _explanation(reply: str, code: str) -> str:
    """What the reply says before the question is asked again."""
    assert f"【{code}】" in reply and "不是" not in reply.split(f"【{code}】")[0], reply
    return reply.split(f"【{code}】")[0]


@pytest.mark.parametrize("code", sorted(BEFORE))
def test_what_the_question_asks_is_explained(code: str) -> None:
    chat = Chat(township())
    chat.say_all(*BEFORE[code])
    said = _explanation(chat.send("什么意思"), code)
    assert re.search(r"「[^」]+」(?:（在【[\d.]+】填写）)?指", said) and "台账" not in said, said


@pytest.mark.parametrize("asked", ["3.1 什么意思", "3.1什么意思？", "什么意思"])
def test_the_gate_of_applications_explains_new_and_carried_in_applications(asked: str) -> None:
    chat = Chat(township())
    chat.say_all(*TO_3_1)
    said = _explanation(chat.send(asked), "3.1")
    assert "「本年新收」（在【3.2】填写）指" in said and "「上年结转」（在【3.3】填写）指" in said, said


def test_the_gate_of_reviews_and_suits_explains_each_kind() -> None:
    chat = Chat(township())
    chat.say_all(*TO_4_1)
    said = _explanation(chat.send("什么意思"), "4.1")
    assert all(f"「{name}」指" in said for name in ("行政复议", "未经复议直接起诉", "复议后起诉")), said


def test_a_kind_of_suit_asked_about_is_explained_alone() -> None:
    chat = Chat(township())
    chat.say_all(*TO_4_1)
    said = _explanation(chat.send("复议后起诉是啥"), "4.1")
    assert "「复议后起诉」指" in said and "「行政复议」指" not in said, said


def test_the_menu_of_reviews_and_suits_lists_each_kind_with_what_it_means() -> None:
    chat = Chat(township())
    reply = chat.say_all(*TO_4_1, "是")
    menu = reply.split("【4.2】")[1]
    for n, row in enumerate(GOV2021.table("t4").rows, 1):
        assert f"{n}. {row.short}：{row.explain}\n" in menu + "\n", menu
    chat.send("直接起诉")
    assert chat.state["choices"]["4.2"] == ["suit_direct"]


def test_a_question_named_by_its_code_at_another_question_is_the_one_explained() -> None:
    """3.1什么意思 typed at 2.4 explains 3.1's rows (新收, 上年结转), not 2.4's 行政事业性收费."""
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0")
    said = _explanation(chat.send("3.1什么意思"), "2.4")
    assert "本年新收" in said and "上年结转" in said and "行政事业性收费" not in said, said
