"""The server SIGKILLed in the middle of a burst of answers, then restarted; WeCom retries what was not answered
(not collected by pytest; the counts are printed, and the exit status is 1 when any is not 0).

    .venv/bin/python -m tests.bench_sigkill                  # 1,020 answers: 34 clerks from 你好 to 提交 and 进度, killed after 400

Each clerk sends its messages one after another (as WeCom delivers one user's messages), 20 connections at a time.
After `--kill-after` answers have come back the server gets SIGKILL; it is restarted on the same database, and every
message not answered is sent again (WeCom's retry: the same MsgId), plus every answered one once more (a retry whose
answer was lost on the way). Then:

- acknowledged lost: an answered message with no dedup record (its answer was sent before it was durable);
- processed twice: a message logged more than once (the engine ran again on a retry);
- outbox rows lost: rows committed that the stand-in WeCom never received, once the restarted server has drained.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

from tests.bench_throughput import _env, build_db, record_script, start_server, wait_up


async def burst(url: str, plans: list[list[Any]], acked: set[str], stop_after: int | None) -> None:
    """Send each plan in order; note the MsgId of every request answered with HTTP 200."""
    done = asyncio.Event()

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(plans))) as session:
        async def one(plan: list[Any]) -> None:
            for msg_id, request in plan:
                if done.is_set():
                    return
                try:
                    async with session.post(url + "/wecom/callback", params=request.query, data=request.body,
                                            timeout=aiohttp.ClientTimeout(total=15)) as r:
                        await r.read()
                        if r.status == 200:
                            acked.add(msg_id)
                except (TimeoutError, aiohttp.ClientError):
                    return  # the server is gone: the rest of this clerk's messages wait for the retry
                if stop_after is not None and len(acked) >= stop_after:
                    done.set()

        await asyncio.gather(*(one(p) for p in plans))


def counts(db: Path, msg_ids: list[str]) -> tuple[int, int, int, int]:
    from storage import Store

    with Store.open(db) as store:
        conn = store.db.conn
        seen = {r[0] for r in conn.execute("SELECT key FROM seen_messages")}
        logged = conn.execute("SELECT count(*) FROM message_log").fetchone()[0]
        # rows meant for WeCom: not those done without sending (a card nobody's client shows, see mark_unshown)
        rows = conn.execute("SELECT count(*) FROM outbox WHERE NOT (status = 'sent' AND sent_at IS NULL)").fetchone()[0]
        unsent = conn.execute("SELECT count(*) FROM outbox WHERE status != 'sent'").fetchone()[0]
    return len([m for m in msg_ids if m not in seen]), logged, rows, unsent


async def main(args: argparse.Namespace) -> int:
    from tests.e2e.servers import free_port, peer
    from tests.handlers.standin_fixtures import running_standin

    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {1})
    script = (await record_script())[: args.per_clerk]
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-kill-"))
    try:
        db = tmp / "kill.db"
        users = build_db(db, args.clerks, 1_000)
        wecom_peer = peer()
        plans_by_clerk = [[_with_id(wecom_peer.text(u, t)) for t in script] for u in users]
        connections = [sum(plans_by_clerk[c::args.connections], []) for c in range(args.connections)]
        all_ids = [m for plan in plans_by_clerk for m, _ in plan]
        async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
            env = _env(db, wecom.url)
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            first = start_server("nianbao", port, env)
            acked: set[str] = set()
            try:
                await wait_up(url, first)
                await burst(url, connections, acked, args.kill_after)
            finally:
                first.send_signal(signal.SIGKILL)
                first.wait()
            before = set(acked)
            lost_now = counts(db, sorted(before))[0]
            second = start_server("nianbao", port, env)
            try:
                await wait_up(url, second)
                retries = [[r for r in plan if r[0] not in before] + [r for r in plan if r[0] in before]
                           for plan in plans_by_clerk]
                await burst(url, [sum(retries[c::args.connections], []) for c in range(args.connections)], acked,
                            None)
                deadline = time.monotonic() + 120
                while counts(db, [])[3] and time.monotonic() < deadline:
                    await asyncio.sleep(0.5)
            finally:
                second.terminate()
                second.wait(timeout=30)
            missing, logged, rows, unsent = counts(db, all_ids)
            received = sum(len(wecom.standin.outbox(u)) for u in users)
        twice = logged - (len(all_ids) - missing)
        print(f"{len(all_ids)} answers from {len(users)} clerks; SIGKILL after {len(before)} acknowledged")
        print(f"acknowledged lost: {lost_now}   processed twice: {twice}   outbox rows {rows}, not sent {unsent}, "
              f"received by WeCom {received} (lost {max(rows - received, 0)})   never processed: {missing}")
        return int(bool(lost_now or twice or unsent or rows - received > 0 or missing))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _with_id(request: Any) -> tuple[str, Any]:
    found = re.search(r"<MsgId>(?:<!\[CDATA\[)?(\d+)", request.inner_xml)
    assert found, request.inner_xml
    return found.group(1), request


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clerks", type=int, default=34)
    parser.add_argument("--per-clerk", type=int, default=30)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--kill-after", type=int, default=400)
    return parser.parse_args()


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
