"""What the end-to-end tests share: the WeCom stand-in, on a clock that stands still (tokens never expire)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.handlers.standin_fixtures import FakeClock, RunningStandIn, running_standin


@pytest.fixture
async def wecom() -> AsyncIterator[RunningStandIn]:
    async with running_standin(FakeClock()) as running:
        yield running
