"""Each unit's summary figures (open errors, progress, the next question), computed when it is written and stored
with its report, so that 汇总 and the reminders read columns instead of parsing and checking every report.

Storage sets the figures NULL on every write that could change them (a report, a status, a conversation, a
unit's kind, who works for a unit), so a figure is either current or missing. A conversation step does not
compute them (that was a second full check of the report on every message): `refresh_stale_figures` brings the
missing ones up to date in the background, a few units per short transaction, once per unit however many
messages changed it; `load_units` computes any still missing when 汇总 asks. An import, a return or an approval
call `refresh_unit_figures` in their own transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.dialog import progress
from bot.formats import FORMATS, GOV2021
from bot.report import Report, with_derived
from bot.supervision.stats import (
    Progress,
    UnitFigures,
    progress_basis,
    progress_context,
    unit_figures,
    unit_progress,
)
from storage import Store
from storage.conversations import state_year

log = logging.getLogger("nianbao.figures")


@dataclass
class Computed:
    figures: dict[str, UnitFigures] = field(default_factory=dict)  # by unit
    reports: dict[str, Report] = field(default_factory=dict)  # the reports parsed on the way (derived cells in)


def refresh_unit_figures(store: Store, unit: str, year: int, parsed: dict[str, Report] | None = None,
                         previous_parsed: dict[str, Report | None] | None = None) -> UnitFigures | None:
    """Compute one unit's figures for `year` and store them with its report (None: no report). `parsed` and
    `previous_parsed` as in `figures_for`: what the caller holds already is not read again."""
    with store.transaction():
        units = store.area_unit_rows(year, None, [unit])
        return figures_for(store, year, units, None, [unit], stale_only=False, parsed=parsed,
                           previous_parsed=previous_parsed).figures.get(unit)


def refresh_stale_figures(store: Store, limit: int = 10, skip: set[tuple[str, int]] | None = None) -> int:
    """Compute the figures of up to `limit` reports whose figures are missing, in one transaction (one fsync for
    the lot, each unit's reads batched per year); how many were computed. `skip`: reports whose figures could not
    be computed before (added to as they fail: a failing chunk is done again unit by unit, each in a savepoint)."""
    skip = set() if skip is None else skip
    with store.transaction():
        rows = store.db.conn.execute("SELECT unit, year FROM reports WHERE open_errors IS NULL LIMIT ?",
                                     (limit + len(skip),)).fetchall()
        chosen = [(unit, year) for unit, year in rows if (unit, year) not in skip][:limit]
        by_year: dict[int, list[str]] = {}
        for unit, year in chosen:
            by_year.setdefault(year, []).append(unit)
        done = 0
        for year, names in by_year.items():
            try:
                with store.transaction():
                    units = store.area_unit_rows(year, None, names)
                    done += len(figures_for(store, year, units, None, names, stale_only=False).reports)
                    computed = {u["name"] for u in units}
                    skip.update((n, year) for n in names if n not in computed)
            except Exception:
                done += _one_by_one(store, year, names, skip)
        return done


def _one_by_one(store: Store, year: int, names: list[str], skip: set[tuple[str, int]]) -> int:
    done = 0
    for unit in names:
        try:
            figures = refresh_unit_figures(store, unit, year)
        except Exception:
            log.exception("figures of %s %s could not be computed", unit, year)
            figures = None
        if figures is None:
            skip.add((unit, year))
        else:
            done += 1
    return done


def figures_for(store: Store, year: int, units: list[dict[str, Any]], area: str | None,
                names: Sequence[str] | None, stale_only: bool = True, parsed: dict[str, Report] | None = None,
                previous_parsed: dict[str, Report | None] | None = None) -> Computed:
    """The figures of `units` (rows of `area_unit_rows` for `area` or `names`), stored for those with a report.

    `stale_only`: `units` are exactly the units of `area`/`names` whose figures are not stored, and only their
    reports, prose and people are read. `parsed`: reports of `year` parsed already (with their derived cells);
    `previous_parsed`: reports of the year before as stored (None: none), by unit. Only the others are read.
    """
    computed = Computed()
    if not units:
        return computed
    parsed = parsed or {}
    previous_parsed = previous_parsed or {}
    with store.transaction():
        reports = ({r["unit"]: r for r in store.area_report_rows(year, area, names, stale_only=stale_only)}
                   if any(u["name"] not in parsed for u in units) else {})
        previous = (store.area_previous_reports(year, area, names, stale_only=stale_only)
                    if any(u["name"] not in previous_parsed for u in units) else {})
        states: dict[str, list[dict[str, Any]]] = {}
        for p in store.area_people(area, names, stale_year=year if stale_only else None):
            state = json.loads(p["state"]) if p["state"] else None
            if state and state_year(state) in (None, year):  # a conversation about another year is no progress
                states.setdefault(p["unit"], []).append(state)
        starts: dict[tuple[Any, ...], Progress] = {}  # a conversation not yet begun, by what its progress depends on
        for unit in units:
            name, row = unit["name"], reports.get(unit["name"])
            report = parsed[name] if name in parsed else (parse_report(row) if row else None)
            status = unit["status"] if name in parsed else (row["status"] if row else None)
            last = previous_parsed[name] if name in previous_parsed else _stored_report(previous.get(name))
            ctx = progress_context(name, unit["kind"], year, (last.text or None) if last else None)
            basis = progress_basis(ctx)
            if basis not in starts:
                starts[basis] = progress(None, report or Report(name, unit["kind"], year), ctx)
            reached = unit_progress(states.get(name, []), report or Report(name, unit["kind"], year), ctx,
                                    starts[basis])
            last_report = _derived(last) if report is not None and last else None
            computed.figures[name] = unit_figures(report, status, reached, last_report)
            if report is not None:
                computed.reports[name] = report
        store.save_figures((name, year, _columns(computed.figures[name])) for name in computed.reports)
    return computed


def parse_report(row: dict[str, Any]) -> Report:
    """A stored report row's report, with its derived cells."""
    fmt = FORMATS.get(row["format_id"], GOV2021)
    return with_derived(Report.from_json(row["report"], fmt), fmt)


def stored_figures(row: dict[str, Any]) -> UnitFigures:
    """The figures stored with a report (a row of `area_unit_rows` whose `open_errors` is not NULL)."""
    return UnitFigures(row["open_errors"], bool(row["typed"]), row["answered"], row["questions"], row["next_code"],
                       row["next_title"], row["progress"])


def _columns(figures: UnitFigures) -> dict[str, Any]:
    return {**asdict(figures), "typed": int(figures.typed)}


def _stored_report(row: dict[str, Any] | None) -> Report | None:
    """A stored report row's report as stored (its derived cells are computed only when its figures are needed)."""
    return Report.from_json(row["report"], FORMATS.get(row["format_id"], GOV2021)) if row else None


def _derived(report: Report) -> Report:
    return with_derived(report, FORMATS.get(report.format_id, GOV2021))
