"""A block pasted from last year's Word or Excel table: each line is matched to a row by its printed label, then its
numbers fill the row's cells in column order. The totals the block prints (（七）总计, the 总计 column) are read too:
they are not stored (the report computes its own), but a result row the block leaves out is 0 when the rows it
gives add up to the total it states — the clerk's own table says so, nothing is assumed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..formats import Format, Row, Table
from ..parse import ParseError, normalise, parse_number
from ..report import Number

_SPLIT = re.compile(r"[\s,，、;；|]+")


@dataclass
class Pasted:
    values: dict[str, Number] = field(default_factory=dict)  # typed cells, as the block gives them
    stated: dict[str, Number] = field(default_factory=dict)  # derived cells (totals), as the block prints them
    rows: list[str] = field(default_factory=list)  # the names of the rows read, in order
    completed: list[str] = field(default_factory=list)  # typed cells left out that the block's totals make 0
    implausible: list[str] = field(default_factory=list)  # rows not taken: a number beyond its cell's bound


@cache
def _row_patterns(fmt: Format) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...], tuple[bool, ...]], ...]:
    """(label pattern, row name, the row's cells in column order, which of them are typed), longest label first."""
    out = []
    for table in fmt.tables:
        for row in table.rows:
            cells = _cells(table, row)
            if not cells:
                continue
            typed = tuple(not fmt.cell(c).derived for c in cells)
            for label in {row.label, *row.aliases}:
                text = normalise(label).replace(" ", "")
                pattern = re.compile(r"\s*".join(re.escape(c) for c in text))
                out.append((pattern, len(text), row.short or row.label, cells, typed))
    out.sort(key=lambda item: -item[1])
    return tuple((p, name, cells, typed) for p, _, name, cells, typed in out)


def _cells(table: Table, row: Row) -> tuple[str, ...]:
    order = {c.key: i for i, c in enumerate(table.columns)}
    return tuple(c.id for c in sorted((c for c in table.cells if c.row == row.key), key=lambda c: order[c.col]))


def read_paste(fmt: Format, text: str) -> Pasted:
    """The cells filled by the lines whose label matches a row, the totals they state, and the rows read."""
    pasted = Pasted()
    for line in text.splitlines():
        line = normalise(line)
        for pattern, name, cells, typed in _row_patterns(fmt):
            m = pattern.search(line)
            if not m:
                continue
            row = Pasted()
            if not _read_row(fmt, line[m.end():], cells, typed, row):
                break
            if _implausible(fmt, {**row.values, **row.stated}):
                pasted.implausible.append(name)  # a digit held down: the row is typed again at its question
                break
            pasted.values.update(row.values)
            pasted.stated.update(row.stated)
            pasted.rows.append(name)
            break
    _complete_by_totals(fmt, pasted)
    return pasted


def _read_row(fmt: Format, rest: str, cells: tuple[str, ...], typed: tuple[bool, ...], pasted: Pasted) -> bool:
    """The numbers after the label: one per cell (totals included), or one per typed cell (a block without its
    总计 column)."""
    numbers = _numbers(rest, fmt.cell(cells[0]).kind)
    if len(numbers) >= len(cells):
        for cell, is_typed, value in zip(cells, typed, numbers, strict=False):
            (pasted.values if is_typed else pasted.stated)[cell] = value
        return True
    own = [c for c, is_typed in zip(cells, typed, strict=True) if is_typed]
    if own and len(numbers) >= len(own):
        pasted.values.update(zip(own, numbers, strict=False))
        return True
    return False


def _implausible(fmt: Format, values: dict[str, Number]) -> bool:
    """A typed number above the bound its cell declares (`Cell.maximum`)."""
    return any((bound := fmt.cell(c).maximum) is not None and not fmt.cell(c).derived and v > bound
               for c, v in values.items())


def _complete_by_totals(fmt: Format, pasted: Pasted) -> None:
    """Typed cells the block left out, 0 where a total it states equals the sum of the cells it gives: the result
    rows of a block that printed only the rows that happened, and its （七）总计."""
    if not pasted.stated:
        return
    known: dict[str, Number] = {**pasted.values, **pasted.stated}
    changed = True
    while changed:
        changed = False
        for s in fmt.sums:
            missing = [a for a in s.addends if a not in known]
            if s.target not in known or not missing:
                continue
            if sum(known[a] for a in s.addends if a in known) != known[s.target]:
                continue
            for cell in missing:
                known[cell] = 0
                if not fmt.cell(cell).derived:
                    pasted.values[cell] = 0
                    pasted.completed.append(cell)
            changed = True


def _numbers(rest: str, kind: str) -> list[Number]:
    out: list[Number] = []
    for token in _SPLIT.split(rest):
        if not token:
            continue
        value = parse_number(token, kind)  # type: ignore[arg-type]
        if isinstance(value, ParseError):
            break
        out.append(value)
    return out


def looks_pasted(text: str) -> bool:
    return len([line for line in text.splitlines() if line.strip()]) >= 2
