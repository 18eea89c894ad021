"""`known_values` reads every total once for all the cells asked (the drafts ask about thirty a message), and agrees
with the plain definition, cell by cell: a typed cell as held, a total known only when every addend is (as printed,
else their sum), unknown otherwise — whichever typed cells are given or skipped and whichever totals are printed."""

from __future__ import annotations

import random

import pytest

from bot.formats import FORMATS, Format
from bot.report import Number, Report, _sums_in_order, known_value, known_values, with_derived


def plainly_known(report: Report, fmt: Format, cell_id: str) -> Number | None:
    addends = dict(reversed(_sums_in_order(fmt))).get(cell_id)
    if addends is None:
        return report.cells.get(cell_id)
    values = [plainly_known(report, fmt, a) for a in addends]
    if None in values:
        return None
    return report.cells[cell_id] if cell_id in report.cells else sum(values, 0)


def _report(fmt: Format, rng: random.Random) -> Report:
    given = rng.choice((1.0, 1.0, 0.9, 0.5, 0.0))  # every typed cell (past the tables), some skipped, none
    cells = {c: rng.choice((0, 0, 1, 3, 12)) for c in fmt.typed_cell_ids if rng.random() < given}
    report = Report("柳园口乡", "乡", 2025, cells, format_id=fmt.id)
    if rng.random() < 0.5:
        report = with_derived(report, fmt)  # the totals held, as a step's report holds them
    for cell in [c.id for c in fmt.cells if c.derived]:
        if rng.random() < 0.2:
            report.cells[cell] = rng.choice((0, 7))  # a total printed otherwise (an imported report)
        elif rng.random() < 0.1:
            report.cells.pop(cell, None)
    return report


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_known_values_agree_with_the_plain_definition(format_id: str) -> None:
    fmt = FORMATS[format_id]
    rng = random.Random(format_id)
    every_cell = [c.id for c in fmt.cells]
    for _ in range(60):
        report = _report(fmt, rng)
        expected = [plainly_known(report, fmt, c) for c in every_cell]
        assert known_values(report, fmt, every_cell) == expected
        assert [known_value(report, fmt, c) for c in every_cell] == expected
        asked = rng.sample(every_cell, k=min(30, len(every_cell)))
        assert known_values(report, fmt, asked) == [plainly_known(report, fmt, c) for c in asked]
