"""The numbered notes shown under a draft say what the draft says: a board said with the setting up of it and a count
of issues (设置了宣传栏12期, or 弄了宣传栏12期 as the spoken verbs read it) is drafted 通过宣传栏更新12期, and the notes had
still shown 设置了宣传栏12期 — twelve boards set up, to a clerk checking the list. Both now read 宣传栏更新12期."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


def notes(text: str) -> list[str]:
    listed = text.split("要点：")[1].split("回复1")[0]
    return [line.split(". ", 1)[1] for line in listed.strip().splitlines() if ". " in line]


@pytest.mark.parametrize("code", ["1.2", "1.5"])
@pytest.mark.parametrize("typed", ["设置了宣传栏12期", "还弄了宣传栏12期", "设置公开栏12期", "宣传栏弄了12期", "公开栏发了12期"])
def test_a_boards_issues_are_listed_as_the_draft_says_them(code: str, typed: str) -> None:
    offered = at(code, "镇").send(typed)
    [note] = notes(offered)
    assert note.endswith("栏更新12期") and "设置" not in note, offered
    assert note in draft_part(offered), offered


def test_a_board_set_up_without_a_count_of_issues_stays_set_up() -> None:
    offered = at("1.5", "镇").send("设置了宣传栏")
    assert notes(offered) == ["设置了宣传栏"], offered
