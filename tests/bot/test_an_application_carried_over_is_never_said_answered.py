"""（二）依申请公开 after 都按时答复了 (QA32 finding 9): with an application carried over to next year, table 三 says it
is not answered yet, so the draft says the finished ones were answered in time (已办结的申请均…), never 上述申请均…,
which speaks of the one still open too."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice


def _report(carried_over: int):
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({"t3.new.person": 5 + carried_over, "t3.open.person": 4, "t3.unable_1.person": 1,
                         "t3.carry_over.person": carried_over})
    return with_derived(report)


@pytest.mark.parametrize("variant", range(3))
def test_with_one_carried_over_only_the_finished_applications_are_said_answered_in_time(variant: int) -> None:
    text = draft_paragraph("on_request", "都按时答复了", _report(1), voice("城关镇人民政府", "镇", 2025), variant=variant)
    assert "已办结的申请均在法定期限内予以答复" in text and "上述申请均" not in text, text


def test_with_none_carried_over_all_the_applications_are_said_answered_in_time() -> None:
    text = draft_paragraph("on_request", "都按时答复了", _report(0), voice("城关镇人民政府", "镇", 2025))
    assert "上述申请均在法定期限内予以答复" in text, text
