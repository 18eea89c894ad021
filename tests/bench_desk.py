"""Benchmarks of the supervisor's desk over real HTTP (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_desk

An area of 2,000 units (a third submitted, a third half-way, a third not started; reports in the shape of the
seeds), one core pinned: the overview (default order, and sorted and filtered), a unit's page with its findings
and history, and a city of 10 counties with 2,000 units in all (its roll-up checked against the counties'). The
baseline in the same run: the chat's 汇总 for the same area, and /healthz (the server's floor).
Each page: the first request (cold) and the median of 15 later ones; the target is < 200 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote

import aiohttp
from aiohttp import web

from handlers.conversation import NianbaoEngine
from handlers.web.app import create_app
from handlers.web.desk.session import SESSION_COOKIE, new_session
from storage import Store
from storage.db import timestamp
from tests.bench_supervision import NOW, TZ, backfill, fill, summary_once
from tests.e2e.servers import make_settings
from tests.handlers.standin_fixtures import running_standin


def add_history(store: Store) -> None:
    """Status changes over the days before NOW, as the chart reads them."""
    rows = store.db.execute("SELECT unit, year, status FROM reports WHERE status = 'submitted'").fetchall()
    with store.transaction():
        store.db["audit"].insert_all(
            {"unit": unit, "year": year, "actor": "bench", "at": timestamp(NOW - timedelta(days=i % 7, hours=1)),
             "field": "status", "old_value": "draft", "new_value": status}
            for i, (unit, year, status) in enumerate(rows))


START_UP_SECONDS = 5.0


async def timed(http: aiohttp.ClientSession, url: str, runs: int = 15) -> tuple[float, float]:
    async def once() -> float:
        start = time.perf_counter()
        async with http.get(url) as r:
            await r.read()
            assert r.status == 200, (r.status, url)
        return (time.perf_counter() - start) * 1000

    cold = await once()
    return cold, statistics.median([await once() for _ in range(runs)])


async def bench_pages(path: Path, label: str, area: str, unit: str, supervisor: str) -> None:
    store = Store.open(path)
    try:
        async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
            settings = replace(make_settings(path, wecom.url), public_url="")
            app = create_app(settings, store=store, clock=lambda: NOW + timedelta(hours=1))
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            host, port = runner.addresses[0][:2]
            base = f"http://{host}:{port}"
            await asyncio.sleep(START_UP_SECONDS)  # the timer's first tick and the figures task run at start-up
            _, cookie = new_session(settings.secret_key, supervisor, time.time())
            try:
                async with aiohttp.ClientSession(cookies={SESSION_COOKIE: cookie}) as http:
                    pages = {
                        "/healthz (baseline)": "/healthz",
                        "overview": f"/desk/area/{quote(area)}",
                        "overview, sorted by errors, filtered": f"/desk/area/{quote(area)}?sort=-errors&flag=waiting",
                        "a unit's page": f"/desk/unit/{quote(unit)}",
                    }
                    for name, url in pages.items():
                        cold, warm = await timed(http, base + url)
                        print(f"  {label}: {name}: cold {cold:.0f} ms, warm median {warm:.0f} ms")
            finally:
                await runner.cleanup()
    finally:
        store.close()


def prepare(folder: Path, counties: int) -> Path:
    path = folder / f"desk{counties}.db"
    with Store.open(path) as store:
        fill(store, 2000, 1, counties)
        add_history(store)
        if counties > 1:
            for a in range(counties):
                store.save_area_parent(f"区{a:02d}", "示范市")
            store.db["users"].insert({"userid": "city", "name": "市审核员", "role": "supervisor", "unit": None,
                                      "area": "示范市", "active": 1})
        print(f"(set-up: figures of 2,000 units computed once in {backfill(store):.1f} s)")
        if counties == 1:
            engine = NianbaoEngine(TZ)
            summary_once(store, engine)
            warm = statistics.median([summary_once(store, engine)[0] for _ in range(9)])
            print(f"  baseline: the chat's 汇总 for the same 2,000 units, warm median {warm:.0f} ms")
    return path


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the benchmarks agree
    with tempfile.TemporaryDirectory() as tmp:
        county = prepare(Path(tmp), 1)
        asyncio.run(bench_pages(county, "county of 2,000 units", "区00", "第00000乡", "sup0"))
        city = prepare(Path(tmp), 10)
        asyncio.run(bench_pages(city, "city of 10 counties, 2,000 units", "示范市", "第00000乡", "city"))


if __name__ == "__main__":
    main()
