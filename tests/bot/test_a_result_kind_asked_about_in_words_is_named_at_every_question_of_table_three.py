"""撤回申请选哪个 (申请人撤回了算哪种) typed at any question of table 三, not only at the menu 3.4, is answered with the
option it asks about and its number in 3.4; past 3.4, with how to add it there (修改 3.4, then every number again, as a
menu's reply replaces what was chosen). QA found 3.2 and 3.5 answering with their own row instead."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

TO_3_1 = ("你好", "0 0 0", "0 0 0", "0 0 0", "0")
TO_3_5 = (*TO_3_1, "是", "2 0 0 0 0 0", "无", "1")
WITHDRAWN = "「其他处理·其他」（【3.4】第 21 项）指申请人撤回申请等其他情形。"


def asked_at(chat: Chat, code: str, asked: str) -> str:
    assert chat.state["cur"][0] == code, chat.state["cur"]
    reply = chat.send(asked)
    assert f"【{code}】" in reply and chat.state["cur"][0] == code, reply
    return reply.split(f"【{code}】")[0]


@pytest.mark.parametrize("asked", ["撤回申请选哪个", "申请人撤回了算哪种"])
def test_before_the_menu_the_option_is_named_with_its_number_there(asked: str) -> None:
    chat = Chat(township())
    chat.say_all(*TO_3_1, "是")
    said = asked_at(chat, "3.2", asked)
    assert said.startswith(WITHDRAWN) and "修改 3.4" not in said, said


@pytest.mark.parametrize("asked", ["撤回申请选哪个", "申请人撤回了算哪种"])
def test_past_the_menu_the_option_is_named_with_how_to_add_it(asked: str) -> None:
    chat = Chat(township())
    chat.say_all(*TO_3_5)
    said = asked_at(chat, "3.5", asked)
    assert said.startswith(WITHDRAWN + "如需补选，请回复「修改 3.4」，再回复全部编号（如 1 21）。"), said


def test_the_way_back_it_names_adds_the_option_and_keeps_the_one_chosen() -> None:
    chat = Chat(township())
    chat.say_all(*TO_3_5, "申请人撤回了算哪种", "修改 3.4", "1 21")
    assert chat.state["choices"]["3.4"] == ["open", "other_3"]


def test_an_option_chosen_already_is_said_to_be_chosen_without_a_way_back() -> None:
    chat = Chat(township())
    chat.say_all(*TO_3_1, "是", "2 0 0 0 0 0", "无", "1 21")
    said = asked_at(chat, "3.5", "撤回申请选哪个")
    assert said.startswith("「其他处理·其他」（【3.4】第 21 项，已选）指") and "修改 3.4" not in said, said
