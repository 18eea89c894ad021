"""An `AreaView` for the supervision core, loaded from storage: only the units the asking person may see.

A supervisor sees the units of their own area; an admin sees every unit, or one area when the command starts with
its name ("龙亭区 汇总"). The view is built from a handful of bulk queries (units, reports, people with their
conversation state, last year's prose), and parsed reports are kept in memory by (unit, year, updated_at), so a
second 汇总 over 2,000 units does not parse and check 2,000 reports again.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any

from bot.dialog import DialogContext, progress
from bot.formats import FORMATS, GOV2021
from bot.report import Report, with_derived
from bot.rules import check_report
from bot.supervision import AreaView, Campaign, ReminderPlan, UnitStatus
from storage import Campaign as StoredCampaign
from storage import Store, User
from storage.db import parse_timestamp

ALL_AREAS = "全部区域"  # the label of an admin's view over every area
PUBLISH_MONTH_DAY = (1, 31)  # 条例 第四十九条: published by 31 January
CACHE_LIMIT = 50_000
_TYPED_CELLS = frozenset(GOV2021.typed_cell_ids)
_STATUS = {"draft": "in_progress", "submitted": "submitted", "returned": "returned", "approved": "approved"}
_AREA_PREFIX = re.compile(r"^(\S+?)[\s:：]+(.+)$", re.S)

# (unit, year, updated_at, status) → (the report with its derived cells, its open errors)
_checked: dict[tuple[str, int, str, str], tuple[Report, int]] = {}
# (userid, conversation updated_at, what else progress depends on) → progress(...)
_progressed: dict[tuple[Any, ...], tuple[int, int, str | None, str | None]] = {}


@dataclass(frozen=True)
class Scope:
    """Whose units a command is about: `area` None = every area (admins only); `text` is the command itself."""

    area: str | None
    text: str

    @property
    def label(self) -> str:
        return self.area or ALL_AREAS


# -- campaigns ---------------------------------------------------------------------------------------------------


def reminder_plan(settings: dict[str, Any]) -> ReminderPlan:
    """The campaign's settings JSON → ReminderPlan: {"days_before": [7, 3, 1, 0], "at": "09:00", "overdue_daily": true}."""
    default = ReminderPlan()
    days = settings.get("days_before")
    at = settings.get("at")
    return ReminderPlan(
        days_before=tuple(int(d) for d in days) if isinstance(days, list) else default.days_before,
        at=time.fromisoformat(at) if isinstance(at, str) and at else default.at,
        overdue_daily=bool(settings.get("overdue_daily", default.overdue_daily)),
    )


def core_campaign(stored: StoredCampaign, tz: tzinfo) -> Campaign:
    return Campaign(stored.year, stored.due_date, stored.publish_by, stored.area, reminder_plan(stored.settings),
                    _tz_name(tz))


def default_campaign(now: datetime, tz: tzinfo, area: str | None = None) -> Campaign:
    """No campaign set yet: last calendar year, due and published by 31 January."""
    year = now.astimezone(tz).year - 1
    last_day = date(year + 1, *PUBLISH_MONTH_DAY)
    return Campaign(year, last_day, last_day, area, ReminderPlan(), _tz_name(tz))


def area_campaign(store: Store, area: str | None, now: datetime, tz: tzinfo) -> tuple[Campaign, StoredCampaign | None]:
    """The campaign the area works under (its own, else the one for every area), or the default one."""
    stored = store.current_campaign(area)
    if stored is None:
        return default_campaign(now, tz, area), None
    return core_campaign(stored, tz), stored


def _tz_name(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)


# -- who sees what -----------------------------------------------------------------------------------------------


def scope_for(store: Store, user: User, text: str) -> Scope | None:
    """The area a command is about; None when a supervisor has no area (nothing to show)."""
    text = text.strip()
    if user.role == "admin":
        m = _AREA_PREFIX.match(text)
        if m and m.group(1) in store.area_names():
            return Scope(m.group(1), m.group(2).strip())
        return Scope(None, text)
    if not user.area:
        return None
    return Scope(user.area, text)


def supervisors_of(store: Store, area: str | None) -> tuple[str, ...]:
    """Who reads an area's notices and digests: its supervisors, else the admins (nobody must miss a submission)."""
    people = store.supervisors_of_area(area) if area else []
    return tuple(u.userid for u in people or store.admins())


# -- loading -----------------------------------------------------------------------------------------------------


def load_area(store: Store, scope_area: str | None, campaign: Campaign, label: str | None = None,
              light: bool = False) -> AreaView:
    """The view of one area (or every area) for `campaign`'s year, in a few queries.

    `light`: status and progress only — no parsed report, no checking (open_errors 0): what reminders need.
    """
    units = load_units(store, campaign, area=scope_area, light=light)
    return AreaView(label or scope_area or ALL_AREAS, campaign, units, supervisors_of(store, scope_area))


def load_units(store: Store, campaign: Campaign, area: str | None = None,
               names: Sequence[str] | None = None, light: bool = False) -> list[UnitStatus]:
    """UnitStatus for the units of `area` (None: all) or the units named, by name."""
    year = campaign.year
    units = store.area_units(area, names)
    reports = {r["unit"]: r for r in store.area_report_rows(year, area, names)}
    previous = store.area_previous_texts(year, area, names)
    people: dict[str, list[dict[str, Any]]] = {}
    for p in store.area_people(area, names):
        people.setdefault(p["unit"], []).append(p)
    return [unit_status(u, reports.get(u["name"]), people.get(u["name"], []), previous.get(u["name"]), year, light)
            for u in units]


def unit_status(unit: dict[str, Any], row: dict[str, Any] | None, people: list[dict[str, Any]],
                previous_text: str | None, year: int, light: bool = False) -> UnitStatus:
    report, errors = _checked_report(row) if row and not light else (None, 0)
    ctx = DialogContext("", unit["name"], unit["kind"], year, previous=_previous(unit, year, previous_text))
    done, total, code, title = _best_progress(people, report or Report(unit["name"], unit["kind"], year), ctx)
    status = _status(row, done, report)
    finished = status in ("submitted", "approved")
    percent = 100 if finished else (done * 100 // total if total else 0)
    return UnitStatus(
        unit=unit["name"],
        kind=unit["kind"],
        area=unit["area"],
        status=status,  # type: ignore[arg-type]
        progress=percent,
        next_question=f"【{code}】{title}" if code and not finished else "",
        open_errors=errors,
        submitted_at=parse_timestamp(row["submitted_at"]) if row else None,
        report=report,
        accepted_warnings=json.loads(row["accepted_warnings"] or "{}") if row else {},
        staff=tuple(sorted(p["userid"] for p in people)),
    )


def _status(row: dict[str, Any] | None, done: int, report: Report | None) -> str:
    if row is None:
        return "in_progress" if done else "not_started"
    status = _STATUS.get(row["status"], "in_progress")
    if status == "in_progress" and not done and not _typed(row, report):
        return "not_started"  # greeted, nothing answered yet
    return status


def _typed(row: dict[str, Any], report: Report | None) -> bool:
    """Whether any cell was typed (derived totals do not count)."""
    cells = report.cells if report is not None else (json.loads(row["report"]).get("cells") or {})
    return not _TYPED_CELLS.isdisjoint(cells)


def _previous(unit: dict[str, Any], year: int, text: str | None) -> Report | None:
    if not text:
        return None
    slots = json.loads(text) or {}
    return Report(unit["name"], unit["kind"], year - 1, {}, slots) if slots else None


def _best_progress(people: list[dict[str, Any]], report: Report,
                   ctx: DialogContext) -> tuple[int, int, str | None, str | None]:
    """The furthest of the unit's people (each has a conversation of their own about the same report)."""
    # what progress depends on besides the state: the unit's kind and which of last year's slots have text
    basis = (ctx.unit_kind, frozenset(k for k, v in ctx.previous.text.items() if v.strip()) if ctx.previous else None)
    best = _progress(("", "", basis), None, report, ctx)
    for p in people:
        if p["state"]:
            mine = _progress((p["userid"], p["updated_at"], basis), p["state"], report, ctx)
            if mine[0] * max(best[1], 1) > best[0] * max(mine[1], 1):
                best = mine
    return best


def _progress(key: tuple[Any, ...], state: str | None, report: Report,
              ctx: DialogContext) -> tuple[int, int, str | None, str | None]:
    cached = _progressed.get(key)
    if cached is None:
        cached = progress(json.loads(state) if state else None, report, ctx)
        if len(_progressed) >= CACHE_LIMIT:
            _progressed.clear()
        _progressed[key] = cached
    return cached


def _checked_report(row: dict[str, Any]) -> tuple[Report, int]:
    key = (row["unit"], row["year"], row["updated_at"], row["status"])
    cached = _checked.get(key)
    if cached is None:
        fmt = FORMATS.get(row["format_id"], GOV2021)
        report = with_derived(Report.from_json(row["report"], fmt), fmt)
        cached = (report, open_errors(report, row["status"] != "draft"))
        if len(_checked) >= CACHE_LIMIT:
            _checked.clear()
        _checked[key] = cached
    return cached


def open_errors(report: Report, handed_in: bool) -> int:
    """Errors of the checker. While a unit is still filling in, only errors about what it has entered count:
    a blank it has not reached yet is progress, not an error."""
    findings = [f for f in check_report(report) if f.level == "error"]
    if handed_in:
        return len(findings)
    return sum(1 for f in findings if f.cells and all(_entered(report, c) for c in f.cells))


def _entered(report: Report, cell_or_slot: str) -> bool:
    return cell_or_slot in report.cells or bool((report.text.get(cell_or_slot) or "").strip())
