"""A single 行政诉讼 is said as one case (被提起行政诉讼1件，系未经复议直接起诉，结果维持。), in every wording of the
paragraph: 被提起行政诉讼的案件中，未经复议直接起诉1件（结果维持1件） spoke of several cases and counted the one twice.
A case not yet decided ends 尚未审结; several cases keep their list, each with its outcomes in brackets."""

from __future__ import annotations

import pytest

from bot.drafting import tables
from bot.formats import GOV2021
from bot.report import empty_report, with_derived


def appeals(variant: int, **cells: int) -> str:
    """The paragraph, in wording `variant`, of a year whose table 四 holds `cells` (t4.<row>.<outcome>) and 0 else."""
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({c.id: 0 for c in GOV2021.cells if c.table == "t4"})
    report.cells.update({f"t4.{key.replace('__', '.')}": n for key, n in cells.items()})
    return tables.draft_appeals(with_derived(report), variant=variant)


@pytest.mark.parametrize("variant", range(3))
def test_a_single_suit_is_said_as_one_case(variant: int) -> None:
    text = appeals(variant, suit_direct__upheld=1)
    assert text.endswith("行政诉讼1件，系未经复议直接起诉，结果维持。"), text
    assert "未发生" in text and "案件中" not in text and "（" not in text, text


@pytest.mark.parametrize("variant", range(3))
def test_a_single_suit_not_yet_decided_ends_as_pending(variant: int) -> None:
    text = appeals(variant, suit_after_review__pending=1)
    assert text.endswith("行政诉讼1件，系复议后起诉，尚未审结。"), text


@pytest.mark.parametrize("variant", range(3))
def test_a_single_suit_beside_reviews_is_said_as_one_case(variant: int) -> None:
    text = appeals(variant, review__upheld=2, suit_direct__corrected=1)
    assert "行政复议2件（结果维持2件）" in text and text.endswith("行政诉讼1件，系未经复议直接起诉，结果纠正。"), text


@pytest.mark.parametrize("variant", range(3))
def test_several_suits_keep_their_list_with_outcomes(variant: int) -> None:
    text = appeals(variant, suit_direct__upheld=1, suit_after_review__pending=1)
    assert "未经复议直接起诉1件（结果维持1件），复议后起诉1件（尚未审结1件）。" in text and "系" not in text, text
    assert "未经复议直接起诉2件（结果维持2件）。" in appeals(variant, suit_direct__upheld=2)
