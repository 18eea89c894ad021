"""A plan in 五 that names the person who will do the work (专人负责, 专人每周更新) reads as published reports write
it: the unit assigns the person (安排专人负责) and states what the person keeps after (做到每周更新) — 将做到专人负责
is read in no published report (they write 安排专人负责, 明确专人负责, 落实专人负责)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)


def _improvements(notes: str, variant: int = 0) -> str:
    return draft_paragraph("s5.improvements", notes, REPORT, VOICE, variant=variant)


@pytest.mark.parametrize(("notes", "said"), [
    ("信息更新不及时 改进：专人负责，每周更新", "安排专人负责信息更新，做到每周更新"),
    ("更新不及时。下一步专人负责、每周更新", "安排专人负责信息更新，做到每周更新"),
    ("信息更新不及时 改进：安排专人负责，每周更新", "安排专人负责信息更新，做到每周更新"),
    ("信息更新不及时 改进：明确专人负责、及时更新", "明确专人负责信息更新，做到及时更新"),
    ("信息更新不及时 改进：专人负责", "安排专人负责信息更新，确保信息及时更新"),
    ("信息更新不及时 改进：专人每周更新", "安排专人每周更新"),
])
@pytest.mark.parametrize("variant", range(3))
def test_a_person_named_in_a_plan_is_assigned_and_the_pace_is_reached(notes: str, said: str, variant: int) -> None:
    text = _improvements(notes, variant)
    assert said in text and "做到专人" not in text and "将专人" not in text, text


def test_a_pace_after_other_work_is_left_as_the_clerk_said_it() -> None:
    assert "明确专人每周更新，增加图解解读" in _improvements("更新不及时；改进：明确专人每周更新，增加图解解读")


@pytest.mark.parametrize("said_at_5_1", ["信息更新不及时；改进：专人负责，每周更新", "信息更新不及时，下一步专人负责、每周更新"])
def test_the_plan_said_at_5_1_is_drafted_at_5_2_with_the_person_assigned(said_at_5_1: str) -> None:
    chat = at("5.1", kind="镇")
    chat.send(said_at_5_1)
    chat.send("1")
    drafted = reply(chat)
    assert "【5.2】" in drafted and "将安排专人负责信息更新，做到每周更新。" in drafted and "做到专人负责" not in drafted, drafted
