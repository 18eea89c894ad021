"""A step sums the report's totals once, and again after an answer only where the answer changed cells
(`with_derived(…, since=…)`): whatever was changed — typed, blanked, taken away, a total typed over — the totals must
be exactly what summing everything gives."""

from __future__ import annotations

import random

import pytest

from bot.dialog import DialogContext
from bot.dialog.flow import Turn
from bot.formats import DEFAULT_FORMAT
from bot.report import Report, empty_report, with_derived

FMT = DEFAULT_FORMAT
TYPED = [c for c in FMT.cell_ids if c not in {s.target for s in FMT.sums}]
TOTALS = [s.target for s in FMT.sums]


def _typed_at_random(rng: random.Random) -> Report:
    """A report whose typed cells each hold 0, 1, 7 or a blank."""
    report = empty_report("青山乡", "乡", 2024)
    report.cells.update({c: rng.choice([0, 1, 7, None]) for c in TYPED})
    return report


@pytest.mark.parametrize("seed", range(40))
def test_summing_again_where_cells_changed_gives_what_summing_all_gives(seed: int) -> None:
    rng = random.Random(seed)
    report = _typed_at_random(rng)
    before = with_derived(report, FMT)
    changed = rng.sample(TYPED, rng.randint(0, 6)) + rng.sample(TOTALS, rng.randint(0, 2))
    for cell in changed:
        if rng.random() < 0.15:
            report.cells.pop(cell, None)
        else:
            report.cells[cell] = rng.choice([0, 3, 12, None])
    assert with_derived(report, FMT, since=(before, changed)).cells == with_derived(report, FMT).cells


def test_a_turn_answers_with_the_totals_of_what_it_was_told() -> None:
    report = with_derived(empty_report("青山乡", "乡", 2024), FMT)
    turn = Turn(DialogContext(user_name="李华", unit="青山乡", unit_kind="乡", year=2024), {}, report)
    turn.hold_as_derived()
    assert turn.derived().cells["t3.new.total"] == 0
    report.cells.update({"t3.new.person": 4, "t3.new.company": 2})
    assert turn.derived().cells["t3.new.total"] == 6
    assert turn.derived().cells == with_derived(report, FMT).cells
    report.cells["t3.new.person"] = None
    assert turn.derived().cells["t3.new.total"] == 2


def test_a_total_summed_by_its_row_and_by_its_column_keeps_the_sum_a_full_summing_keeps() -> None:
    # 总计 of 总计 is summed twice (by the row, then by the column) and a full summing keeps the column's: with
    # amounts whose order of adding shows (floats), summing again must keep the same one
    rng = random.Random(3)
    report = empty_report("青山乡", "乡", 2024)
    report.cells.update({c: rng.choice([0.1, 0.2, 0.7, 1e16, 3.3]) for c in TYPED if c.startswith("t3.")})
    before = with_derived(report, FMT)
    report.cells["t3.total.person"] = 999  # a column total typed over
    assert with_derived(report, FMT, since=(before, ["t3.total.person"])).cells == with_derived(report, FMT).cells


@pytest.mark.parametrize("seed", range(10))
def test_an_answer_that_changes_no_cell_a_total_reads_keeps_the_totals_summing_all_gives(seed: int) -> None:
    # prose written, or a cell no total reads (表二): every total is taken as it was, none summed again
    rng = random.Random(seed)
    report = _typed_at_random(rng)
    before = with_derived(report, FMT)
    report.text["s1.active"] = "本年度，我乡在政府网站发布信息56条。"
    unread = [c for c in TYPED if not any(c in s.addends for s in FMT.sums)]
    changed = rng.sample(unread, rng.randint(0, 2))
    for cell in changed:
        report.cells[cell] = rng.choice([0, 3, None])
    again = with_derived(report, FMT, since=(before, changed))
    assert again.cells == with_derived(report, FMT).cells and again.text == report.text
    assert again.cells is not report.cells and again.cells is not before.cells
