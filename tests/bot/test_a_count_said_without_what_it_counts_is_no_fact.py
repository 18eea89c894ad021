"""A count said with only a copula or an adverb before it (今年是25条, 有30条, 一共12期) says no more than the
number: it is refused as a number, never drafted as a platform (“我乡在是发布信息25条” in a QA round)."""

from __future__ import annotations

import pytest

from bot.dialog.facts import read_statements
from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

from .test_dialog_facts_list import at


@pytest.mark.parametrize("typed", ["今年是25条", "是25条", "有30条", "一共12期", "大概是二十条"])
def test_a_count_with_only_a_copula_is_refused_as_a_number(typed: str) -> None:
    kept, refused = read_statements(typed)
    assert not kept and [r.why for r in refused] == ["number"]


def test_a_count_at_a_facts_question_is_refused_and_the_question_stands() -> None:
    chat = at("1.2")
    text = chat.send("今年是25条")
    assert "只是数字" in text and "草拟如下" not in text, text


@pytest.mark.parametrize("note", ["是25条", "有25条", "共25条"])
def test_a_draft_never_takes_a_copula_for_a_platform(note: str) -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    paragraph = draft_paragraph("active", note, report, voice("青山乡人民政府", "乡", 2025))
    assert "在是" not in paragraph and "通过是" not in paragraph and "通过有" not in paragraph, paragraph
    assert "通过共" not in paragraph and "在有" not in paragraph and "在共" not in paragraph, paragraph
    assert "我乡主动公开政府信息25条" in paragraph, paragraph
