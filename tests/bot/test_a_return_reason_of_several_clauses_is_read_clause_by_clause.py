"""A return reason of several clauses (监督保障要写社会评议结果，六里面“暂无收过费”重复了): the fault one clause finds
(重复) does not make the fact another clause asks for (社会评议) one to remove, and a section said as 六里面 or 第六段
is among the parts the return concerns."""

from __future__ import annotations

import pytest

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

REASON = "监督保障要写社会评议结果，六里面“暂无收过费”重复了"


def returned(reason: str) -> tuple[Chat, str]:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    chat.with_status("returned", reason)
    return chat, chat.send("你好")


def test_the_fact_one_clause_asks_for_is_not_flagged_for_another_clauses_fault() -> None:
    chat, greeting = returned(REASON)
    assert "【1.6】监督保障" in greeting, greeting
    reply = chat.send("社会评议今年没搞，考核结果是良好")
    assert "未开展政务公开社会评议" in reply and "退回意见提到" not in reply, reply


@pytest.mark.parametrize("said", ["六里面“暂无收过费”重复了", "第六段“暂无收过费”重复了", "六的“暂无收过费”重复了"])
def test_a_section_said_as_six_inside_is_among_the_parts_the_return_concerns(said: str) -> None:
    _, greeting = returned(f"监督保障要写社会评议结果，{said}")
    assert "意见还涉及【6.1】" in greeting, greeting
