"""The opening paragraph (1.1) drafted for any unit says 依法 at most twice: one of its closing wordings had said it a
third time after 坚持依法公开 and 依法办理政府信息公开申请 (an evaluator reads that as boilerplate, 不宜泛化)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

TOWNSHIPS = ("城关镇", "青山乡", "柳园口乡", "北岗镇", "南关镇", "西河乡", "东坝镇", "马庄乡", "杏花镇", "石桥镇", "白沙镇", "黄岗乡",
             "龙泉镇", "双河乡", "新店镇", "高庙乡", "三里镇", "王集乡", "张湾镇", "李寨乡")


@pytest.mark.parametrize("township", TOWNSHIPS)
def test_the_opening_says_lawfully_at_most_twice(township: str) -> None:
    unit, kind = f"{township}人民政府", township[-1]
    report = empty_report(unit, kind, 2025)
    report.cells.update({"t3.new.total": 2, "t3.new.natural": 2})
    for variant in range(3):
        text = draft_paragraph("summary", "", with_derived(report), voice(unit, kind, 2025), variant=variant)
        assert text.count("依法") <= 2, text
