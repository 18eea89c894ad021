"""What every rule receives besides the report, and how rules name cells, rows, tables and prose slots."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..formats import GOV2021, Balance, Cell, Format, Sum
from ..report import Report
from ..units import guess_unit_kind
from .names import NO_NAMES, AreaNames


@dataclass(frozen=True)
class RuleContext:
    fmt: Format = GOV2021
    previous: Report | None = None  # the same unit's report of the year before, when known
    names: AreaNames = NO_NAMES  # the names of the units of the same area, as one matcher (R13)
    area: str = ""  # the area's name (龙亭区): the place the unit belongs to, when its own name does not say (R13)
    # the cells the caller asks about (`check_rules(about=…)`), None for all: a rule that judges row by row or sum by
    # sum may look at the rows and sums holding one of them only — its other findings would be dropped anyway
    about: frozenset[str] | None = None


def cells_about(ctx: RuleContext) -> tuple[Cell, ...]:
    """The format's cells, in its order; with `ctx.about`, only those of the table rows holding a cell asked about."""
    if ctx.about is None:
        return ctx.fmt.cells
    row_of, rows = _rows(ctx.fmt)
    wanted = {row_of[c] for c in ctx.about if c in row_of}
    return tuple(c for key, cells in rows.items() if key in wanted for c in cells)


def is_about(ctx: RuleContext, cell_ids: frozenset[str]) -> bool:
    """Whether a sum or balance over `cell_ids` can give a finding the caller asked about."""
    return ctx.about is None or not ctx.about.isdisjoint(cell_ids)


@cache
def _rows(fmt: Format) -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], tuple[Cell, ...]]]:
    """(cell id → its (table, row); (table, row) → its cells), both in the format's order."""
    row_of = {c.id: (c.table, c.row) for c in fmt.cells}
    cells: dict[tuple[str, str], list[Cell]] = {}
    for c in fmt.cells:
        cells.setdefault((c.table, c.row), []).append(c)
    return row_of, {k: tuple(v) for k, v in cells.items()}


@cache
def sums_of(fmt: Format, rule: str) -> tuple[tuple[Sum, frozenset[str]], ...]:
    """The format's sums checked by `rule`, each with every cell it reads (for `is_about`), held per format."""
    return tuple((s, frozenset((s.target, *s.addends))) for s in fmt.sums if s.rule == rule)


@cache
def balances_of(fmt: Format, rule: str) -> tuple[tuple[Balance, frozenset[str]], ...]:
    """The format's balances checked by `rule`, each with every cell it reads, held per format."""
    return tuple((b, frozenset((*b.left, *b.right))) for b in fmt.balances if b.rule == rule)


def table_name(fmt: Format, table_key: str) -> str:
    """表二, 表三 …: tables are named by the section they sit in, as people say it."""
    return f"表{fmt.table(table_key).section}"


def row_short(fmt: Format, cell: Cell) -> str:
    row = fmt.table(cell.table).row(cell.row)
    return row.short or row.label


def column_label(fmt: Format, cell: Cell) -> str:
    return fmt.table(cell.table).column(cell.col).label


def find_cell(fmt: Format, table: str, row: str, col: str | None = None) -> Cell | None:
    return next(
        (c for c in fmt.cells if c.table == table and c.row == row and (col is None or c.col == col)), None
    )


def slot_name(fmt: Format, slot_id: str) -> str:
    """Where a person finds a prose slot: 一、总体情况（二）依申请公开, 六、其他需要报告的事项, 报告开头."""
    if slot_id not in fmt.slot_ids:
        return slot_id
    slot = fmt.slot(slot_id)
    if not slot.section:
        return "报告开头"
    return fmt.section(slot.section).heading + slot.title


def show(value: object) -> str:
    """A number as people write it: 3, 0.5, -1."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    return str(value)


def total(report: Report, cell_ids: tuple[str, ...] | list[str]) -> int | Decimal:
    """The sum of the cells, blank or missing counting 0 (as `Report.value`), in one comprehension: this runs for
    every sum and balance of every check."""
    return sum([v for v in map(report.cells.get, cell_ids) if v is not None], 0)


def kind_of(report: Report) -> str:
    """The unit's kind as recorded, else as its name announces it (册井镇人民政府 → 镇); '' when unknown."""
    return report.unit_kind or guess_unit_kind(report.unit) or ""
