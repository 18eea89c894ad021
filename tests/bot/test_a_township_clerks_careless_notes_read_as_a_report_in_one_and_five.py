"""A township report drafted in the demo from a careless clerk's notes, read as a provincial evaluator reads it (QA30
follow-up): what read as speech or said a thing twice is written as a report writes it —
今年主要是把公开栏都换新了 还有搞了个政务公开日 → 更新公开栏，开展政务公开日活动; 一个人兼好几样 → 工作人员身兼多职;
公开栏有时候忘了换 → 公开栏更新有时不够及时; and 专人负责 每月换一次公开栏 → 安排专人负责公开栏日常管理，每月更新
公开栏 (not 专人负责公开栏更新，确保公开栏及时更新，每月更新公开栏)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("青山乡人民政府", "乡", 2025)
VOICE = voice_of(REPORT, self_word="我乡", people_government=True)
FIVE = "就是人少 一个人兼好几样 公开栏有时候忘了换 改进：下一步专人负责 每月换一次公开栏"
SPOKEN = ("换新", "搞了", "兼好几样", "忘了", "1个人", "有时候")


@pytest.mark.parametrize("variant", range(3))
def test_the_years_work_said_aloud_reads_as_done_in_the_opening(variant: int) -> None:
    text = draft_paragraph("s1.summary", "今年主要是把公开栏都换新了 还有搞了个政务公开日", REPORT, VOICE, variant=variant)
    assert "更新公开栏，开展政务公开日活动" in text and not any(w in text for w in SPOKEN), text


@pytest.mark.parametrize(("part", "said"), [
    ("s5.problems", "二是工作人员身兼多职；三是公开栏更新有时不够及时。"),
    ("s5.improvements", "安排专人负责公开栏日常管理，每月更新公开栏。"),
])
def test_problems_and_plans_said_aloud_read_as_a_report_says_them(part: str, said: str) -> None:
    text = draft_paragraph(part, FIVE, REPORT, VOICE)
    assert said in text and not any(w in text for w in SPOKEN), text


def test_the_clerk_at_5_1_gets_five_without_speech_or_a_repeated_duty() -> None:
    chat = at("5.1")
    chat.send(FIVE)
    problems = reply(chat).split("要点：")[0]
    assert "工作人员身兼多职" in problems and "公开栏更新有时不够及时" in problems, problems
    chat.send("1")
    plans = reply(chat).split("要点：")[0]
    assert "专人负责公开栏日常管理，每月更新公开栏。" in plans and "确保" not in plans, plans
