"""Instructions per callback, by thread, counted by valgrind's callgrind: the same on a busy machine as on an idle
one, where bench_throughput's CPU times are not (not collected by pytest; nothing asserted — the numbers are printed).

    .venv/bin/python -m tests.bench_loop_instructions                      # 1,000 messages to warm up, 2,000 counted
    .venv/bin/python -m tests.bench_loop_instructions --warm 600 --counted 1200

The server is bench_throughput's nianbao (warmed up; 2,000 units, 200 of their clerks typing the script over 20
connections), run under callgrind with instrumentation off: `--warm` messages are sent, instrumentation is switched
on, `--counted` messages are sent and the counts are dumped, one file per thread. Thread 1 is the event loop; the
others are the storage thread and the threads asyncio.to_thread starts. The server's clock-driven background work
(the write-ahead log copied every second, the /healthz counts read every two) is switched off, so what is counted
does not grow with how long the run takes. Needs valgrind (Debian's package); a run takes some minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import aiohttp

from tests.bench_throughput import ROOT, _env, build_db, record_script, requests_for, wait_up

UNITS, CLERKS, CONNECTIONS = 2000, 200, 20


def serve_quiet(port: int) -> None:
    """bench_throughput's nianbao without the background work that runs by the clock."""
    import handlers.web.app as app_module
    import handlers.web.health as health_module
    from tests.bench_throughput import serve_nianbao

    app_module.CHECKPOINT_EVERY = health_module.REFRESH_SECONDS = 24 * 3600.0
    serve_nianbao(port)


async def send(url: str, plans: list[list]) -> int:
    """Every plan on its own connection, in order; the number of answers that were not 200."""
    failed = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=len(plans))) as session:
        async def one(plan: list) -> None:
            nonlocal failed
            for request in plan:
                async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                    await r.read()
                    failed += r.status != 200

        await asyncio.gather(*(one(plan) for plan in plans))
    return failed


def callgrind(*args: str) -> None:
    subprocess.run(["callgrind_control", *args], check=True, capture_output=True, timeout=600)


def counts_by_thread(out: Path) -> dict[int, int]:
    """Instructions counted by each thread in the first dump (files cg.out.1-NN)."""
    counts = {}
    for path in sorted(out.parent.glob(out.name + ".1-*")):
        text = path.read_text(errors="replace")
        thread = re.search(r"^thread: (\d+)", text, re.M)
        total = re.search(r"^(?:summary|totals): (\d+)", text, re.M)
        if thread and total:
            counts[int(thread.group(1))] = int(total.group(1))
    return counts


async def main(args: argparse.Namespace) -> None:
    from tests.e2e.servers import free_port
    from tests.handlers.standin_fixtures import FakeClock, running_standin

    script = await record_script()
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-instructions-"))
    try:
        users = build_db(tmp / "bench.db", UNITS, 1000)
        clerks = users[:: UNITS // CLERKS][:CLERKS]
        per_connection = (args.warm + args.counted) // CONNECTIONS
        plans = requests_for(clerks, script, CONNECTIONS, per_connection)
        warm = args.warm // CONNECTIONS
        out = tmp / "cg.out"
        async with running_standin(FakeClock()) as wecom:
            env = {**_env(tmp / "bench.db", wecom.url), "PYTHONHASHSEED": "0"}
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            server = subprocess.Popen(
                ["valgrind", "--tool=callgrind", "--separate-threads=yes", "--instr-atstart=no",
                 f"--callgrind-out-file={out}", sys.executable, "-m", "tests.bench_loop_instructions",
                 "--serve", str(port)],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                await wait_up(url, server, seconds=3600)
                failed = await send(url, [plan[:warm] for plan in plans])
                callgrind("--instr=on", str(server.pid))
                failed += await send(url, [plan[warm:] for plan in plans])
                callgrind("--dump", str(server.pid))
            finally:
                server.terminate()
                server.wait(timeout=120)
        counted = CONNECTIONS * (per_connection - warm)
        counts = counts_by_thread(out)
        print(f"{counted} messages counted after {CONNECTIONS * warm}; {failed} answers not 200")
        for thread, n in sorted(counts.items()):
            if not n:  # a thread that did nothing while counted (the write-ahead log's, switched off)
                continue
            name = "event loop" if thread == 1 else f"thread {thread}"
            print(f"{name:<12} {n / counted:12,.0f} instructions per message")
        print(f"{'total':<12} {sum(counts.values()) / counted:12,.0f} instructions per message")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", type=int, metavar="PORT", help="(internal) run the server on PORT")
    parser.add_argument("--warm", type=int, default=1000, help="messages sent before counting starts")
    parser.add_argument("--counted", type=int, default=2000, help="messages counted")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.serve:
        serve_quiet(arguments.serve)
    else:
        asyncio.run(main(arguments))
