"""Callback round trip with the real engine (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_callback

1,000 WeCom callbacks over loopback HTTP to a real server and SQLite file: 50 clerks each working through their
report (the scripted clerk of the end-to-end tests), one message after another. Each sample is the time from the
encrypted POST leaving the client to the decrypted passive reply; the client shares the server's event loop.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from storage import Store, Unit, User
from tests.e2e.clerk import Clerk
from tests.e2e.servers import make_settings, running_server
from tests.e2e.test_conversation import seed
from tests.handlers.standin_fixtures import FakeClock, running_standin

MESSAGES = 1000
CLERKS = 50


async def main() -> None:
    target = seed(4)
    db = Path(tempfile.mkdtemp()) / "bench.db"
    with Store.open(db) as store:
        for n in range(CLERKS):
            store.save_unit(Unit(f"{target.unit}{n}", target.unit_kind, "示范县"))
            store.save_user(User(f"clerk{n}", "王芳", "staff", f"{target.unit}{n}", "示范县"))
    samples: list[float] = []
    async with running_standin(FakeClock()) as wecom, running_server(make_settings(db, wecom.url)) as server:
        clerks = [Clerk(server, f"clerk{n}", target) for n in range(CLERKS)]
        replies = {c.userid: "" for c in clerks}
        while len(samples) < MESSAGES:
            for clerk in clerks:
                text = clerk.answer(replies[clerk.userid]) if replies[clerk.userid] else "你好"
                if "已提交" in replies[clerk.userid]:
                    text = "进度"
                start = time.perf_counter()
                replies[clerk.userid] = await clerk.say(text)
                samples.append(time.perf_counter() - start)
    ms = sorted(s * 1000 for s in samples[:MESSAGES])
    print(f"{MESSAGES} callbacks, real engine: median {statistics.median(ms):.1f} ms, "
          f"p99 {ms[int(0.99 * len(ms)) - 1]:.1f} ms, max {ms[-1]:.1f} ms")


if __name__ == "__main__":
    asyncio.run(main())
