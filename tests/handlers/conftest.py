"""Fixtures the edge tests share: a hand-moved clock, the WeCom stand-in on a real port, an HTTP client session."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

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
