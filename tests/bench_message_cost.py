"""What one clerk message costs the storage thread, with no HTTP and no crypto (not collected by pytest; nothing
asserted — the numbers are printed).

    .venv/bin/python -m tests.bench_message_cost                               # 100 vs 20,000 units in one area,
                                                                               # 1,000 vs 100,000 in the database
    .venv/bin/python -m tests.bench_message_cost --units 20000 --area-size 1000 --profile 30

Each case builds its own database, then feeds the scripted clerk's messages (bench_throughput's script) of
`--clerks` clerks through `CallbackService` in batches of `--batch` messages, each batch one transaction as the
server does it, in this process (pinned to one core). A second pass over the same users is timed: per message,
the mean over the whole script (hello to submission, then 进度). `--profile N` prints cProfile's top N of one case (the messages, not the figures).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.bench_throughput import as_typed_by, build_db, record_script


def feed(db: Path, users: list[str], script: list[str], batch: int,
         profile: cProfile.Profile | None) -> tuple[float, float, float]:
    """Seconds per message over the whole script for every user, in batches; the seconds per message the
    figures of the units changed cost (what the background task computes when the server is quiet); and the CPU
    seconds per message (the process's own, which another process on the same core does not inflate)."""
    from bot.incoming import Incoming
    from handlers.conversation import NianbaoEngine
    from handlers.service import CallbackService
    from handlers.unit_stats import refresh_stale_figures
    from storage import Store

    with Store.open(db) as store:
        store.hold_unit_name_matchers()  # as the server does at start-up
        service = CallbackService(store, NianbaoEngine(ZoneInfo("Asia/Shanghai")))
        start = datetime(2025, 1, 10, 2, tzinfo=UTC)
        typed = {user: as_typed_by(script, n) for n, user in enumerate(users)}  # each clerk's own notes
        messages = [(user, typed[user][step]) for step in range(len(script)) for user in users]  # each in order
        n = 0
        spent = figures = cpu = 0.0
        for i in range(0, len(messages), batch):
            now = start + timedelta(seconds=i)
            chunk = []
            for user, text in messages[i:i + batch]:
                n += 1
                chunk.append((Incoming(user, "text", now, text=text, message_id=f"m{n}"), f"m{n}", "app"))
            service.clock = lambda now=now: now
            if profile:
                profile.enable()
            began, began_cpu = time.perf_counter(), time.process_time()
            service._process_batch(chunk)
            middle, cpu = time.perf_counter(), cpu + time.process_time() - began_cpu
            if profile:
                profile.disable()
            refresh_stale_figures(store, 10_000, set())  # the figures the background task computes
            spent += middle - began
            figures += time.perf_counter() - middle
        return spent / len(messages), figures / len(messages), cpu / len(messages)


def case(name: str, script: list[str], units: int, area_size: int, extra: int, clerks: int, batch: int,
         profile: int = 0) -> float:
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-cost-"))
    try:
        users = build_db(tmp / "cost.db", units, area_size, extra)
        chosen = users[:: max(1, len(users) // clerks)][:clerks]
        prof = cProfile.Profile() if profile else None
        per, figures, cpu = feed(tmp / "cost.db", chosen, script, batch, prof)
        print(f"{name:<48} {per * 1000:6.2f} ms/message, CPU {cpu * 1000:5.2f} ms  (+ figures {figures * 1000:5.2f} ms/message; "
              f"{len(chosen)} clerks × {len(script)} messages)", flush=True)
        if prof:
            prof.dump_stats("/tmp/cost.prof")
            pstats.Stats(prof).sort_stats("cumulative").print_stats(profile)
            pstats.Stats(prof).sort_stats("tottime").print_stats(profile)
        return per
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int)
    parser.add_argument("--area-size", type=int)
    parser.add_argument("--extra-units", type=int, default=0)
    parser.add_argument("--clerks", type=int, default=40)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--profile", type=int, default=0, help="print cProfile's top N")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {0})
    script = asyncio.run(record_script())
    if args.units:
        case(f"{args.units} units in areas of {args.area_size or args.units}", script, args.units,
             args.area_size or args.units, args.extra_units, args.clerks, args.batch, args.profile)
        return
    small = case("100 units in one area", script, 100, 100, 0, args.clerks, args.batch)
    large = case("20,000 units in one area", script, 20_000, 20_000, 0, args.clerks, args.batch)
    print(f"  ratio {large / small:.2f} (target ≤ 1.3)")
    small = case("1,000 units in the database (areas of 1,000)", script, 1_000, 1_000, 0, args.clerks, args.batch)
    large = case("100,000 units in the database (areas of 1,000)", script, 1_000, 1_000, 99_000, args.clerks,
                 args.batch)
    print(f"  ratio {large / small:.2f} (target ≤ 1.3)")


if __name__ == "__main__":
    main()
