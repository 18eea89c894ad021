"""The value types the supervision core works on: a campaign, each unit's status, and an area's view of its units.

The edge builds an `AreaView` per supervisor from storage (only the units of that supervisor's area), so nothing in
this package can leak another area's units: it never sees them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from functools import lru_cache
from typing import Literal
from zoneinfo import ZoneInfo

from ..report import Report
from ..units import core_name

Status = Literal["not_started", "in_progress", "submitted", "returned", "approved"]
STATUS_LABELS: dict[str, str] = {
    "not_started": "未开始",
    "in_progress": "填写中",
    "submitted": "已提交待审",
    "returned": "已退回",
    "approved": "已通过",
}
DONE_STATUSES = ("submitted", "approved")  # the unit has handed its report in: no more reminders
DEFAULT_TZ = "Asia/Shanghai"
_NAME_SUFFIXES = ("人民政府", "办事处", "政府")


@dataclass(frozen=True)
class ReminderPlan:
    days_before: tuple[int, ...] = (7, 3, 1, 0)
    at: time = time(9, 0)
    overdue_daily: bool = True  # after due: a daily digest to supervisors and a nudge to each overdue unit


@dataclass(frozen=True)
class Campaign:
    year: int  # the year reported on
    due: date  # the area's internal deadline for submission
    publish_by: date  # the legal publication date (31 January)
    area: str | None = None
    plan: ReminderPlan = field(default_factory=ReminderPlan)
    tz: str = DEFAULT_TZ  # NIANBAO_TZ: every date above is a local date here

    @property
    def key(self) -> str:
        """The campaign part of every reminder key."""
        return f"{self.year}/{self.area or '*'}"

    @property
    def zone(self) -> tzinfo:
        return ZoneInfo(self.tz)


@dataclass(frozen=True)
class ReturnRecord:
    """One earlier return of the report, and when it was handed in again (None: not yet)."""

    returned_at: datetime
    reason: str = ""
    resubmitted_at: datetime | None = None


@dataclass
class UnitStatus:
    unit: str
    kind: str
    area: str | None
    status: Status = "not_started"
    progress: int = 0  # 0–100
    next_question: str = ""  # e.g. 【3.2】新收申请
    open_errors: int = 0
    submitted_at: datetime | None = None
    report: Report | None = None
    accepted_warnings: dict[str, str] = field(default_factory=dict)  # warning message → the reason given
    # warning key → the name of the clerk who accepted it (loaded with the returns, for the notice of a return)
    accepted_by: dict[str, str] = field(default_factory=dict)
    staff: tuple[str, ...] = ()  # WeCom userids
    staff_names: tuple[str, ...] = ()  # the staff's names, for people (查看 shows who fills the report in)
    returned_reason: str = ""  # what the supervisor said when returning the report
    returned_at: datetime | None = None  # when it was returned
    # last year's report of the unit (with derived cells): the rules comparing years (R6/R8/R15) need it
    previous: Report | None = None
    returns: tuple[ReturnRecord, ...] = ()  # the report's returns, oldest first (loaded for 查看 only)
    link: str = ""  # the report's web page (filled by the edge for 查看 when the server has a public address)
    # the cells and parts the clerk changed after the last return (loaded for the notice of a report handed in again)
    changed_since_return: tuple[str, ...] = ()
    redrafted_since_return: tuple[str, ...] = ()  # parts only the assistant redrafted since, not the unit
    # the unit's place in the organisation list as imported: the county's own (official) order, not the names' order
    position: int = 0

    @property
    def done(self) -> bool:
        return self.status in DONE_STATUSES

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


def official_order(u: UnitStatus) -> tuple[int, str]:
    """Where a unit stands in a list a person reads: the organisation list's order (a supervisor knows the county's
    units in it, 城关镇 first, never 东城街道 first because 东 sorts before 城), then the name."""
    return (u.position, u.unit)


def sub_areas_in_order(mapping: dict[str, str], first_positions: dict[str, int]) -> dict[str, str]:
    """`mapping` (area → the area directly below it lies in) ordered by the areas directly below as a supervisor
    reads them: units follow the organisation file's order (`units.position`), and so do areas — by the position of
    the first unit in each (its own or of the areas nested in it). The file gives areas no order of their own and
    the `areas` table keeps none, so their first unit's place is the file's order of them; an area without units
    comes last, by name."""
    first: dict[str, float] = {}
    for name, below in mapping.items():
        first[below] = min(first.get(below, math.inf), first_positions.get(name, math.inf))
    order = {below: i for i, below in enumerate(sorted(first, key=lambda b: (first[b], b)))}
    return dict(sorted(mapping.items(), key=lambda item: (order[item[1]], item[0])))


@dataclass
class AreaView:
    area: str
    campaign: Campaign
    units: list[UnitStatus]
    supervisors: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()  # for an admin: the areas a command may name in front ("示范县 汇总")
    # reports of earlier years still waiting for review after the campaign moved on: (unit, year)
    waiting_earlier: tuple[tuple[str, int], ...] = ()
    upcoming: Campaign | None = None  # a campaign set for a year not yet ended: it starts on 1 January
    # areas nest (a city's counties): each area below this one → the area directly below this one it lies in, the
    # areas directly below in the order they are listed (`sub_areas_in_order`)
    sub_areas: dict[str, str] = field(default_factory=dict)
    looked_at: str = ""  # the unit whose report the supervisor last opened with 查看: what 通过/退回 alone act on

    def part_of(self, unit: UnitStatus) -> str:
        """The area directly below this one a unit is counted in ('' for a unit of this very area)."""
        return self.sub_areas.get(unit.area or "", "")


def local_date(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def days_left(due: date, today: date) -> int:
    """Days until `due` (0 on the day, negative once overdue)."""
    return (due - today).days


def short_date(day: date) -> str:
    """A date as people write it, always with its year: deadlines of two campaigns must never be confused."""
    return f"{day.year}年{day.month}月{day.day}日"


def short_time(moment: datetime, tz: tzinfo) -> str:
    """A moment as people write it, with its year: 2026年1月10日 10:30."""
    local = moment.astimezone(tz)
    return f"{short_date(local.date())} {local:%H:%M}"


@lru_cache(maxsize=1 << 16)
def strip_suffix(name: str) -> str:
    """柳园口乡人民政府 → 柳园口乡; 塔铺街道办事处 → 塔铺街道."""
    name = name.strip()
    for suffix in _NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1 << 16)  # 汇总 of 20,000 units names them three times
def short_name(name: str) -> str:
    """A unit's name for lists: without 人民政府 and without the county in front (龙亭区柳园口乡 → 柳园口乡)."""
    base = strip_suffix(name)
    core = core_name(base)
    if core != base and base.endswith(core):
        return core
    idx = base.find(core) if core else -1
    return base[idx:] if idx > 0 else base


def display_names(units: list[UnitStatus], area: str | None = None,
                  among: Iterable[str] | None = None) -> dict[str, str]:
    """Short names for a list, falling back to the name without suffix where two short names would collide, and
    to the full name where the short name is only the area's (示范县人民政府 in 示范县 stays 示范县人民政府).
    `among`: the names a collision is looked for in (default: the units' own), e.g. every unit of the area when
    only some are listed."""
    seen: dict[str, int] = {}
    for s in map(short_name, among if among is not None else (u.unit for u in units)):
        seen[s] = seen.get(s, 0) + 1
    shorts = {u.unit: short_name(u.unit) for u in units}
    names = {unit: (s if seen.get(s, 0) <= 1 else strip_suffix(unit)) for unit, s in shorts.items()}
    areas = {u.unit: {u.area, area} - {None, ""} for u in units}
    return {unit: (unit if name in areas[unit] else name) for unit, name in names.items()}
