"""A note that says where, in the unit's own words (在我镇大厅设置公开栏), drafted after the self-word that opens the
sentence, reads 在本镇大厅: 我镇…在我镇大厅 says the unit twice in one breath."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice


def test_the_own_place_reads_ben_after_the_self_word() -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    text = draft_paragraph("s1.platform", "在我镇大厅设置公开栏", report, voice("城关镇人民政府", "镇", 2025))
    assert text.startswith("我镇") and "在本镇大厅设置公开栏" in text and text.count("我镇") == 1, text
