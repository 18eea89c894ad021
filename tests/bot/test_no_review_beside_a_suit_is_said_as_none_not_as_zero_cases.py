"""A year with a 行政诉讼 and no 行政复议 says the review did not happen (未发生…行政复议), in every wording of the
paragraph: two of the three wrote 行政复议0件, which no report prints."""

from __future__ import annotations

import pytest

from bot.drafting import tables
from bot.formats import GOV2021
from bot.report import empty_report, with_derived


def one_suit_and_no_review(variant: int) -> str:
    """The paragraph, in wording `variant`, of a year with one 未经复议直接起诉 upheld and no 行政复议."""
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({c.id: 0 for c in GOV2021.cells if c.table == "t4"})
    report.cells["t4.suit_direct.upheld"] = 1
    return tables.draft_appeals(with_derived(report), variant=variant)


@pytest.mark.parametrize("variant", range(3))
def test_no_review_beside_a_suit_is_said_as_none(variant: int) -> None:
    text = one_suit_and_no_review(variant)
    assert "0件" not in text and "未发生" in text and "行政复议" in text, text
    assert "行政诉讼1件，系未经复议直接起诉" in text, text  # a single suit said as one (its own test file)
