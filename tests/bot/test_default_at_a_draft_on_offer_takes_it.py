"""默认 at a draft on offer (5.2, drafted from 5.1's default) takes the draft, as 默认 at 5.1 drafts the usual
wording: it got 请回复1采用草稿，或直接发送您自己撰写的完整段落, which also contradicted the offer's own 补充情况请直接发送要点."""

from __future__ import annotations

from .test_dialog_prose import at, reply


def test_default_at_the_improvements_draft_takes_it() -> None:
    chat = at("5.1")
    chat.send("默认")  # 5.1 written in the usual wording; 5.2's draft is offered
    assert "【5.2】" in reply(chat)
    offered = chat.state["offered"]["5.2"]
    chat.send("默认")
    assert chat.report.text["s5.improvements"] == offered and "5.2" in chat.state["answered"], reply(chat)
