"""改 2.3 and 修改 2.3 203 13 0: a clerk names the question to change and types its new answer in the same message,
as people write it. Both had been answered 没有看懂您的回复 (only 修改 and a code alone were read); 改 2 with a note
stays a paragraph's note command."""

from __future__ import annotations

import pytest

from .test_dialog_prose import at, reply


@pytest.mark.parametrize("typed", ["修改 2.3 3 1 5", "改2.3 3 1 5", "改 2.3：3，1，5"])
def test_a_code_and_its_new_numbers_change_the_answer_and_return(typed: str) -> None:
    chat = at("1.3", kind="镇")
    chat.send(typed)
    assert "已记录：行政许可 3、行政处罚 1、行政强制 5" in reply(chat), reply(chat)
    assert "【1.3】" in reply(chat)  # back where the clerk was
    assert (chat.report.cells["t2.license"], chat.report.cells["t2.penalty"]) == (3, 1)


def test_short_change_with_a_code_alone_asks_the_question_again() -> None:
    chat = at("1.3", kind="镇")
    chat.send("改2.3")
    assert "【2.3】" in reply(chat) and "当前：" in reply(chat), reply(chat)


def test_a_change_of_a_note_by_its_number_is_still_a_note_command() -> None:
    chat = at("1.2", kind="镇")
    chat.send("网站30条 公众号120条")
    chat.send("改 2 公众号126条")
    assert "第 2 条要点已改为「公众号126条」" in reply(chat), reply(chat)
