"""What a supervisor reads about the area: 汇总/进度, 未完成, 逾期, and 查看 <单位>."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo

from ..dialog import DialogContext
from ..dialog.checks import key as warning_key
from ..dialog.hand_in import hand_in_only
from ..file_names import report_file
from ..findings import Finding
from ..formats import FORMATS, GOV2021, Format
from ..incoming import Deferred, Reply
from ..report import Report, with_derived
from ..rules import check_report
from ..rules.names import AreaNames
from ..summary import blank_cells, blank_tables, findings_on_what_is_filled, table_lines
from .area import (
    DONE_STATUSES,
    STATUS_LABELS,
    AreaView,
    Campaign,
    UnitStatus,
    days_left,
    display_names,
    local_date,
    official_order,
    short_date,
    short_time,
)
from .messages import chunks, pieces, say

NAMES_PER_LINE = 6  # not-started units share a line: they have no progress or errors to show
PENDING_SHOWN = 200  # units named in a reply (a county's all): a city's thousands are counted, not listed (导出 lists them)
LATE_SHOWN = PENDING_SHOWN  # the same for the reports handed in late
WAITING_SHOWN = PENDING_SHOWN  # and for the reports of earlier years still waiting for review
APPROVED_NAMED = 10  # approved units named by 汇总 up to this many (a county's few); more are counted only
TO_REVIEW_SHOWN = 20  # this year's reports waiting for review, named by 汇总 so the supervisor can open one
# the order unfinished units are listed in: returned first (the supervisor asked for a fix), then by progress
_PENDING_ORDER = {"returned": 0, "in_progress": 1, "not_started": 2}


def status_counts(units: Iterable[UnitStatus]) -> dict[str, int]:
    counts = Counter(u.status for u in units)
    return {status: counts.get(status, 0) for status in STATUS_LABELS}


@dataclass(frozen=True)
class Tally:
    """Units counted by status (every status of `STATUS_LABELS`), and their open errors."""

    counts: dict[str, int]
    errors: int = 0

    @classmethod
    def of(cls, units: list[UnitStatus]) -> Tally:
        return cls(status_counts(units), sum(u.open_errors for u in units))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def pending(self) -> int:
        return sum(n for status, n in self.counts.items() if status not in DONE_STATUSES)


def add_tallies(tallies: Iterable[Tally]) -> Tally:
    counts = dict.fromkeys(STATUS_LABELS, 0)
    errors = 0
    for t in tallies:
        for status, n in t.counts.items():
            counts[status] = counts.get(status, 0) + n
        errors += t.errors
    return Tally(counts, errors)


@dataclass
class AreaDigest:
    """What 汇总 says of an area: its units counted, and only the units it names. Made from each unit's status
    (`digest_of`), or by the edge in storage for an area of thousands — the same answer either way."""

    area: str
    campaign: Campaign
    tallies: dict[str, Tally]  # by the area the units belong to ("" for none)
    pending: list[UnitStatus]  # the first `PENDING_SHOWN` units not handed in, in the order to chase them
    late: list[UnitStatus]  # the first `LATE_SHOWN` reports handed in after the due date, by unit name
    late_count: int
    late_names: dict[str, str]  # the late units' display names, told apart among all the area's units
    sub_areas: dict[str, str] = field(default_factory=dict)  # as `AreaView.sub_areas`
    waiting_earlier: tuple[tuple[str, int], ...] = ()  # the first `WAITING_SHOWN` of `AreaView.waiting_earlier`
    waiting_areas: dict[str, str | None] = field(default_factory=dict)  # the area of each unit waiting
    waiting_count: int = 0  # how many reports of earlier years wait in all
    upcoming: Campaign | None = None
    to_review: list[UnitStatus] = field(default_factory=list)  # the first `TO_REVIEW_SHOWN` handed in, to review
    approved: list[UnitStatus] = field(default_factory=list)  # the approved units by name, when `APPROVED_NAMED` or fewer


def to_review_units(units: Iterable[UnitStatus]) -> list[UnitStatus]:
    """This year's reports handed in and waiting for review, the earliest handed in first."""
    waiting = [u for u in units if u.status == "submitted"]
    return sorted(waiting, key=lambda u: (u.submitted_at is None, u.submitted_at or datetime.min, *official_order(u)))


def digest_of(area: AreaView, tz: tzinfo) -> AreaDigest:
    """The digest of a view holding every unit's status."""
    by_area: dict[str, list[UnitStatus]] = {}
    for u in area.units:
        by_area.setdefault(u.area or "", []).append(u)
    late = late_units(area.units, area.campaign.due, tz)
    shown = late[:LATE_SHOWN]
    areas = {u.unit: u.area for u in area.units}
    waiting = area.waiting_earlier[:WAITING_SHOWN]
    return AreaDigest(
        area.area, area.campaign, {name: Tally.of(units) for name, units in by_area.items()},
        pending_units(area.units)[:PENDING_SHOWN], shown, len(late),
        display_names(shown, area.area, among=[u.unit for u in area.units]) if shown else {},
        area.sub_areas, waiting, {unit: areas.get(unit) for unit, _ in waiting}, len(area.waiting_earlier),
        area.upcoming, to_review_units(area.units)[:TO_REVIEW_SHOWN], named_approved(area.units))


def named_approved(units: Iterable[UnitStatus]) -> list[UnitStatus]:
    """The approved units by name when there are few enough to name (`APPROVED_NAMED`); none when more: a supervisor
    with a few done wants to know which, one with most done chases the rest, named below."""
    approved = sorted((u for u in units if u.status == "approved"), key=official_order)
    return approved if len(approved) <= APPROVED_NAMED else []


def deadline_text(campaign: Campaign, now: datetime, tz: tzinfo) -> str:
    today = local_date(now, tz)
    return say(
        "deadline",
        due=short_date(campaign.due),
        publish_by=short_date(campaign.publish_by),
        left=days_left(campaign.due, today),
        publish_left=days_left(campaign.publish_by, today),
    )


def pending_units(units: list[UnitStatus]) -> list[UnitStatus]:
    """Units not yet submitted, in the order a supervisor should chase them."""
    pending = [u for u in units if not u.done]
    return sorted(pending, key=lambda u: (_PENDING_ORDER.get(u.status, 3), u.progress, *official_order(u)))


def _pending_groups(units: list[UnitStatus], count: int) -> dict[str, object]:
    """The template's three groups: returned and in-progress units with their numbers, not-started ones by name —
    `units`, the first (at most `PENDING_SHOWN`) of `count` units to chase, and how many more are not named."""
    names = display_names(units)

    def entries(status: str) -> list[dict[str, object]]:
        return [{"name": names[u.unit], "progress": u.progress, "errors": u.open_errors}
                for u in units if u.status == status]

    not_started = [names[u.unit] for u in units if u.status == "not_started"]
    return {"returned": entries("returned"), "in_progress": entries("in_progress"),
            "not_started": chunks(not_started, NAMES_PER_LINE), "unlisted": count - len(units)}


def late_after(due: date, tz: tzinfo) -> datetime:
    """The first moment a report counts as handed in late: the start of the day after `due`, local time."""
    return datetime.combine(due + timedelta(days=1), datetime.min.time()).replace(tzinfo=tz)


HANDED_IN = ("submitted", "approved", "returned")  # a report handed in (returned since or not): it may be late


def late_units(units: list[UnitStatus], due: date, tz: tzinfo) -> list[UnitStatus]:
    """Units that handed their report in after the due date (by local date), in the order of `units`."""
    return [u for u in units if u.submitted_at is not None and u.status in HANDED_IN
            and local_date(u.submitted_at, tz) > due]


def _late_view(units: list[UnitStatus], count: int, names: dict[str, str], due: date,
               tz: tzinfo) -> dict[str, object]:
    """The late reports for the template: the ones named (name, when, how many days late) and how many in all."""
    late = [{"name": names[u.unit], "when": short_time(u.submitted_at, tz),
             "days": (local_date(u.submitted_at, tz) - due).days} for u in units if u.submitted_at is not None]
    return {"late_submitted": late, "late_count": count}


def late_submissions(area: AreaView, tz: tzinfo) -> dict[str, object]:
    """Reports handed in after the due date (by local date): the first `LATE_SHOWN` with name, when and how many days
    late, and how many in all."""
    late = late_units(area.units, area.campaign.due, tz)
    shown = late[:LATE_SHOWN]
    names = display_names(shown, area.area, among=[u.unit for u in area.units]) if shown else {}
    return _late_view(shown, len(late), names, area.campaign.due, tz)


def area_summary(area: AreaView, now: datetime, tz: tzinfo) -> list[str]:
    """汇总/进度: counts, days left, then the units not yet submitted; one message for up to ~40 units."""
    return summary_text(digest_of(area, tz), now, tz)


def summary_text(digest: AreaDigest, now: datetime, tz: tzinfo) -> list[str]:
    """汇总/进度 of an area's digest."""
    whole = add_tallies(digest.tallies.values())
    text = say(
        "summary",
        area=digest.area,
        year=digest.campaign.year,
        stamp=short_time(now, tz),
        total=whole.total,
        counts=whole.counts,
        deadline=deadline_text(digest.campaign, now, tz),
        pending_count=whole.pending,
        parts=parts_of(digest.tallies, digest.sub_areas, digest.area),
        **_pending_groups(digest.pending, whole.pending),
        **_other_years(digest),
        to_review=_to_review_view(digest.to_review, tz),
        approved=_named(digest.approved),
        **_late_view(digest.late, digest.late_count, digest.late_names, digest.campaign.due, tz),
    )
    return pieces(text)


def _named(units: list[UnitStatus]) -> list[str]:
    names = display_names(units)
    return [names[u.unit] for u in units]


def _to_review_view(units: list[UnitStatus], tz: tzinfo) -> list[dict[str, object]]:
    names = display_names(units)
    return [{"name": names[u.unit], "when": short_time(u.submitted_at, tz) if u.submitted_at else "",
             "errors": u.open_errors} for u in units]


def area_parts(area: AreaView) -> list[dict[str, object]]:
    """For an area with areas below it (a city): each of them with its units' counts, in the order they are listed."""
    if not area.sub_areas:
        return []
    by_area: dict[str, list[UnitStatus]] = {}
    for u in area.units:
        by_area.setdefault(u.area or "", []).append(u)
    return parts_of({name: Tally.of(units) for name, units in by_area.items()}, area.sub_areas, area.area)


def parts_of(tallies: dict[str, Tally], sub_areas: dict[str, str], label: str) -> list[dict[str, object]]:
    """The areas directly below (`sub_areas`, as `AreaView.sub_areas`) with the counts of their units, in the order
    they are listed (the organisation file's), then the units of the area itself; `tallies` by the area each unit
    belongs to."""
    if not sub_areas:
        return []
    parts: dict[str, list[Tally]] = {name: [] for name in dict.fromkeys(sub_areas.values())}
    for name, tally in tallies.items():
        parts.setdefault(sub_areas.get(name, ""), []).append(tally)
    shown = []
    for name, some in sorted(parts.items(), key=lambda p: p[0] == ""):  # stable: the areas below keep their order
        tally = add_tallies(some)
        if tally.total or name:
            shown.append({"name": name or label, "own": not name, "total": tally.total, "counts": tally.counts,
                          "errors": tally.errors})
    return shown


def _other_years(digest: AreaDigest) -> dict[str, object]:
    """What 汇总 says beyond this year: earlier reports still waiting for review, and a campaign set in advance."""
    areas = digest.waiting_areas
    names = display_names([UnitStatus(unit, "", areas.get(unit)) for unit, _ in digest.waiting_earlier], digest.area)
    waiting = [{"name": names[unit], "year": year} for unit, year in digest.waiting_earlier]
    upcoming = digest.upcoming
    return {"waiting_earlier": waiting, "waiting_count": digest.waiting_count,
            "upcoming": {"year": upcoming.year, "due": short_date(upcoming.due), "start": upcoming.year + 1}
            if upcoming else None}


def unfinished_list(area: AreaView, now: datetime, tz: tzinfo) -> list[str]:
    """未完成: the units not yet submitted, alone."""
    return unfinished_text(digest_of(area, tz), now, tz)


def unfinished_text(digest: AreaDigest, now: datetime, tz: tzinfo) -> list[str]:
    """未完成 of an area's digest."""
    pending = add_tallies(digest.tallies.values()).pending
    text = say("unfinished", area=digest.area, pending_count=pending, deadline=deadline_text(digest.campaign, now, tz),
               **_pending_groups(digest.pending, pending))
    return pieces(text)


def overdue_units(area: AreaView, now: datetime, tz: tzinfo) -> list[UnitStatus]:
    """Units still not submitted after the due date (none before it)."""
    if days_left(area.campaign.due, local_date(now, tz)) >= 0:
        return []
    return pending_units(area.units)


def overdue_list(area: AreaView, now: datetime, tz: tzinfo) -> list[str]:
    """逾期: the overdue units, or a word that there are none (yet)."""
    return overdue_text(digest_of(area, tz), now, tz)


def overdue_text(digest: AreaDigest, now: datetime, tz: tzinfo) -> list[str]:
    """逾期 of an area's digest: its units not handed in once the due date has passed, and the reports handed in
    late."""
    due = digest.campaign.due
    left = days_left(due, local_date(now, tz))
    overdue = add_tallies(digest.tallies.values()).pending if left < 0 else 0
    text = say("overdue", area=digest.area, due=short_date(due), late=-left, before_due=left >= 0,
               pending_count=overdue, **_late_view(digest.late, digest.late_count, digest.late_names, due, tz),
               **_pending_groups(digest.pending if overdue else [], overdue))
    return pieces(text)


# the commands an area's digest answers, and how
DIGEST_TEXTS: dict[str, Callable[[AreaDigest, datetime, tzinfo], list[str]]] = {
    "汇总": summary_text, "未完成": unfinished_text, "逾期": overdue_text}


def findings_view(findings: list[Finding],
                  accepted: dict[str, str] | None = None) -> dict[str, list[dict[str, object]]]:
    """Errors and warnings for a template; a warning the unit accepted carries the reason it gave."""
    accepted = accepted or {}

    def view(f: Finding) -> dict[str, object]:
        key = warning_key(f)
        return {"message": f.message, "reason": accepted.get(key, ""), "accepted": key in accepted}

    return {
        "errors": [view(f) for f in findings if f.level == "error"],
        "warnings": [view(f) for f in findings if f.level == "warning"],
    }


def unit_findings(unit: UnitStatus, area: AreaView) -> list[Finding]:
    # every name of the area, the unit's own included (R13 leaves it out): one matcher for all the area's units
    return review_findings(unit, tuple(u.unit for u in area.units))


def review_findings(unit: UnitStatus, names: AreaNames | Iterable[str] = ()) -> list[Finding]:
    """A unit's findings as its supervisor reviews them: `check_report`'s, then the warnings only 提交 asks (the
    results a people's government leaves unstated, a report kept as last year's) that the unit accepted there. A
    supervisor shown only the rule's description read 「总体情况五个方面齐全…」 for a waived 社会评议, as if all were well.
    `names`: the area's unit names (R13)."""
    report = unit.report
    if report is None:
        return []
    fmt = FORMATS.get(report.format_id, GOV2021)
    found = check_report(report, previous=unit.previous, fmt=fmt, other_units=names, area=unit.area or "")
    if not set(unit.accepted_warnings) - {warning_key(f) for f in found}:
        return found  # every warning accepted is among them: nothing only 提交 asked was waived
    ctx = DialogContext("", unit.unit, unit.kind or report.unit_kind, report.year, previous=unit.previous, fmt=fmt)
    asked = hand_in_only(ctx, with_derived(report, fmt), found)
    return found + [f for f in asked if warning_key(f) in unit.accepted_warnings]


def _returns_view(unit: UnitStatus, tz: tzinfo) -> list[dict[str, str]]:
    """The earlier returns the unit answered by submitting again: when, why, and when it was handed in again."""
    return [{"at": short_time(r.returned_at, tz), "reason": r.reason, "resubmitted": short_time(r.resubmitted_at, tz)}
            for r in unit.returns if r.resubmitted_at is not None]


def still_to_fill(report: Report, fmt: Format = GOV2021) -> list[str]:
    """What an unfinished report still lacks, as a supervisor reads it: each table with its blank cells counted,
    then each prose part with no text (by its heading)."""
    todo = []
    for table in fmt.tables:
        blank = blank_cells(report, table)
        if blank:
            todo.append(say("to_fill_table", section=table.section, title=table.title, blank=blank,
                            total=sum(1 for c in table.cells if not c.derived)))
    sections = {s.number: s.heading for s in fmt.sections}
    for slot in fmt.slots:
        if not (report.text.get(slot.id) or "").strip():
            todo.append(say("to_fill_slot", section=sections.get(slot.section, ""), title=slot.title))
    return todo


def docx_name(unit: UnitStatus, year: int) -> str:
    return report_file(unit.unit, year, "docx")


def unit_detail(unit: UnitStatus, area: AreaView, tz: tzinfo) -> list[Reply]:
    """查看 <单位>: status and findings, the report text in WeCom-sized pieces, and the .docx; for a unit that has
    not started, only its status (an empty draft's blanks are no findings worth a list)."""
    started = unit.report is not None and unit.status != "not_started"
    findings = unit_findings(unit, area) if started else []
    unfinished = started and unit.status == "in_progress"
    todo = still_to_fill(unit.report) if unfinished and unit.report is not None else []
    if unfinished and unit.report is not None:  # blanks are what is still to fill, not errors
        # a finding about cells not all filled yet is work to do, not an error (a sum over blanks is not wrong, it is
        # not finished); a total over a blank cell is as blank as the cell
        findings = findings_on_what_is_filled(findings, unit.report, FORMATS.get(unit.report.format_id, GOV2021))
    head = say(
        "unit_status",
        unit=unit.unit,
        kind=unit.kind,
        year=area.campaign.year,
        status=unit.status_label,
        submitted=short_time(unit.submitted_at, tz) if unit.submitted_at else "",
        returned=short_time(unit.returned_at, tz) if unit.status == "returned" and unit.returned_at else "",
        progress=unit.progress,
        next_question=unit.next_question if not unit.done else "",
        staff=len(unit.staff),
        staff_names=list(unit.staff_names),
        returned_reason=unit.returned_reason if unit.status == "returned" else "",
        has_report=started,
        unfinished=unfinished,
        todo=todo,
        link=unit.link,
        returns=_returns_view(unit, tz),
        to_review=unit.status == "submitted",
        chase=not unit.done,  # not handed in: 催办 is the next step
        blocked=bool(unit.open_errors),  # as 通过 refuses it
        short=display_names([unit])[unit.unit],
        **findings_view(findings, unit.accepted_warnings),
    )
    replies = [Reply(text=t) for t in pieces(head)]
    if started and unit.report is not None:
        # phone-sized: the tables in a line each; the whole report is the Word file (and the web link)
        report = with_derived(unit.report)
        fmt = FORMATS.get(report.format_id, GOV2021)
        blank = blank_tables(unit.report, fmt)  # a blank table's totals are 0: it would read "各项均为0"
        replies.append(Reply(text=say("unit_tables", tables=table_lines(report, fmt, blank))))
        # rendered by a job outside the message's transaction, delivered a moment later
        job = Deferred("report_docx", {"unit": unit.unit, "year": unit.report.year, "what": "Word 文件"})
        replies.append(Reply(kind="file", file_name=docx_name(unit, area.campaign.year), deferred=job))
    return replies
