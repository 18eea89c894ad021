"""This year's report read from a file becomes the draft (bot.dialog.taken_over): what was read is taken over, what
was not stays unknown — never 0 — and only the questions the file answered whole are marked answered."""

from __future__ import annotations

from bot.dialog import DialogContext
from bot.dialog.flow import next_position
from bot.dialog.taken_over import draft_from_file, has_typed, take_over
from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import Report
from tests.conftest import seed_path


def read_from_file() -> Report:
    report = import_report(seed_path(4)).report.copy(year=2025)
    return report


def ctx() -> DialogContext:
    return DialogContext("王芳", "柳园口乡", "乡", 2025)


def test_a_whole_file_answers_every_question_and_leaves_none_open() -> None:
    taken = take_over(None, read_from_file(), ctx())
    assert not taken.still_open and next_position(ctx(), taken.state) is None
    assert taken.report.text["s6.other"] and taken.report.cells["t2.license"] == read_from_file().cells["t2.license"]


def test_a_cell_not_found_stays_unknown_and_its_question_is_asked_first() -> None:
    found = read_from_file()
    found.not_found = frozenset({"t2.penalty", "s5.problems"})
    taken = take_over(None, found, ctx())
    assert "t2.penalty" not in taken.report.cells and "s5.problems" not in taken.report.text
    assert [q.code for q in taken.still_open] == ["2.3", "5.1"]
    assert next_position(ctx(), taken.state) == ("2.3", 0)


def test_a_gate_whose_numbers_were_read_in_part_all_zero_stays_open_and_sets_nothing_to_zero() -> None:
    found = read_from_file()
    for cell in GOV2021.typed_cell_ids:
        if cell.startswith("t3."):
            found.cells[cell] = 0
    found.not_found = frozenset({"t3.new.person"})
    taken = take_over(None, found, ctx())
    assert "3.1" not in taken.state["answered"] and "3.1" not in taken.state["gates"]
    assert "t3.new.person" not in taken.report.cells


def test_the_sums_are_computed_not_copied_and_a_filled_draft_is_told_apart_from_an_empty_one() -> None:
    found = read_from_file()
    found.cells["t3.new.total"] = 99  # a wrong total printed in the file
    draft = draft_from_file(found, GOV2021)
    assert "t3.new.total" not in draft.cells
    assert has_typed(draft, GOV2021)
    opening_only = Report("柳园口乡", "乡", 2025, {"t3.new.total": 0}, {"preface": "根据……"})
    assert not has_typed(opening_only, GOV2021)
