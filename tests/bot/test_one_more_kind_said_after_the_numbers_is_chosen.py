"""At the result kinds a clerk adds one in words after the numbers (1 11 吧 还有个撤回的): the kind it describes is
chosen with the others; it had been refused as 「吧」不是选项编号."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

AT_RESULT_KINDS = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "5 1 0 0 0 0", "0 0 0 0 0 0")


def test_a_kind_added_with_hai_you_ge_is_chosen_with_the_numbers() -> None:
    chat = Chat(township())
    chat.say_all(*AT_RESULT_KINDS)
    assert chat.state["cur"][0] == "3.4"
    reply = chat.send("1 11 吧 还有个撤回的")
    assert chat.state["choices"]["3.4"] == ["open", "unable_1", "other_3"], reply
