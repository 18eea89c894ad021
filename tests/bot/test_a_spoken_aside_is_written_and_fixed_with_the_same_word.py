"""A spoken aside (公众号的话, 低保救助那些, 该公开的都公开了) is declared once (bot.spoken.ASIDES): the drafting writes the
report's word for it in the clerk's notes, and R17 offers that same word as the fix when it stands in a final text."""

from __future__ import annotations

import pytest

from bot.drafting import fact_items
from bot.report import Report
from bot.rules import check_report

CASES = [
    # (a note as said, the note as drafted, a final text with the aside, the text once R17's fix is applied)
    ("公众号的话发布信息120条", "公众号发布信息120条", "我乡公众号的话发布信息120条。", "我乡公众号发布信息120条。"),
    ("重点公开低保、救助那些", "重点公开低保、救助等", "重点公开低保、救助那些。", "重点公开低保、救助等。"),
    ("该公开的都公开了", "做到应公开尽公开", "我乡该公开的都公开了。", "我乡做到应公开尽公开。"),
]


@pytest.mark.parametrize(("said", "drafted", "final", "fixed"), CASES)
def test_the_drafting_and_r17_write_an_aside_with_the_same_word(said: str, drafted: str, final: str,
                                                                fixed: str) -> None:
    assert fact_items(said) == [drafted]
    report = Report("青山乡人民政府", "乡", 2025, text={"s1.active": final})
    found = [f for f in check_report(report) if f.rule == "R17"]
    assert len(found) == 1 and found[0].fix is not None, [f.message for f in found]
    text = final
    for start, end, word in sorted(found[0].fix.edits, reverse=True):
        text = text[:start] + word + text[end:]
    assert text == fixed
