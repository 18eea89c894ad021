"""The event loop the server runs on.

uvloop (libuv under asyncio's interface) spends about a sixth less CPU than asyncio's own loop on each callback's
receive, parse and send (`python -m tests.bench_throughput`: 0.34 against 0.40 ms per message on the event loop's
thread), and the event loop shares the one core with the storage thread. Where uvloop is not installed (it has no
Windows build) asyncio's loop serves as well, only slower.
"""

from __future__ import annotations

import asyncio


def new_event_loop() -> asyncio.AbstractEventLoop:
    """A new uvloop loop where uvloop is installed, else asyncio's."""
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()
