"""The preface names the 条例 once in full and says 以下简称《条例》; the opening of 一 then cites 《条例》. It spelled the
full title again, leaving the abbreviation defined and never used, which an evaluator marks. A preface that does not
define it (the clerk's own, last year's) keeps the full title in the opening."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice

FULL = "《中华人民共和国政府信息公开条例》"


def opening(preface: str) -> str:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    report.text["preface"] = preface
    return draft_paragraph("s1.summary", ["开展政策解读"], report, voice("城关镇人民政府", "镇", 2025))


def test_the_opening_says_tiaoli_when_the_preface_defined_it() -> None:
    text = opening(f"本报告依据{FULL}（以下简称《条例》）和政府信息公开工作年度报告格式的要求编制。")
    assert "《条例》" in text and FULL not in text, text


def test_the_opening_spells_the_title_when_the_preface_did_not_define_it() -> None:
    text = opening(f"本报告依据{FULL}编制。")
    assert FULL in text, text
