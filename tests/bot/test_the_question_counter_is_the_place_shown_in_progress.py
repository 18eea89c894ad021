"""第 n/m 题 is the question's place in the list 进度 shows (the questions that apply now) and m its length, however
the question was reached: in order, by 修改 to an earlier question and on from there, by 返回, after 跳过, after a
gate answered 否. Every message goes through a JSON round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

import copy
import re

import pytest

from .dialog_helpers import Chat, township

_ASKED = re.compile(r"【(\d+\.\d+)】[^（\n]*(?:（[^第\n]*）)?（第 (\d+)/(\d+) 题）")
TABLES = ("你好", "0 0 0", "1 0 3", "2 0 0", "0", "是", "2 0 0 0 0 0", "无", "1 11", "1 0 0 0 0 0", "1 0 0 0 0 0",
          "1", "否")


def _assert_counter_matches_progress(chat: Chat) -> None:
    reply = "\n".join(r.text for r in chat.last.replies)
    asked = _ASKED.findall(reply)
    assert asked, reply
    code, n, m = asked[-1]
    listed = _progress_codes(chat)
    if chat.state["gates"].get(code) is False:  # a gate answered 否, asked again, counts what 是 would open
        assert int(n) == listed.index(code) + 1 and int(m) > len(listed)
        return
    assert (int(n), int(m)) == (listed.index(code) + 1, len(listed)), (code, n, m, listed)


def _progress_codes(chat: Chat) -> list[str]:
    other = copy.deepcopy(chat)
    text = other.send("进度")
    return re.findall(r"^【(\d+\.\d+)】[^\n]*：(?:已完成|未填写|已跳过|有误)$", text, re.M)


@pytest.mark.parametrize("script", [
    TABLES + ("修改 3.4", "1", "1 0 0 0 0 0", "1"),
    TABLES + ("修改 3.2", "3 0 0 0 0 0", "修改 3.5", "2 0 0 0 0 0", "1 0 0 0 0 0"),
    TABLES + ("1", "返回", "返回", "跳过"),
    ("你好", "跳过", "跳过", "0 0 0", "0", "否", "修改 2.1", "0 0 0"),
    ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "修改 3.1", "是", "1 0 0 0 0 0", "无", "1", "1 0 0 0 0 0"),
])
def test_every_question_asked_shows_its_place_in_the_progress_list(script):
    chat = Chat(township())
    for text in script:
        chat.send(text)
        if _ASKED.search("\n".join(r.text for r in chat.last.replies)):
            _assert_counter_matches_progress(chat)


def _reply(chat: Chat, text: str) -> str:
    chat.send(text)
    return "\n".join(r.text for r in chat.last.replies)


def test_after_revisiting_the_result_kinds_the_next_questions_are_counted_in_place():
    chat = Chat(township())
    chat.say_all(*TABLES)
    assert "【3.4】办理结果种类（第 8/20 题）" in _reply(chat, "修改 3.4")
    assert "（第 9/20 题）" in _reply(chat, "1")  # 3.5, right after 3.4
    assert "【3.6】结转下年度（第 10/20 题）" in _reply(chat, "1 0 0 0 0 0")
