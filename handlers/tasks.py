"""Waiting for a wake-up and stopping a background task, the same way in every worker of the edge.

Not `asyncio.wait_for` around an event: in Python 3.11 it loses a cancellation that arrives just as the event is set,
and a worker woken at the moment the server stops would then never stop (the shutdown hangs). `asyncio.timeout`
keeps the cancellation.
"""

from __future__ import annotations

import asyncio
import contextlib

STOP_GRACE = 0.5  # seconds between cancellations of a task that has not ended yet


async def wait_for_event(event: asyncio.Event, timeout: float) -> None:
    """Return when `event` is set or after `timeout` seconds, whichever comes first."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(timeout):
            await event.wait()


async def stop_task(task: asyncio.Task) -> None:
    """Cancel `task` and wait until it has ended, cancelling again should a cancellation get lost on the way (the
    task's own errors are raised, its cancellation is not)."""
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=STOP_GRACE)
    with contextlib.suppress(asyncio.CancelledError):
        await task
