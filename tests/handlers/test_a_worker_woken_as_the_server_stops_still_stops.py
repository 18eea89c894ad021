"""A background worker woken at the very moment the server stops must still stop: `asyncio.wait_for` in Python 3.11
loses a cancellation that arrives as the awaited event is set, and the shutdown then waited forever (a test hung
after its last message had woken the figures refresher)."""

from __future__ import annotations

import asyncio

from handlers.tasks import stop_task, wait_for_event


async def _worker(wake: asyncio.Event) -> None:
    while True:
        await wait_for_event(wake, 5.0)
        wake.clear()
        await asyncio.sleep(0)


async def test_a_worker_woken_as_it_is_cancelled_ends() -> None:
    wake = asyncio.Event()
    task = asyncio.create_task(_worker(wake))
    await asyncio.sleep(0.01)
    wake.set()
    task.cancel()  # in the same moment
    done, _ = await asyncio.wait({task}, timeout=2.0)
    assert done == {task} and task.cancelled()


async def test_stopping_a_task_that_swallows_one_cancellation_still_ends_it() -> None:
    async def swallows_once() -> None:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            pass  # what asyncio.wait_for does in the race above
        await asyncio.sleep(10)

    task = asyncio.create_task(swallows_once())
    await asyncio.sleep(0.01)
    await asyncio.wait_for(stop_task(task), 3.0)
    assert task.cancelled()
