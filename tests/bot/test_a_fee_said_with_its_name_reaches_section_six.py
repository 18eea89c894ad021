"""A fee a clerk states at 六 with the fee's name around the amount (“收了200块钱信息处理费”, “收取信息处理费两百元”)
is the fee: the draft states it, never “本年度未收取信息处理费” beside a note that says 200 were collected."""

from __future__ import annotations

import pytest

from bot.dialog.prose import _fee_reply

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize(("typed", "yuan"), [
    ("收了200块钱信息处理费", "200"), ("收取信息处理费两百元", "200"), ("信息处理费300元", "300"),
    ("今年收了100元的信息处理费", "100"), ("200元", "200"),
])
def test_a_fee_is_read_with_its_name_around_it(typed: str, yuan: str) -> None:
    assert _fee_reply(typed, "prose") == yuan


@pytest.mark.parametrize("typed", ["收了一些", "处理费", "信息处理费没收"])
def test_what_states_no_amount_is_no_fee(typed: str) -> None:
    assert _fee_reply(typed, "prose") in (None, "")


def test_the_draft_states_the_fee_the_clerk_said() -> None:
    chat = at("6.1")
    draft = draft_part(chat.send("收了200块钱信息处理费"))
    assert "200" in draft and "未收取" not in draft, draft
