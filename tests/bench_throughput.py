"""Callback throughput on one core, against a bare aiohttp + WeCom crypto echo measured in the same run (not
collected by pytest; nothing asserted — the numbers are printed).

    .venv/bin/python -m tests.bench_throughput                       # 20,000 units in areas of 1,000
    .venv/bin/python -m tests.bench_throughput --units 100 --area-size 100
    .venv/bin/python -m tests.bench_throughput --units 20000 --area-size 20000 --skip-echo
    .venv/bin/python -m tests.bench_throughput --connections 200 --duration 30     # 200 clients for 30 s
    .venv/bin/python -m tests.bench_throughput --rounds 5     # echo and nianbao alternated five times: medians

The server runs in its own process pinned to core 0 (taskset), the load comes from this process pinned to core 1:
`--connections` keep-alive connections, each sending its clerks' messages one after another (so each clerk's
messages stay in order). The messages are what a clerk types while filling in a report (recorded once from the
scripted clerk of the end-to-end tests on seed 004), encrypted before the clock starts, so the client only sends
bytes. As in a real season, the clerks are at every point of the script when the clock starts (`--mix whole`, the
default): each was first brought, untimed and in-process, to a step of its own, so the timed messages are the
script's whole mix — rows of numbers, prose answers, accepted drafts, 提交 and 进度 — not only its first few
messages (`--mix start`: every clerk starts at 你好, as this benchmark did before).

Where the clerks' earlier steps were played decides what the server holds in memory (`--memos`). `cold`, the
default and the stricter: in another process, so nothing of them is held — a server just restarted in the middle of
the season. `warm`: by the server itself over HTTP, untimed, before the clock starts — a server that has run for
days, whose memos hold the texts and checks of the answers its clerks gave minutes before.

The echo server decrypts and answers an encrypted passive reply, nothing else: the stack's limit on this machine at
this moment. It uses nianbao's own WeCom crypto (`handlers.wecom.crypto`: wechatpy derives the key, one
`cryptography` cipher runs AES), which is cheaper than wechatpy's encrypt_message, so what the crypto saves lowers
the echo's cost as much as nianbao's and the ratio measures nianbao's own work only. Both servers run on the event
loop `nianbao serve` runs on (`handlers.web.event_loop`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]


# -- the two servers (run as `python -m tests.bench_throughput --serve …`) ----------------------------------------


def serve_nianbao(port: int, warm_up: bool = True) -> None:
    from aiohttp import web

    from handlers.config import settings_from_environment
    from handlers.web.app import create_app
    from handlers.web.event_loop import new_event_loop

    def serve() -> None:
        web.run_app(create_app(settings_from_environment(), warm_up=warm_up), host="127.0.0.1", port=port, print=None,
                    access_log=None, loop=new_event_loop())

    if os.environ.get("BENCH_PROFILE"):  # the event loop's thread only: the storage thread is bench_message_cost's
        cProfile.runctx("serve()", globals(), {"serve": serve}, os.environ["BENCH_PROFILE"])
    else:
        serve()


def serve_echo(port: int) -> None:
    from aiohttp import web

    from handlers.web.event_loop import new_event_loop
    from handlers.wecom.crypto import CallbackCrypto, text_reply_xml, to_incoming
    from tests.e2e.servers import AES_KEY, TOKEN
    from tests.handlers.standin_fixtures import AGENT, CORP

    crypto = CallbackCrypto(TOKEN, AES_KEY, CORP, AGENT, window_seconds=3600)

    async def callback(request: web.Request) -> web.Response:
        q = request.query
        body = await request.read()
        incoming = to_incoming(crypto.decrypt(body, q["msg_signature"], q["timestamp"], q["nonce"], now=time.time()))
        xml = text_reply_xml(incoming.user_id, CORP, f"已收到：{incoming.text}", time.time())
        return web.Response(text=crypto.encrypt_reply(xml, q["nonce"], str(int(time.time()))),
                            content_type="text/xml")

    async def healthz(request: web.Request) -> web.Response:
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_post("/wecom/callback", callback)
    app.router.add_get("/healthz", healthz)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None, loop=new_event_loop())


# -- preparing -----------------------------------------------------------------------------------------------------


async def record_script() -> list[str]:
    """What a clerk types from 你好 to 提交 on seed 004, then a few 进度 (recorded in-process, not timed)."""
    from zoneinfo import ZoneInfo

    from bot.incoming import Incoming
    from handlers.conversation import NianbaoEngine
    from storage import Store, Unit, User
    from tests.e2e.clerk import Clerk
    from tests.e2e.test_conversation import seed

    target = seed(4)
    engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "script.db") as store:
        store.save_unit(Unit(target.unit, target.unit_kind, "示范县"))
        store.save_user(User("clerk", "王芳", "staff", target.unit, "示范县"))
        user = store.user("clerk")

        class Direct:
            async def say(self, userid: str, text: str) -> str:
                now = datetime.now(UTC)
                with store.transaction():
                    replies = engine(store, user, Incoming(userid, "text", now, text=text), now)
                return replies[0].text if replies else ""

        clerk = Clerk(Direct(), "clerk", target)  # type: ignore[arg-type]
        await clerk.fill_and_submit()
        return [text for text, _ in clerk.transcript] + ["进度"] * 3


def build_db(path: Path, units: int, area_size: int, extra_units: int = 0) -> list[str]:
    """`units` units in areas of `area_size`, one clerk each (plus `extra_units` in other areas, no clerk used);
    the clerks' user ids."""
    from storage import Store

    with Store.open(path) as store, store.transaction():
        rows = [(f"测试{n:06d}镇", "镇", f"区{n // area_size:04d}") for n in range(units + extra_units)]
        store.db.conn.executemany("INSERT INTO units (name, kind, area) VALUES (?, ?, ?)", rows)
        store.db.conn.executemany(
            "INSERT INTO users (userid, name, role, unit, area, active) VALUES (?, ?, 'staff', ?, ?, 1)",
            [(f"c{n:06d}", "王芳", name, area) for n, (name, _, area) in enumerate(rows[:units])])
    return [f"c{n:06d}" for n in range(units)]


_CJK = re.compile(r"[\u4e00-\u9fff]")
_COUNT = re.compile(r"\d+")


def as_typed_by(script: list[str], clerk: int) -> list[str]:
    """The script as clerk number `clerk` types it: the same answers, but notes of their own (their counts differ,
    and a note with none gains one), as no two units write the same notes. Every clerk typing the very same notes
    would let what is held per note (a cleaned note, a parsed text) serve them all, which no real area sees."""
    def own(text: str) -> str:
        if len(_CJK.findall(text)) < 8:  # a number, a command or a short yes: typed alike by everyone
            return text
        if _COUNT.search(text):
            return _COUNT.sub(lambda m: str(int(m.group()) + 1 + clerk % 997), text)
        return f"{text}，全年审核信息{12 + clerk % 997}条"
    return [own(text) for text in script]


def starting_steps(users: list[str], script: list[str], connections: int, per_connection: int) -> dict[str, int]:
    """A step of the script for each clerk to start the clock at, spread evenly over the steps from which the clerk's
    share of the messages still fits in the script (every clerk at 你好 when their share is the whole script)."""
    per_clerk = -(-per_connection // max(1, -(-len(users) // connections)))
    room = max(1, len(script) - per_clerk + 1)
    return {user: n % room for n, user in enumerate(users)}


def advance_clerks(path: Path, users: list[str], script: list[str], starts: dict[str, int]) -> None:
    """Play each clerk's script up to their starting step, in-process and untimed, as the server would have."""
    from zoneinfo import ZoneInfo

    from bot.incoming import Incoming
    from handlers.conversation import NianbaoEngine
    from storage import Store

    engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
    with Store.open(path) as store:
        store.hold_unit_name_matchers()
        for n, userid in enumerate(users):
            user = store.user(userid)
            with store.transaction():
                for text in as_typed_by(script, n)[: starts[userid]]:
                    now = datetime.now(UTC)
                    engine(store, user, Incoming(userid, "text", now, text=text), now)


def advancing_requests(users: list[str], script: list[str], connections: int,
                       starts: dict[str, int]) -> list[list[Any]]:
    """What `advance_clerks` plays, as encrypted requests to the server itself: on the connection `requests_for`
    gives each clerk, every clerk's steps before their starting step, in order."""
    from tests.e2e.servers import peer

    wecom = peer()
    typed = {user: as_typed_by(script, n) for n, user in enumerate(users)}
    plans: list[list[Any]] = []
    for c in range(connections):
        mine = users[c::connections]
        last = max((starts[user] for user in mine), default=0)
        plans.append([wecom.text(user, typed[user][step]) for step in range(last) for user in mine
                      if step < starts[user]])
    return plans


def requests_for(users: list[str], script: list[str], connections: int, per_connection: int,
                 starts: dict[str, int] | None = None) -> list[list[Any]]:
    """Each connection's encrypted requests: its clerks round-robin, each clerk's script in order from their
    starting step (`starts`, else 你好), as they type it (`as_typed_by`)."""
    from tests.e2e.servers import peer

    wecom = peer()
    typed = {user: as_typed_by(script, n) for n, user in enumerate(users)}
    starts = starts or {}
    plans: list[list[Any]] = []
    for c in range(connections):
        mine = users[c::connections]
        plan = []
        step, i = 0, 0
        while len(plan) < per_connection:
            user = mine[i % len(mine)]
            plan.append(wecom.text(user, typed[user][(starts.get(user, 0) + step) % len(script)]))
            i += 1
            if i % len(mine) == 0:
                step += 1
        plans.append(plan)
    return plans


# -- running -------------------------------------------------------------------------------------------------------


def start_server(kind: str, port: int, env: dict[str, str], warm_up: bool = True) -> subprocess.Popen:
    command = [sys.executable, "-m", "tests.bench_throughput", "--serve", kind, "--port", str(port),
               *([] if warm_up else ["--no-warm-up"])]
    if shutil.which("taskset"):
        command = ["taskset", "-c", "0", *command]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


async def wait_up(url: str, process: subprocess.Popen, seconds: float = 60.0) -> None:
    """Until the server answers /healthz; an error when it ends first or `seconds` pass (a server under valgrind
    takes minutes to start)."""
    async with aiohttp.ClientSession() as session:
        for _ in range(int(seconds * 10)):
            if process.poll() is not None:
                raise RuntimeError(process.stderr.read().decode() if process.stderr else "server died")
            try:
                async with session.get(url + "/healthz") as r:
                    if r.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("server did not start")


async def drive(url: str, plans: list[list[Any]], duration: float | None = None) -> dict[str, float]:
    """Every plan on its own connection, in order; with `duration`, each stops once that many seconds passed."""
    samples: list[float] = []
    errors = 0
    connector = aiohttp.TCPConnector(limit=len(plans))
    stop_at = time.perf_counter() + duration if duration else float("inf")

    async with aiohttp.ClientSession(connector=connector) as session:
        async def one(plan: list[Any]) -> None:
            nonlocal errors
            for request in plan:
                if time.perf_counter() > stop_at:
                    return
                started = time.perf_counter()
                async with session.post(url + "/wecom/callback", params=request.query, data=request.body) as r:
                    await r.read()
                    errors += r.status != 200
                samples.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(one(p) for p in plans))
        elapsed = time.perf_counter() - started
    ms = sorted(s * 1000 for s in samples)
    return {"messages": len(ms), "per_second": len(ms) / elapsed, "p50": statistics.median(ms),
            "p99": ms[int(0.99 * len(ms)) - 1], "max": ms[-1], "errors": errors,
            "over_2s": sum(1 for m in ms if m > 2000)}


def cpu_seconds(pid: int, thread: int | None = None) -> float:
    """The process's CPU time so far, every thread (user + system), or one thread's (the main thread's id is the
    process's): unlike msg/s, barely moved by other load."""
    stat = f"/proc/{pid}/task/{thread}/stat" if thread else f"/proc/{pid}/stat"
    try:
        fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def thread_cpu_seconds(pid: int) -> dict[str, float]:
    """Each thread's CPU time so far, by thread id ("event loop" for the main thread: Python 3.11 gives the others
    no name the system shows)."""
    return {"event loop" if int(task.name) == pid else f"thread {task.name}": cpu_seconds(pid, int(task.name))
            for task in Path(f"/proc/{pid}/task").glob("*")}


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _env(db: Path, api: str) -> dict[str, str]:
    from tests.e2e.servers import AES_KEY, TOKEN
    from tests.handlers.standin_fixtures import AGENT, CORP, SECRET

    env = {k: v for k, v in os.environ.items() if not k.startswith(("WECOM_", "NIANBAO_"))}
    return {**env, "PYTHONPATH": str(ROOT), "NIANBAO_DB": str(db), "WECOM_CORP_ID": CORP,
            "WECOM_AGENT_ID": str(AGENT), "WECOM_SECRET": SECRET, "WECOM_TOKEN": TOKEN, "WECOM_AES_KEY": AES_KEY,
            "WECOM_API_BASE": api, "NIANBAO_TIMESTAMP_WINDOW": "3600", "NIANBAO_PUBLIC_URL": "http://127.0.0.1", "NIANBAO_SECRET_KEY": "k" * 32}


async def run(kind: str, plans: list[list[Any]], env: dict[str, str], duration: float | None = None,
              warm_up: bool = True, before: list[list[Any]] | None = None) -> dict[str, float]:
    """One server driven by `plans` and measured; `before` is driven first, untimed (`--memos warm`)."""
    from tests.e2e.servers import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = start_server(kind, port, env, warm_up)
    try:
        await wait_up(url, process)
        if before:
            played = await drive(url, before)
            if played["errors"]:
                raise RuntimeError(f"{played['errors']:.0f} of the untimed messages before the clock failed")
            await asyncio.sleep(2)  # what they queued (the outbox's extra parts) goes out before the clock starts
        began, loop_began = cpu_seconds(process.pid), cpu_seconds(process.pid, process.pid)
        threads_began = thread_cpu_seconds(process.pid)
        result = await drive(url, plans, duration)
        per_message = 1000 / max(result["messages"], 1)
        result["cpu_ms"] = (cpu_seconds(process.pid) - began) * per_message
        result["loop_ms"] = (cpu_seconds(process.pid, process.pid) - loop_began) * per_message
        threads = {name: (spent - threads_began.get(name, 0.0)) * per_message
                   for name, spent in thread_cpu_seconds(process.pid).items()}
        result["threads"] = {name: ms for name, ms in sorted(threads.items(), key=lambda t: -t[1]) if ms >= 0.01}
        result["peak_rss_mb"] = peak_rss_mb(process.pid)
        return result
    finally:
        process.terminate()
        process.wait(timeout=30)


def show(name: str, r: dict[str, float]) -> None:
    print(f"{name:<34} {r['per_second']:7.0f} msg/s  p50 {r['p50']:6.1f} ms  p99 {r['p99']:7.1f} ms  "
          f"max {r['max']:7.1f} ms  over 2 s {r['over_2s']:.0f}/{r['messages']:.0f}  errors {r['errors']:.0f}  "
          f"peak RSS {r.get('peak_rss_mb', 0):.0f} MB  CPU {r.get('cpu_ms', 0):.2f} ms/msg "
          f"(event loop {r.get('loop_ms', 0):.2f})", flush=True)
    threads = r.get("threads") or {}
    if len(threads) > 1:
        print(" " * 34 + "  CPU by thread, ms/msg: " + ", ".join(f"{n} {ms:.2f}" for n, ms in threads.items()))


async def main(args: argparse.Namespace) -> None:
    from tests.handlers.standin_fixtures import FakeClock, running_standin

    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {1})
    script = await record_script()
    tmp = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    try:
        db = tmp / "bench.db"
        users = build_db(db, args.units, args.area_size, args.extra_units)
        clerks = min(len(users), args.clerks)
        chosen = users[:: max(1, len(users) // clerks)][:clerks]  # spread over the areas
        per_connection = args.messages // args.connections
        starts, before = None, None
        if args.mix == "whole":
            starts = starting_steps(chosen, script, args.connections, per_connection)
            if args.memos == "warm":
                before = advancing_requests(chosen, script, args.connections, starts)
            else:
                advance_clerks(db, chosen, script, starts)
        print(f"{args.units} units in areas of {args.area_size} (+{args.extra_units} more), {clerks} clerks, "
              f"{args.connections} connections, {per_connection * args.connections} messages; script of "
              f"{len(script)} messages, {_mix_said(starts, before)}", flush=True)
        async with running_standin(FakeClock()) as wecom:
            env = _env(db, wecom.url)
            if args.profile_server:
                env["BENCH_PROFILE"] = str(Path(args.profile_server).resolve())
            ratios = []
            for n in range(args.rounds):  # alternated: a neighbour's load on the shared machine hits both alike
                round_db = tmp / f"round{n}.db"  # every round starts from the same database
                shutil.copyfile(db, round_db)
                round_env = {**env, "NIANBAO_DB": str(round_db)}
                echo = None
                if not args.skip_echo:
                    echo = await run("echo", requests_for(chosen, script, args.connections, per_connection, starts),
                                     round_env, args.duration)
                    show("bare aiohttp + WeCom crypto echo", echo)
                nianbao = await run("nianbao", requests_for(chosen, script, args.connections, per_connection, starts),
                                    round_env, args.duration, not args.no_warm_up, before)
                show("nianbao", nianbao)
                if echo:
                    ratios.append((nianbao["per_second"] / echo["per_second"], echo["cpu_ms"] / nianbao["cpu_ms"],
                                   nianbao["p99"]))
            if len(ratios) > 1:
                msgs, cpu, p99 = (statistics.median(r[i] for r in ratios) for i in range(3))
                print(f"median of {len(ratios)} rounds: {msgs:.3f} × the echo's msg/s, {cpu:.3f} × its CPU per "
                      f"message; p99 {p99:.1f} ms", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _mix_said(starts: dict[str, int] | None, before: list[list[Any]] | None) -> str:
    if not starts:
        return "every clerk from 你好"
    played = (f"their {sum(map(len, before))} earlier messages played by the server itself (memos warm)" if before
              else "their earlier steps played in another process (memos cold)")
    return f"each clerk from a step of its own ({min(starts.values())}–{max(starts.values())}), {played}"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--serve", choices=("nianbao", "echo"))
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--area-size", type=int, default=1_000)
    parser.add_argument("--extra-units", type=int, default=0, help="more units in the database, no clerk")
    parser.add_argument("--clerks", type=int, default=2_000)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--mix", choices=("whole", "start"), default="whole",
                        help="whole: clerks start the clock at every step of the script (its whole mix); start: "
                             "every clerk at 你好")
    parser.add_argument("--memos", choices=("cold", "warm"), default="cold",
                        help="cold: the clerks' earlier steps played in another process (a server just restarted); "
                             "warm: played by the server itself, untimed, before the clock (a server running for "
                             "days)")
    parser.add_argument("--skip-echo", action="store_true")
    parser.add_argument("--rounds", type=int, default=1, help="echo and nianbao alternated, each from a fresh copy "
                                                              "of the database; the medians printed")
    parser.add_argument("--duration", type=float, help="seconds each server is driven (default: every message)")
    parser.add_argument("--no-warm-up", action="store_true",
                        help="nianbao starts cold: templates and patterns compiled by the first messages")
    parser.add_argument("--profile-server", metavar="FILE", help="cProfile nianbao's event loop into FILE")
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_args()
    if arguments.serve == "nianbao":
        serve_nianbao(arguments.port, not arguments.no_warm_up)
    elif arguments.serve == "echo":
        serve_echo(arguments.port)
    else:
        asyncio.run(main(arguments))
