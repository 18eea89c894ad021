"""One declaration (bot.spoken) of what a clerk types that carries nothing: every closing particle (吧啊呀啦哦嘛呢哈) and
every piece of decoration (emoji, their joiners and variation selectors, symbols) is taken off alike by the reply
parser, the dialog's notes, the drafting of notes and the supervisor's commands, and flagged alike by R17 in a final
text; ○ typed for 〇 in a year is text to all of them."""

from __future__ import annotations

import pytest

from bot.dialog.prose import tidy_facts
from bot.drafting import clean_note, says_nothing_more
from bot.parse import parse_yes_no
from bot.report import Report
from bot.rules import check_report
from bot.spoken import END_PARTICLES, is_decoration, without_decoration
from bot.supervision.commands import is_supervisor_command

DECORATIONS = ["😊", "👍🏻", "🙏", "❤️", "👨\u200d💻", "✨", "★"]


@pytest.mark.parametrize("particle", list(END_PARTICLES))
def test_every_particle_closes_a_reply_a_note_and_a_command_alike(particle: str) -> None:
    assert parse_yes_no(f"没有{particle}") is False
    assert says_nothing_more(f"就这些{particle}")
    assert clean_note(f"网站发布信息80条{particle}") == "网站发布信息80条"
    assert is_supervisor_command(f"情况怎么样{particle}")


@pytest.mark.parametrize("particle", list(END_PARTICLES))
def test_every_particle_left_in_a_final_text_is_flagged(particle: str) -> None:
    report = Report("青山乡人民政府", "乡", 2025, text={"s1.active": f"我乡在政府网站发布信息80条{particle}。"})
    assert [f for f in check_report(report) if f.rule == "R17"], particle


@pytest.mark.parametrize("decoration", DECORATIONS)
def test_every_decoration_is_taken_off_a_reply_and_a_note_alike(decoration: str) -> None:
    assert all(is_decoration(ch) for ch in decoration)
    assert without_decoration(f"是的{decoration}") == "是的"
    assert decoration not in tidy_facts(f"网站发布信息80条{decoration}")
    assert clean_note(f"网站发布信息80条{decoration}") == "网站发布信息80条"


def test_a_decoration_alone_is_still_a_reply() -> None:
    assert without_decoration("👍") == "👍" and parse_yes_no(without_decoration("👍")) is True


def test_a_circle_typed_for_zero_in_a_year_is_text() -> None:
    assert not is_decoration("○") and without_decoration("二○二五年") == "二○二五年"
    assert "○" in tidy_facts("二○二五年修订制度") and "○" in clean_note("二○二五年修订制度")
