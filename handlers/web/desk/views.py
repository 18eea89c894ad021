"""What the desk's pages show, read from storage in a few queries: plain dicts for the templates.

Synchronous functions of the store (run on its worker thread through `store.run`). Who may see what is decided in
`handlers.web.desk.access`; these functions are given an area or a unit already allowed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from bot.dialog.checks import key as warning_key
from bot.dialog.checks import where
from bot.findings import Finding
from bot.formats import FORMATS, GOV2021, Format
from bot.render import layout
from bot.report import with_known_totals
from bot.summary import findings_on_what_is_filled
from bot.supervision import STATUS_LABELS, AreaView, Campaign, UnitStatus
from bot.supervision.area import days_left, display_names, local_date, official_order, short_time
from bot.supervision.rollup import INCLUDED_STATUSES, rollup, rollup_differences
from bot.supervision.summary import area_parts, review_findings, still_to_fill
from handlers.areas import area_campaign, attach_reports, load_units, sub_area_map
from storage import AUTOMATIC, Store

SORTS = ("name", "status", "progress", "errors", "warnings", "submitted")
FLAGS = ("late", "overdue", "errors", "waiting")  # overdue: late and still not handed in
_STATUS_ORDER = {s: i for i, s in enumerate(("submitted", "returned", "in_progress", "not_started", "approved"))}
CHART_DAYS_MAX = 120
PAGE_ROWS = 100  # units per page: 2,000 rows are no reading on a phone, and a page stays light
CHART_W, CHART_H = 600, 150


@dataclass(frozen=True)
class Query:
    """The overview's sort and filters, from the query string (anything unknown is ignored)."""

    sort: str = "status"
    descending: bool = False
    status: str = ""
    flag: str = ""
    text: str = ""
    page: int = 1

    @classmethod
    def of(cls, q: Mapping[str, str]) -> Query:
        sort = q.get("sort", "status")
        descending = sort.startswith("-")
        sort = sort.lstrip("-")
        page = q.get("page", "1")
        return cls(sort if sort in SORTS else "status", descending,
                   q.get("status", "") if q.get("status") in STATUS_LABELS else "",
                   q.get("flag", "") if q.get("flag") in FLAGS else "", q.get("q", "").strip()[:40],
                   int(page) if page.isdigit() and 0 < int(page) < 10_000 else 1)

    def params(self, **changed: object) -> dict[str, str]:
        """The query string of this view with some parts changed (a page link, the sort a heading sets)."""
        values = {"sort": ("-" if self.descending else "") + self.sort, "status": self.status, "flag": self.flag,
                  "q": self.text, "page": str(self.page)}
        values.update({k: str(v) for k, v in changed.items()})
        return {k: v for k, v in values.items() if v and not (k == "sort" and v == "status")
                and not (k == "page" and v == "1")}

    def with_sort(self, sort: str) -> dict[str, str]:
        """The query string of a column heading: sorts by that column, the other way round when it already does."""
        flip = sort == self.sort and not self.descending
        return self.params(sort=("-" if flip else "") + sort, page=1)


# -- the area at a glance ----------------------------------------------------------------------------------------


def area_overview(store: Store, area: str, query: Query, now: datetime, tz: tzinfo) -> dict[str, Any]:
    campaign, _ = area_campaign(store, area, now, tz)
    units = load_units(store, campaign, area=area, reports=False)
    today = local_date(now, tz)
    rows = [_unit_row(u, campaign, today, tz) for u in units]
    sub_areas = sub_area_map(store, area)
    view = AreaView(area, campaign, units, sub_areas=sub_areas)
    counts = {s: sum(r["status"] == s for r in rows) for s in STATUS_LABELS}
    matching = _sorted([r for r in rows if _matches(r, query)], query)
    pages = max(1, -(-len(matching) // PAGE_ROWS))
    page = min(query.page, pages)
    shown = matching[(page - 1) * PAGE_ROWS:page * PAGE_ROWS]
    by_unit = {u.unit: u for u in units}
    names = display_names([by_unit[r["unit"]] for r in shown], area)  # short names for the rows shown only
    for r in shown:
        r["name"] = names[r["unit"]]
        r["submitted"] = short_time(r["submitted_at"], tz) if r["submitted_at"] else ""
    return {
        "area": area, "year": campaign.year, "due": campaign.due, "publish_by": campaign.publish_by,
        "days_left": days_left(campaign.due, today), "total": len(rows), "counts": counts, "rows": shown,
        "matching": len(matching), "page": page, "pages": pages,
        "late": sum(r["late"] for r in rows), "query": query,
        "late_missing": sum(r["late"] and r["submitted_at"] is None for r in rows),  # still owed: chase these
        # before the due date: the units not handed in yet, to chase all at once as the chat's 催办 does
        "pending": sum(r["status"] not in ("submitted", "approved") for r in rows)
        if days_left(campaign.due, today) >= 0 else 0,
        "late_handed_in": sum(r["late"] and r["submitted_at"] is not None for r in rows),
        "parent": store.area_parents().get(area),
        "chart": progress_chart(store.status_changes(campaign.year, [area, *sub_areas]), len(rows), campaign, today,
                                tz),
        "parts": area_parts(view), "nested": bool(sub_areas),
    }


def area_check(store: Store, area: str, now: datetime, tz: tzinfo) -> dict[str, Any]:
    """A city's roll-up checked against its counties' (reads every handed-in report: a page of its own)."""
    campaign, _ = area_campaign(store, area, now, tz)
    view = AreaView(area, campaign, load_units(store, campaign, area=area, reports=False),
                    sub_areas=sub_area_map(store, area))
    return {"area": area, "year": campaign.year, "check": nested_check(store, view)}


def nested_check(store: Store, view: AreaView) -> dict[str, Any]:
    """A city's roll-up (approved and submitted reports) against the sum of its parts' roll-ups, each part — a
    county, and the city's own units — loaded by its own query."""
    include = "submitted"
    wanted = {u.unit for u in view.units if u.status in INCLUDED_STATUSES[include]}
    attach_reports(store, view.campaign.year, view.units, wanted, view.area)
    whole = rollup(view.units, include, view.area, view.campaign.year)
    parts = [rollup([u for u in view.units if not view.part_of(u)], include, view.area, view.campaign.year)]
    for child in dict.fromkeys(view.sub_areas.values()):  # as the desk lists them
        units = load_units(store, view.campaign, area=child, reports=False)
        attach_reports(store, view.campaign.year, units,
                       {u.unit for u in units if u.status in INCLUDED_STATUSES[include]}, child)
        parts.append(rollup(units, include, child, view.campaign.year))
    return {"units": len(wanted), "parts": len(parts) - 1, "differing": rollup_differences(whole, parts)}


def _unit_row(u: UnitStatus, campaign: Campaign, today: date, tz: tzinfo) -> dict[str, Any]:
    submitted_day = local_date(u.submitted_at, tz) if u.submitted_at and u.done else None
    late = (submitted_day > campaign.due) if submitted_day else (not u.done and today > campaign.due)
    return {
        "unit": u.unit, "name": u.unit, "order": official_order(u), "kind": u.kind, "area": u.area or "",
        "status": u.status, "progress": u.progress,
        "errors": u.open_errors, "warnings": len(u.accepted_warnings), "late": late,
        "submitted_at": u.submitted_at if u.done else None,
        "days_left": None if u.done else days_left(campaign.due, today),
        "staff": ", ".join(u.staff_names),
    }


def _matches(row: dict[str, Any], query: Query) -> bool:
    if query.status and row["status"] != query.status:
        return False
    if query.flag == "late" and not row["late"]:
        return False
    if query.flag == "overdue" and not (row["late"] and row["submitted_at"] is None):
        return False
    if query.flag == "errors" and not row["errors"]:
        return False
    if query.flag == "waiting" and row["status"] != "submitted":
        return False
    return not query.text or query.text in row["unit"]


def _sorted(rows: list[dict[str, Any]], query: Query) -> list[dict[str, Any]]:
    far = datetime.max.replace(tzinfo=None)
    # 单位 sorts in the organisation list's order (the county's official order), and it breaks every other tie
    keys = {
        "name": lambda r: r["order"],
        "status": lambda r: (_STATUS_ORDER.get(r["status"], 9), -r["errors"], r["order"]),
        "progress": lambda r: (r["progress"], r["order"]),
        "errors": lambda r: (r["errors"], r["order"]),
        "warnings": lambda r: (r["warnings"], r["order"]),
        "submitted": lambda r: (r["submitted_at"].replace(tzinfo=None) if r["submitted_at"] else far, r["order"]),
    }
    return sorted(rows, key=keys[query.sort], reverse=query.descending)


def progress_chart(changes: Sequence[dict[str, Any]], total: int, campaign: Campaign, today: date,
                   tz: tzinfo) -> dict[str, Any]:
    """Handed in (submitted or approved) and approved, per day, replaying every status change: a return takes a
    report out of both lines until it is handed in again. Points in the SVG's coordinates."""
    by_day: dict[date, list[tuple[str, str]]] = {}
    for c in changes:
        by_day.setdefault(local_date(c["at"], tz), []).append((c["unit"], c["status"]))
    start = min([date(campaign.year + 1, 1, 1), *by_day])
    end = max([campaign.due, min(today, campaign.publish_by), *by_day])
    start = max(start, end - timedelta(days=CHART_DAYS_MAX))
    status: dict[str, str] = {}
    for day in sorted(d for d in by_day if d < start):
        status.update(by_day[day])
    days, handed_in, approved = [], [], []
    day = start
    while day <= end:
        status.update(by_day.get(day, ()))
        days.append(day)
        handed_in.append(sum(s in ("submitted", "approved") for s in status.values()))
        approved.append(sum(s == "approved" for s in status.values()))
        day += timedelta(days=1)
    top = max(total, 1)
    step = CHART_W / max(len(days) - 1, 1)

    def points(series: list[int]) -> str:
        return " ".join(f"{i * step:.1f},{CHART_H - v * CHART_H / top:.1f}" for i, v in enumerate(series))

    def x_of(d: date) -> float | None:
        return (d - start).days * step if start <= d <= end else None

    return {"width": CHART_W, "height": CHART_H, "handed_in": points(handed_in), "approved": points(approved),
            "start": start, "end": end, "due_x": x_of(campaign.due), "today_x": x_of(today), "total": total,
            "last_handed_in": handed_in[-1] if handed_in else 0, "last_approved": approved[-1] if approved else 0}


# -- one unit ------------------------------------------------------------------------------------------------------


def unit_view(store: Store, unit: str, area: str | None, year: int | None, now: datetime,
              tz: tzinfo) -> dict[str, Any]:
    campaign, _ = area_campaign(store, area, now, tz)
    campaign = replace(campaign, year=year or campaign.year)
    status = load_units(store, campaign, names=[unit])[0]
    report = status.report
    fmt = FORMATS.get(report.format_id, GOV2021) if report is not None else GOV2021
    started = report is not None and status.status != "not_started"
    names = store.unit_name_matcher(area) if area else ()
    findings = review_findings(replace(status, area=area), names) if started else []
    unfinished = started and status.status == "in_progress"
    if unfinished and report is not None:  # a blank is still to fill, not an error: as the chat's 查看 says
        findings = findings_on_what_is_filled(findings, report, fmt)
    audit = store.audit_log(unit, campaign.year)
    people = {userid: found.name for userid in {r["actor"] for r in audit} if (found := store.user(userid))}
    row = _unit_row(status, campaign, local_date(now, tz), tz)  # late and days left, as the overview's row says
    return {
        "unit": status, "year": campaign.year, "due": campaign.due, "started": started,
        "late": row["late"], "days_left": row["days_left"],
        "status_label": STATUS_LABELS.get(status.status, status.status),
        "submitted": short_time(status.submitted_at, tz) if status.submitted_at else "",
        "returned_at": short_time(status.returned_at, tz) if status.returned_at else "",
        **(marked_report(report, findings, status.accepted_warnings, fmt) if started
           else {"title": "", "blocks": [], "marks": {}, "findings": []}),
        "history": history(audit, people, fmt, tz),
        "unfinished": unfinished,
        "todo": still_to_fill(report, fmt) if unfinished and report is not None else [],
        "can_return": status.status in ("submitted", "approved"),
        "can_approve": status.status == "submitted",
        "can_remind": not status.done,  # 催办, as the chat's: the unit's clerks get the reminder now
    }


def marked_report(report: Any, findings: list[Finding], accepted: dict[str, str], fmt: Format) -> dict[str, Any]:
    """The report's blocks as published, and each finding numbered, with the cells and paragraphs it concerns."""
    report = with_known_totals(report, fmt)
    listed, marks = [], {}
    doc = layout(report, fmt)
    shown = {b.slot for b in doc.blocks if b.slot} | {c.cell_id for b in doc.blocks if b.grid
                                                      for r in b.grid.rows for c in r.cells if c.cell_id}
    for n, f in enumerate(findings, 1):
        key = warning_key(f)
        listed.append({"n": n, "level": f.level, "rule": f.rule, "message": f.message, "where": where(fmt, f),
                       "anchor": next((c for c in f.cells if c in shown), ""),
                       "accepted": f.level == "warning" and key in accepted, "reason": accepted.get(key, "")})
        for cell in f.cells:
            marks.setdefault(cell, []).append({"n": n, "level": f.level})
    first_of_slot: set[int] = set()
    seen: set[str] = set()
    for i, block in enumerate(doc.blocks):
        if block.slot and block.slot not in seen:
            seen.add(block.slot)
            first_of_slot.add(i)
    blocks = [{"block": b, "marks": marks.get(b.slot, []) if b.slot else [], "numbered": i in first_of_slot}
              for i, b in enumerate(doc.blocks)]
    return {"title": doc.title, "blocks": blocks, "marks": marks, "findings": listed}


def history(rows: Sequence[dict[str, Any]], people: Mapping[str, str], fmt: Format, tz: tzinfo) -> list[dict[str, Any]]:
    """The audit log as people read it, oldest first: who, when, what (a cell's or paragraph's label), old → new."""
    cells = {c.id: c.label for c in fmt.cells}
    headings = {s.number: s.heading for s in fmt.sections}
    slots = {s.id: s.title or headings.get(s.section, s.id) for s in fmt.slots}
    out = []
    for r in rows:
        field = r["field"]
        kind = ("cell" if field in cells else "slot" if field in slots else "status" if field == "status"
                else "accepted" if field.startswith("accepted:") else "reason" if field == "returned_reason"
                else "other")
        out.append({"id": r["id"], "actor": people.get(r["actor"], r["actor"]), "actor_id": r["actor"],
                    "automatic": r["actor"] == AUTOMATIC,
                    "at": short_time(r["at"], tz), "field": field, "kind": kind,
                    "label": cells.get(field) or slots.get(field) or field.partition(":")[2] or field,
                    "old": r["old_value"], "new": r["new_value"]})
    return out
