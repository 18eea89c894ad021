"""What the supervision edge reads in bulk (an area's units, reports, people and conversations in a few queries) and
what the reminder timer records (each judged slot, the outbox rows it queued, and when it last looked).

Bulk on purpose: 汇总 for an area of 2,000 units must answer in well under 100 ms, and the timer plans reminders for
tens of thousands of people in one transaction — one query per table, never one per unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot import messages

from .base import Repository
from .db import from_json, parse_timestamp, timestamp, to_json
from .reports import FIGURES

NO_AREA = ""  # as an `area` argument: the units that belong to no area
RETURN_REASON = "returned_reason"  # the audit field that keeps why a report was returned
LOOKED_AT = "looked_at"  # in a supervisor's pending state: [unit, year] last opened with 查看


@dataclass(frozen=True)
class ReminderRecord:
    unit: str  # a unit's name, or "@<area>" for an area's digest
    slot: str
    planned_at: datetime
    status: str  # sent | skipped
    reason: str | None = None
    recipients: int = 0


# the current year's report of unit `u`, joined to keep only the units whose figures are not stored
_STALE_JOIN = "LEFT JOIN reports s ON s.unit = u.name AND s.year = ? AND s.open_errors IS NOT NULL"


# when a returned report was returned: its last status change to "returned" (looked up for returned reports only)
_RETURNED_AT = ("CASE WHEN r.status = 'returned' THEN (SELECT max(a.at) FROM audit a WHERE a.unit = r.unit "
                "AND a.year = r.year AND a.field = 'status' AND a.new_value = 'returned') END AS returned_at")


# a unit whose figures are not stored (a report's, or a conversation's before any report) is computed, not counted
_STALE = ("((r.id IS NOT NULL AND r.open_errors IS NULL) OR (r.id IS NULL AND EXISTS (SELECT 1 FROM users p "
          "JOIN conversations c ON c.userid = p.userid WHERE p.unit = u.name AND p.active)))")
# a unit's status from its report's row and stored figures, as `handlers.areas.unit_status` tells it (no report
# and no conversation: not started)
_STATUS_SQL = ("CASE WHEN r.id IS NULL THEN 'not_started' WHEN r.status IN ('submitted', 'returned', 'approved') "
               "THEN r.status WHEN NOT r.answered AND NOT r.typed THEN 'not_started' ELSE 'in_progress' END")


def _in(names: Sequence[str]) -> str:
    return ",".join("?" * len(names))


class SupervisionRepository(Repository):
    # -- reading an area ------------------------------------------------------------------------------------------

    def area_unit_rows(self, year: int, area: str | None, names: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Units {name, kind, area} with their report's status and stored figures for `year`, in the listed order: no report
        JSON. `report_id` is None for a unit without a report; `open_errors` None where figures are not stored;
        `returned_at`: when a returned report was returned (from the audit log)."""
        sql = ("SELECT u.name, u.kind, u.area, u.position, r.id AS report_id, r.status, r.submitted_at, r.accepted_warnings, "
               f"r.returned_reason, {_RETURNED_AT}, "
               f"{', '.join(f'r.{c}' for c in FIGURES)} "
               # the covering index: SQLite would take the unique (unit, year) one and read each report's row
               "FROM units u LEFT JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? "
               "WHERE 1")
        sql, params = _filtered(sql, (year,), area, names, "u")
        return self._records(sql + " ORDER BY u.position, u.name", params)  # type: ignore[return-value]

    # -- 汇总 of an area, counted here: no row per unit leaves SQLite -------------------------------------------

    def area_stale_unit_rows(self, year: int, area: str | None) -> list[dict[str, Any]]:
        """Rows as `area_unit_rows` of the units whose figures must be computed: a report without stored figures,
        or no report but someone of the unit in a conversation (whose progress may count). Every other unit's
        status is known from its stored figures — or, with no report and no conversation, it has not started."""
        sql = ("SELECT u.name, u.kind, u.area, u.position, r.id AS report_id, r.status, r.submitted_at, r.accepted_warnings, "
               f"r.returned_reason, {_RETURNED_AT}, "
               f"{', '.join(f'r.{c}' for c in FIGURES)} "
               f"FROM units u LEFT JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? "
               f"WHERE {_STALE}")
        sql, params = _filtered(sql, (year,), area, None, "u")
        return self._records(sql + " ORDER BY u.position, u.name", params)  # type: ignore[return-value]

    def area_status_tallies(self, year: int, area: str | None,
                            late_since: datetime) -> list[tuple[str, str | None, int, int, int]]:
        """(the unit's area, its status, how many units, their open errors, how many of them handed their report in
        at or after `late_since`) from the stored figures; the status is None for the units whose figures must be
        computed (those of `area_stale_unit_rows`)."""
        sql = (f"SELECT coalesce(u.area, ''), CASE WHEN {_STALE} THEN NULL ELSE {_STATUS_SQL} END AS st, count(*), "
               "coalesce(sum(r.open_errors), 0), count(r.submitted_at >= ? OR NULL) "
               "FROM units u LEFT JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? WHERE 1")
        sql, params = _filtered(sql, (timestamp(late_since), year), area, None, "u")
        with self._lock:
            return self.db.conn.execute(sql + " GROUP BY 1, 2", params).fetchall()

    def area_pending_rows(self, year: int, area: str | None, limit: int) -> list[dict[str, Any]]:
        """The first `limit` units not handed in {name, kind, area, unit_status, unit_progress, open_errors}, in the
        order a supervisor chases them (returned, in progress, not started; least progress first; in the listed order), of the
        units whose status is known from storage."""
        # aliases unlike any column: in ORDER BY a column of the same name would win over the alias
        sql = (f"SELECT u.name, u.kind, u.area, u.position, {_STATUS_SQL} AS unit_status, "
               "coalesce(r.progress, 0) AS unit_progress, coalesce(r.open_errors, 0) AS open_errors "
               "FROM units u LEFT JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? "
               f"WHERE NOT {_STALE} AND (r.id IS NULL OR r.status NOT IN ('submitted', 'approved'))")
        sql, params = _filtered(sql, (year,), area, None, "u")
        order = (" ORDER BY CASE unit_status WHEN 'returned' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'not_started' "
                 "THEN 2 ELSE 3 END, unit_progress, u.position, u.name LIMIT ?")
        return self._rows(sql + order, (*params, limit))

    def area_late_rows(self, year: int, area: str | None, since: datetime,
                       limit: int) -> tuple[int, list[dict[str, Any]]]:
        """Reports handed in at or after `since` (submitted, approved or returned): how many, and the first `limit`
        in the listed order {name, kind, area, status, submitted_at} — of the units whose status is known from storage."""
        sql = ("SELECT u.name, u.kind, u.area, u.position, r.status, r.submitted_at, count(*) OVER () AS late "
               "FROM units u JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? "
               f"WHERE NOT {_STALE} AND r.status IN ('submitted', 'approved', 'returned') AND r.submitted_at >= ?")
        sql, params = _filtered(sql, (year, timestamp(since)), area, None, "u")
        rows = self._rows(sql + " ORDER BY u.position, u.name LIMIT ?", (*params, limit))
        return (rows[0]["late"] if rows else 0), rows

    def area_to_review_rows(self, year: int, area: str | None, limit: int) -> list[dict[str, Any]]:
        """The first `limit` reports handed in and waiting for review {name, kind, area, submitted_at, open_errors},
        the earliest handed in first — of the units whose status is known from storage."""
        sql = ("SELECT u.name, u.kind, u.area, u.position, r.submitted_at, coalesce(r.open_errors, 0) AS open_errors "
               "FROM units u JOIN reports r INDEXED BY reports_figures ON r.unit = u.name AND r.year = ? "
               f"WHERE NOT {_STALE} AND r.status = 'submitted'")
        sql, params = _filtered(sql, (year,), area, None, "u")
        return self._rows(sql + " ORDER BY r.submitted_at, u.position, u.name LIMIT ?", (*params, limit))

    def area_approved_rows(self, year: int, area: str | None, limit: int) -> list[dict[str, Any]]:
        """The first `limit` approved reports {name, kind, area}, in the listed order — of the units whose status is known
        from storage."""
        sql = ("SELECT u.name, u.kind, u.area, u.position FROM units u JOIN reports r INDEXED BY reports_figures "
               f"ON r.unit = u.name AND r.year = ? WHERE NOT {_STALE} AND r.status = 'approved'")
        sql, params = _filtered(sql, (year,), area, None, "u")
        return self._rows(sql + " ORDER BY u.position, u.name LIMIT ?", (*params, limit))

    def area_unit_names(self, area: str | None) -> list[str]:
        """Every unit name of `area` (nested areas included; None: every unit)."""
        sql, params = _filtered("SELECT u.name FROM units u WHERE 1", (), area, None, "u")
        with self._lock:
            return [r[0] for r in self.db.conn.execute(sql, params)]

    def area_unit_count(self, area: str | None) -> int:
        """How many units `area` holds (nested areas included; None: every unit) — one indexed count."""
        sql, params = _filtered("SELECT count(*) FROM units u WHERE 1", (), area, None, "u")
        with self._lock:
            return self.db.conn.execute(sql, params).fetchone()[0]

    def area_staff(self, area: str | None, names: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Active users {userid, name, unit} attached to the units."""
        sql = "SELECT p.userid, p.name, p.unit FROM users p JOIN units u ON u.name = p.unit WHERE p.active"
        return self._records(*_filtered(sql, (), area, names, "u"))  # type: ignore[return-value]

    def area_report_rows(self, year: int, area: str | None, names: Sequence[str] | None = None,
                         stale_only: bool = False) -> list[dict[str, Any]]:
        """The raw report rows of a year (JSON unparsed); `stale_only`: only those whose figures are not stored."""
        sql = ("SELECT r.unit, r.year, r.status, r.format_id, r.report, r.accepted_warnings, r.submitted_at, "
               "r.updated_at, r.returned_reason FROM reports r JOIN units u ON u.name = r.unit WHERE r.year = ?")
        if stale_only:
            sql += " AND r.open_errors IS NULL"
        return self._rows(*_filtered(sql, (year,), area, names, "u"))

    def area_report_cells(self, year: int, names: Sequence[str]) -> list[dict[str, Any]]:
        """{unit, format_id, cells, report} of the units' reports of a year, `cells` the report's cells as JSON
        text: what 导出 writes, without the prose around them (a third of a report's JSON, read and parsed for
        nothing). `report`, the whole JSON, only where SQLite cannot read it (a NaN or Infinity Python wrote)."""
        sql = ("SELECT r.unit, r.format_id, CASE WHEN json_valid(r.report) THEN json_extract(r.report, '$.cells') "
               "END AS cells, CASE WHEN json_valid(r.report) THEN NULL ELSE r.report END AS report FROM reports r "
               "JOIN units u ON u.name = r.unit WHERE r.year = ?")
        return self._rows(*_filtered(sql, (year,), None, names, "u"))

    def area_previous_reports(self, year: int, area: str | None, names: Sequence[str] | None = None,
                              stale_only: bool = False) -> dict[str, dict[str, Any]]:
        """Last year's report rows per unit {unit, format_id, report} (JSON unparsed): its prose decides whether the
        conversation asks for facts, its figures are what R6/R8/R15 compare with. `stale_only`: only for the units
        whose figures for `year` are not stored."""
        sql = ("SELECT r.unit, r.format_id, r.report FROM reports r JOIN units u ON u.name = r.unit "
               f"{_STALE_JOIN if stale_only else ''} WHERE r.year = ?{' AND s.id IS NULL' if stale_only else ''}")
        params: tuple[Any, ...] = (year, year - 1) if stale_only else (year - 1,)
        return {r["unit"]: r for r in self._rows(*_filtered(sql, params, area, names, "u"))}

    def record_return_reason(self, unit: str, year: int, reason: str, now: datetime, actor: str) -> None:
        """Keep a return's reason in the audit log next to its status change: the report's own column forgets it
        once the unit submits again, and 查看 still tells the history."""
        with self.transaction():
            self.db["audit"].insert({"unit": unit, "year": year, "actor": actor, "at": timestamp(now),
                                     "field": RETURN_REASON, "old_value": None, "new_value": reason})

    def review_history(self, unit: str, year: int) -> list[dict[str, Any]]:
        """The report's status changes and return reasons, oldest first: {at, field, new_value}."""
        rows = self._rows("SELECT at, field, new_value FROM audit WHERE unit = ? AND year = ? "
                          "AND field IN ('status', ?) ORDER BY id", (unit, year, RETURN_REASON))
        for r in rows:
            r["at"] = parse_timestamp(r["at"])
        return rows

    def accepted_by(self, unit: str, year: int) -> dict[str, str]:
        """Who accepted each warning the report holds accepted (key → the clerk's name, or their userid when no user
        has it): the last acceptance in the audit log of each, so a notice to a unit's clerks can say whose it is."""
        rows = self._rows("SELECT a.field, COALESCE(p.name, a.actor) AS name FROM audit a "
                          "LEFT JOIN users p ON p.userid = a.actor WHERE a.unit = ? AND a.year = ? "
                          "AND a.field LIKE 'accepted:%' AND a.new_value IS NOT NULL ORDER BY a.id", (unit, year))
        return {r["field"].removeprefix("accepted:"): r["name"] for r in rows}

    def area_people(self, area: str | None, names: Sequence[str] | None = None,
                    stale_year: int | None = None) -> list[dict[str, Any]]:
        """Active users attached to the units, with their conversation state (JSON text or None); `stale_year`:
        only the people of units whose figures for that year are not stored."""
        sql = ("SELECT p.userid, p.name AS user_name, p.unit, c.state, c.updated_at FROM users p "
               "JOIN units u ON u.name = p.unit LEFT JOIN conversations c ON c.userid = p.userid "
               f"{_STALE_JOIN if stale_year is not None else ''} WHERE p.active"
               f"{' AND s.id IS NULL' if stale_year is not None else ''}")
        params: tuple[Any, ...] = (stale_year,) if stale_year is not None else ()
        return self._rows(*_filtered(sql, params, area, names, "u"))

    def waiting_reports(self, before_year: int, area: str | None,
                        names: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Reports of years before `before_year` submitted and still waiting for review: {unit, year}, newest first."""
        sql = ("SELECT r.unit, r.year FROM reports r JOIN units u ON u.name = r.unit "
               "WHERE r.year < ? AND r.status = 'submitted'")
        sql, params = _filtered(sql, (before_year,), area, names, "u")
        return self._rows(sql + " ORDER BY r.year DESC, u.position, r.unit", params)

    def area_waiting_reports(self, before_year: int, area: str | None,
                             limit: int) -> tuple[int, list[dict[str, Any]]]:
        """How many reports of years before `before_year` wait for review, and the first `limit` of them as
        `waiting_reports` orders them."""
        sql = ("SELECT r.unit, r.year, u.area, count(*) OVER () AS waiting FROM reports r JOIN units u ON u.name = r.unit "
               "WHERE r.year < ? AND r.status = 'submitted'")
        sql, params = _filtered(sql, (before_year,), area, None, "u")
        rows = self._rows(sql + " ORDER BY r.year DESC, u.position, r.unit LIMIT ?", (*params, limit))
        return (rows[0]["waiting"] if rows else 0), rows

    # The supervisor's pending state, one row: the 通过/退回 waiting for 确认, and beside it under LOOKED_AT the report
    # they last opened with 查看 (what 通过/退回 typed alone act on), which outlives any question asked or dropped.

    def pending_review(self, userid: str) -> tuple[dict[str, Any], datetime] | None:
        """The 通过/退回 this supervisor was asked to confirm (as the core declared it), and when; None: none."""
        row = self._row("SELECT pending, at FROM pending_reviews WHERE userid = ?", (userid,))
        if row is None:
            return None
        pending = from_json(row["pending"], {})
        pending.pop(LOOKED_AT, None)
        return (pending, parse_timestamp(row["at"])) if pending else None

    def set_pending_review(self, userid: str, pending: dict[str, Any] | None, now: datetime) -> None:
        """Remember what to do on 确认 (replacing any earlier question); None forgets it. The report last looked at
        is kept."""
        with self.transaction():
            looked = self.looked_at(userid)
            self._set_pending(userid, {**(pending or {}), **({LOOKED_AT: list(looked)} if looked else {})}, now)

    def looked_at(self, userid: str) -> tuple[str, int] | None:
        """The report (unit, year) this supervisor last opened with 查看; None: none yet."""
        row = self._row("SELECT pending FROM pending_reviews WHERE userid = ?", (userid,))
        looked = from_json(row["pending"], {}).get(LOOKED_AT) if row else None
        return (str(looked[0]), int(looked[1])) if looked else None

    def set_looked_at(self, userid: str, unit: str, year: int, now: datetime) -> None:
        """Remember the report this supervisor has just opened with 查看 (any question waiting for 确认 stays)."""
        with self.transaction():
            row = self._row("SELECT pending, at FROM pending_reviews WHERE userid = ?", (userid,))
            pending = from_json(row["pending"], {}) if row else {}
            asked = row is not None and any(key != LOOKED_AT for key in pending)
            at = parse_timestamp(row["at"]) if asked else now  # a question's 30 minutes run from when it was asked
            self._set_pending(userid, {**pending, LOOKED_AT: [unit, year]}, at)

    def _set_pending(self, userid: str, pending: dict[str, Any], at: datetime) -> None:
        self.db.execute("DELETE FROM pending_reviews WHERE userid = ?", (userid,))
        if pending:
            self.db.execute("INSERT INTO pending_reviews (userid, pending, at) VALUES (?, ?, ?)",
                            (userid, to_json(pending), timestamp(at)))

    def has_units_without_area(self) -> bool:
        return self._row("SELECT 1 AS x FROM units WHERE area IS NULL OR area = '' LIMIT 1") is not None

    def area_names(self) -> list[str]:
        """Every area: those units belong to and those that contain other areas (a city's)."""
        rows = self._rows("SELECT area FROM units WHERE area IS NOT NULL AND area != '' "
                          "UNION SELECT name FROM areas ORDER BY 1")
        return [r["area"] for r in rows]

    # -- nested areas ----------------------------------------------------------------------------------------------

    def save_area_parent(self, area: str, parent: str | None) -> bool:
        """Record that `area` lies in `parent` (None: a top-level area); True when that changed."""
        self._campaigns_version += 1  # an area follows the campaign of the areas it lies in
        with self.transaction():
            old = self._row("SELECT parent FROM areas WHERE name = ?", (area,))
            if old is not None and old["parent"] == parent:
                return False
            if parent is not None:
                self.db.execute("INSERT OR IGNORE INTO areas (name, parent) VALUES (?, NULL)", (parent,))
            self.db.execute("INSERT INTO areas (name, parent) VALUES (?, ?) "
                            "ON CONFLICT (name) DO UPDATE SET parent = excluded.parent", (area, parent))
            return True

    def area_parents(self) -> dict[str, str | None]:
        """Each nested or nesting area → its parent (None at the top)."""
        return {r["name"]: r["parent"] for r in self._rows("SELECT name, parent FROM areas")}

    def area_first_positions(self) -> dict[str, int]:
        """Each area with units → the organisation-list position of its first unit (`units.position`): the only order
        of areas the data holds (the `areas` table keeps none; the file's rows name their area unit by unit)."""
        rows = self._rows("SELECT area, min(position) AS first FROM units WHERE area IS NOT NULL AND area != '' "
                          "GROUP BY area")
        return {r["area"]: r["first"] for r in rows if r["first"] is not None}

    def areas_within(self, area: str) -> list[str]:
        """`area` and every area nested in it, the area first."""
        rows = self._rows(AREA_AND_BELOW[1:-1], (area,))
        return [area] + sorted(r["name"] for r in rows if r["name"] != area)

    def area_children(self, area: str) -> list[str]:
        return [r["name"] for r in self._rows("SELECT name FROM areas WHERE parent = ? ORDER BY name", (area,))]

    # -- campaigns and the timer ----------------------------------------------------------------------------------

    def all_campaigns(self) -> list[dict[str, Any]]:
        """Every campaign row, with its `last_run` parsed (None before the timer ever looked)."""
        rows = self._rows("SELECT * FROM campaigns ORDER BY year, id")
        for r in rows:
            r["last_run"] = parse_timestamp(r["last_run"])
        return rows

    def set_last_run(self, campaign_id: int, now: datetime) -> None:
        with self.transaction():
            self.db.execute("UPDATE campaigns SET last_run = max(coalesce(last_run, ''), ?) WHERE id = ?",
                            (timestamp(now), campaign_id))

    def judged_reminders(self, campaign_id: int) -> set[tuple[str, str]]:
        """(unit, slot) of every reminder of the campaign already sent or skipped."""
        rows = self._rows("SELECT unit, slot FROM reminders WHERE campaign = ? AND status IN ('sent', 'skipped')",
                          (campaign_id,))
        return {(r["unit"], r["slot"]) for r in rows}

    def reminder_records(self, campaign_id: int) -> list[dict[str, Any]]:
        rows = self._rows("SELECT * FROM reminders WHERE campaign = ? ORDER BY planned_at, unit, slot", (campaign_id,))
        for r in rows:
            r["planned_at"], r["sent_at"] = parse_timestamp(r["planned_at"]), parse_timestamp(r["sent_at"])
        return rows

    def record_reminders(self, campaign_id: int, records: Iterable[ReminderRecord], now: datetime) -> int:
        """Store judged reminders; a (campaign, unit, slot) judged before keeps its first verdict. How many were new."""
        at = timestamp(now)
        params = [(campaign_id, r.unit, r.slot, timestamp(r.planned_at), r.status, at if r.status == "sent" else None,
                   r.reason, r.recipients) for r in records]
        with self.transaction():
            before = self.db.conn.total_changes
            self.db.conn.executemany(
                """INSERT INTO reminders (campaign, unit, slot, planned_at, status, sent_at, reason, recipients)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (campaign, unit, slot) DO UPDATE SET status = excluded.status,
                       sent_at = excluded.sent_at, reason = excluded.reason, recipients = excluded.recipients
                   WHERE reminders.status NOT IN ('sent', 'skipped')""",
                params,
            )
            queued = self.db.conn.total_changes - before
            self.outbox_queued += queued
            return queued

    def enqueue_texts(self, rows: Iterable[tuple[Sequence[str], str, str | None]], now: datetime) -> int:
        """Queue many texts at once: (touser, content, dedup key); a dedup key queued before is not queued again.

        The bulk form of `enqueue` for the timer (one executemany instead of a round trip per row); the outbox
        worker sends them with the same per-member limits as any other row, after the rows not queued in bulk.
        """
        at = timestamp(now)
        params = []
        for touser, content, key in rows:
            if not touser or any(not u or "|" in u for u in touser):
                raise ValueError(messages.text("storage", "bad_recipients"))
            params.append((key, "|".join(touser), to_json({"content": content}), at, at))
        with self.transaction():
            before = self.db.conn.total_changes
            self.db.conn.executemany(
                """INSERT OR IGNORE INTO outbox (dedup_key, touser, msgtype, payload, status, attempts,
                   next_attempt_at, created_at, bulk) VALUES (?, ?, 'text', ?, 'pending', 0, ?, ?, 1)""",
                params,
            )
            queued = self.db.conn.total_changes - before
            self.outbox_queued += queued
            return queued


# an area and every area nested in it (a city's counties, their districts …)
AREA_AND_BELOW = ("(WITH RECURSIVE below(name) AS (SELECT ? UNION SELECT a.name FROM areas a "
                  "JOIN below ON a.parent = below.name) SELECT name FROM below)")


def _filtered(sql: str, params: tuple[Any, ...], area: str | None, names: Sequence[str] | None,
              alias: str) -> tuple[str, tuple[Any, ...]]:
    """Only the units named, or the units of `area` — the areas nested in it included."""
    if names is not None:
        return f"{sql} AND {alias}.name IN ({_in(names) or 'NULL'})", (*params, *names)
    if area == NO_AREA:
        return f"{sql} AND ({alias}.area IS NULL OR {alias}.area = '')", params
    if area is not None:
        return f"{sql} AND {alias}.area IN {AREA_AND_BELOW}", (*params, area)
    return sql, params
