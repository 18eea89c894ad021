"""A clerk who types the offer's own word back (要点, 看看草稿) to see it again is asking, not noting: 要点 had been added
as a note and drafted 此外，要点。 in 主动公开. The draft is shown again with its notes, and nothing is added."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize("typed", ["要点", "看看要点", "草稿呢"])
def test_the_offers_own_word_is_no_note(typed: str) -> None:
    chat = at("1.2", "镇")
    chat.send("网站发布56条")
    before = list(chat.state["facts"]["1.2"])
    reply = chat.send(typed)
    assert chat.state["facts"]["1.2"] == before, chat.state["facts"]
    assert "【1.2】" in reply and "网站发布56条" in reply and typed not in draft_part(reply), reply


def test_the_offers_own_word_at_a_facts_question_is_asked_again() -> None:
    chat = at("1.5", "镇")
    reply = chat.send("要点")
    assert "1.5" not in chat.state["facts"] and "【1.5】" in reply, reply
