"""What an evaluator reads as a draft nobody read: the opening of 一 repeating the counts its parts state (作出行政许可决定
12件 in the opening and in （一）主动公开; 组织业务培训2次 in the opening and in （五）监督保障), and 我乡 opening two
sentences in a row (我乡…。此外，我乡…)."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from handlers.demo import DEMO_UNITS
from tests.bot.draft_samples import demo_drafts, voice

FACTS = {"active": "网站发布信息56条，公众号120条", "oversight": "培训2次，纳入年度考核，无责任追究"}


def _report():
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({"t2.license": 12, "t2.penalty": 3, "t2.normative.issued": 1, "t2.normative.in_force": 4})
    return with_derived(report)


def test_the_opening_of_one_leaves_the_counts_to_their_parts() -> None:
    report, v = _report(), voice("城关镇人民政府", "镇", 2025)
    opening = draft_paragraph("summary", "", report, v, known=FACTS)
    active = draft_paragraph("active", FACTS["active"], report, v)
    oversight = draft_paragraph("oversight", FACTS["oversight"], report, v)
    for said in ("行政许可决定12件", "行政处罚决定3件", "行政规范性文件1件"):
        assert said in active and said not in opening, (said, opening)
    assert "培训2次" in oversight and "培训" not in opening, opening
    assert "通过网站、微信公众号主动公开政府信息" in opening, opening


@pytest.mark.parametrize("variant", range(3))
def test_no_two_sentences_in_a_row_open_with_the_unit(variant: int) -> None:
    report, v = _report(), voice("城关镇人民政府", "镇", 2025)
    for part, facts in (("active", "网站发布信息56条，该公开的都公开了"), ("other", "办理人大代表建议3件"),
                        ("improvements", "更新慢；改进：今年已经制定了信息发布制度，明年明确专人每周更新")):
        text = draft_paragraph(part, facts, report, v, variant=variant)
        assert not re.search(r"我镇[^。]*。(?:[^，。]{1,5}，)?我镇", text), text


def test_the_demo_drafts_never_open_two_sentences_in_a_row_with_the_unit() -> None:
    kinds = {u.name: u.kind for u in DEMO_UNITS}
    for unit, parts in demo_drafts().items():
        word = voice(unit, kinds[unit], 2025).self_word
        for text in parts.values():
            assert not re.search(rf"(?:^|，){word}[^。]*。(?:[^，。]{{1,5}}，)?{word}(?!政府)", text), (unit, text)
