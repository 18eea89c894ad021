"""Benchmarks of the supervision edge through the real storage path (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_supervision

1. 汇总 for an area of 2,000 units: the engine call a supervisor's message makes (AreaView loaded from SQLite —
   units with their report's stored figures, and the staff — then the command), cold (a fresh process, its first
   request) and warm (the same process, later requests).
2. Reminders for 20,000 people (10,000 units × 2 staff in 10 areas): `run_reminders` at a slot — plan, load every
   area, judge, record each verdict and queue the outbox rows, in one transaction — each in a fresh process.
Also: the one-time computation of every unit's figures (rows written before migration 6, or by `fill` directly),
and what the write path adds to each message.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.dialog import initial_state
from bot.formats import GOV2021
from bot.importers import import_report
from bot.incoming import Incoming
from bot.report import with_derived
from handlers.areas import default_campaign, load_units
from handlers.conversation import NianbaoEngine
from handlers.jobs.reminders import run_reminders
from handlers.unit_stats import refresh_unit_figures
from storage import Store
from storage.db import timestamp, to_json
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 9, 0, tzinfo=TZ)
ANSWERED = [q.code for q in GOV2021.questions]


def fill(store: Store, units: int, staff_per_unit: int, areas_count: int) -> None:
    """Units in areas: a third submitted (a real seed report), a third half-way (a draft and a conversation state),
    a third not started; one supervisor per area."""
    seeds = [with_derived(import_report(seed_path(n)).report) for n in range(5)]
    at = timestamp(NOW - timedelta(days=3))
    unit_rows, user_rows, report_rows, conversation_rows = [], [], [], []
    for i in range(units):
        area = f"区{i % areas_count:02d}"
        name = f"第{i:05d}乡"
        unit_rows.append({"name": name, "kind": "乡", "area": area})
        for s in range(staff_per_unit):
            user_rows.append({"userid": f"u{i}_{s}", "name": f"经办人{i}", "role": "staff", "unit": name,
                              "area": area, "active": 1})
        kind = i % 3
        if kind == 2:
            continue
        report = replace(seeds[i % 5], unit=name, unit_kind="乡", year=2025)
        if kind == 1:
            report = replace(report, cells={k: v for k, v in report.cells.items() if k.startswith("t2.")}, text={})
        report_rows.append({"unit": name, "year": 2025, "status": "submitted" if kind == 0 else "draft",
                            "format_id": report.format_id, "report": report.to_json(indent=None),
                            "accepted_warnings": "{}", "submitted_at": at if kind == 0 else None, "updated_at": at})
        answered = ANSWERED if kind == 0 else ANSWERED[:4]
        state = {**initial_state(), "greeted": True, "answered": answered, "cur": None if kind == 0 else ["3.1", 0]}
        conversation_rows.append({"userid": f"u{i}_0", "state": to_json(state), "updated_at": at})
    for a in range(areas_count):
        user_rows.append({"userid": f"sup{a}", "name": "审核员", "role": "supervisor", "unit": None,
                          "area": f"区{a:02d}", "active": 1})
    with store.transaction():
        store.db["units"].insert_all(unit_rows)
        store.db["users"].insert_all(user_rows)
        store.db["reports"].insert_all(report_rows)
        store.db["conversations"].insert_all(conversation_rows)
    store.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))


def summary_once(store: Store, engine: NianbaoEngine) -> tuple[float, str]:
    user = store.user("sup0")
    assert user is not None
    start = time.perf_counter()
    with store.transaction():
        replies = engine(store, user, Incoming("sup0", "text", NOW, text="汇总"), NOW)
    return (time.perf_counter() - start) * 1000, replies[0].text


def backfill(store: Store) -> float:
    """The first read after migration 6 (or after `fill`, which writes rows directly): every unit's figures are
    computed once and stored. Seconds."""
    start = time.perf_counter()
    with store.transaction():
        load_units(store, default_campaign(NOW, TZ), reports=False)
    return time.perf_counter() - start


def in_fresh_process(*args: str) -> str:
    """Run this module in a new interpreter (nothing imported, nothing in memory) and return what it prints."""
    out = subprocess.run([sys.executable, "-m", "tests.bench_supervision", *args], check=True, capture_output=True,
                         text=True, cwd=Path(__file__).resolve().parent.parent)
    return out.stdout.strip()


def child_summary(path: str) -> None:
    with Store.open(path) as store:
        engine = NianbaoEngine(TZ)
        cold, text = summary_once(store, engine)
        warm = [summary_once(store, engine)[0] for _ in range(9)]
    print(f"汇总, 2,000 units: cold {cold:.1f} ms (a fresh process, its first request), "
          f"warm median {statistics.median(warm):.1f} ms (min {min(warm):.1f}, max {max(warm):.1f})")
    print(f"  first line: {text.splitlines()[1]}")


def child_reminders(path: str, moment: str, label: str) -> None:
    with Store.open(path) as store:
        start = time.perf_counter()
        run = run_reminders(store, datetime.fromisoformat(moment), TZ)
        elapsed = time.perf_counter() - start
    people = sum(len(v.users) for v in run.sends)
    print(f"reminders, 20,000 people in 10,000 units, {label} (a fresh process): {elapsed:.2f} s for "
          f"{len(run.sends)} sends to {people} people, {len(run.skips)} skips, {run.queued} outbox rows")


def bench_write(store: Store) -> None:
    """What each message's write path adds: one unit's figures computed from what is stored, and stored."""
    names = [f"第{i:05d}乡" for i in range(0, 600, 3)]  # submitted units: a whole report checked
    start = time.perf_counter()
    with store.transaction():
        for name in names:
            refresh_unit_figures(store, name, 2025)
    print(f"write path: refresh_unit_figures {(time.perf_counter() - start) * 1000 / len(names):.2f} ms per message")


def bench_summary(folder: Path) -> None:
    path = folder / "summary.db"
    with Store.open(path) as store:
        fill(store, 2000, 1, 1)
        print(f"figures of 2,000 units computed once (old rows after migration 6): {backfill(store):.2f} s")
        bench_write(store)
    print(in_fresh_process("--summary", str(path)))


def bench_reminders(folder: Path) -> None:
    path = folder / "reminders.db"
    with Store.open(path) as store:
        fill(store, 10_000, 2, 10)
        print(f"figures of 10,000 units computed once (old rows after migration 6): {backfill(store):.2f} s")
    print(in_fresh_process("--reminders", str(path), NOW.isoformat(), "7 days before"))
    overdue = datetime(2026, 1, 16, 9, 0, tzinfo=TZ)
    print(in_fresh_process("--reminders", str(path), overdue.isoformat(), "the first overdue day (digests)"))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--summary":
        return child_summary(sys.argv[2])
    if len(sys.argv) > 1 and sys.argv[1] == "--reminders":
        return child_reminders(sys.argv[2], sys.argv[3], sys.argv[4])
    with tempfile.TemporaryDirectory() as tmp:
        bench_summary(Path(tmp))
        bench_reminders(Path(tmp))


if __name__ == "__main__":
    main()
