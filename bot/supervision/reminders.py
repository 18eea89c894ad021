"""Reminders as pure functions: the campaign's slots, and what is due at a moment given what was already sent.

    slots = plan_slots(campaign, is_workday)
    sends, skipped = due_sends(slots, now, area, already_done, last_run)

The edge stores every sent key (campaign, unit, slot) and passes them back as `already_done`, so a restart never
sends twice; `last_run` (the last moment the edge asked) makes each slot judged once. A slot missed while the server
was down is caught up once: only the latest due slot of each unit is sent, older ones are skipped with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from .area import (
    AreaView,
    Campaign,
    UnitStatus,
    days_left,
    display_names,
    local_date,
    official_order,
    short_date,
)
from .calendar import IsWorkday, shift_to_workday
from .messages import pieces, say

SlotKind = Literal["before", "due_day", "overdue_nudge", "overdue_digest", "manual"]
SendKey = tuple[str, str, str]  # (campaign key, unit — or "@<area>" for a digest, slot key)
UNIT_KINDS: tuple[str, ...] = ("before", "due_day", "overdue_nudge")


@dataclass(frozen=True)
class Slot:
    key: str  # before-7, due, nudge-2026-01-16, digest-2026-01-16
    at: datetime  # aware, in the campaign's time zone
    kind: SlotKind
    days_left: int  # to the due date, from the slot's (shifted) day


@dataclass(frozen=True)
class Send:
    key: SendKey
    users: tuple[str, ...]  # one text for all of them: the edge may join them into one `touser`
    text: str
    kind: SlotKind = "before"

    @property
    def messages(self) -> list[str]:
        """The text in WeCom-sized pieces (a digest of many units can exceed 2048 bytes)."""
        return pieces(self.text)


@dataclass(frozen=True)
class Skip:
    key: SendKey
    reason: str


def digest_unit(area: str) -> str:
    """The unit part of a digest's key: digests belong to an area, not to a unit."""
    return f"@{area}"


def plan_slots(campaign: Campaign, is_workday: IsWorkday) -> list[Slot]:
    """Every slot of the campaign up to publish_by, in time order.

    Before-due slots falling on a rest day move to the previous working day; two that land on the same day keep the
    more urgent one. Overdue nudges and digests run on working days only (a daily message, not a moved one).
    """
    plan, tz = campaign.plan, campaign.zone
    by_day: dict[date, Slot] = {}
    for n in sorted(set(plan.days_before), reverse=True):
        day = shift_to_workday(campaign.due - timedelta(days=n), is_workday)
        kind: SlotKind = "due_day" if n == 0 else "before"
        by_day[day] = Slot("due" if n == 0 else f"before-{n}", datetime.combine(day, plan.at, tz), kind,
                           days_left(campaign.due, day))  # a later (more urgent) slot replaces one on the same day
    slots = sorted(by_day.values(), key=lambda s: s.at)
    if plan.overdue_daily:
        day = campaign.due + timedelta(days=1)
        while day <= campaign.publish_by:
            if is_workday(day):
                at, left = datetime.combine(day, plan.at, tz), days_left(campaign.due, day)
                slots.append(Slot(f"nudge-{day.isoformat()}", at, "overdue_nudge", left))
                slots.append(Slot(f"digest-{day.isoformat()}", at, "overdue_digest", left))
            day += timedelta(days=1)
    return slots


def reminder_text(campaign: Campaign, unit: UnitStatus, today: date, manual: bool = False) -> str:
    """The personal reminder: unit, days left (or overdue), progress, the next question, how to continue; `manual`:
    sent by a supervisor's 催办, which says so (a reminder from a person weighs more than the calendar's)."""
    return say(
        "reminder",
        manual=manual,
        unit=unit.unit,
        year=campaign.year,
        due=short_date(campaign.due),
        publish_by=short_date(campaign.publish_by),
        left=days_left(campaign.due, today),
        publish_left=days_left(campaign.publish_by, today),
        progress=unit.progress,
        started=unit.status != "not_started",
        returned=unit.status == "returned",
        next_question=unit.next_question,
    )


def digest_text(area: AreaView, overdue: list[UnitStatus], today: date) -> str:
    names = display_names(overdue)
    return say(
        "digest",
        area=area.area,
        today=short_date(today),
        due=short_date(area.campaign.due),
        publish_by=short_date(area.campaign.publish_by),
        late=-days_left(area.campaign.due, today),
        units=[{"name": names[u.unit], "progress": u.progress, "errors": u.open_errors} for u in overdue],
    )


def due_sends(
    slots: list[Slot],
    now: datetime,
    area: AreaView,
    already_done: set[SendKey] | frozenset[SendKey],
    last_run: datetime | None = None,
) -> tuple[list[Send], list[Skip]]:
    """What to send at `now`, and the slots judged now but not sent, each with why."""
    due = [s for s in slots if s.at <= now]
    fresh = [s for s in due if last_run is None or s.at > last_run]
    if not fresh:
        return [], []
    today = local_date(now, area.campaign.zone)
    sends: list[Send] = []
    skipped: list[Skip] = []
    unit_due = [s for s in due if s.kind in UNIT_KINDS]
    unit_fresh = [s for s in fresh if s.kind in UNIT_KINDS]
    for unit in area.units:
        _unit_sends(area, unit, unit_due, unit_fresh, today, already_done, sends, skipped)
    _digest_sends(area, [s for s in due if s.kind == "overdue_digest"],
                  [s for s in fresh if s.kind == "overdue_digest"], today, already_done, sends, skipped)
    return sends, skipped


def _latest_pending(
    due: list[Slot], fresh: list[Slot], campaign_key: str, unit: str, done: set[SendKey] | frozenset[SendKey],
    skipped: list[Skip],
) -> Slot | None:
    """The one slot worth sending now (the latest due one, if not sent yet); older unsent ones are skipped."""
    todo = [s for s in fresh if (campaign_key, unit, s.key) not in done]
    if not todo:
        return None
    latest = due[-1]
    for s in todo:
        if s is not latest:
            skipped.append(Skip((campaign_key, unit, s.key), say("skip_superseded", later=latest.key)))
    return latest if latest in todo else None


def _unit_sends(area: AreaView, unit: UnitStatus, due: list[Slot], fresh: list[Slot], today: date,
                done: set[SendKey] | frozenset[SendKey], sends: list[Send], skipped: list[Skip]) -> None:
    campaign = area.campaign
    slot = _latest_pending(due, fresh, campaign.key, unit.unit, done, skipped)
    if slot is None:
        return
    key = (campaign.key, unit.unit, slot.key)
    reason = _unit_skip_reason(campaign, unit, today)
    if reason:
        skipped.append(Skip(key, reason))
    else:
        sends.append(Send(key, unit.staff, reminder_text(campaign, unit, today), slot.kind))


def _unit_skip_reason(campaign: Campaign, unit: UnitStatus, today: date) -> str:
    if unit.done:
        return say("skip_submitted", status=unit.status_label)
    if today > campaign.publish_by:
        return say("skip_past_publish", publish_by=short_date(campaign.publish_by))
    if not unit.staff:
        return say("skip_no_staff")
    return ""


def _digest_sends(area: AreaView, due: list[Slot], fresh: list[Slot], today: date,
                  done: set[SendKey] | frozenset[SendKey], sends: list[Send], skipped: list[Skip]) -> None:
    campaign = area.campaign
    slot = _latest_pending(due, fresh, campaign.key, digest_unit(area.area), done, skipped)
    if slot is None:
        return
    key = (campaign.key, digest_unit(area.area), slot.key)
    overdue = sorted((u for u in area.units if not u.done), key=lambda u: (u.progress, *official_order(u)))
    if today > campaign.publish_by:
        skipped.append(Skip(key, say("skip_past_publish", publish_by=short_date(campaign.publish_by))))
    elif not overdue:
        skipped.append(Skip(key, say("skip_no_overdue")))
    elif not area.supervisors:
        skipped.append(Skip(key, say("skip_no_supervisor")))
    else:
        sends.append(Send(key, area.supervisors, digest_text(area, overdue, today), "overdue_digest"))


def remind_now(area: AreaView, units: list[UnitStatus], now: datetime) -> tuple[list[Send], list[UnitStatus]]:
    """催办: a reminder now to each given unit's staff; also the units that have no staff to remind."""
    campaign = area.campaign
    today = local_date(now, campaign.zone)
    slot_key = "manual-" + now.astimezone(campaign.zone).strftime("%Y%m%d%H%M")
    sends = [Send((campaign.key, u.unit, slot_key), u.staff, reminder_text(campaign, u, today, manual=True), "manual")
             for u in units if u.staff]
    return sends, [u for u in units if not u.staff]
