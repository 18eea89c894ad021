"""A county government's report drafted in the demo from a careless clerk's notes, read as a provincial evaluator
reads it (QA30 follow-up): each sentence that read as speech, or as a fragment, is written as a report writes it."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .dialog_helpers import Chat
from .test_dialog_prose import ZERO_T2

REPORT = Report("示范县人民政府", "县级政府", 2025)
VOICE = voice_of(REPORT, self_word="我县", people_government=True)


@pytest.mark.parametrize(("part", "notes", "said", "never"), [
    ("s1.summary", "今年门户网站改版了，政务公开专区也建起来了", "建成政务公开专区", "建起来"),
    ("s1.active", ["门户网站发布1200余条", "重点为财政预决算、重大项目", "乡村振兴的"],
     "着重公开财政预决算、重大项目、乡村振兴等信息", "振兴的"),
    ("s1.management", "严格落实三审三校，信息发布前都要领导签字", "信息发布前须经领导审核签字", "都要"),
    ("s1.platform", "门户网站和部门网站集约化了，新媒体矩阵也有",
     "推进门户网站和部门网站集约化，建设政务新媒体矩阵", "也有"),
    ("s5.problems", "部分部门公开不及时，解读质量不高", "二是政策解读质量不高。", "是解读"),
    ("s5.improvements", "部分部门公开不及时，解读质量不高 改进：加强督查通报 搞点图解视频", "制作图解视频", "搞点"),
])
def test_a_county_note_said_aloud_reads_as_a_report(part: str, notes: str | list[str], said: str, never: str) -> None:
    text = draft_paragraph(part, notes, REPORT, VOICE)
    assert said in text and never not in text, text


def test_the_county_clerk_at_1_5_gets_the_platform_as_a_report_states_it() -> None:
    chat = Chat(DialogContext(user_name="陈静", unit="示范县人民政府", unit_kind="县级政府", year=2025))
    chat.send("开始")
    chat.say_all(*ZERO_T2, "否", "否", "1", "网站100条", "1", "1", "落实三审三校", "1")
    drafted = chat.send("门户网站和部门网站集约化了，新媒体矩阵也有").split("要点：")[0]
    assert "【1.5】" in drafted and "建设政务新媒体矩阵" in drafted and "集约化了" not in drafted, drafted
