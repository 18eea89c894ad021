"""A clerk who answers an offered draft with “nothing more to add” (没啥了哈, 没有了哈, 就这些) takes the draft as it
is, as 好的 就这样吧 does: the question is not asked again, and the draft on offer is the paragraph recorded. A reply
with something in it besides (没有了，另外培训了2次) is still read as what it says."""

from __future__ import annotations

import pytest

from tests.bot.test_dialog_prose import at, reply

CASUAL = ["没啥了哈", "没有了哈", "就这些", "就这些吧", "没别的了", "没有其他的了", "嗯 没啥了", "好的，没有了"]


@pytest.mark.parametrize("typed", CASUAL)
def test_nothing_more_at_the_other_matters_draft_adopts_it(typed: str) -> None:
    chat = at("6.1")
    offered = chat.state["offered"]["6.1"]
    chat.send(typed)
    assert "6.1" in chat.state["answered"], reply(chat)
    assert chat.report.text["s6.other"] == offered
    assert "【6.1】" not in reply(chat)


@pytest.mark.parametrize("typed", CASUAL)
def test_nothing_more_at_a_draft_made_from_notes_adopts_it(typed: str) -> None:
    chat = at("1.5")
    chat.send("规范网站专栏8个子栏目，运营政务公众号")
    offered = chat.state["offered"]["1.5"]
    chat.send(typed)
    assert "1.5" in chat.state["answered"], reply(chat)
    assert chat.report.text["s1.platform"] == offered and "8个子栏目" in offered


def test_nothing_more_with_a_note_after_it_adds_the_note() -> None:
    chat = at("1.5")
    chat.send("规范网站专栏8个子栏目")
    chat.send("没有了，另外每月更新公开栏")
    assert "1.5" not in chat.state["answered"], reply(chat)
    assert "公开栏" in chat.state["offered"]["1.5"]


@pytest.mark.parametrize("typed", ["没有了哈", "就这些", "没别的了"])
def test_nothing_more_at_the_facts_listed_again_keeps_them(typed: str) -> None:
    chat = at("1.5")
    chat.send("规范网站专栏8个子栏目，运营政务公众号")
    chat.send("返回")
    assert "目前的要点" in reply(chat)
    chat.send(typed)
    assert chat.state["facts"]["1.5"] == ["规范网站专栏8个子栏目", "运营政务公众号"], reply(chat)
    assert "8个子栏目" in chat.state["offered"]["1.5"]


def test_a_bare_none_at_the_facts_listed_again_still_replaces_them() -> None:
    chat = at("1.5")
    chat.send("规范网站专栏8个子栏目")
    chat.send("返回")
    chat.send("无")
    assert "8个子栏目" not in chat.report.text["s1.platform"]
