"""A part's stock opening (我乡加强政务公开监督保障，…) is left out when one of the clerk's notes says it again in its
own words (加大监督保障力度): the draft reads 我乡加大监督保障力度。, never 加强…监督保障，加大监督保障力度. The same for
a plan that says the improvements' stock ending (推动政务公开工作提质增效). Every wording the clerk may get (重写) is
checked; a note with a figure, or about something else, keeps the opening."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.drafting.parts import restates
from bot.report import Report

REPORT = Report("示范县青山乡人民政府", "乡", 2025)
VOICE = voice_of(REPORT, self_word="我乡", people_government=True)
VARIANTS = range(3)


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("part", "notes", "said_once"), [
    ("s1.oversight", ["加大监督保障力度"], "监督保障"),
    ("s1.oversight", ["加强监督保障", "培训2次"], "监督保障"),
    ("s1.platform", ["加强平台建设"], "平台"),
    ("s1.platform", ["加强政府信息公开平台建设", "网站专栏8个"], "平台"),
    ("s1.management", ["加强政府信息管理"], "信息管理"),
    ("s1.management", ["规范政府信息管理", "一事一审"], "信息管理"),
    ("s5.improvements", "信息更新不及时；改进：明确专人更新，推动政务公开工作提质增效", "提质增效"),
    ("s5.improvements", "信息更新不及时；改进：提升政府信息公开工作水平", "工作水平"),
])
def test_the_stock_phrase_is_not_said_again(part: str, notes: object, said_once: str, variant: int) -> None:
    text = draft_paragraph(part, notes, REPORT, VOICE, variant=variant)
    assert text.count(said_once) == 1, text


def test_the_clerks_words_stand_where_the_opening_was() -> None:
    assert draft_paragraph("s1.oversight", ["加大监督保障力度"], REPORT, VOICE) == "我乡加大监督保障力度。"


@pytest.mark.parametrize(("phrase", "clause"), [
    ("加强政务公开监督保障", "组织政务公开业务培训2次"),  # about something else
    ("持续加强政府信息公开平台建设", "网站专栏8个"),
    ("注重加强政府信息管理", "落实一事一审"),
    ("加强政务公开监督保障", "加强政务公开培训"),  # 政务公开 is shared by every phrase: no repetition
    ("加强政务公开监督保障", "加大监督保障投入3万元"),  # a figure: a fact of its own
])
def test_what_does_not_say_the_phrase_again(phrase: str, clause: str) -> None:
    assert not restates(phrase, clause, ("监督保障", "平台建设", "信息管理"))
