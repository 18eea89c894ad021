"""监督保障 as QA32 finding 10 read it: 「我街道加强政务公开监督保障，未开展考核和社会评议。」 claims a strengthening
that only a negative follows, so a paragraph whose every clause says what was not held states that alone; and a
clerk who said 纳入年度考核 without its result is asked for the result (尚未写明考核结果), not for the assessment
already named (尚未写明工作考核情况)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_facts_list import at, draft_part

REPORT = Report("东城街道办事处", "街道", 2025)
VOICE = voice_of(REPORT, self_word="我街道", people_government=True)


@pytest.mark.parametrize("variant", range(3))
def test_a_paragraph_of_negatives_only_claims_no_strengthening(variant: int) -> None:
    text = draft_paragraph("s1.oversight", "未开展考核和社会评议", REPORT, VOICE, variant=variant)
    assert "未开展考核和社会评议" in text, text
    assert not any(lead in text for lead in ("加强", "强化", "健全")), text


def test_a_paragraph_with_something_done_keeps_its_lead() -> None:
    text = draft_paragraph("s1.oversight", "纳入年度考核，未开展社会评议", REPORT, VOICE)
    assert any(lead in text for lead in ("加强", "强化", "健全")), text


def test_an_assessment_named_without_its_result_is_asked_for_the_result() -> None:
    offered = at("1.6", "镇").send("纳入年度考核")
    assert "尚未写明考核结果" in offered and "工作考核" not in offered.split("提示：")[-1], offered
    assert "将政务公开工作纳入年度考核" in draft_part(offered), offered
