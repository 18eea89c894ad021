"""The reminder timer over a whole January, through real SQLite: what is sent to whom, once, and what is skipped.

The area 龙亭区 has five units: 甲乡 never starts, 乙乡 is half-way, 丙乡 submitted before January, 丁乡 submits on
Saturday 10 January (between two reminders), 戊乡 submits late, on 20 January. Due 13 January 2026, publish by
31 January. The plan (7, 3, 1, 0 days before, 09:00 Asia/Shanghai): 6 Jan; 9 Jan (the 10th is a Saturday: moved to
Friday); 12 Jan; 13 Jan; then a nudge and a digest every working day 14–30 January. The server is down on the
morning of 12 January and restarts at 11:00 — a new timer on a new connection to the same file.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import defaultdict
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import initial_state
from bot.report import Report
from handlers.jobs.reminders import ReminderTimer, run_reminders
from storage import Store, Unit, User

TZ = ZoneInfo("Asia/Shanghai")
AREA = "龙亭区"
DUE, PUBLISH_BY = date(2026, 1, 13), date(2026, 1, 31)
OVERDUE_DAYS = [14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]  # working days after the due date
BEFORE = ["before-7", "before-3", "before-1", "due"]


def at(day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(2026, 1, day, hour, minute, tzinfo=TZ)


def nudges(*days: int) -> list[str]:
    return [f"nudge-2026-01-{d:02d}" for d in days]


def digests(*days: int) -> list[str]:
    return [f"digest-2026-01-{d:02d}" for d in days]


def seed(store: Store) -> int:
    for name in ("甲乡", "乙乡", "丙乡", "丁乡", "戊乡"):
        store.save_unit(Unit(name, "乡", AREA))
    store.save_unit(Unit("外区镇", "镇", "别区"))  # another area: never in this area's reminders or digests
    people = [("s1", "甲乡"), ("s2", "乙乡"), ("s3", "丙乡"), ("s4a", "丁乡"), ("s4b", "丁乡"), ("s5", "戊乡"),
              ("x1", "外区镇")]
    for userid, unit in people:
        store.save_user(User(userid, userid, "staff", unit, AREA))
    store.save_user(User("sup1", "审核员", "supervisor", None, AREA))
    store.save_user(User("root", "管理员", "admin", None, None))
    t0 = at(1, 0) - timedelta(days=10)
    for unit, status in (("乙乡", None), ("丙乡", "submitted"), ("丁乡", None), ("戊乡", None)):
        store.save_report(Report(unit, "乡", 2025, {"t2.regulations.issued": 0}), "s", t0, status=status)
    half = {**initial_state(), "greeted": True, "answered": ["2.1", "2.2", "2.3", "2.4", "3.1", "3.2"],
            "cur": ["3.3", 0]}
    store.save_conversation("s2", half, t0)
    return store.save_campaign(2025, DUE, PUBLISH_BY, area=AREA).id


def submit(store: Store, unit: str, when: datetime) -> None:
    stored = store.report(unit, 2025)
    assert stored is not None
    store.save_report(stored.report, "s", when, status="submitted")


class Clock:
    """The timer's clock and its sleep: sleeping moves the clock, runs what happens meanwhile, and stops the timer
    (CancelledError, as at shutdown) once `stop` is reached."""

    def __init__(self, start: datetime, stop: datetime, events: dict[datetime, object] | None = None) -> None:
        self.now, self.stop, self.events = start, stop, dict(events or {})
        self.ticks = 0

    def __call__(self) -> datetime:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.ticks += 1
        self.now += timedelta(seconds=seconds)
        for moment in sorted(m for m in self.events if m <= self.now):
            self.events.pop(moment)()  # type: ignore[operator]
        if self.now > self.stop:
            raise asyncio.CancelledError


async def run_timer(db: Path, clock: Clock, interval: float = 3600) -> None:
    """One server life: a new Store on the file, the timer's loop from start-up until the clock's stop."""
    store = Store.open(db)
    try:
        timer = ReminderTimer(store, TZ, clock=clock, sleep=clock.sleep, interval=interval)
        with pytest.raises(asyncio.CancelledError):
            await timer.run_forever()
    finally:
        store.close()


def sent_by_user(store: Store) -> dict[str, list[str]]:
    """Outbox rows of reminders: recipient → slot keys in queue order."""
    out: dict[str, list[str]] = defaultdict(list)
    for row in store.db.query("SELECT touser, dedup_key FROM outbox WHERE dedup_key LIKE 'reminder:%' ORDER BY id"):
        slot = row["dedup_key"].rsplit(":", 1)[1].split("#")[0]
        for user in row["touser"].split("|"):
            out[user].append(slot)
    return dict(out)


def texts_to(store: Store, user: str) -> list[str]:
    rows = store.db.query("SELECT touser, payload FROM outbox WHERE dedup_key LIKE 'reminder:%' ORDER BY id")
    return [json.loads(r["payload"])["content"] for r in rows if user in r["touser"].split("|")]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "january.db"
    with Store.open(path) as store:
        seed(store)
    return path


async def test_a_whole_january_of_reminders_and_digests_with_a_restart(db: Path) -> None:
    def submits(unit: str, when: datetime):
        def act() -> None:
            with Store.open(db) as store:
                submit(store, unit, when)
        return act

    first = Clock(at(1, 0), at(12, 8), {at(10, 12): submits("丁乡", at(10, 12))})
    await run_timer(db, first)
    with Store.open(db) as store:
        assert sent_by_user(store)["s1"] == ["before-7", "before-3"]
        assert store.db.execute("SELECT last_run FROM campaigns").fetchone()[0].startswith("2026-01-12T00:00")

    # down from 08:00 to 11:00 on the 12th: the 09:00 slot is caught up once at start-up
    second = Clock(at(12, 11), at(31, 23), {at(20, 9, 30): submits("戊乡", at(20, 9, 30))})
    await run_timer(db, second)

    with Store.open(db) as store:
        sent = sent_by_user(store)
        assert sent == {
            "s1": BEFORE + nudges(*OVERDUE_DAYS),
            "s2": BEFORE + nudges(*OVERDUE_DAYS),
            "s4a": ["before-7", "before-3"],  # 丁乡 submitted on the 10th: nothing after
            "s4b": ["before-7", "before-3"],
            "s5": BEFORE + nudges(14, 15, 16, 19, 20),  # the nudge of the 20th went at 09:00, the report at 09:30
            "sup1": digests(*OVERDUE_DAYS),
        }
        records = {(r["unit"], r["slot"]): r for r in store.reminder_records(1)}
        catch_up = records[("甲乡", "before-1")]
        assert catch_up["status"] == "sent" and catch_up["planned_at"] == at(12) and catch_up["sent_at"] == at(12, 11)
        assert records[("丙乡", "due")]["status"] == "skipped" and "已提交" in records[("丙乡", "due")]["reason"]
        assert records[("丁乡", "before-1")]["status"] == "skipped"
        assert records[("丁乡", "before-3")]["recipients"] == 2  # one touser for both of 丁乡's staff
        assert not any(unit == "外区镇" for unit, _ in records)

        # the texts: personal, with the progress and the next question; the digest names the overdue units
        s1, s2 = texts_to(store, "s1"), texts_to(store, "s2")
        assert "甲乡" in s1[0] and "还有7天" in s1[0] and "尚未开始填写" in s1[0]
        assert "乙乡" in s2[1] and "还有4天" in s2[1] and "【3.3】上年结转" in s2[1]
        assert "今天（2026年1月13日）是" in s2[3]
        digest = texts_to(store, "sup1")
        assert all(name in digest[0] for name in ("甲乡", "乙乡", "戊乡")) and "丁乡" not in digest[0]
        assert "截止日期2026年1月13日" in digest[0] and "公开期限2026年1月31日" in digest[0]  # dates with the year
        assert "戊乡" in digest[4] and "戊乡" not in digest[5]  # the 20th still lists it (09:00), the 21st not

        # judged once: running the whole month again at its end sends nothing new
        again = run_reminders(store, at(31, 23), TZ, use_last_run=False)
        assert again.sends == [] and again.queued == 0
        assert sent_by_user(store) == sent


async def test_down_over_two_slots_sends_only_the_latest_and_skips_the_older(db: Path) -> None:
    await run_timer(db, Clock(at(1, 0), at(8, 0)))
    await run_timer(db, Clock(at(12, 10), at(12, 12)))  # down through the 9th and the morning of the 12th
    with Store.open(db) as store:
        assert sent_by_user(store)["s1"] == ["before-7", "before-1"]
        missed = {(r["unit"], r["slot"]): r for r in store.reminder_records(1)}[("甲乡", "before-3")]
        assert missed["status"] == "skipped" and "before-1" in missed["reason"]
        # the text of the catch-up counts from the day it is sent
        assert "还有1天" in texts_to(store, "s1")[-1]


async def test_the_loop_ticks_at_start_up_and_then_every_minute(db: Path) -> None:
    clock = Clock(at(6, 8, 58), at(6, 9, 3))
    await run_timer(db, clock, interval=60)
    assert clock.ticks == 6  # 08:59 … 09:04: the sleeps between ticks, never a wall-clock wait
    with Store.open(db) as store:
        sent = store.db.execute("SELECT sent_at FROM reminders WHERE status = 'sent' ORDER BY id").fetchall()
        assert {s for (s,) in sent} == {"2026-01-06T01:00:00.000000+00:00"}  # at 09:00 local, exactly once


def test_a_preview_queues_nothing_and_a_weekend_slot_moves_to_friday(db: Path) -> None:
    with Store.open(db) as store:
        preview = run_reminders(store, at(10, 9), TZ, dry_run=True, use_last_run=False)
        assert {(v.unit, v.slot, v.at) for v in preview.sends} == {
            ("甲乡", "before-3", at(9)), ("乙乡", "before-3", at(9)), ("丁乡", "before-3", at(9)),
            ("戊乡", "before-3", at(9)),
        }
        assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 0
        assert store.db.execute("SELECT count(*) FROM reminders").fetchone()[0] == 0


def test_settings_of_a_campaign_change_the_plan(db: Path) -> None:
    with Store.open(db) as store:
        store.save_campaign(2025, DUE, PUBLISH_BY, area=AREA,
                            settings={"days_before": [2], "at": "15:30", "overdue_daily": False})
        assert run_reminders(store, at(9, 15, 29), TZ).sends == []
        run = run_reminders(store, at(9, 15, 30), TZ)  # the 11th is a Sunday: moved to Friday the 9th
        assert {v.slot for v in run.sends} == {"before-2"} and len(run.sends) == 4
        assert run_reminders(store, at(20, 9), TZ).verdicts == []  # no overdue nudges in this plan
        assert re.search(r"还有4天", run.sends[0].text)


def test_the_cli_sets_a_campaign_and_shows_then_queues_what_is_due(tmp_path: Path, capsys) -> None:
    from handlers.cli import main

    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        seed(store)
    assert main(["campaign", "set", "--year", "2025", "--due", "2026-01-13", "--area", AREA, "--db", str(path)]) == 0
    assert "截止日期 2026-01-13，公开期限 2026-01-31" in capsys.readouterr().out
    assert main(["campaign", "set", "--year", "2025", "--due", "2025-12-01", "--db", str(path)]) == 1
    assert main(["reminders", "--at", "2026-01-06T09:00", "--dry-run", "--db", str(path)]) == 0
    preview = capsys.readouterr().out
    assert "[发送] 2025/龙亭区 甲乡 before-7" in preview and "[跳过] 2025/龙亭区 丙乡 before-7" in preview
    assert "预览" in preview
    with Store.open(path) as store:
        assert sent_by_user(store) == {}
    assert main(["reminders", "--at", "2026-01-06T09:00", "--db", str(path)]) == 0
    with Store.open(path) as store:
        assert sent_by_user(store)["s1"] == ["before-7"]
    assert main(["reminders", "--at", "2026-01-06T09:00", "--db", str(path)]) == 0
    assert "没有到期的提醒" in capsys.readouterr().out
