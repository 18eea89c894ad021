"""A single 行政复议 is said as one case (行政复议1件，结果维持), in every wording of the paragraph: 行政复议1件（结果维持1件）
counted the one twice, as a single suit's bracket did. Several reviews keep their bracketed outcomes, and R9 reads the
single case against table 四."""

from __future__ import annotations

import pytest

from bot.formats import GOV2021
from bot.report import empty_report, with_derived
from bot.rules import check_report

from .test_a_single_suit_is_said_as_one_case_without_a_bracket import appeals


@pytest.mark.parametrize("variant", range(3))
def test_a_single_review_is_said_as_one_case(variant: int) -> None:
    text = appeals(variant, review__upheld=1)
    assert "行政复议1件，结果维持" in text and "（" not in text, text
    assert "行政复议1件，尚未审结" in appeals(variant, review__pending=1, suit_direct__upheld=1)


@pytest.mark.parametrize("variant", range(3))
def test_several_reviews_keep_their_outcomes_in_brackets(variant: int) -> None:
    assert "行政复议2件（结果维持1件、结果纠正1件）" in appeals(variant, review__upheld=1, review__corrected=1)


def test_r9_reads_a_single_review_said_as_one_case() -> None:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({c.id: 0 for c in GOV2021.cells})
    report.cells["t4.review.upheld"] = 1
    report = with_derived(report)
    report.text["s1.on_request"] = "全年未收到政府信息公开申请。" + appeals(0, review__upheld=1)
    assert [f.message for f in check_report(report) if f.rule == "R9"] == []
    report.text["s1.on_request"] = "全年未收到政府信息公开申请。因政府信息公开被申请行政复议2件，结果维持，未发生行政诉讼。"
    assert [f for f in check_report(report) if f.rule == "R9"], "a wrong count is still found"
