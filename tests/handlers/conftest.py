"""Fixtures the edge tests share: a hand-moved clock, the WeCom stand-in on a real port, an HTTP client session, a
store holding the end-to-end tests' organisation."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aiohttp
import pytest

from storage import Store
from tests.e2e.servers import seed_org
from tests.handlers.standin_fixtures import FakeClock, RunningStandIn, running_standin


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def wecom(clock: FakeClock) -> AsyncIterator[RunningStandIn]:
    async with running_standin(clock) as running:
        yield running


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as client_session:
        yield client_session


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A real SQLite store with the organisation the end-to-end tests use (`seed_org`: alice of 城关镇, bob of 青山乡,
    root the admin). A module whose tests need another organisation defines a `store` of its own."""
    s = Store.open(tmp_path / "edge.db")
    seed_org(s)
    yield s
    s.close()
