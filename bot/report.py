"""A report: who, which year, the numbers of its tables and the text of its prose slots.

Cells hold `int` for counts, `Decimal` for the one amount in 万元, and `None` for a cell that was printed blank or
as "/" (so the checker can name it: a blank is never a silent zero). A cell id missing from `cells` was never given.

A report imported from a document says, besides, what the document did not let us read: `not_found` holds the cell
ids and prose slot ids that were not found (a table cut off, a section missing), so a cell is read (a number), blank
(None) or not found — never a silent 0 — and `layout_notes` what the import noticed about the layout (a 2019-format
表二) for the rules to report.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from . import jsontext, messages
from .formats import DEFAULT_FORMAT, Format

Number = int | Decimal


@dataclass(frozen=True)
class LayoutNote:
    """Something about how the document printed a table: `kind` "legacy_labels" lists an older format's labels."""

    kind: str
    table: str  # the table key, e.g. t2
    labels: tuple[str, ...]  # as printed
    layout: str = ""  # the older format's name, e.g. 2019年试行格式

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "table": self.table, "labels": list(self.labels), "layout": self.layout}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LayoutNote:
        return cls(str(data["kind"]), str(data.get("table") or ""), tuple(map(str, data.get("labels") or ())),
                   str(data.get("layout") or ""))


@dataclass
class Report:
    unit: str
    unit_kind: str
    year: int
    cells: dict[str, Number | None] = field(default_factory=dict)
    text: dict[str, str] = field(default_factory=dict)
    format_id: str = DEFAULT_FORMAT.id
    not_found: frozenset[str] = frozenset()  # cells and prose slots the source document did not let us read
    layout_notes: tuple[LayoutNote, ...] = ()

    def is_read(self, cell_id: str) -> bool:
        """Whether the cell was read or given (a number or a blank), as opposed to not found."""
        return cell_id not in self.not_found

    def value(self, cell_id: str) -> Number:
        """The cell as a number for arithmetic: blank or missing counts as 0 (the checker reports those apart)."""
        v = self.cells.get(cell_id)
        return 0 if v is None else v

    def to_dict(self, copy_cells: bool = True) -> dict[str, Any]:
        """`copy_cells=False`: the cells dict itself, Decimals and all (for a writer that turns them itself)."""
        return {
            "unit": self.unit,
            "unit_kind": self.unit_kind,
            "year": self.year,
            "format": self.format_id,
            "cells": {k: v if type(v) is int or v is None else _json_number(v) for k, v in self.cells.items()}
            if copy_cells else self.cells,
            "text": dict(self.text),
            **({"not_found": sorted(self.not_found)} if self.not_found else {}),
            **({"layout_notes": [n.to_dict() for n in self.layout_notes]} if self.layout_notes else {}),
        }

    def to_json(self, indent: int | None = 2) -> str:
        """Indented for people (files, the CLI); `indent=None`: compact, as it is stored."""
        if indent is None:  # the cells as they are (no copy): a Decimal among them is turned as to_dict turns it
            return jsontext.dumps(self.to_dict(copy_cells=False), default=_json_number)
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any], fmt: Format = DEFAULT_FORMAT) -> Report:
        if not isinstance(data, dict) or not {"unit", "year"} <= data.keys():
            raise ValueError(messages.text("importers", "not_report_data"))
        stored = data.get("cells") or {}
        cells: dict[str, Number | None] = dict(stored)  # the common case, as stored: every cell an int
        if not cells_as_stored(stored):
            odd = [cell_id for cell_id, raw in stored.items() if type(raw) is not int and raw is not None]
            index = fmt._cell_index()
            for cell_id in odd:
                cell = index.get(cell_id)
                cells[cell_id] = parse_cell_value(stored[cell_id], cell.kind if cell is not None else "count")
        return cls(
            unit=str(data["unit"]),
            unit_kind=str(data.get("unit_kind") or ""),
            year=int(data["year"]),
            cells=cells,
            text={str(k): str(v) for k, v in (data.get("text") or {}).items()},
            format_id=str(data.get("format") or fmt.id),
            not_found=frozenset(map(str, data.get("not_found") or ())),
            layout_notes=tuple(LayoutNote.from_dict(n) for n in data.get("layout_notes") or ()),
        )

    def to_json_bytes(self) -> bytes:
        """The compact stored form, as UTF-8 bytes (how storage writes it: see bot.jsontext)."""
        return jsontext.dumps_bytes(self.to_dict(copy_cells=False), default=_json_number)

    @classmethod
    def from_json(cls, text: str | bytes, fmt: Format = DEFAULT_FORMAT) -> Report:
        return cls.from_dict(jsontext.loads(text), fmt)

    def copy(self, **changes: Any) -> Report:
        """A copy sharing no cells or text with this report; `changes` replace fields (as `dataclasses.replace`)."""
        # built field by field: `replace` inspects the dataclass on every call, and a copy is made several times a
        # message (a test checks that every field is copied)
        base = Report(self.unit, self.unit_kind, self.year, dict(self.cells), dict(self.text), self.format_id,
                      self.not_found, self.layout_notes)
        return replace(base, **changes) if changes else base


def parse_cell_value(raw: Any, kind: str = "count") -> Number | None:
    """A stored or printed cell value as a number; None for blank, "/", "—" and anything that is not a number.

    Counts that are not whole numbers stay Decimal so that the checker can name them (R5).
    """
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    if kind == "count" and value == value.to_integral_value():
        return int(value)
    return value


def _json_number(v: Number | None) -> int | float | None:
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() and v.as_tuple().exponent >= 0 else float(v)
    return v


def with_derived(report: Report, fmt: Format = DEFAULT_FORMAT,
                 since: tuple[Report, Iterable[str]] | None = None) -> Report:
    """A copy whose derived cells (the 总计 of 三 and 四) are computed from the typed cells.

    `since`: (`with_derived` of an earlier state of this report, the cells changed since): only the sums that read
    one of them are computed again, the others are taken from it (an answer changes a row or two; all the sums were
    a fiftieth of a message, twice in most)."""
    out = report.copy()
    cells = out.cells
    get = cells.get
    sums = _sums_in_order(fmt)
    if since is not None:
        before, changed = since
        stale = _sums_reading(fmt, changed)
        if not stale:  # no sum reads a changed cell (the answer wrote prose): every total as it was, taken in C
            targets = fmt._held("_sum_targets", lambda: tuple(target for target, _ in sums))
            cells.update(zip(targets, map(before.cells.__getitem__, targets), strict=True))
            return out
        cells.update((target, before.cells[target]) for i, (target, _) in enumerate(sums) if i not in stale)
        sums = tuple(sums[i] for i in sorted(stale))
    for target, addends in sums:
        cells[target] = sum(filter(None, map(get, addends)), 0)  # blanks and zeros add nothing; loops in C
    return out


def with_known_totals(report: Report, fmt: Format = DEFAULT_FORMAT) -> Report:
    """`with_derived` for a report built from answers, as printed or exported: a total over a cell not answered is
    blank (None), not the 0 `with_derived` counts it for arithmetic. (A report read from a file keeps the totals
    the file printed: `with_derived` alone.)"""
    out = with_derived(report, fmt)
    if None not in map(report.cells.get, fmt.typed_cell_ids):  # every cell answered (most reports): every total is known
        return out
    targets = tuple(target for target, _ in _sums_in_order(fmt))
    for target, known in zip(targets, known_values(out, fmt, targets), strict=True):
        if known is None:
            out.cells[target] = None
    return out


def known_value(report: Report, fmt: Format, cell_id: str) -> Number | None:
    """The cell's number when it is known: a typed cell that holds one, or a total whose every addend is known (as
    the table prints it, else their sum). None when a cell it rests on was skipped or left blank: unknown, never 0
    (`Report.value` and `with_derived` count it 0 for arithmetic; a sentence or a confirmation that states it must
    not)."""
    return known_values(report, fmt, (cell_id,))[0]


def known_values(report: Report, fmt: Format, cell_ids: Iterable[str]) -> list[Number | None]:
    """`known_value` of each of `cell_ids`, every total read once however many of them rest on it; with every typed
    cell given (a report past its tables, each message's drafts), a cell held is known as it is held."""
    cells = report.cells
    addends_of = fmt._held("_addends_by_target", lambda: dict(reversed(_sums_in_order(fmt))))
    memo: dict[str, Number | None] = {}

    def value(cell_id: str) -> Number | None:
        if cell_id in memo:
            return memo[cell_id]
        addends = addends_of.get(cell_id)
        if addends is None:
            known = cells.get(cell_id)
        else:
            parts = [value(a) for a in addends]
            known = None if None in parts else (cells.get(cell_id) if cell_id in cells else sum(parts, 0))
        memo[cell_id] = known
        return known

    typed_set = fmt._held("_typed_cell_set", lambda: frozenset(fmt.typed_cell_ids))
    if cells.keys() >= typed_set and None not in map(cells.__getitem__, fmt.typed_cell_ids):
        return [cells[c] if c in cells else value(c) for c in cell_ids]
    return [value(c) for c in cell_ids]


def _sums_reading(fmt: Format, changed: Iterable[str]) -> set[int]:
    """The positions in `_sums_in_order` of the sums that read a changed cell, or a total of one."""
    sums = _sums_in_order(fmt)
    readers = fmt._held("_sums_reading", lambda: _readers_of(sums))
    stale: set[int] = set()
    pending = list(changed)
    while pending:
        for i in readers.get(pending.pop(), ()):
            if i not in stale:
                stale.add(i)
                pending.append(sums[i][0])
    if not stale:
        return stale
    # a total summed both ways (总计 of 总计: by its row and by its column) keeps the last sum's result, as in full
    targets = {sums[i][0] for i in stale}
    return stale | {i for i, (target, _) in enumerate(sums) if target in targets}


def _readers_of(sums: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, tuple[int, ...]]:
    readers: dict[str, list[int]] = {}
    for i, (_, addends) in enumerate(sums):
        for cell in addends:
            readers.setdefault(cell, []).append(i)
    return {cell: tuple(found) for cell, found in readers.items()}


def _sums_in_order(fmt: Format) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(target, addends) of the format's sums, row totals first, so 总计 of 总计 sees them (held per format)."""
    return fmt._held("_sums_in_order", lambda: tuple(
        (s.target, tuple(s.addends)) for s in sorted(fmt.sums, key=lambda s: s.rule != "R3")))


_PLAIN_CELL_TYPES = frozenset({int, type(None)})


def cells_as_stored(cells: Mapping[str, Any]) -> bool:
    """Whether every cell is a whole number or blank: what JSON stores and gives back as it was, with no parsing."""
    return whole_or_blank(cells.values())


def whole_or_blank(values: Iterable[Any]) -> bool:
    """Whether every value is a whole number (an int, not a Decimal) or None: equal ones are written alike. The types
    are found in C: a loop over some 200 cells was a fiftieth of a message."""
    return _PLAIN_CELL_TYPES.issuperset(map(type, values))


def changed_cells(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """The cells that differ, given or taken away; a cell given blank (None) differs from one never given. Compared
    in C, as pairs: cells hold numbers or None."""
    return {cell for cell, _ in before.items() ^ after.items()}


def report_diff(old: Report, new: Report) -> dict[str, tuple[Number | str | None, Number | str | None]]:
    """The cells, then the prose slots, whose value differs (a cell given blank differs from one never given):
    id → (old, new), None for never given."""
    changes: dict[str, tuple[Number | str | None, Number | str | None]] = {}
    if old.cells != new.cells:  # one comparison in C settles the common case: nothing changed here
        before, after = old.cells, new.cells
        for cell in sorted(changed_cells(before, after)):
            changes[cell] = (before.get(cell), after.get(cell))
    if old.text != new.text:
        for slot in sorted(old.text.keys() | new.text.keys()):
            if old.text.get(slot) != new.text.get(slot):
                changes[slot] = (old.text.get(slot), new.text.get(slot))
    return changes


def empty_report(unit: str, unit_kind: str, year: int, fmt: Format = DEFAULT_FORMAT, fill: Number = 0) -> Report:
    """A report with every cell at `fill` (0 by default): the shape a unit with nothing to report has."""
    return Report(unit, unit_kind, year, {c: fill for c in fmt.cell_ids}, {}, fmt.id)
