"""A street office's report drafted in the demo from a careless clerk's notes, read as a provincial evaluator reads
it (QA30 follow-up): a rate said in words is printed as a report prints it (满意率百分之九十八 → 满意率98%), and an
account said to be opened reads as opened (视频号也开了 → 开通视频号)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

REPORT = Report("东城街道办事处", "街道", 2025)
VOICE = voice_of(REPORT, self_word="我街道", people_government=True)


@pytest.mark.parametrize(("part", "notes", "said", "never"), [
    ("s1.oversight", "培训两次 满意度测评搞了 满意率百分之九十八 无追责", "满意率98%", "百分之"),
    ("s1.oversight", "开展满意度测评，满意率达到百分之九十九点五", "满意率达到99.5%", "百分之"),
    ("s1.platform", "社区公开栏都有 视频号也开了", "开通视频号", "也开了"),
])
def test_a_street_note_said_aloud_reads_as_a_report(part: str, notes: str, said: str, never: str) -> None:
    text = draft_paragraph(part, notes, REPORT, VOICE)
    assert said in text and never not in text, text
