"""Other users' answers while the slow work runs (not collected by pytest; nothing asserted — numbers printed).

    .venv/bin/python -m tests.bench_isolation                  # 20,000 units in one area, with reports

The server runs pinned to core 0 (taskset), this process drives it from core 1. Clerks answer at a steady pace
(`--connections` connections, one message each every `--pause` seconds) for `--quiet` seconds: the baseline. Then,
while they go on, in one go:

- a clerk sends a 19.5 MB .html file (imported by a job in an isolated child);
- a clerk sends a 600 KB .docx whose document.xml inflates to 200 MB (refused before it is inflated);
- the supervisor sends 导出 (every one of the 20,000 reports into a workbook, in a job);
- the reminder slot of the campaign falls due (the timer's next tick judges 20,000 units, area by area).

Printed: the clerks' latency before and during (p50, p99, max), the peak RSS of the server process and of the
server with its children (sampled every 0.2 s), when each job finished, and when each of the four reached WeCom
(its answer goes out through the outbox, behind the reminders queued before it).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import shutil
import statistics
import tempfile
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from tests.bench_area import AREA, build
from tests.bench_throughput import _env, record_script, start_server, wait_up

TZ = ZoneInfo("Asia/Shanghai")


def rss_mb(pid: int) -> tuple[float, float]:
    """(the process's resident MB, with its children's)."""
    def one(p: int) -> float:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
        return 0.0

    own = one(pid)
    children = 0.0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            for child in Path(f"/proc/{pid}/task/{tid}/children").read_text().split():
                children += one(int(child))
    except OSError:
        pass
    return own, own + children


def job_states(db: Path) -> list[tuple[str, str]]:
    """(kind, status) of every job, read on a connection of the bench's own (the server's file, WAL)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    try:
        return [(f"{k}:{json.loads(a).get('name', '')}" if k == "import_file" else k, s)
                for k, a, s in conn.execute("SELECT kind, args, status FROM jobs ORDER BY id")]
    except sqlite3.OperationalError:
        return []
    finally:
        conn.close()


def big_html(size: int) -> bytes:
    row = "<tr><td>（一）主动公开政府信息情况</td><td>12</td><td>3</td><td>45</td></tr>\n"
    head = "<html><body><h1>测试镇政府信息公开工作年度报告</h1><p>本报告由测试镇人民政府编制。</p><table>\n"
    body = row * ((size - len(head.encode())) // len(row.encode()))
    return (head + body + "</table></body></html>").encode()


def inflating_docx(inflated: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"<w:p>" + b"A" * (1024 * 1024 - 10) + b"</w:p>"
            for _ in range(inflated // len(chunk)):
                f.write(chunk)
    return buffer.getvalue()


async def clerks(url: str, plans: list[list[Any]], pause: float, stop: asyncio.Event,
                 samples: list[tuple[float, float]]) -> None:
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(plans))) as session:
        async def one(plan: list[Any]) -> None:
            for request in plan:
                if stop.is_set():
                    return
                started = time.perf_counter()
                async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                    await r.read()
                samples.append((started, time.perf_counter() - started))
                await asyncio.sleep(pause)

        await asyncio.gather(*(one(p) for p in plans))


def stats(samples: list[float]) -> str:
    if not samples:
        return "no samples"
    ms = sorted(s * 1000 for s in samples)
    return (f"{len(ms)} answers, p50 {statistics.median(ms):6.1f} ms, p99 {ms[max(int(0.99 * len(ms)) - 1, 0)]:6.1f} ms, "
            f"max {ms[-1]:6.1f} ms")


async def main(args: argparse.Namespace) -> None:
    from storage import Store
    from tests.e2e.servers import free_port, peer
    from tests.handlers.standin_fixtures import running_standin

    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    script = await record_script()
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-iso-"))
    try:
        db = tmp / "iso.db"
        now = datetime.now(UTC)
        year = now.astimezone(TZ).year - 1
        build(db, args.units, year)
        local = now.astimezone(TZ) + timedelta(seconds=args.quiet + 75)  # the slot falls due during the load
        with Store.open(db) as store:
            store.save_campaign(year, local.date() + timedelta(days=3), local.date() + timedelta(days=10),
                                settings={"days_before": [3], "at": f"{local:%H:%M}", "overdue_daily": False})
        wecom_peer = peer()
        busy = ["c000001", "c000002"]  # the clerks who send the files
        free = [f"c{n:06d}" for n in range(1000, 1000 + args.connections * 5)]
        plans = [[wecom_peer.text(u, script[i % len(script)]) for i in range(400) for u in free[c::args.connections]]
                 for c in range(args.connections)]
        html, docx = big_html(int(19.5 * 1024 * 1024)), inflating_docx(200 * 1024 * 1024)
        print(f"{args.units} units in {AREA} with reports; {args.connections} clerks answering every {args.pause} s; "
              f".html {len(html) / 1e6:.1f} MB, .docx {len(docx) / 1e3:.0f} KB inflating to 200 MB", flush=True)
        async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
            env = {**_env(db, wecom.url), "NIANBAO_TZ": TZ.key}
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            server = start_server("nianbao", port, env)
            peaks = [0.0, 0.0]
            sampling = True

            async def sample() -> None:
                while sampling:
                    own, total = rss_mb(server.pid)
                    peaks[0], peaks[1] = max(peaks[0], own), max(peaks[1], total)
                    await asyncio.sleep(0.2)

            try:
                await wait_up(url, server)
                sampler = asyncio.create_task(sample())
                stop = asyncio.Event()
                samples: list[tuple[float, float]] = []
                load = asyncio.create_task(clerks(url, plans, args.pause, stop, samples))
                await asyncio.sleep(args.quiet)
                started = time.perf_counter()
                async with aiohttp.ClientSession() as session:
                    html_id = wecom.standin.add_user_file("年报.html", html)
                    docx_id = wecom.standin.add_user_file("年报.docx", docx)
                    for request in (wecom_peer.file(busy[0], html_id, "年报.html", len(html)),
                                    wecom_peer.file(busy[1], docx_id, "年报.docx", len(docx)),
                                    wecom_peer.text("sup", "导出")):
                        async with session.post(url + "/wecom/callback", params=request.query,
                                                data=request.body) as r:
                            await r.read()
                answered: dict[str, float] = {}
                finished: dict[str, str] = {}
                deadline = started + args.timeout
                while time.perf_counter() < deadline and len(answered) < 4:
                    await asyncio.sleep(0.5)
                    for kind, status in job_states(db):
                        if status in ("done", "failed") and kind not in finished:
                            finished[kind] = f"{status} after {time.perf_counter() - started:.1f} s"
                    for who, what in ((busy[0], "html"), (busy[1], "docx")):
                        if what not in answered and wecom.standin.outbox(who):
                            answered[what] = time.perf_counter() - started
                    if "导出" not in answered and any(m.get("file_name", "").endswith(".xlsx") or "xlsx" in str(m)
                                                    for m in wecom.standin.outbox("sup")):
                        answered["导出"] = time.perf_counter() - started
                    drafts = ("c000503", "c005003", "c019003")  # every fourth unit is a draft
                    reminded = sum(1 for u in drafts if wecom.standin.outbox(u))
                    if "reminders" not in answered and reminded:
                        answered["reminders"] = time.perf_counter() - started
                stop.set()
                await load
                sampling = False
                await sampler
            finally:
                server.terminate()
                server.wait(timeout=60)
        before = [d for t, d in samples if t < started]
        during = [d for t, d in samples if t >= started]
        print(f"clerks before:  {stats(before)}")
        print(f"clerks during:  {stats(during)}   (target p99 < 100 ms)")
        print(f"peak RSS: server {peaks[0]:.0f} MB, server with its children {peaks[1]:.0f} MB (target < 400 MB)")
        print("jobs: " + ", ".join(f"{k} {v}" for k, v in finished.items()))
        print("answered after: " + ", ".join(f"{k} {v:.1f} s" for k, v in answered.items()) +
              ("" if len(answered) == 4 else f"  (not within {args.timeout:.0f} s: "
               f"{', '.join(k for k in ('html', 'docx', '导出', 'reminders') if k not in answered)})"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--pause", type=float, default=0.5)
    parser.add_argument("--quiet", type=float, default=15.0)
    parser.add_argument("--timeout", type=float, default=240.0)
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
