"""Shared helpers: the WeCom stand-in on a real 127.0.0.1 port, and a clock the tests move by hand."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiohttp import web

from handlers.wecom.standin import WeComStandIn, create_standin_app, standin_of

CORP = "wwstandin0000test"
SECRET = "stand-in-secret"
AGENT = 1000002


class FakeClock:
    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@dataclass
class RunningStandIn:
    url: str
    standin: WeComStandIn
    app: web.Application


@asynccontextmanager
async def running_app(app: web.Application) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def running_standin(clock: FakeClock, **kwargs: object) -> AsyncIterator[RunningStandIn]:
    app = create_standin_app(CORP, SECRET, AGENT, clock=clock, **kwargs)  # type: ignore[arg-type]
    async with running_app(app) as url:
        yield RunningStandIn(url=url, standin=standin_of(app), app=app)
