"""A plan whose subject is the unit's own offices or villages (各办明确一名信息员…, 各村每月更新公开栏) reads as what the
unit sees to (将督促各办明确…): 下一步，我镇将做到各办明确一名信息员… is no sentence an evaluator lets pass."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice


@pytest.mark.parametrize(("said", "written"), [
    ("各办明确一名信息员负责本办信息报送", "将督促各办明确一名信息员负责本办信息报送"),
    ("各村每月更新公开栏", "将督促各村每月更新公开栏"),
])
def test_a_plan_for_the_units_offices_is_seen_to(said: str, written: str) -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    text = draft_paragraph("s5.improvements", f"更新不及时 改进：{said}", report, voice("城关镇人民政府", "镇", 2025))
    assert written in text and "做到各" not in text, text
