"""汇总 and 导出 of one area of 20,000 units, each with a report (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_area                     # 20,000 units
    .venv/bin/python -m tests.bench_area --units 5000

Every unit holds seed 004's report (half submitted, a quarter approved, the rest drafts) with its figures stored,
as the server's figures task leaves them. Timed, pinned to one core:

- the message: what a supervisor's 汇总 costs the storage thread (for an area this large, queuing the job);
- 汇总: the command answered from the stored figures (`handlers.supervisor.answer_command`, what the job runs);
- 汇总, answered: a real server (`nianbao serve`, pinned to core 0; this process on core 1) and the WeCom stand-in,
  from the callback until the whole answer reached the stand-in — the message, the job's hand-off, its child, and
  the outbox's delivery (`--served-rounds`, each by a supervisor of their own: WeCom lets 30 messages a minute
  reach one member);
- 导出: the workbook of every report (`handlers.jobs.export.export_area`) in an isolated child as the job runs it,
  with the child's peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
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
YEAR = datetime.now(TZ).year - 1  # the campaign a server started today works on
NOW = datetime(YEAR + 1, 1, 20, 2, tzinfo=UTC)  # in it, before the due date
AREA = "大市"
HEADER = "年度报告进度"  # the first line of 汇总's answer


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
        assert queued[-1].deferred is not None or HEADER in queued[0].text, queued[0].text
        samples = []
        for _ in range(rounds):
            began = time.perf_counter()
            replies = answer_command(store, sup, "汇总", NOW, TZ)
            samples.append(time.perf_counter() - began)
        assert "共" in replies[0].text
        return message, samples, len(replies[0].text)


def served_times(path: Path, rounds: int) -> list[tuple[float, float]]:
    """(seconds until the answer's first piece reached WeCom, until its last) for each round of 汇总 sent to a
    running server, by supervisor `sup<n>`, after one round not counted (the server's first 汇总 after start-up)."""
    from storage import Store, User

    with Store.open(path) as store:
        for n in range(rounds + 1):
            store.save_user(User(f"sup{n}", "李审核", "supervisor", None, AREA))
    return asyncio.run(_served(path, rounds))


async def _served(path: Path, rounds: int) -> list[tuple[float, float]]:
    import aiohttp

    from handlers.supervisor import answer_command
    from handlers.wecom.standin import WeComStandIn
    from storage import Store
    from tests.bench_throughput import _env, start_server, wait_up
    from tests.e2e.servers import free_port, peer
    from tests.handlers.standin_fixtures import running_standin

    with Store.open(path) as store:  # how many pieces the answer has today (the server answers for today)
        sup = store.user("sup")
        assert sup is not None
        pieces = len(answer_command(store, sup, "汇总", datetime.now(UTC), TZ))
    wecom_peer = peer()
    async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
        standin: WeComStandIn = wecom.standin
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        server = start_server("nianbao", port, {**_env(path, wecom.url), "NIANBAO_TZ": TZ.key})
        samples = []
        try:
            await wait_up(url, server)
            await asyncio.sleep(2.0)  # the start-up's background work (fork server, first timer tick) is done
            async with aiohttp.ClientSession() as session:
                for n in range(rounds + 1):  # the first round warms up (the fork server's start, the first reads)
                    who = f"sup{n}"
                    request = wecom_peer.text(who, "汇总")
                    began = time.perf_counter()
                    async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                        passive = wecom_peer.decrypt_reply(await r.read())
                    # a small area is answered in the message itself (its first piece passively), a large one by
                    # a job through the outbox (the passive reply then says the answer follows)
                    answered = passive is not None and HEADER in str(passive.get("Content", ""))
                    first = time.perf_counter() - began if answered else None
                    while time.perf_counter() - began < 60:
                        sent = [m.get("text", "") for m in standin.outbox(who)]  # a new supervisor each round
                        at = -1 if answered else next((i for i, t in enumerate(sent) if HEADER in t), None)
                        if at is not None:
                            first = first if first is not None else time.perf_counter() - began
                            if len(sent) - at >= pieces:
                                if n:
                                    samples.append((first, time.perf_counter() - began))
                                break
                        await asyncio.sleep(0.002)
                    else:
                        raise RuntimeError(f"{who}'s 汇总 was not answered within 60 s")
        finally:
            server.terminate()
            server.wait(timeout=60)
    return samples


def export_in_child(path: str) -> tuple[float, int, int, float]:
    from handlers.jobs.export import export_area

    began = time.perf_counter()
    units, data = export_area(path, AREA, AREA, YEAR, TZ.key)
    return time.perf_counter() - began, units, len(data), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--served-rounds", type=int, default=5, help="0: no server")
    parser.add_argument("--skip-export", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {0})
    from handlers.jobs.queue import run_isolated_blocking

    tmp = Path(tempfile.mkdtemp(prefix="nianbao-area-"))
    try:
        db = tmp / "area.db"
        began = time.perf_counter()
        build(db, args.units, YEAR)
        print(f"{args.units} units in one area with reports, built in {time.perf_counter() - began:.1f} s",
              flush=True)
        message, samples, _ = summary_times(db, args.rounds)
        ms = [s * 1000 for s in samples]
        print(f"汇总, the message (a large area: queues the job): {message * 1000:7.1f} ms")
        print(f"汇总, answered (the job's work):     first {ms[0]:7.1f} ms, median {statistics.median(ms):7.1f} ms "
              f"(target < 300 ms)", flush=True)
        if args.served_rounds:
            if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
                os.sched_setaffinity(0, {1})  # the server gets core 0
            served = served_times(db, args.served_rounds)
            firsts, lasts = sorted(f * 1000 for f, _ in served), sorted(last * 1000 for _, last in served)
            print(f"汇总, answered (message → the whole answer at WeCom): median {statistics.median(lasts):7.1f} ms, "
                  f"p90 {lasts[max(0, -(-len(lasts) * 9 // 10) - 1)]:7.1f} ms, max {lasts[-1]:7.1f} ms "
                  f"(first piece: median {statistics.median(firsts):7.1f} ms) over {len(lasts)} rounds "
                  f"(target < 300 ms)", flush=True)
            os.sched_setaffinity(0, {0}) if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1 else None
        if args.skip_export:
            return
        seconds, units, size, rss = run_isolated_blocking(export_in_child, (str(db),), 600.0)
        print(f"导出 of {units} units in the job's child: {seconds:5.1f} s, {size / 1e6:.1f} MB workbook, "
              f"child peak RSS {rss:.0f} MB (target < 10 s)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
