"""A note that states only a plan (加强业务培训), with no fault found, is drafted as a plan at 5.2 wherever it was
said — never as a problem (针对加强业务培训的问题…); at 5.1, where no problem was given, it names the problem it
answers (业务培训有待加强). A note that finds fault (规范程度不高) stays a problem."""

from __future__ import annotations

import pytest

from bot.drafting import Voice, draft_paragraph, split_problems
from bot.report import empty_report, with_derived

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

VOICE = Voice("平安镇人民政府", "镇", "我镇", 2025, True)
REPORT = with_derived(empty_report(VOICE.name, "镇", 2025))


def test_a_plan_changed_in_at_5_2_is_drafted_as_a_plan() -> None:
    chat = Chat(township())
    prose = list(PROSE_ALL_DEFAULT)
    at_5_1 = prose.index("信息更新不够及时；改进：明确专人每周更新")
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *prose[:at_5_1], "信息更新不够及时", "1")
    reply = chat.send("改 1 加强业务培训")
    assert "【5.2】" in reply
    assert "将加强业务培训" in reply and "的问题" not in reply


@pytest.mark.parametrize("variant", range(3))
def test_a_plan_given_alone_drafts_a_plan_and_the_need_it_answers(variant: int) -> None:
    improvements = draft_paragraph("improvements", "加强业务培训", REPORT, VOICE, variant=variant)
    assert "将" in improvements and "加强业务培训" in improvements and "问题，" not in improvements.split("将")[1]
    assert "加强业务培训的问题" not in improvements
    problems = draft_paragraph("problems", "加强业务培训", REPORT, VOICE, variant=variant)
    assert "主要是业务培训有待加强。" in problems


@pytest.mark.parametrize(("facts", "problems", "plans"), [
    ("加强业务培训", [], ["加强业务培训"]),
    ("信息更新不够及时，提高时效性", ["信息更新不够及时"], ["提高时效性"]),
    ("规范程度不高", ["规范程度不高"], []),
    ("解读形式单一；改进：丰富解读形式", ["政策解读形式单一"], ["丰富解读形式"]),
])
def test_only_a_note_that_finds_fault_is_a_problem(facts: str, problems: list[str], plans: list[str]) -> None:
    assert split_problems(facts) == (problems, plans)
