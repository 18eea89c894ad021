"""No message template prints a year followed by 年年度 (2026年年度报告 reads as a slip): a report of a year is
「2026年度报告」 or 「2026年政府信息公开工作年度报告」."""

from __future__ import annotations

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def test_no_template_says_year_then_nian_niandu() -> None:
    slips = [str(p.relative_to(TEMPLATES)) for p in TEMPLATES.rglob("*.j2") if "}}年年度" in p.read_text("utf-8")]
    assert slips == []
