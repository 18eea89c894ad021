"""The background task that keeps each unit's 汇总 figures current, off the message path.

A message only marks its unit's figures stale (storage does, on every write that could change them); this task,
woken after each batch of messages and at least every few seconds, computes the stale ones a few units per short
storage call, so message batches interleave with it and a unit changed by ten messages is computed once.

It gives way to messages: while callbacks are waiting or were just written (`busy`), it waits — figures are also
computed when 汇总 asks for them (`handlers.areas.load_units`), so under a burst they are late, never wrong — but
never longer than `MAX_DEFER` seconds at a time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from handlers.tasks import wait_for_event
from handlers.unit_stats import refresh_stale_figures
from storage import Store

log = logging.getLogger("nianbao.figures")

IDLE_SECONDS = 5.0
CHUNK = 10  # units per storage call
MAX_DEFER = 30.0  # seconds the figures wait for a quiet moment before one chunk is done anyway


class FiguresRefresher:
    def __init__(self, store: Store, *, delay: float = 0.2, busy: Callable[[], bool] = lambda: False) -> None:
        self.store = store
        self.busy = busy
        self.delay = delay  # after a wake-up, so a burst of messages is computed once per unit
        self._wake = asyncio.Event()
        self._skip: set[tuple[str, int]] = set()
        self.computed = 0

    def wake(self) -> None:
        self._wake.set()

    async def run_once(self) -> int:
        """Compute every stale figure; how many."""
        total = 0
        while True:
            await self._quiet_moment()
            done = await self.store.run(refresh_stale_figures, self.store, CHUNK, self._skip)
            total += done
            if done < CHUNK:
                break
            await asyncio.sleep(0)
        self.computed += total
        return total

    async def _quiet_moment(self) -> None:
        deadline = time.monotonic() + MAX_DEFER
        while self.busy() and time.monotonic() < deadline:
            await asyncio.sleep(self.delay)

    async def run_forever(self) -> None:
        while True:
            await wait_for_event(self._wake, IDLE_SECONDS)
            self._wake.clear()
            await asyncio.sleep(self.delay)
            try:
                await self.run_once()
            except Exception:
                log.exception("refreshing figures failed")
