"""A space between a phrase of doing and a short measure (加强政府信息管理 一事一审) is the pause between two clauses:
the draft reads 加强政府信息管理，落实一事一审, never the list 加强政府信息管理、一事一审. Two measures (落实一事一审
先审后发) and two items of one list (公开低保 救助) stay joined by 、."""

from __future__ import annotations

import pytest

from bot.dialog.prose import tidy_facts

from .dialog_helpers import Chat, township


def test_the_clerk_sees_two_points_and_the_draft_two_clauses() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", "1", "网站56条", "1", "1")
    reply = chat.send("加强政府信息管理 一事一审")
    assert "【1.4】" in reply
    assert "加强政府信息管理，落实一事一审" in reply and "管理、一事一审" not in reply
    assert "1. 加强政府信息管理\n2. 一事一审" in reply


@pytest.mark.parametrize(("typed", "tidied"), [
    ("加强政府信息管理 一事一审", "加强政府信息管理，一事一审"),
    ("规范信息发布 三审三校", "规范信息发布，三审三校"),
    ("落实一事一审 先审后发", "落实一事一审、先审后发"),
    ("公开低保 救助", "公开低保、救助"),
    ("加强培训 考核", "加强培训、考核"),
])
def test_only_a_measure_after_a_phrase_of_doing_is_a_clause_of_its_own(typed: str, tidied: str) -> None:
    assert tidy_facts(typed) == tidied
