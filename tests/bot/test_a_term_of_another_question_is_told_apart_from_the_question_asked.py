"""Asked at 【3.2】 what 上年结转 means, the clerk was told it is filled at 【3.3】 and then, without a word that the
question changed, to reply 「修改 3.2」 once checked: the closing lines are this question's, and say so (本题)."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

AT_NEW = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是")


def test_help_on_another_questions_term_says_its_closing_is_about_this_question() -> None:
    chat = Chat(township())
    chat.say_all(*AT_NEW)
    reply = chat.send("上年结转是什么意思")
    assert "在【3.3】填写" in reply, reply
    assert "本题没有发生的请回复 0" in reply and "「修改 3.2」" in reply, reply


def test_help_on_this_questions_term_reads_as_before() -> None:
    chat = Chat(township())
    chat.say_all(*AT_NEW)
    reply = chat.send("本年新收是什么意思")
    assert "。没有发生的请回复 0" in reply, reply
