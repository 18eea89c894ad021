"""A block pasted from last year's Word or Excel table: each line is matched to a row by its printed label, then its
numbers fill the row's typed cells in column order."""

from __future__ import annotations

import re
from functools import cache

from ..formats import Format, Row, Table
from ..parse import ParseError, normalise, parse_number
from ..report import Number

_SPLIT = re.compile(r"[\s,，、;；|]+")


@cache
def _row_patterns(fmt: Format) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]:
    """(label pattern, row name, typed cells) for every row with typed cells, longest label first."""
    out = []
    for table in fmt.tables:
        for row in table.rows:
            cells = _typed_cells(table, row)
            if not cells:
                continue
            for label in {row.label, *row.aliases}:
                text = normalise(label).replace(" ", "")
                pattern = re.compile(r"\s*".join(re.escape(c) for c in text))
                out.append((pattern, len(text), row.short or row.label, cells))
    out.sort(key=lambda item: -item[1])
    return tuple((p, name, cells) for p, _, name, cells in out)


def _typed_cells(table: Table, row: Row) -> tuple[str, ...]:
    return tuple(c.id for c in table.cells if c.row == row.key and not c.derived)


def read_paste(fmt: Format, text: str) -> tuple[dict[str, Number], list[str]]:
    """The cells filled by the lines whose label matches a row, and the names of the rows read."""
    values: dict[str, Number] = {}
    names: list[str] = []
    for line in text.splitlines():
        line = normalise(line)
        for pattern, name, cells in _row_patterns(fmt):
            m = pattern.search(line)
            if not m:
                continue
            numbers = _numbers(line[m.end():], fmt.cell(cells[0]).kind)
            if len(numbers) >= len(cells):
                values.update(zip(cells, numbers, strict=False))
                names.append(name)
            break
    return values, names


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
