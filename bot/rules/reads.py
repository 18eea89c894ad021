"""What each rule reads, declared as data: which cells and prose slots of the report, and which parts of its context.

A message changes a few cells or one prose slot; `rules_affected_by` names the rules whose verdict can change, so
the caller re-runs those and keeps the other rules' findings. A test runs every rule on traced reports and fails
when a rule reads something its declaration does not name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..formats import Format

# the parts of a rule's context a change can concern besides cells and slots
CONTEXT = (
    "unit",  # the unit's name and kind (R7, R13)
    "year",  # the report's year (R9 reads 2023年结转 by it, R11)
    "previous",  # last year's report (R6, R8, R15)
    "names",  # the names of the area's units (R13)
    "area",  # the area's name (R13)
    "layout",  # what the import noticed: Report.layout_notes (R12) and what it could not read, Report.not_found (R14)
)


@dataclass(frozen=True)
class Reads:
    """The cells, prose slots and context a rule reads. Cells are named the way the format declares them: whole
    tables, rows, the cells of the format's sums and balances of some rules, or single cells."""

    tables: tuple[str, ...] = ()  # every cell of these tables
    rows: tuple[tuple[str, str], ...] = ()  # (table, row): every cell of the row
    cells: tuple[str, ...] = ()
    sums: tuple[str, ...] = ()  # rule ids: every cell of the format's sums and balances checked by those rules
    sections: tuple[str, ...] = ()  # every prose slot of these sections
    slots: tuple[str, ...] = ()
    all_cells: bool = False
    all_slots: bool = False
    context: tuple[str, ...] = ()  # among CONTEXT

    def __post_init__(self) -> None:
        unknown = set(self.context) - set(CONTEXT)
        if unknown:
            raise ValueError(f"unknown context {sorted(unknown)}")

    def ids(self, fmt: Format) -> frozenset[str]:
        """The cell and slot ids read, in `fmt`."""
        return _ids(self, fmt)


@cache
def _ids(reads: Reads, fmt: Format) -> frozenset[str]:
    cells = fmt.cells
    ids: set[str] = set()
    if reads.all_cells:
        ids.update(c.id for c in cells)
    ids.update(c.id for c in cells if c.table in reads.tables or (c.table, c.row) in reads.rows)
    ids.update(c for c in reads.cells if fmt.has_cell(c))
    for s in fmt.sums:
        if s.rule in reads.sums:
            ids.update((s.target, *s.addends))
    for b in fmt.balances:
        if b.rule in reads.sums:
            ids.update((*b.left, *b.right))
    slots = fmt.slots
    ids.update(s.id for s in slots if reads.all_slots or s.section in reads.sections or s.id in reads.slots)
    return frozenset(ids)
