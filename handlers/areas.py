"""An `AreaView` for the supervision core, loaded from storage: only the units the asking person may see.

A supervisor sees the units of their own area; an admin sees every unit, or one area when the command starts with
its name ("龙亭区 汇总"). The view is built from a few bulk queries: units with their report's status and stored
figures (open errors, progress, the next question — see `handlers.unit_stats`), and the staff. Reports are parsed
only for the commands that read them (查看 one unit, 汇总表, 导出), and only the ones they need. 汇总, 未完成 and 逾期
need no view at all: `load_digest` counts the area in SQLite and reads only the units they name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo
from typing import Any

from bot.report import Report
from bot.supervision import AreaView, Campaign, ReminderPlan, UnitStatus, is_supervisor_command, loosely
from bot.supervision.area import (
    DONE_STATUSES,
    STATUS_LABELS,
    ReturnRecord,
    display_names,
    official_order,
    sub_areas_in_order,
)
from bot.supervision.commands import COMMAND_WORDS
from bot.supervision.stats import UnitFigures
from bot.supervision.summary import (
    APPROVED_NAMED,
    HANDED_IN,
    LATE_SHOWN,
    PENDING_SHOWN,
    TO_REVIEW_SHOWN,
    WAITING_SHOWN,
    AreaDigest,
    Tally,
    add_tallies,
    late_after,
    late_units,
    named_approved,
    pending_units,
    to_review_units,
)
from handlers.unit_stats import figures_for, parse_report, stored_figures
from storage import Campaign as StoredCampaign
from storage import Store, User
from storage.db import parse_timestamp
from storage.supervision import RETURN_REASON

ALL_AREAS = "全部区域"  # the label of an admin's view over every area
PUBLISH_MONTH_DAY = (1, 31)  # 条例 第四十九条: published by 31 January
MANY_NAMES = 200  # beyond this many reports, read the area's and keep the wanted ones (no huge IN list)
_STATUS = {"draft": "in_progress", "submitted": "submitted", "returned": "returned", "approved": "approved"}
_AREA_PREFIX = re.compile(r"^(\S+?)[\s:：]+(.+)$", re.S)


@dataclass(frozen=True)
class Scope:
    """Whose units a command is about: `area` None = every area (admins only); `text` is the command itself."""

    area: str | None
    text: str
    unknown_area: str = ""  # a name typed in front of a command that is no area ("龙亭区 汇总" where none exists)
    other_area: bool = False  # a supervisor named an area that is not theirs

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
    """The campaign the area works under (its own, else the one for every area), or the default one.

    Only a year that has ended can be reported on: a campaign set in advance (in November for the year under way)
    starts on 1 January; and once a year has ended its report is due whether or not a campaign was set for it.
    """
    stored = _campaign_in_force(store, area, now.astimezone(tz).year)
    if stored is None:
        return default_campaign(now, tz, area), None
    return core_campaign(stored, tz), stored


def campaign_year(store: Store, area: str | None, now: datetime, tz: tzinfo) -> int:
    """The year `area_campaign` reports on, without making its campaign: every clerk's message asks it, and the
    campaign made (its reminder plan, its dates) was a fiftieth of a short message."""
    this_year = now.astimezone(tz).year
    stored = _campaign_in_force(store, area, this_year)
    return stored.year if stored is not None else this_year - 1  # the default campaign's year


def _campaign_in_force(store: Store, area: str | None, this_year: int) -> StoredCampaign | None:
    """The stored campaign the area works under in local year `this_year`; None: the default one (none stored, or
    only one of a year before the one that has just ended)."""
    stored = store.current_campaign(area, before_year=this_year)
    return None if stored is None or stored.year < this_year - 1 else stored


def upcoming_campaign(store: Store, area: str | None, now: datetime, tz: tzinfo) -> Campaign | None:
    """A campaign already set for a year not yet ended (it starts on 1 January of the next year)."""
    stored = store.upcoming_campaign(area, now.astimezone(tz).year)
    return core_campaign(stored, tz) if stored else None


def _tz_name(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)


# -- who sees what -----------------------------------------------------------------------------------------------


def scope_for(store: Store, user: User, text: str) -> Scope | None:
    """The area a command is about; None when a supervisor has no area (nothing to show).

    An admin may put an area's name in front ("示范县 汇总"); a name in front of a command that is no area is
    reported, not ignored. A supervisor may put their own area in front; another one is refused.
    """
    text = text.replace("\u3000", " ").strip()
    prefix, rest = _area_prefix(text)
    if user.role == "admin":
        if prefix and prefix in store.area_names():
            return Scope(prefix, rest)
        return Scope(None, rest if prefix else text, unknown_area=prefix)
    if not user.area:
        return None
    if prefix:
        # a city's supervisor may name one of its counties ("龙亭区 汇总"); any other area is refused
        within = prefix == user.area or prefix in store.areas_within(user.area)
        return Scope(prefix if within else user.area, rest, other_area=not within)
    return Scope(user.area, text)


def _area_prefix(text: str) -> tuple[str, str]:
    """("示范县", "汇总") for "示范县 汇总": a name in front of a supervisor command; ("", text) otherwise."""
    m = _AREA_PREFIX.match(text)
    if not m or m.group(1) in COMMAND_WORDS:
        return "", text
    rest = m.group(2)
    if not is_supervisor_command(rest) and loosely(rest) == rest:  # 龙亭区 还有几个没交的 is 龙亭区's 未完成
        return "", text
    return m.group(1), m.group(2).strip()


def sub_area_map(store: Store, area: str | None) -> dict[str, str]:
    """Each area nested below `area` → the area directly below `area` it lies in ({} for a county: nothing nests),
    the areas directly below in the order they are listed to people (`sub_areas_in_order`)."""
    if not area:
        return {}
    parents = store.area_parents()
    if not any(parent == area for parent in parents.values()):
        return {}
    mapping = {}
    for name in parents:
        chain, at = [name], parents.get(name)
        while at is not None and at != area and at not in chain:
            chain.append(at)
            at = parents.get(at)
        if at == area:
            mapping[name] = chain[-1]
    if not mapping:  # a county: no order to read (the positions scan every unit)
        return mapping
    return sub_areas_in_order(mapping, store.area_first_positions())


def supervisors_of(store: Store, area: str | None) -> tuple[str, ...]:
    """Who reads an area's notices and digests: its supervisors, else the admins (nobody must miss a submission)."""
    people = store.supervisors_of_area(area) if area else []
    return tuple(u.userid for u in people or store.admins())


# -- loading -----------------------------------------------------------------------------------------------------


def load_area(store: Store, scope_area: str | None, campaign: Campaign, label: str | None = None,
              reports: bool | Collection[str] = True) -> AreaView:
    """The view of one area (or every area) for `campaign`'s year, in a few queries.

    `reports`: which units get their parsed report (True: all, False: none, or the names): 汇总 and the reminders
    need none — status, progress and open errors are stored figures — 查看, 汇总表 and 导出 need some.
    """
    units = load_units(store, campaign, area=scope_area, reports=reports)
    return AreaView(label or scope_area or ALL_AREAS, campaign, units, supervisors_of(store, scope_area))


def load_units(store: Store, campaign: Campaign, area: str | None = None,
               names: Sequence[str] | None = None, reports: bool | Collection[str] = True) -> list[UnitStatus]:
    """UnitStatus for the units of `area` (None: all) or the units named, by name.

    Reads each unit's stored figures; the few that are missing (never computed, or out of date since a write) are
    computed here and stored. No report is parsed or checked for the others.
    """
    year = campaign.year
    with store.transaction():  # the figures found missing are the ones computed: nothing may write in between
        rows = store.area_unit_rows(year, area, names)
        staff: dict[str, list[tuple[str, str]]] = {}
        for p in store.area_staff(area, names):
            staff.setdefault(p["unit"], []).append((p["userid"], p["name"] or p["userid"]))
        computed = figures_for(store, year, [r for r in rows if r["open_errors"] is None], area, names)
        units = [unit_status(r, computed.figures.get(r["name"]) or stored_figures(r), staff.get(r["name"], []))
                 for r in rows]
        wanted = {u.unit for u in units} if reports is True else set(reports or ())
        attach_reports(store, year, units, wanted, area, names, computed.reports)
    return units


def load_digest(store: Store, scope_area: str | None, campaign: Campaign, tz: tzinfo,
                label: str | None = None) -> AreaDigest:
    """What 汇总 says of an area, counted by SQLite over the stored figures: only the units it names become
    objects here (the first to chase, the first handed in late) — an area of 20,000 units is a few grouped reads.

    The units whose figures are not stored are computed as `load_units` does, and counted in."""
    year, area, label = campaign.year, scope_area, label or scope_area or ALL_AREAS
    with store.transaction():  # one snapshot; the figures found missing are computed (and stored) after the reads
        counted: dict[str, list[Tally]] = {}
        some_stale, some_pending, some_late, some_submitted = False, False, False, False
        since = late_after(campaign.due, tz)
        for unit_area, status, count, errors, handed_in_since in store.area_status_tallies(year, area, since):
            if status is None:
                some_stale = True
                continue
            counted.setdefault(unit_area, []).append(Tally({**dict.fromkeys(STATUS_LABELS, 0), status: count}, errors))
            some_pending = some_pending or status not in DONE_STATUSES
            some_late = some_late or (status in HANDED_IN and handed_in_since > 0)
            some_submitted = some_submitted or status == "submitted"
        rows = store.area_pending_rows(year, area, PENDING_SHOWN) if some_pending else []
        pending = [UnitStatus(r["name"], r["kind"], r["area"], r["unit_status"], r["unit_progress"],
                              open_errors=r["open_errors"], position=r["position"] or 0) for r in rows]
        late_count, rows = store.area_late_rows(year, area, since, LATE_SHOWN) if some_late else (0, [])
        late = [UnitStatus(r["name"], r["kind"], r["area"], r["status"], submitted_at=parse_timestamp(r["submitted_at"]),
                           position=r["position"] or 0) for r in rows]
        approved_counted = sum(t.counts["approved"] for tallies in counted.values() for t in tallies)
        rows = store.area_approved_rows(year, area, APPROVED_NAMED) if 0 < approved_counted <= APPROVED_NAMED else []
        approved = [UnitStatus(r["name"], r["kind"], r["area"], "approved", position=r["position"] or 0) for r in rows]
        rows = store.area_to_review_rows(year, area, TO_REVIEW_SHOWN) if some_submitted else []
        to_review = [UnitStatus(r["name"], r["kind"], r["area"], "submitted", open_errors=r["open_errors"],
                                submitted_at=parse_timestamp(r["submitted_at"]), position=r["position"] or 0)
                     for r in rows]
        waiting_count, rows = store.area_waiting_reports(year, area, WAITING_SHOWN)
        waiting = tuple((r["unit"], r["year"]) for r in rows)
        waiting_areas = {r["unit"]: r["area"] for r in rows}
        # last: computing them stores them, and the reads above would then count them twice
        stale = _statuses(store, year, store.area_stale_unit_rows(year, area), area) if some_stale else []
        for u in stale:
            counted.setdefault(u.area or "", []).append(Tally.of([u]))
        pending = pending_units(pending + stale)[:PENDING_SHOWN]
        stale_late = late_units(stale, campaign.due, tz)
        late = sorted(late + stale_late, key=official_order)[:LATE_SHOWN]
        names = display_names(late, label, among=store.area_unit_names(area)) if late else {}
        to_review = to_review_units(to_review + stale)[:TO_REVIEW_SHOWN]
        approved = named_approved(approved + stale) if approved_counted <= APPROVED_NAMED else []
    tallies = {unit_area: add_tallies(some) for unit_area, some in counted.items()}
    return AreaDigest(label, campaign, tallies, pending, late, late_count + len(stale_late), names,
                      sub_area_map(store, scope_area), waiting, waiting_areas, waiting_count, to_review=to_review,
                      approved=approved)


def _statuses(store: Store, year: int, rows: list[dict[str, Any]], area: str | None) -> list[UnitStatus]:
    """UnitStatus of the units of `rows` (of `area_stale_unit_rows` for `area`), their figures computed; no staff."""
    if not rows:
        return []
    names = [r["name"] for r in rows]
    few = len(names) <= MANY_NAMES  # a few by name; many by the area's query rather than a list of thousands
    computed = figures_for(store, year, rows, None if few else area, names if few else None)
    return [unit_status(r, computed.figures.get(r["name"]) or stored_figures(r), []) for r in rows]


def unit_status(row: dict[str, Any], figures: UnitFigures, staff: Sequence[tuple[str, str]]) -> UnitStatus:
    """A unit's status from its row of `area_unit_rows`, its figures and its staff (userid, name); its report is
    attached separately."""
    has_report = row["report_id"] is not None
    warnings = row["accepted_warnings"] if has_report else None
    people = sorted(staff)
    return UnitStatus(
        unit=row["name"],
        kind=row["kind"],
        area=row["area"],
        status=_status(row, figures),  # type: ignore[arg-type]
        progress=figures.progress,
        next_question=figures.next_question,
        open_errors=figures.open_errors,
        submitted_at=parse_timestamp(row["submitted_at"]) if has_report else None,
        accepted_warnings=json.loads(warnings) if warnings and warnings != "{}" else {},
        staff=tuple(userid for userid, _ in people),
        staff_names=tuple(name for _, name in people),
        returned_reason=(row["returned_reason"] or "") if has_report else "",
        returned_at=parse_timestamp(row["returned_at"]) if has_report else None,
        position=row["position"] or 0,
    )


def attach_reports(store: Store, year: int, units: list[UnitStatus], wanted: Collection[str], area: str | None,
                   names: Sequence[str] | None = None, parsed: dict[str, Report] | None = None) -> None:
    """Give the units named in `wanted` (of `units`, the units of `area` or `names`) their parsed report of `year`;
    those without one keep None. `parsed`: reports parsed already."""
    todo = [u for u in units if u.unit in wanted and u.report is None]
    if not todo:
        return
    parsed = dict(parsed or {})
    missing = {u.unit for u in todo if u.unit not in parsed}
    if missing:
        # a few by name; many (导出) by the area's query rather than a list of thousands of names
        rows = (store.area_report_rows(year, None, sorted(missing)) if len(missing) <= MANY_NAMES
                else store.area_report_rows(year, area, names))
        parsed.update((r["unit"], parse_report(r)) for r in rows if r["unit"] in missing)
    for u in todo:
        u.report = parsed.get(u.unit)
    _attach_previous(store, year, [u for u in todo if u.report is not None], area, names)


def _attach_previous(store: Store, year: int, units: list[UnitStatus], area: str | None,
                     names: Sequence[str] | None) -> None:
    """Give the units their report of the year before (the rules comparing years need it), when there is one."""
    if not units:
        return
    wanted = sorted(u.unit for u in units)
    rows = (store.area_report_rows(year - 1, None, wanted) if len(wanted) <= MANY_NAMES
            else store.area_report_rows(year - 1, area, names))
    last = {r["unit"]: r for r in rows}
    for u in units:
        if u.unit in last:
            u.previous = parse_report(last[u.unit])


def attach_history(store: Store, year: int, units: list[UnitStatus], wanted: Collection[str]) -> None:
    """Give the units named in `wanted` their report's returns of `year` (when, why, when handed in again), read
    from the audit log: 查看 tells a report returned before and submitted again."""
    for u in units:
        if u.unit in wanted and u.report is not None:
            u.returns = returns_from(store.review_history(u.unit, year))


def attach_accepted_by(store: Store, year: int, units: list[UnitStatus], wanted: Collection[str]) -> None:
    """Give the units named in `wanted` who accepted each warning their report holds accepted, which a return's
    notice names (the chat's 退回 and the desk's alike); no other command reads it, so none other pays for it."""
    for u in units:
        if u.unit in wanted and u.report is not None and u.accepted_warnings:
            u.accepted_by = store.accepted_by(u.unit, year)


def returns_from(rows: Sequence[dict[str, Any]]) -> tuple[ReturnRecord, ...]:
    """Rows of `review_history` → each return with its reason and the submission that followed it."""
    returns: list[ReturnRecord] = []
    for row in rows:
        if row["field"] == "status" and row["new_value"] == "returned":
            returns.append(ReturnRecord(row["at"]))
        elif returns and row["field"] == RETURN_REASON and not returns[-1].reason:
            returns[-1] = replace(returns[-1], reason=row["new_value"] or "")
        elif (returns and row["field"] == "status" and row["new_value"] == "submitted"
              and returns[-1].resubmitted_at is None):
            returns[-1] = replace(returns[-1], resubmitted_at=row["at"])
    return tuple(returns)


def _status(row: dict[str, Any], figures: UnitFigures) -> str:
    if row["report_id"] is None:
        return "in_progress" if figures.answered else "not_started"
    status = _STATUS.get(row["status"], "in_progress")
    if status == "in_progress" and not figures.answered and not figures.typed:
        return "not_started"  # greeted, nothing answered yet
    return status
