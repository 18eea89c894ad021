"""What a clerk says before the answer itself, typing as they speak (嗯、那个、就是说、这个嘛、我们这边、怎么说呢、好的、
对、哦 …), reaches neither the facts listed nor the paragraph adopted; what follows it does, and a word that only
begins like a lead-in (对外、好评) is kept whole."""

from __future__ import annotations

import re

import pytest

from bot.drafting.wording import fact_items, without_lead

from .test_dialog_prose import at, reply

LEAD_INS = ["嗯 那个 ", "那个，", "就是", "就是说，", "这个嘛，", "我们这边", "怎么说呢，", "好的，", "对，", "哦，",
            "嗯嗯，今年我们这边", "呃……", "是这样的，", "其实", "那啥，", "我想想，", "你看，", "我觉得", "额 ", "所以说"]
SPOKEN = re.compile(r"嗯|那个|就是|这个嘛|我们|怎么说|好的|对，|哦|呃|是这样|其实|那啥|想想|你看|觉得|额|所以")


@pytest.mark.parametrize("lead", LEAD_INS)
def test_a_lead_in_is_left_out_of_the_note(lead: str) -> None:
    assert fact_items(f"{lead}网站发布信息32条") == ["网站发布信息32条"]


@pytest.mark.parametrize("lead", LEAD_INS)
def test_a_lead_in_reaches_neither_the_facts_nor_the_report(lead: str) -> None:
    chat = at("1.2")
    chat.send(f"{lead}网站发布信息32条，公众号120条")
    offered = reply(chat)
    assert "网站发布信息32条" in offered and "公众号发布信息120条" in offered, offered
    assert not SPOKEN.search(offered.split("回复1采用")[0]), offered
    assert "未记入" not in offered  # dropped without a word: the clerk said nothing wrong
    chat.send("1")
    assert not SPOKEN.search(chat.report.text["s1.active"]), chat.report.text["s1.active"]


def test_a_lead_in_before_notes_sent_at_the_draft_is_left_out() -> None:
    chat = at("1.2")
    chat.send("网站发布信息32条")
    chat.send("对，还有就是公开栏更新12期")
    chat.send("1")
    paragraph = chat.report.text["s1.active"]
    assert "公开栏更新12期" in paragraph and not SPOKEN.search(paragraph), paragraph


def test_a_lead_in_before_the_clerks_own_paragraph_is_left_out() -> None:
    chat = at("1.5")
    chat.send("网站")
    chat.send("嗯，好的，我乡依托县政府门户网站乡镇专栏公开政府信息，及时更新，全年发布信息56条。")
    assert chat.report.text["s1.platform"] == "我乡依托县政府门户网站乡镇专栏公开政府信息，及时更新，全年发布信息56条。"


@pytest.mark.parametrize("note", ["对外公开栏更新12期", "好评率98%", "其他信息及时公开", "那些年度计划已公开", "你看板报更新及时",
                                  "想想办法解决", "额度内收费"])
def test_a_word_that_only_begins_like_a_lead_in_is_kept(note: str) -> None:
    assert without_lead(note) == note
