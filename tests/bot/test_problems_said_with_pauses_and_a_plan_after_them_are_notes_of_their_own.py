"""5.1 typed on a phone with pauses, a plan said last (人手不够 就我一个人兼着干 有时候更新不及时 明年打算让办公室再配个人):
the notes had listed the whole as one note in the clerk's words (就我1个人兼着干 … 再配个人) while the draft wrote
仅有1名兼职工作人员, and 5.2 published 下一步，我镇将让办公室再配个人. Each problem and the plan are notes of their own, shown
as drafted, and the hand to be added is written as a report writes it."""

from __future__ import annotations

from .test_dialog_facts_list import at, draft_part

TYPED = "人手不够 就我一个人兼着干 有时候更新不及时 明年打算让办公室再配个人"


def notes(text: str) -> list[str]:
    listed = text.split("要点：")[1].split("回复1")[0]
    return [line.split(". ", 1)[1] for line in listed.strip().splitlines() if ". " in line]


def test_each_problem_and_the_plan_is_a_note_shown_as_drafted() -> None:
    offered = at("5.1", "镇").send(TYPED)
    assert notes(offered)[:3] == ["工作人员不足", "仅有1名兼职工作人员", "有时更新不及时"], offered
    assert "兼着干" not in offered and "配个人" not in offered, offered


def test_the_plan_is_drafted_in_a_reports_words() -> None:
    chat = at("5.1", "镇")
    chat.send(TYPED)
    improvements = draft_part(chat.send("1"))
    assert "由办公室增配1名工作人员" in improvements and "配个人" not in improvements, improvements
