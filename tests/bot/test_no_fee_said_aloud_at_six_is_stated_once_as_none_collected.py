"""没收过费 (said aloud, with 过 or 钱) at 六 says no fee was collected: the draft keeps its one 未收取信息处理费 sentence
and is adopted, never “另外，暂无收过费。” beside it (QA round 29: in an approved, published report)."""

from __future__ import annotations

import pytest

from bot.dialog.prose import _fee_reply

from .test_dialog_facts_list import at


@pytest.mark.parametrize("typed", ["没收过费", "没收过钱", "今年没收过费", "没有收过费用"])
def test_no_fee_said_aloud_is_read_as_none_collected(typed: str) -> None:
    assert _fee_reply(typed, "prose") == ""


def test_no_fee_said_aloud_adopts_the_draft_that_states_it_once() -> None:
    chat = at("6.1")
    chat.send("没收过费")
    text = chat.report.text["s6.other"]
    assert "6.1" in chat.state["answered"] and text.count("未收取信息处理费") == 1, text
    assert "收过" not in text and "另外" not in text, text
