"""The tables in a few lines for a phone: each non-zero row named with its number, a table of zeros said so in one
line (表三各项均为0). Driven by the format: a row with a printed total shows the total, other rows their cells."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from . import messages
from .findings import Finding
from .formats import Cell, Format, Row, Table
from .report import Report


def table_lines(report: Report, fmt: Format, unfinished: tuple[str, ...] = ()) -> list[str]:
    """One line per table: 表二：行政规范性文件 制发 1、现行有效 5；行政许可 12 · 表三各项均为0 · 表四尚未填完."""
    lines = []
    for table in fmt.tables:
        if table.key in unfinished:
            lines.append(messages.text("dialog", "summary_unfinished", table=f"表{table.section}"))
            continue
        items = [item for row in table.rows if (item := _row_item(report, fmt, table, row))]
        lines.append(messages.text("dialog", "summary_table", table=f"表{table.section}", items=items))
    return lines


def blank_tables(report: Report, fmt: Format) -> tuple[str, ...]:
    """The keys of the tables with a cell not filled in (never given or left blank): such a table is not all zeros,
    whatever its totals add up to."""
    return tuple(t.key for t in fmt.tables if blank_cells(report, t))


def blank_ids(report: Report, fmt: Format) -> set[str]:
    """What is not answered yet: the typed cells not filled in (never given or left blank), the totals over one of
    them (a total's 0 over blanks is no answer), and the prose slots with no text."""
    blank = {c.id for c in fmt.cells if not c.derived and report.cells.get(c.id) is None}
    for s in fmt.sums + fmt.sums:  # twice: a total of totals follows its totals
        if any(a in blank for a in s.addends):
            blank.add(s.target)
    blank.update(s.id for s in fmt.slots if not (report.text.get(s.id) or "").strip())
    return blank


def findings_on_what_is_filled(findings: Iterable[Finding], report: Report, fmt: Format) -> list[Finding]:
    """The findings of an unfinished report about what it holds: one naming a blank (`blank_ids`) — a sum over
    cells not all given, a 六 not yet written that states no fee — is work still to do, not a fault."""
    blank = blank_ids(report, fmt)
    return [f for f in findings if blank.isdisjoint(f.cells) or _wrong_however_filled(f, report, fmt, blank)]


def _wrong_however_filled(finding: Finding, report: Report, fmt: Format, blank: set[str]) -> bool:
    """A balance whose blanks all lie on the side already the larger: no count is negative, so filling them can only
    widen the gap — 表三's 办理结果 more than 新收 + 上年结转 is wrong before 结转下年度 is given (the clerk is stuck
    there, and the supervisor asking whose tables do not add up was told none)."""
    cells = set(finding.cells)
    for b in fmt.balances:
        if set(b.left) | set(b.right) != cells:
            continue
        left, right = _known_sum(report, b.left), _known_sum(report, b.right)
        open_left, open_right = not blank.isdisjoint(b.left), not blank.isdisjoint(b.right)
        return (open_right and not open_left and right > left) or (open_left and not open_right and left > right)
    return False


def _known_sum(report: Report, cell_ids: Iterable[str]) -> int | Decimal:
    """The sum of the cells filled in: at most the side's sum once the rest are."""
    return sum([v for v in map(report.cells.get, cell_ids) if isinstance(v, int | Decimal)], 0)


def blank_cells(report: Report, table: Table) -> int:
    """How many of the table's typed cells are not filled in (never given or left blank)."""
    return sum(1 for c in table.cells if not c.derived and report.cells.get(c.id) is None)


def _row_item(report: Report, fmt: Format, table: Table, row: Row) -> str:
    cells = _cells_by_row(fmt, table.key).get(row.key, ())
    if not cells or all(c.derived for c in cells):  # a total row repeats what the rows above say
        return ""
    name = row.short or row.label
    total = next((c for c in cells if c.derived), None)
    if total is not None:
        value = report.value(total.id)
        return messages.text("dialog", "summary_row", name=name, value=_shown(value)) if value else ""
    named = [(table.column(c.col).label, report.value(c.id), c.kind) for c in cells if report.value(c.id)]
    if not named:
        return ""
    if len(cells) == 1:
        label, value, kind = named[0]
        return messages.text("dialog", "summary_row", name=name, value=_shown(value), amount=kind == "amount")
    return messages.text("dialog", "summary_cells", name=name, cells=[(label, _shown(v)) for label, v, _ in named])


@cache
def _cells_by_row(fmt: Format, table_key: str) -> dict[str, tuple[Cell, ...]]:
    """A table's cells row by row, each row's in the table's order: held per format (a frozen declaration), as the
    summary names every row, and picking a row's cells out of the whole table 三 for each of its rows cost more than
    all the rest of a summary."""
    rows: dict[str, list[Cell]] = {}
    for cell in fmt.table(table_key).cells:
        rows.setdefault(cell.row, []).append(cell)
    return {row: tuple(cells) for row, cells in rows.items()}


def _shown(value: int | Decimal) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)
