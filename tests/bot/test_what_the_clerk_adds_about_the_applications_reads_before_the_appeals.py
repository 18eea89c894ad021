"""（二）依申请公开: what the clerk adds about the applications (one came by post, all answered in time) follows the
applications it speaks of, before the 复议/诉讼 sentence; the applications are its subject (not 我乡有1件申请…,
not 我乡均在法定期限内…), and 均 after another note speaks of all of them (上述申请均…)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from bot.rules import check_report
from tests.bot.draft_samples import voice


def _report():
    report = empty_report("青山乡人民政府", "乡", 2025)
    report.cells.update({"t3.new.person": 2, "t3.open.person": 1, "t3.other_3.person": 1})
    return with_derived(report)


@pytest.mark.parametrize("variant", range(3))
def test_notes_on_the_applications_come_before_the_appeals(variant: int) -> None:
    report = _report()
    text = draft_paragraph("on_request", "有一个是邮寄的 都按时答复了吧", report, voice("青山乡人民政府", "乡", 2025),
                           variant=variant)
    said = "有1件申请以信函方式提出，上述申请均在法定期限内予以答复。"
    assert said in text, text
    assert text.index(said) < text.index("行政复议"), text
    assert "我乡有1件" not in text and "我乡均" not in text, text
    report.text["s1.on_request"] = text
    assert not [f for f in check_report(report) if f.rule in ("R9", "R17")]


def test_in_time_alone_speaks_of_the_applications() -> None:
    text = draft_paragraph("on_request", "都按时答复了", _report(), voice("青山乡人民政府", "乡", 2025))
    assert "。上述申请均在法定期限内予以答复。" in text and "我乡均" not in text, text
