"""Reports (one per unit and year) and the audit log of every change made to them."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from itertools import groupby
from typing import Any, NamedTuple

from bot import messages
from bot.formats import DEFAULT_FORMAT, FORMATS, Format
from bot.report import Report, cells_as_stored, report_diff

from .base import Repository
from .db import NotFound, from_json, parse_timestamp, timestamp, to_json

STATUSES = ("draft", "submitted", "returned", "approved")
# A unit's summary figures, stored with its report (migration 6): computed by the edge when it writes, NULL while
# not (or no longer) current. Every write here that could change them sets them NULL; the next read computes them.
FIGURES = ("open_errors", "typed", "answered", "questions", "progress", "next_code", "next_title")
FORGET_FIGURES = ", ".join(f"{c} = NULL" for c in FIGURES)


def forget_figures_sql(unit: str = "?", years: int = 0) -> str:
    """The statement that forgets a unit's stored figures: the unit given as `unit` (a parameter, or a subquery
    taking one), then `years` years as parameters, or every year (0). Only rows still holding figures are
    written: forgetting them again rewrote two indexes of the row in every message of a burst."""
    by_year = f" AND year IN ({', '.join('?' * years)})" if years else ""
    return f"UPDATE reports SET {FORGET_FIGURES} WHERE unit = {unit}{by_year} AND open_errors IS NOT NULL"
_MISSING: Any = object()  # a cell or slot never given, as opposed to one given blank (None)
_NOTHING: dict[str, Any] = {}  # the cells and slots of no report (never changed)


@dataclass
class StoredReport:
    report: Report
    status: str
    submitted_at: datetime | None
    updated_at: datetime
    # warnings the unit chose to keep, by warning key (e.g. "R8:t2.normative.in_force"), with the reason given
    accepted_warnings: dict[str, str] = field(default_factory=dict)
    returned_reason: str | None = None  # what the supervisor said when returning it
    submitted: Report | None = None  # the report as it was last handed in (None: never submitted)
    # the report's derived cells are known to be its sums already (`with_derived` of it changes nothing): it was
    # stored so by the dialog and is read back as this process wrote it (see `ParsedReports.keep`)
    derived: bool = False


AUTOMATIC = "nianbao"  # the audit's actor of a change the assistant made of itself (a paragraph it drafted)
# the field of an audit row that holds several changes of one save by one actor, as JSON in its `changes` column
# ([[field, old, new], …], in the order they were made: migration 16). A message that fills a table changes a hundred
# cells: one row each made the audit most of a message's writing. `audit_log` gives them back one change a row.
SEVERAL = "*"
_AUDIT_SQL = ("INSERT INTO audit (unit, year, actor, at, field, old_value, new_value, changes) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


class Change(NamedTuple):
    """One audited change. Values are as a person reads them: "" for a blank cell, None for never given. A named
    tuple, in the audit's column order: a message audits several, and a frozen dataclass set each field through
    object.__setattr__."""

    field: str  # a cell id, a slot id, "status" or "accepted:<warning key>"
    old: str | None
    new: str | None


# a report's returns: the `audit_returns` index's condition word for word, so that index alone is read
TIMES_RETURNED_SQL = ("SELECT count(*) AS n FROM audit WHERE unit = ? AND year = ? AND field = 'status' "
                      "AND new_value = 'returned'")


def report_changes(old: Report | None, new: Report, changed: Iterable[str] | None = None) -> list[Change]:
    """The cells and slots whose value differs, in the order the format declares them; `changed`: their ids, when
    the caller already knows them (comparing two reports cell by cell is most of a save's cost)."""
    fmt = FORMATS.get(new.format_id, DEFAULT_FORMAT)
    if changed is None:
        changed = report_diff(old or Report(new.unit, new.unit_kind, new.year), new)
    order = fmt._held("_declared_order", lambda: {k: i for i, k in enumerate((*fmt.cell_ids, *fmt.slot_ids))})
    last = len(order)
    # cell ids (t2.…, t3.…) and slot ids (preface, s1.…) never collide, so one namespace serves both: a value is
    # looked up in the cells, then in the slots, in place (two calls a change were most of the work)
    old_cells, old_text = (old.cells, old.text) if old is not None else (_NOTHING, _NOTHING)
    new_cells, new_text = new.cells, new.text
    return [Change(k, _text(old_cells.get(k, old_text.get(k, _MISSING))),
                   _text(new_cells.get(k, new_text.get(k, _MISSING))))
            for k in sorted(changed, key=lambda k: (order.get(k, last), k))]


def _text(value: Any) -> str | None:
    if value is _MISSING:
        return None
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


# which stored report an entry of ParsedReports is: unit, year, "report" or "submitted", format id
_Slot = tuple[str, int, str, str]


class ParsedReports:
    """The last parsed text of each report in use, and what it parsed to: a clerk's message reads their report, and
    the next message reads back what this one wrote. An entry serves only the very text it was parsed from
    (compared in full), so whoever wrote a row, a stale entry can never be returned; each caller gets its own copy
    to change. One entry per report, not per version of it, so `size` is how many reports are in use at once.

    An entry costs about 60 KB: held for 4,096 reports, the server with 2,000 clerks typing grew by 120 MB (205 →
    327 MB) to spare each message a parse of 30–50 µs, so 512 are held; beyond that many clerks at once, a read
    parses again."""

    def __init__(self, size: int = 512) -> None:
        self._size = size
        # slot → (the text, what it parsed to, whether its derived cells are known to be computed: see `keep`)
        self._held: OrderedDict[_Slot, tuple[str | bytes, Report, bool]] = OrderedDict()
        self._lock = threading.Lock()  # the desk's threads read reports too

    def parsed(self, unit: str, year: int, which: str, text: str | bytes, fmt: Format) -> Report:
        """`which`: "report" or "submitted" (the version a submission froze)."""
        return self.read(unit, year, which, text, fmt)[0]

    def read(self, unit: str, year: int, which: str, text: str | bytes, fmt: Format) -> tuple[Report, bool]:
        """As `parsed`, and whether the report's derived cells are known to be its sums (see `keep`)."""
        slot = (unit, year, which, fmt.id)
        with self._lock:
            held = self._held.get(slot)
            if held is not None and held[0] == text:
                self._held.move_to_end(slot)
                return held[1].copy(), held[2]
        report = Report.from_json(text, fmt)
        self._hold(slot, text, report.copy(), False)
        return report, False

    def keep(self, text: str | bytes, report: Report, derived: bool = False) -> None:
        """Hold `report` as what `text` parses to (the writer knows it without parsing) — unless a cell holds a
        Decimal, which the text keeps as a float: only parsing gives what a reader would get. `derived`: the writer
        says the report's derived cells are computed (`with_derived` of it is itself), so a reader of this very
        text need not sum them again; it is a property of the text, whoever wrote it."""
        if cells_as_stored(report.cells):
            fmt = FORMATS.get(report.format_id, DEFAULT_FORMAT)
            self._hold((report.unit, report.year, "report", fmt.id), text, report.copy(), derived)

    def _hold(self, slot: _Slot, text: str | bytes, report: Report, derived: bool) -> None:
        with self._lock:
            self._held[slot] = (text, report, derived)
            self._held.move_to_end(slot)
            while len(self._held) > self._size:
                self._held.popitem(last=False)


PARSED = ParsedReports()


def _stored(row: dict[str, Any], parsed: ParsedReports | None = PARSED) -> StoredReport:
    """The stored report of a row; `parsed=None` for reads of a whole area, which would only churn the cache."""
    fmt = FORMATS.get(row["format_id"], DEFAULT_FORMAT)

    def read(which: str, text: str | bytes) -> tuple[Report, bool]:
        if parsed is None:
            return Report.from_json(text, fmt), False
        return parsed.read(row["unit"], row["year"], which, text, fmt)

    report, derived = read("report", row["report"])
    return StoredReport(
        report=report,
        status=row["status"],
        submitted_at=parse_timestamp(row["submitted_at"]),
        updated_at=parse_timestamp(row["updated_at"]),
        accepted_warnings=from_json(row["accepted_warnings"], {}),
        returned_reason=row.get("returned_reason"),
        submitted=read("submitted", row["submitted_report"])[0] if row.get("submitted_report") else None,
        derived=derived,
    )


# what a clerk's message reads of its unit's reports: the reports as UTF-8 bytes, which the JSON parser takes as they
# are (as Python text each was decoded, then encoded back to be parsed: see bot.jsontext)
_AT_HAND_SQL = ("SELECT unit, year, status, format_id, CAST(report AS BLOB) AS report, accepted_warnings, submitted_at, "
                "updated_at, returned_reason, CAST(submitted_report AS BLOB) AS submitted_report FROM reports "
                "WHERE unit = ? AND year <= ?")


def _check_status(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(messages.text("storage", "bad_report_status", status=status, statuses=STATUSES))


class ReportRepository(Repository):
    def report(self, unit: str, year: int) -> StoredReport | None:
        row = self._row("SELECT * FROM reports WHERE unit = ? AND year = ?", (unit, year))
        return _stored(row) if row else None

    def year_at_hand(self, unit: str, year: int) -> tuple[int, StoredReport | None, StoredReport | None]:
        """What a clerk's message works on, read in one statement: the year (the newest earlier one whose report was
        returned and awaits its fix, else `year`), and the unit's stored reports of that year and the year before
        (None: none stored)."""
        rows = {r["year"]: r for r in self._rows(_AT_HAND_SQL, (unit, year))}
        returned = [y for y, r in rows.items() if y < year and r["status"] == "returned"]
        at_hand = max(returned, default=year)
        stored, before = rows.get(at_hand), rows.get(at_hand - 1)
        return at_hand, _stored(stored) if stored else None, _stored(before) if before else None

    def reports(self, year: int, area: str | None = None) -> list[StoredReport]:
        """The reports of a year, of every unit or of the units of one area, by unit name."""
        sql = "SELECT reports.* FROM reports JOIN units ON units.name = reports.unit WHERE year = ?"
        params: tuple[Any, ...] = (year,)
        if area is not None:
            sql, params = sql + " AND units.area = ?", (year, area)
        return [_stored(r, None) for r in self._rows(sql + " ORDER BY reports.unit", params)]

    def save_report(self, report: Report, actor: str, now: datetime, status: str | None = None,
                    changed: Iterable[str] | None = None, before: StoredReport | None | object = _MISSING,
                    forget: bool = True, redrafted: Iterable[str] = (), derived: bool = False) -> list[Change]:
        """Store `report` for its unit and year; one audit row per changed cell or slot (and status).

        What the caller may already know, to spare the work: `before`, the stored report as it read it in this same
        transaction (None: there was none); `changed`, the ids of the cells and slots that differ from it (the
        dialog step compared them already). Else both are found here. `forget=False`: the caller forgets the unit's
        figures itself (`forget_figures`, once for all it saved). `redrafted`: the slots the assistant wrote of itself
        in this change, audited as AUTOMATIC's, not the actor's. `derived`: the report has its derived cells
        computed (`with_derived` of it is itself, as the dialog's are): read back, it is not summed again."""
        if status is not None:
            _check_status(status)
        at = timestamp(now)
        with self._statements():
            if before is _MISSING:
                row = self._report_row(report.unit, report.year)
                before = _stored(row) if row else None
            old = before.report if isinstance(before, StoredReport) else None
            changes = report_changes(old, report, changed)
            if old is None or changes:
                text = report.to_json_bytes()
                if old is None:
                    self._insert_report(report, text, at)
                else:  # plain SQL on the hot path: sqlite-utils' update introspects the table every time
                    self.db.execute("UPDATE reports SET report = CAST(? AS TEXT), format_id = ?, updated_at = ? "
                                    "WHERE unit = ? AND year = ?",
                                    (text, report.format_id, at, report.unit, report.year))
                PARSED.keep(text, report, derived)  # the next message reads it back
            if forget and (old is None or changes):
                # its figures are stale, and next year's: this report's prose decides which facts are asked there,
                # its numbers are checked against (R6, R8, R15)
                self.db.execute(forget_figures_sql(years=2), (report.unit, report.year, report.year + 1))
            self._audit(report.unit, report.year, actor, at, changes, frozenset(redrafted))
            if status is not None:
                changes += self._change_status(report.unit, report.year, status, at, actor)
            return changes

    def set_status(self, unit: str, year: int, status: str, now: datetime, actor: str, reason: str | None = None) -> None:
        """Change the status; `reason` is kept with a return (and cleared by any other status)."""
        _check_status(status)
        with self.transaction():
            self._change_status(unit, year, status, timestamp(now), actor)
            row = self._existing_row(unit, year)
            self._set_columns(row["id"], {"returned_reason": reason if status == "returned" else None})

    def times_returned(self, unit: str, year: int) -> int:
        """How many times the report was returned, from its audit (each return is one status row): a second return
        for the very reason of the first is still another return. Read on every message while a report is returned:
        the condition is the `audit_returns` index's, word for word, so only the report's return rows are read."""
        row = self._row(TIMES_RETURNED_SQL, (unit, year))
        return int(row["n"]) if row else 0

    def accept_warning(self, unit: str, year: int, key: str, reason: str | None, now: datetime, actor: str) -> None:
        """Record that a warning stays, with the reason given; `reason=None` withdraws the acceptance."""
        at = timestamp(now)
        with self.transaction():
            row = self._existing_row(unit, year)
            accepted = from_json(row["accepted_warnings"], {})
            old = accepted.pop(key, None)
            if reason is not None:
                accepted[key] = reason
            if old == reason:
                return
            self._set_columns(row["id"], {"accepted_warnings": to_json(accepted), "updated_at": at})
            self._audit(unit, year, actor, at, [Change(f"accepted:{key}", old, reason)])

    def save_figures(self, rows: Iterable[tuple[str, int, dict[str, Any]]]) -> None:
        """Store computed figures: (unit, year, {column: value}) with every column of FIGURES."""
        sql = f"UPDATE reports SET {', '.join(f'{c} = ?' for c in FIGURES)} WHERE unit = ? AND year = ?"
        params = [(*(figures[c] for c in FIGURES), unit, year) for unit, year, figures in rows]
        with self.transaction():
            self.db.conn.executemany(sql, params)
            self._figures_saved += 1

    def audit_log(self, unit: str, year: int) -> list[dict[str, Any]]:
        """Every change to one report, oldest first: {id, unit, year, actor, at, field, old_value, new_value}; the
        changes of one save by one actor share their row's id."""
        rows = self._rows("SELECT * FROM audit WHERE unit = ? AND year = ? ORDER BY id", (unit, year))
        log = []
        for r in rows:
            r["at"] = parse_timestamp(r["at"])
            several = r.pop("changes")
            if several is None:
                log.append(r)
            else:
                log += [{**r, "field": f, "old_value": old, "new_value": new} for f, old, new in from_json(several)]
        return log

    def _report_row(self, unit: str, year: int) -> dict[str, Any] | None:
        return self._row("SELECT * FROM reports WHERE unit = ? AND year = ?", (unit, year))

    def _existing_row(self, unit: str, year: int) -> dict[str, Any]:
        row = self._report_row(unit, year)
        if row is None:
            raise NotFound(messages.text("storage", "report_not_found", unit=unit, year=year))
        return row

    def _insert_report(self, report: Report, text: bytes, at: str) -> None:
        # a report may arrive (e.g. imported from last year's file) before the organisation file names its unit
        self.db.execute("INSERT OR IGNORE INTO units (name, kind) VALUES (?, ?)", (report.unit, report.unit_kind))
        self.db.execute(
            "INSERT INTO reports (unit, year, status, format_id, report, accepted_warnings, updated_at) "
            "VALUES (?, ?, 'draft', ?, CAST(? AS TEXT), '{}', ?)",
            (report.unit, report.year, report.format_id, text, at))

    def _change_status(self, unit: str, year: int, status: str, at: str, actor: str) -> list[Change]:
        row = self._existing_row(unit, year)
        if row["status"] == status:
            return []
        values = {"status": status, "updated_at": at, **dict.fromkeys(FIGURES)}  # open errors count by status
        if status == "submitted":
            values["submitted_at"] = at
            values["submitted_report"] = row["report"]  # what a link sent now keeps showing
        self._set_columns(row["id"], values)
        change = Change("status", row["status"], status)
        self._audit(unit, year, actor, at, [change])
        return [change]

    def _set_columns(self, report_id: int, values: dict[str, Any]) -> None:
        # plain SQL: sqlite-utils' update() reads the table's columns (PRAGMA table_info) on every call
        self._write(f"UPDATE reports SET {', '.join(f'{column} = ?' for column in values)} WHERE id = ?",
                    (*values.values(), report_id))

    def _audit(self, unit: str, year: int, actor: str, at: str, changes: list[Change],
               automatic: frozenset[str] = frozenset()) -> None:
        """`automatic`: the fields the assistant changed of itself, audited as AUTOMATIC's. One row for each run of
        changes by one actor (their order kept): a lone change as it is, several as one row of SEVERAL."""
        if not changes:
            return
        rows = []
        for who, run in groupby(changes, key=lambda c: AUTOMATIC if c.field in automatic else actor):
            made = list(run)
            if len(made) == 1:
                rows.append((unit, year, who, at, *made[0], None))
            else:
                rows.append((unit, year, who, at, SEVERAL, None, None, to_json([(c.field, c.old, c.new) for c in made])))
        self.db.conn.executemany(_AUDIT_SQL, rows)
