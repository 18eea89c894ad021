"""The counts of 1.2 (主动公开), one per channel, read as a published report states them: each channel's count is a
clause with its own preposition, the clauses joined by a comma (通过网站发布信息300余条，通过公众号“城关发布”发布信息
120条), never by 、, which leaves the second clause without 通过 and joins two clauses that each have a verb; an
account's quoted name stays whole, even when it holds a verb (“城关发布”)."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)
CLERKS_ANSWER = "网站300多条，公众号城关发布120条"


@pytest.mark.parametrize("variant", range(3))
def test_two_channels_said_by_the_clerk_are_two_clauses_each_with_its_preposition(variant: int) -> None:
    text = draft_paragraph("active", CLERKS_ANSWER, REPORT, VOICE, variant=variant)
    assert re.search(r"我镇(通过|在)网站发布信息300余条，\1公众号“城关发布”发布信息120条。", text), text
    assert "、公众号" not in text


def test_three_channels_are_three_clauses() -> None:
    text = draft_paragraph("active", "政府网站发布信息56条，公众号80条，公开栏张贴30期", REPORT, VOICE)
    assert re.search(r"(通过|在)政府网站发布信息56条，\1微信公众号发布信息80条，\1公开栏张贴30期。", text), text


def test_an_account_whose_name_holds_a_verb_is_never_cut_inside_its_quotes() -> None:
    active = draft_paragraph("active", "公众号“城关发布”120条", REPORT, VOICE)
    assert "公众号“城关发布”发布信息120条" in active
    opening = draft_paragraph("summary", "", REPORT, VOICE, known={"active": CLERKS_ANSWER})
    assert "网站、公众号“城关发布”主动公开政府信息" in opening and "“城关主动" not in opening


def test_the_clerks_answer_at_1_2_is_drafted_as_two_clauses() -> None:
    chat = at("1.2", kind="镇")
    chat.send(CLERKS_ANSWER)
    assert re.search(r"(通过|在)网站发布信息300余条，\1公众号“城关发布”发布信息120条", reply(chat)), reply(chat)
