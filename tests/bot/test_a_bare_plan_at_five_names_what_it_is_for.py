"""五（二） as QA32 finding 10 read it: 「下一步，我镇将配备专人，增加图解。」 names a person with no work and charts of
nothing; a report assigns the person to the work (配备专人负责…工作) and plans charts of policy readings
(增加图解式政策解读)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)


@pytest.mark.parametrize("variant", range(3))
def test_a_person_and_charts_planned_bare_say_what_they_are_for(variant: int) -> None:
    notes = "工作人员不足；工作人员均为兼职；解读做的少 改进：配备专人 增加图解"
    text = draft_paragraph("s5.improvements", notes, REPORT, VOICE, variant=variant)
    assert "配备专人负责" in text and "增加图解式政策解读" in text, text
    assert "配备专人，" not in text and "配备专人。" not in text, text
