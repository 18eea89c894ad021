"""汇总 and 导出 of one area of 20,000 units, each with a report (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_area                     # 20,000 units
    .venv/bin/python -m tests.bench_area --units 5000

Every unit holds seed 004's report (half submitted, a quarter approved, the rest drafts) with its figures stored,
as the server's figures task leaves them. Timed, pinned to one core:

- the message: what a supervisor's 汇总 costs the storage thread (for an area this large, queuing the job);
- 汇总: the command answered from the stored figures (`handlers.supervisor.answer_command`, what the job runs);
- 导出: the workbook of every report (`handlers.jobs.export.export_area`) in an isolated child as the job runs it,
  with the child's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2025, 1, 20, 2, tzinfo=UTC)  # the 2024 campaign
AREA = "大市"


def build(path: Path, units: int, year: int = 2024) -> None:
    from bot.importers import import_report
    from handlers.unit_stats import refresh_unit_figures
    from storage import Store, User
    from storage.reports import FIGURES
    from tests.conftest import seed_path

    report = import_report(seed_path(4)).report
    names = [f"测试{n:06d}镇" for n in range(units)]
    with Store.open(path) as store:
        with store.transaction():
            conn = store.db.conn
            conn.executemany("INSERT INTO units (name, kind, area) VALUES (?, '镇', ?)", [(n, AREA) for n in names])
            conn.executemany("INSERT INTO users (userid, name, role, unit, area, active) VALUES (?, '王芳', 'staff', "
                             "?, ?, 1)", [(f"c{i:06d}", n, AREA) for i, n in enumerate(names)])
            statuses = ("submitted", "submitted", "approved", "draft")
            rows = []
            for i, name in enumerate(names):
                data = report.copy(unit=name, year=year, unit_kind="镇").to_json(indent=None)
                status = statuses[i % 4]
                rows.append((name, year, status, report.format_id, data, "2025-01-10T00:00:00.000000+00:00",
                             "2025-01-10T00:00:00.000000+00:00" if status != "draft" else None))
            conn.executemany("INSERT INTO reports (unit, year, status, format_id, report, updated_at, submitted_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        store.save_user(User("sup", "李审核", "supervisor", None, AREA))
        for first in names[:4]:  # one of each status computed; the others copy theirs
            refresh_unit_figures(store, first, year)
        columns = ", ".join(FIGURES)
        with store.transaction():
            for first in names[:4]:
                store.db.conn.execute(
                    f"UPDATE reports SET ({columns}) = (SELECT {columns} FROM reports WHERE unit = ? AND year = ?) "
                    "WHERE year = ? AND status = (SELECT status FROM reports WHERE unit = ? AND year = ?) "
                    "AND open_errors IS NULL", (first, year, year, first, year))


def summary_times(path: Path, rounds: int) -> tuple[float, list[float], int]:
    from bot.incoming import Incoming
    from handlers.conversation import NianbaoEngine
    from handlers.supervisor import answer_command
    from storage import Store

    with Store.open(path) as store:
        sup = store.user("sup")
        assert sup is not None
        began = time.perf_counter()
        with store.transaction():
            queued = NianbaoEngine(TZ)(store, sup, Incoming("sup", "text", NOW, text="汇总"), NOW)
        message = time.perf_counter() - began
        assert queued[-1].deferred is not None, queued[0].text
        samples = []
        for _ in range(rounds):
            began = time.perf_counter()
            replies = answer_command(store, sup, "汇总", NOW, TZ)
            samples.append(time.perf_counter() - began)
        assert "共" in replies[0].text
        return message, samples, len(replies[0].text)


def export_in_child(path: str) -> tuple[float, int, int, float]:
    from handlers.jobs.export import export_area

    began = time.perf_counter()
    units, data = export_area(path, AREA, AREA, 2024, TZ.key)
    return time.perf_counter() - began, units, len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {0})
    from handlers.jobs.queue import run_isolated_blocking

    tmp = Path(tempfile.mkdtemp(prefix="nianbao-area-"))
    try:
        db = tmp / "area.db"
        began = time.perf_counter()
        build(db, args.units)
        print(f"{args.units} units in one area with reports, built in {time.perf_counter() - began:.1f} s",
              flush=True)
        message, samples, _ = summary_times(db, args.rounds)
        ms = [s * 1000 for s in samples]
        print(f"汇总, the message (queues the job):  {message * 1000:7.1f} ms")
        print(f"汇总, answered (the job's work):     first {ms[0]:7.1f} ms, median {statistics.median(ms):7.1f} ms "
              f"(target < 300 ms)", flush=True)
        if args.skip_export:
            return
        seconds, units, size, rss = run_isolated_blocking(export_in_child, (str(db),), 600.0)
        print(f"导出 of {units} units in the job's child: {seconds:5.1f} s, {size / 1e6:.1f} MB workbook, "
              f"child peak RSS {rss:.0f} MB (target < 10 s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
