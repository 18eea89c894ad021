"""五（二） never says 安排专人负责 with nothing to be responsible for (QA30 finding 9: 「下一步，将安排专人负责。」): the
person is made responsible for the work the problems of 五（一） name, and the plan says what that reaches
(更新不及时 → 安排专人负责信息更新，确保信息及时更新); with no work named among the problems, for the part's whole work."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)
# 负责 at a clause's end: responsible for nothing
_BARE_DUTY = re.compile(r"负责[，。；]")


@pytest.mark.parametrize(("notes", "said"), [
    ("问题嘛就是人手不够，更新不及时，改进 明年安排专人负责", "安排专人负责信息更新，确保信息及时更新"),
    ("公开栏更新慢；改进：明确专人负责", "明确专人负责公开栏更新，确保公开栏及时更新"),
    ("人手不够 改进：专人负责", "安排专人负责政府信息公开工作"),
    ("信息更新不及时 改进：专人负责，每周更新", "安排专人负责信息更新，做到每周更新"),
])
@pytest.mark.parametrize("variant", range(3))
def test_a_person_assigned_is_responsible_for_the_work_a_problem_names(notes: str, said: str, variant: int) -> None:
    text = draft_paragraph("s5.improvements", notes, REPORT, VOICE, variant=variant)
    assert said in text and not _BARE_DUTY.search(text), text


def test_the_clerks_plan_at_5_1_reaches_5_2_tied_to_the_problem_it_answers() -> None:
    chat = at("5.1", kind="镇")
    chat.send("问题嘛就是人手不够，更新不及时，改进 明年安排专人负责")
    chat.send("1")
    drafted = reply(chat).split("要点：")[0]
    assert "【5.2】" in drafted and "安排专人负责信息更新，确保信息及时更新" in drafted, drafted
    assert not _BARE_DUTY.search(drafted), drafted
