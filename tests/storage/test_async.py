"""SQLite work must not stall the event loop: measured with a 1 ms ticker while a long write runs."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import pytest

from storage import Store

from .conftest import at

ROWS = 150_000  # about half a second of SQLite work on the reference machine
LIMIT = 0.05  # largest tolerated delay of a 1 ms tick on a quiet machine
# on a loaded machine a tick may wait for a core whatever the loop does: the loop must not wait for the write, so a
# tick's delay stays a small part of the write's duration (on the loop it is the whole of it). A full suite on two
# cores once delayed a tick 68 ms during a 488 ms write in the worker: a quarter still tells the two apart
SHARE = 0.25


def long_write(store: Store, rows: int = ROWS) -> float:
    """One big write, all inside SQLite (so it releases the GIL); its duration in seconds."""
    started = time.perf_counter()
    with store.transaction():
        store.db.execute("CREATE TABLE IF NOT EXISTS scratch (n INTEGER, pad BLOB)")
        store.db.execute(
            """WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < ?)
               INSERT INTO scratch SELECT n, randomblob(100) FROM c""",
            (rows,),
        )
        store.db.execute("CREATE INDEX IF NOT EXISTS scratch_pad ON scratch(pad)")
    return time.perf_counter() - started


async def max_tick_delay(work: Callable[[], Awaitable[float]]) -> tuple[float, float]:
    """(largest delay of a 1 ms tick while `work` runs, duration of the work)."""
    loop = asyncio.get_running_loop()
    delays: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            started = loop.time()
            await asyncio.sleep(0.001)
            delays.append(loop.time() - started - 0.001)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.01)
    duration = await work()
    done.set()
    await task
    return max(delays), duration


async def test_worker_thread_keeps_the_loop_responsive(store: Store) -> None:
    delay, duration = await max_tick_delay(lambda: store.run(long_write, store))
    print(f"\nlong write {duration * 1000:.0f} ms in the worker; largest tick delay {delay * 1000:.1f} ms")
    assert duration > 4 * LIMIT, "the write is too short to prove anything; raise ROWS"
    assert delay < max(LIMIT, SHARE * duration)


async def test_the_measurement_catches_sqlite_on_the_loop(store: Store) -> None:
    async def on_the_loop() -> float:
        return long_write(store)  # what must never be done: a blocking call on the event loop

    delay, duration = await max_tick_delay(on_the_loop)
    print(f"\nlong write {duration * 1000:.0f} ms on the loop; largest tick delay {delay * 1000:.1f} ms")
    assert delay > max(LIMIT, SHARE * duration)


async def test_run_returns_results_raises_errors_and_keeps_order(store: Store) -> None:
    await asyncio.gather(*(store.run(store.save_conversation, "zhangsan", {"n": i}, at(i)) for i in range(20)))
    assert await store.run(store.conversation, "zhangsan") == {"n": 19}
    with pytest.raises(ValueError, match="报告状态"):
        await store.run(store.set_status, "册井镇", 2024, "done", at(), "zhangsan")
