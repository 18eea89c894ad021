"""A problem of 五（一） said without what it is about (更新不及时, 公开不够全面, 解读形式单一) is drafted with the subject
the part is about — 信息更新不及时, 政策解读形式单一 — never as a bare verb (QA30 finding 9: 「二是更新不及时」)."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, voice_of
from bot.report import Report

from .test_dialog_prose import at, reply

REPORT = Report("城关镇人民政府", "镇", 2025)
VOICE = voice_of(REPORT, self_word="我镇", people_government=True)


@pytest.mark.parametrize(("notes", "said"), [
    ("问题嘛就是人手不够，更新不及时，改进 明年安排专人负责", "二是信息更新不及时。"),
    ("公开不够全面", "主要是信息公开不够全面。"),
    ("解读形式单一", "主要是政策解读形式单一。"),
    ("人员少、发布滞后", "二是信息发布滞后。"),
])
def test_a_problem_without_its_subject_is_said_of_information(notes: str, said: str) -> None:
    assert said in draft_paragraph("s5.problems", notes, REPORT, VOICE)


@pytest.mark.parametrize("notes", ["网站更新不及时", "信息更新不及时", "公开栏更新慢"])
def test_a_problem_said_with_its_subject_keeps_it(notes: str) -> None:
    assert f"主要是{notes}。" in draft_paragraph("s5.problems", notes, REPORT, VOICE)


def test_the_clerks_problems_at_5_1_are_drafted_each_with_a_subject() -> None:
    chat = at("5.1", kind="镇")
    chat.send("问题嘛就是人手不够，更新不及时，改进 明年安排专人负责")
    drafted = reply(chat).split("要点：")[0]
    assert "一是工作人员不足；二是信息更新不及时。" in drafted, drafted
