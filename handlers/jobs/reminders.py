"""Reminders and digests: a loop inside `nianbao serve` (no cron), and `nianbao reminders --at` for operators.

Every minute (and once at start-up) each campaign's slots are planned (`plan_slots`, working days from
`ChinaWorkdays`); when a slot has come since the timer last looked, the areas concerned are loaded and `due_sends`
says what to send and what to skip. Each verdict is a row of `reminders` with the unique key (campaign, unit, slot),
written in the SAME transaction that queues the messages in the outbox — one area per short transaction, so a tick
over 20,000 units never holds the messages of others — and the campaign's `last_run` moves once every area is
judged: a restart can neither lose a reminder nor send one twice (an area judged before a crash is not again). A slot missed while the server was down is judged at
start-up: the latest one of each unit is sent once, older ones are skipped with their reason, and logged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from bot.supervision import ChinaWorkdays, Send, Skip, Slot, due_sends, plan_slots
from bot.supervision.calendar import IsWorkday
from handlers.areas import ALL_AREAS, core_campaign, load_area
from handlers.jobs.queue import run_isolated
from handlers.service import utc_now
from handlers.wecom.api import MAX_RECIPIENTS
from storage import Campaign as StoredCampaign
from storage import Store
from storage.db import from_json
from storage.supervision import NO_AREA, ReminderRecord

log = logging.getLogger("nianbao.reminders")

INTERVAL_SECONDS = 60.0
LOGGED_SKIPS = 20  # skips named one by one in the log; beyond that, a count

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class Verdict:
    """One judged slot of one unit (or one area's digest), as `nianbao reminders` shows it."""

    campaign: str
    area: str
    unit: str
    slot: str
    at: datetime
    sent: bool
    users: tuple[str, ...] = ()
    text: str = ""
    reason: str = ""


@dataclass
class ReminderRun:
    now: datetime
    verdicts: list[Verdict] = field(default_factory=list)
    queued: int = 0  # outbox rows added

    @property
    def sends(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.sent]

    @property
    def skips(self) -> list[Verdict]:
        return [v for v in self.verdicts if not v.sent]


@dataclass
class CampaignPlan:
    """One campaign's slots and the areas to judge at this tick (judged one area per short transaction)."""

    row: dict
    campaign: Any
    slots: list[Slot]
    last_run: datetime | None
    done: set[tuple[str, str, str]] = field(default_factory=set)
    areas: list[str] = field(default_factory=list)


def run_reminders(store: Store, now: datetime, tz: tzinfo, *, calendar: IsWorkday | None = None,
                  dry_run: bool = False, use_last_run: bool = True) -> ReminderRun:
    """Judge every campaign at `now`, one area per transaction; without `dry_run`, record and queue what is due.

    `use_last_run=False` judges every slot due by `now` that was never sent or skipped (the CLI's preview of a
    moment), instead of only the slots that came since the timer last looked.
    """
    calendar = calendar or ChinaWorkdays()
    run = ReminderRun(now)
    for plan in plan_campaigns(store, now, tz, calendar, use_last_run):
        for area in plan.areas:
            judge_area(store, plan, area, now, run, dry_run)
        close_campaign(store, plan, now, dry_run)
    _log(run, calendar, dry_run)
    return run


def plan_campaigns(store: Store, now: datetime, tz: tzinfo, calendar: IsWorkday,
                   use_last_run: bool = True) -> list[CampaignPlan]:
    """Every campaign's slots, and the areas with a slot come since the timer last looked (a short read)."""
    with store.transaction():
        campaigns = store.all_campaigns()
        plans = []
        for row in campaigns:
            campaign = core_campaign(_stored(row), tz)
            slots = plan_slots(campaign, calendar)
            last_run = row["last_run"] if use_last_run else None
            plan = CampaignPlan(row, campaign, slots, last_run)
            if any(s.at <= now and (last_run is None or s.at > last_run) for s in slots):
                plan.done = {(campaign.key, unit, slot) for unit, slot in store.judged_reminders(row["id"])}
                plan.areas = _areas_of(store, row, campaigns)
            plans.append(plan)
        return plans


def judge_area(store: Store, plan: CampaignPlan, area: str, now: datetime, run: ReminderRun,
               dry_run: bool = False) -> None:
    """One area of one campaign, in one transaction: what is due is recorded and queued together."""
    with store.transaction():
        sends, verdicts = _judge(store, plan, area, now)
        run.verdicts += verdicts
        if not dry_run:
            run.queued += _record(store, plan.row["id"], sends, verdicts, now)


def _judge(store: Store, plan: CampaignPlan, area: str, now: datetime) -> tuple[list[Send], list[Verdict]]:
    """What is due in one area: the sends, and every verdict (sent or skipped)."""
    by_key = {s.key: s for s in plan.slots}
    key = plan.campaign.key
    # status, progress and open errors are stored figures: no report is parsed or checked
    view = load_area(store, area, plan.campaign, area or ALL_AREAS, reports=False)
    # an area's view holds the areas nested in it; those under a campaign of their own are judged by that one
    governed = set(plan.areas)
    view.units = [u for u in view.units if (u.area or NO_AREA) in governed]
    sends, skips = due_sends(plan.slots, now, view, plan.done, plan.last_run)
    verdicts = [_sent(key, view.area, s, by_key) for s in sends]
    verdicts += [_skipped(key, view.area, s, by_key) for s in skips]
    return sends, verdicts


def judge_read_only(db_path: str, plan: CampaignPlan, area: str, now: datetime) -> tuple[list[Send], list[Verdict]]:
    """`_judge` over a read-only connection of its own (in an isolated child): the storage thread only writes."""
    from handlers.jobs.export import ReadingStore

    store = ReadingStore.open(db_path)
    try:
        with store.transaction():
            return _judge(store, plan, area, now)
    finally:
        store.close()


def record_chunk(store: Store, plan: CampaignPlan, sends: list[Send], verdicts: list[Verdict],
                 now: datetime) -> int:
    """Record some verdicts of an area and queue their sends, together (one short transaction)."""
    judged = {(v.unit, v.slot) for v in verdicts}
    mine = [s for s in sends if (s.key[1], s.key[2]) in judged]
    with store.transaction():
        return _record(store, plan.row["id"], mine, verdicts, now)


def close_campaign(store: Store, plan: CampaignPlan, now: datetime, dry_run: bool = False) -> None:
    """The campaign's tick is over: slots up to `now` are judged (a crash before this judges them again, and
    the reminders already recorded are not sent twice)."""
    if not dry_run:
        store.set_last_run(plan.row["id"], now)


def _stored(row: dict) -> StoredCampaign:
    return StoredCampaign(row["id"], row["year"], row["area"], date.fromisoformat(row["due_date"]),
                          date.fromisoformat(row["publish_by"]), from_json(row["settings"], {}))


def _areas_of(store: Store, row: dict, campaigns: list[dict]) -> list[str]:
    """The areas a campaign governs: each area whose nearest campaign that year — its own, else that of the nearest
    area it is nested in, else the one for every area — is this one; and for every area, the units that belong to
    no area (NO_AREA). A city's campaign so covers the counties that set none of their own."""
    owners = {c["area"] for c in campaigns if c["year"] == row["year"] and c["area"] is not None}
    parents = store.area_parents()
    areas = [a for a in store.area_names() if governing_area(a, parents, owners) == row["area"]]
    if row["area"] is None and store.has_units_without_area():
        areas.append(NO_AREA)
    return areas


def governing_area(area: str, parents: dict[str, str | None], owners: set[str]) -> str | None:
    """The nearest of `area` and the areas it is nested in that has a campaign (`owners`); None: none has."""
    at: str | None = area
    seen: set[str] = set()
    while at is not None and at not in seen:
        if at in owners:
            return at
        seen.add(at)
        at = parents.get(at)
    return None


def _sent(campaign: str, area: str, send: Send, slots: dict[str, Slot]) -> Verdict:
    _, unit, slot = send.key
    return Verdict(campaign, area, unit, slot, slots[slot].at, True, send.users, send.text)


def _skipped(campaign: str, area: str, skip: Skip, slots: dict[str, Slot]) -> Verdict:
    _, unit, slot = skip.key
    return Verdict(campaign, area, unit, slot, slots[slot].at, False, reason=skip.reason)


def _record(store: Store, campaign_id: int, sends: list[Send], verdicts: list[Verdict], now: datetime) -> int:
    records = [ReminderRecord(v.unit, v.slot, v.at, "sent" if v.sent else "skipped", v.reason or None, len(v.users))
               for v in verdicts]
    store.record_reminders(campaign_id, records, now)
    rows = []
    for send in sends:
        _, unit, slot = send.key
        key = f"reminder:{campaign_id}:{unit}:{slot}"
        users = list(send.users)
        for b, start in enumerate(range(0, len(users), MAX_RECIPIENTS)):
            for p, part in enumerate(send.messages):
                rows.append((users[start : start + MAX_RECIPIENTS], part, f"{key}#{b}.{p}"))
    return store.enqueue_texts(rows, now)


def _log(run: ReminderRun, calendar: IsWorkday, dry_run: bool) -> None:
    if not run.verdicts:
        return
    note = getattr(calendar, "note", "")
    if note:
        log.warning(note)
    mode = " (dry run)" if dry_run else ""
    log.info("reminders at %s%s: %d sent, %d skipped, %d outbox rows", run.now.isoformat(timespec="minutes"), mode,
             len(run.sends), len(run.skips), run.queued)
    for v in run.skips[:LOGGED_SKIPS]:
        log.info("reminder skipped: %s %s %s (%s): %s", v.campaign, v.unit, v.slot, v.at.isoformat(), v.reason)
    if len(run.skips) > LOGGED_SKIPS:
        log.info("… and %d more skipped", len(run.skips) - LOGGED_SKIPS)


JUDGE_SECONDS = 600.0  # judging one area in a child (20,000 units: a few seconds)
RECORD_CHUNK = 500  # units' verdicts recorded per storage call (an area of 20,000 units is 40 short calls)


class ReminderTimer:
    """The loop of `nianbao serve`: a tick at start-up, then one every `interval` seconds (clock and sleep injectable)."""

    def __init__(self, store: Store, tz: tzinfo, *, clock: Callable[[], datetime] = utc_now,
                 sleep: Sleep = asyncio.sleep, interval: float = INTERVAL_SECONDS,
                 calendar: IsWorkday | None = None, on_queued: Callable[[], None] = lambda: None) -> None:
        self.store = store
        self.tz = tz
        self.clock = clock
        self.sleep = sleep
        self.interval = interval
        self.calendar = calendar or ChinaWorkdays()
        self.on_queued = on_queued
        self.sent = 0  # reminders queued since start (for /metrics)

    async def tick(self) -> ReminderRun:
        """Like run_reminders, but an area is judged on a read-only connection of its own in an isolated child
        (below the server's priority, outside its interpreter lock), and
        its verdicts are recorded (and their messages queued) a chunk of units per call on the storage thread:
        messages are written in between, so a tick over an area of 20,000 units never holds them up for long."""
        now = self.clock()
        run = ReminderRun(now)
        for plan in await self.store.run(plan_campaigns, self.store, now, self.tz, self.calendar):
            for area in plan.areas:
                if self.store.path is None:
                    await self.store.run(judge_area, self.store, plan, area, now, run)
                else:  # read on a connection of its own; write a chunk of units per storage call
                    sends, verdicts = await run_isolated(judge_read_only, (str(self.store.path), plan, area, now),
                                                         JUDGE_SECONDS)
                    run.verdicts += verdicts
                    for start in range(0, len(verdicts), RECORD_CHUNK):
                        run.queued += await self.store.run(record_chunk, self.store, plan, sends,
                                                           verdicts[start:start + RECORD_CHUNK], now)
                if run.queued:
                    self.on_queued()
            await self.store.run(close_campaign, self.store, plan, now)
        _log(run, self.calendar, False)
        self.sent += len(run.sends)
        return run

    async def run_forever(self) -> None:
        while True:
            try:
                await self.tick()
            except Exception:
                log.exception("reminder round failed; trying again in %s s", self.interval)
            await self.sleep(self.interval)
