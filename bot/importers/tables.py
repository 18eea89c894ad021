"""Table rows → cells, matched by the row labels the format declares (never by position in the file).

Printed tables are messy: labels lose their leading tabs, group and leaf labels share a row, filler cells pad
rows at either end, table 四 prints its three row groups side by side as one row of 15 numbers. Rows are found by
their label; values are the cells after it. A row of bare numbers belongs to the table whose header came last, when
its length is that table's number of cells (table 四's one data row).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import messages
from ..findings import Finding
from ..formats import Format, Row, Table
from ..report import Number, parse_cell_value
from .blocks import norm


@dataclass(frozen=True)
class Legacy:
    """What the 2019 trial format printed where the 2021 format prints something else (R12)."""

    column_labels: tuple[str, ...]  # its column names
    row_aliases: tuple[tuple[str, str, str], ...]  # (printed label, table, row key)


LEGACY = {
    "gov2021": Legacy(
        column_labels=("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        row_aliases=(("规范性文件", "t2", "normative"),),
    ),
}

_BLANK = re.compile(r"^(?:[/\\\-—–―_－]+|无|空)$")
_UNIT = re.compile(r"(?:件|个|条|次|项|人次|万元)$")
_DIGIT_LEAF = re.compile(r"^\d+\.")


@dataclass(frozen=True)
class LabelIndex:
    rows: dict[str, tuple[Table, Row]]  # normalised label → the row it names
    groups: dict[str, tuple[Table, str]]  # normalised group label → (table, group as declared)
    legacy_rows: dict[str, tuple[Table, Row, str]]


_INDEXES: dict[str, LabelIndex] = {}


def label_index(fmt: Format) -> LabelIndex:
    """The labels of a format, built once per format id (a Format is too big to hash on every row)."""
    if fmt.id not in _INDEXES:
        _INDEXES[fmt.id] = _build_index(fmt)
    return _INDEXES[fmt.id]


def _build_index(fmt: Format) -> LabelIndex:
    rows: dict[str, tuple[Table, Row]] = {}
    ambiguous: set[str] = set()
    for table in fmt.tables:
        for row in table.rows:
            for key in _label_variants(row):
                if key in rows and rows[key][1] is not row:
                    ambiguous.add(key)
                rows.setdefault(key, (table, row))
    for key in ambiguous:
        del rows[key]
    groups = {norm(r.group): (t, r.group) for t in fmt.tables for r in t.rows if r.group}
    legacy = LEGACY.get(fmt.id)
    legacy_rows = {}
    for printed, table_key, row_key in legacy.row_aliases if legacy else ():
        table = fmt.table(table_key)
        legacy_rows[norm(printed)] = (table, table.row(row_key), printed)
    return LabelIndex(rows, groups, legacy_rows)


def _label_variants(row: Row) -> set[str]:
    """The label, its aliases, and spellings seen in print: without the parenthesised note, without "一、"."""
    keys = {norm(row.label), *(norm(a) for a in row.aliases)}
    keys |= {re.sub(r"\([^()]*\)$", "", key) for key in keys}
    for key in list(keys):
        bare = re.sub(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)", "", key)
        if len(bare) >= 4:  # "总计" or "其他" alone would also match column headers
            keys.add(bare)
    return {k for k in keys if k}


def parse_value(text: str, kind: str) -> Number | None:
    folded = _UNIT.sub("", norm(text).replace(",", ""))
    if folded == "" or _BLANK.match(folded):
        return None
    return parse_cell_value(folded, kind)


def _is_value(text: str) -> bool:
    folded = _UNIT.sub("", norm(text).replace(",", ""))
    return folded == "" or _BLANK.match(folded) is not None or parse_cell_value(folded, "amount") is not None


def _is_number(text: str) -> bool:
    return parse_value(text, "amount") is not None


def _trim(values: list[str], size: int) -> list[str]:
    """Drop empty filler cells, first at the end, then at the start, while the row has more than `size`."""
    vals = list(values)
    while len(vals) > size and norm(vals[-1]) == "":
        vals.pop()
    while len(vals) > size and norm(vals[0]) == "":
        vals.pop(0)
    return vals


@dataclass
class TableReader:
    """Collects cells from table rows fed in document order, then says what it could not find."""

    fmt: Format
    cells: dict[str, Number | None] = field(default_factory=dict)
    found: set[tuple[str, str]] = field(default_factory=set)  # (table key, row key)
    group_values: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    legacy_seen: dict[str, list[str]] = field(default_factory=dict)  # table key → 2019 labels seen
    context: Table | None = None

    def feed(self, raw_cells: tuple[str, ...]) -> None:
        index = label_index(self.fmt)
        keys = [norm(c) for c in raw_cells]
        self._note_legacy_columns(keys)
        found = self._label(keys, index)
        if found is None:
            self._bare_values(list(raw_cells))
            return
        pos, table, target = found
        self.context = table
        values = list(raw_cells[pos + 1:])
        known = index.rows.keys() | index.groups.keys() | index.legacy_rows.keys()
        if any(k and k not in known for k in keys[:pos]) or not values or not all(map(_is_value, values)):
            return  # a header row: it names a table but carries no numbers
        if isinstance(target, Row):
            self._assign_row(table, target, values)
        elif target is not None:
            self.group_values.setdefault((table.key, target), values)

    def _label(self, keys: list[str], index: LabelIndex) -> tuple[int, Table, Row | str | None] | None:
        """The last cell naming a row (a leaf wins over the group printed before it) or a one-row group.

        A cell naming any other group (第二十条第（一）项, 行政诉讼) only tells which table the row is in.
        """
        for pos in range(len(keys) - 1, -1, -1):
            key = keys[pos]
            if key in index.rows:
                return pos, *index.rows[key]
            if key in index.legacy_rows:
                table, row, printed = index.legacy_rows[key]
                self.legacy_seen.setdefault(table.key, []).append(printed)
                return pos, table, row
            if key in index.groups and _collapsible(*index.groups[key]):
                return pos, *index.groups[key]
        for pos, key in enumerate(keys):
            if key in index.groups:
                return pos, index.groups[key][0], None
        return None

    def _assign_row(self, table: Table, row: Row, values: list[str]) -> None:
        if (table.key, row.key) in self.found:
            return
        row_cells = [c for c in table.cells if c.row == row.key]
        fitted = _trim(values, len(row_cells))
        fitted += [""] * (len(row_cells) - len(fitted))  # a short row: the missing end cells were printed blank
        for cell, text in zip(row_cells, fitted[: len(row_cells)], strict=True):
            self.cells[cell.id] = parse_value(text, cell.kind)
        self.found.add((table.key, row.key))

    def _bare_values(self, values: list[str]) -> None:
        """A row of numbers with no label: table 四's data row, printed under its headers."""
        table = self.context
        if table is None or not all(map(_is_value, values)) or not any(map(_is_number, values)):
            return
        fitted = _trim(values, len(table.cells))
        if len(fitted) != len(table.cells) or any(c.id in self.cells for c in table.cells):
            return  # too few or too many numbers to place them safely, or the table is read already
        for cell, text in zip(table.cells, fitted, strict=True):
            self.cells[cell.id] = parse_value(text, cell.kind)
        self.found.update((table.key, r.key) for r in table.rows)

    def _note_legacy_columns(self, keys: list[str]) -> None:
        legacy = LEGACY.get(self.fmt.id)
        for label in legacy.column_labels if legacy else ():
            if norm(label) in keys:
                table = self.context or self.fmt.tables[0]
                self.legacy_seen.setdefault(table.key, []).append(label)

    def finish(self) -> list[Finding]:
        """Place old one-row groups, and report what the file does not have."""
        findings = self._collapsed_groups()
        findings += self._legacy_findings()
        findings += self._missing()
        return findings

    def _collapsed_groups(self) -> list[Finding]:
        findings = []
        for (table_key, group), values in self.group_values.items():
            table = self.fmt.table(table_key)
            leaves = [r for r in table.rows if r.group == group]
            if any((table_key, r.key) in self.found for r in leaves):
                continue  # a subtotal row above leaves that were printed too
            *zeroed, last = leaves
            self._assign_row(table, last, values)
            for row in zeroed:
                for cell in (c for c in table.cells if c.row == row.key):
                    self.cells[cell.id] = 0
                self.found.add((table_key, row.key))
            findings.append(Finding(
                "R12", "warning", tuple(c.id for c in table.cells if c.row == last.key),
                messages.text("importers", "old_group_layout", table=_table_name(table), group=group,
                              leaf=last.label, others=[r.label for r in zeroed]),
            ))
        return findings

    def _legacy_findings(self) -> list[Finding]:
        findings = []
        for table_key, seen in self.legacy_seen.items():
            table = self.fmt.table(table_key)
            index = label_index(self.fmt)
            rows = [entry for key, entry in index.legacy_rows.items() if entry[2] in seen]
            columns = [s for s in dict.fromkeys(seen) if s not in {r[2] for r in rows}]
            if columns:
                cells = tuple(c.id for c in table.cells if c.col in {col.key for col in table.columns[:3]})
                expected = [c.label for c in table.columns[: len(columns)]]
                message = messages.text("importers", "legacy_columns", table=_table_name(table), seen=columns,
                                        expected=expected)
                findings.append(Finding("R12", "error", cells, message))
            for row_table, row, printed in rows:
                cells = tuple(c.id for c in row_table.cells if c.row == row.key)
                message = messages.text("importers", "legacy_row", table=_table_name(row_table), seen=printed,
                                        expected=row.label)
                findings.append(Finding("R12", "error", cells, message))
        return findings

    def _missing(self) -> list[Finding]:
        findings = []
        for table in self.fmt.tables:
            missing = [r for r in table.rows if (table.key, r.key) not in self.found]
            if len(missing) == len(table.rows):
                message = messages.text("importers", "missing_table", table=_table_name(table), title=table.title,
                                        count=len(table.cells))
                findings.append(Finding("R5", "error", tuple(c.id for c in table.cells), message))
                continue
            for row in missing:
                cells = tuple(c.id for c in table.cells if c.row == row.key)
                message = messages.text("importers", "missing_row", table=_table_name(table), label=row.label,
                                        count=len(cells))
                findings.append(Finding("R5", "error", cells, message))
        return findings


def _collapsible(table: Table, group: str) -> bool:
    """A group whose rows are numbered leaves (（六）其他处理 → 1. 2. 3.): the 2019 format printed it as one row."""
    leaves = [r for r in table.rows if r.group == group]
    return len(leaves) > 1 and all(_DIGIT_LEAF.match(norm(r.label)) for r in leaves)


def _table_name(table: Table) -> str:
    return f"表{table.section}"

