"""At 依申请公开 the draft states from the tables that no application came (未收到政府信息公开申请). A clerk who
answers it with 没有申请 (or 暂无申请, 一件也没收到, 没有复议诉讼) says the same thing: the draft is taken as it is,
never given a second sentence of the clerk's words (另外，暂无申请。). A reply with more in it is still read, and a
sentence of the clerk's own (本年度未收到政府信息公开申请。) is still theirs to adopt."""

from __future__ import annotations

import pytest

from tests.bot.test_dialog_prose import at, reply


@pytest.mark.parametrize("typed", ["没有申请", "暂无申请", "没收到申请", "申请一件也没有", "嗯 没有申请",
                                   "本年没有复议和诉讼", "全年未收到政府信息公开申请"])
def test_saying_there_was_none_takes_the_draft_as_it_is(typed: str) -> None:
    chat = at("1.3")
    offered = chat.state["offered"]["1.3"]
    assert "未收到政府信息公开申请" in offered
    chat.send(typed)
    assert "1.3" in chat.state["answered"], reply(chat)
    assert chat.report.text["s1.on_request"] == offered


def test_a_note_beside_it_is_still_added() -> None:
    chat = at("1.3")
    chat.send("没有申请，但接待群众咨询20余人次")
    assert "1.3" not in chat.state["answered"], reply(chat)
    assert "咨询" in chat.state["offered"]["1.3"]
