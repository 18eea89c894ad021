"""人手少, 人手不够, 人手紧张: a problem said aloud is named as a report names it (工作人员不足), not as 人手较少."""

from __future__ import annotations

import pytest

from bot.drafting.wording import clean_note


@pytest.mark.parametrize("typed", ["人手少", "人手不够", "人手紧张", "人员不足", "人不够"])
def test_a_shortage_of_hands_is_named_as_a_report_names_it(typed: str) -> None:
    assert clean_note(typed) == "工作人员不足"


def test_named_so_among_other_problems_too() -> None:
    assert clean_note("更新不及时、人手少") == "更新不及时、工作人员不足"
    assert clean_note("人少事多") == "人少事多"  # not a shortage said alone
