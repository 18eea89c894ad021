"""The opening of 一 says applications were handled, and leaves their count to （二）依申请公开: 一 said
收到政府信息公开申请3件 twice, which an evaluator reads as padding. A year with none still says so."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice


def opening(new: int) -> str:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells["t3.new.person"] = new
    return draft_paragraph("s1.summary", ["开展政策解读"], with_derived(report), voice("城关镇人民政府", "镇", 2025))


def test_the_opening_states_no_count_of_applications() -> None:
    text = opening(3)
    assert "依法办理政府信息公开申请" in text and "3件" not in text, text


def test_a_year_without_applications_is_still_said_so() -> None:
    assert "未收到政府信息公开申请" in opening(0)
