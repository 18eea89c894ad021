"""Notes typed on a phone in a QA round as a careless clerk (voice input, no punctuation) that reached the draft in
spoken form: a hedge (好像, 应该) inside the note, a sentence-final 了, 大概 and 左右 around one count (约约30条), a
platform's count whose object follows it (发了120条信息) or whose subject carries 也 (公众号也发了50条)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

SAID = [
    ("评议好像也没有", "未开展评议"),
    ("培训应该搞了两次", "开展培训2次"),
    ("纳入年度考核了", "纳入年度考核"),
    ("网站大概更新了30条左右", "网站更新了约30条"),
]


@pytest.mark.parametrize(("typed", "formal"), SAID)
def test_a_hedged_spoken_note_reads_as_a_report_says_it(typed: str, formal: str) -> None:
    assert fact_items(typed) == [formal]


def _active(notes: str) -> str:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    return draft_paragraph("active", notes, report, voice("城关镇人民政府", "镇", 2025))


def test_platform_counts_said_in_one_breath_are_counted_alike() -> None:
    paragraph = _active("今年我们在政府网站发了一百二十条信息 公众号也发了大概50条吧 公开栏更新了十二期")
    assert "政府网站发布信息120条" in paragraph, paragraph
    assert "公众号发布信息约50条" in paragraph, paragraph
    assert "公开栏更新12期" in paragraph, paragraph
    assert "也" not in paragraph and "此外" not in paragraph and "在政府网站" not in paragraph, paragraph


def test_a_sound_between_two_spaced_notes_joins_neither() -> None:
    assert fact_items("公开栏更新了十二期 嗯 还有就是搞了两次培训") == ["公开栏更新12期", "开展2次培训"]
