"""A model drafting a paragraph is told which table figures are not filled in yet (a question skipped): never that the
tables are all 0, which it would write as 未作出… (QA 27, finding 4)."""

from __future__ import annotations

from bot.drafting import model_facts, model_messages
from bot.report import Report, with_derived
from tests.bot.draft_samples import voice

UNIT = "城关镇人民政府"


def test_the_model_hears_a_skipped_figure_is_not_filled_in_not_that_it_is_zero() -> None:
    report = Report(UNIT, "镇", 2025, {"t2.normative.issued": 0, "t2.normative.abolished": 0,
                                        "t2.normative.in_force": 0, "t2.fees": 0})  # 2.3 and 表三、四 skipped
    _, user = model_messages("active", model_facts("active", "政府网站 56 条"), with_derived(report), voice(UNIT, "镇", 2025))
    assert "均为0" not in user["content"] and "尚未填写" in user["content"] and "行政许可" in user["content"]
