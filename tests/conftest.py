from __future__ import annotations

import asyncio
import gc
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# no property test is a timed test: Hypothesis' 200 ms deadline per example failed on a loaded machine (the first
# example imports cn2an), which says nothing of the behaviour tested
settings.register_profile("nianbao", deadline=None)
settings.load_profile("nianbao")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
CORPUS = FIXTURES / "corpus"


def seed_path(number: int) -> Path:
    return next(SEEDS.glob(f"{number:03d}_*.txt"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), f"seeds not found at {SEEDS}"
    return SEEDS


# -- a stuck test says where it is stuck ---------------------------------------------------------------------------

STUCK_AFTER = 100.0  # seconds: before pytest-timeout's 120 ends the test with thread stacks only


@pytest.fixture(autouse=True)
def _dump_tasks_when_stuck() -> Iterator[None]:
    """A test that runs far too long prints every running event loop's tasks with their stacks (pytest-timeout
    prints only the threads', and a coroutine waiting forever shows there as an idle event loop)."""
    timer = threading.Timer(STUCK_AFTER, _dump_tasks)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _dump_tasks() -> None:
    print(f"\n+++ still running after {STUCK_AFTER:.0f} s; asyncio tasks:", file=sys.stderr)
    loops = [o for o in gc.get_objects() if isinstance(o, asyncio.AbstractEventLoop) and o.is_running()]
    for loop in loops:
        for task in list(asyncio.all_tasks(loop)):
            task.print_stack(file=sys.stderr)
