"""Shared by the desk's tests: two county areas (示范县 with the five seed reports, 外县 with one), their
supervisors and an admin, the WeCom stand-in, and the server on a port known in advance (its public URL is the
OAuth redirect_uri)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp import web

from bot.dialog import initial_state
from bot.formats import GOV2021
from bot.importers import import_report
from handlers.config import Settings
from handlers.web.app import create_app
from handlers.web.desk.session import SESSION_COOKIE, sign
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.servers import free_port, make_settings, peer
from tests.handlers.standin_fixtures import RunningStandIn, running_standin

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2025, 1, 10, 10, 0, tzinfo=TZ)
AREA_A, AREA_B = "示范县", "外县"
UNITS = {0: ("刘街乡", "乡"), 1: ("册井镇", "镇"), 2: ("胡集乡", "乡"), 3: ("塔铺街道", "街道"), 4: ("柳园口乡", "乡")}
RETURNED = "柳园口乡"  # its report has a 规章 slip (R7)
OTHER_UNIT = "外县镇"


def seed_store(store: Store) -> None:
    for n, (name, kind) in UNITS.items():
        store.save_unit(Unit(name, kind, AREA_A))
        store.save_user(User(f"staff{n}", f"经办人{n}", "staff", name, AREA_A))
        report = replace(import_report(seed_path(n)).report, unit=name, unit_kind=kind, year=2024)
        if name == RETURNED:
            report.cells["t2.regulations.issued"] = 1  # a township never makes 规章 (R7)
        store.save_report(report, "import", START - timedelta(days=2 + n), status="submitted")
        state = {**initial_state(), "greeted": True, "submitted": True, "answered": [q.code for q in GOV2021.questions]}
        store.save_conversation(f"staff{n}", state, START - timedelta(days=2))
    store.save_unit(Unit(OTHER_UNIT, "镇", AREA_B))
    store.save_user(User("staffB", "外县经办人", "staff", OTHER_UNIT, AREA_B))
    report = replace(import_report(seed_path(0)).report, unit=OTHER_UNIT, unit_kind="镇", year=2024)
    store.save_report(report, "import", START - timedelta(days=1), status="submitted")
    store.save_user(User("supA", "示范县审核员", "supervisor", None, AREA_A))
    store.save_user(User("supB", "外县审核员", "supervisor", None, AREA_B))
    store.save_user(User("root", "周管理员", "admin", None, None))
    store.save_campaign(2024, date(2025, 1, 15), date(2025, 1, 31))


def moving_clock():
    t0 = time.monotonic()
    return lambda: START + timedelta(seconds=time.monotonic() - t0)


async def never(_: float) -> None:
    await asyncio.Event().wait()


@dataclass
class Desk:
    url: str
    settings: Settings
    store: Store
    wecom: RunningStandIn
    app: Any

    def forged_session(self, userid: str, expires: float, secret: str | None = None) -> str:
        return sign(secret or self.settings.secret_key, "session", {"u": userid, "exp": int(expires), "n": "x"})

    def session_cookie(self, userid: str, ttl: float = 3600) -> dict[str, str]:
        return {SESSION_COOKIE: self.forged_session(userid, time.time() + ttl)}

    async def say(self, session: aiohttp.ClientSession, user: str, text: str) -> str:
        """A chat message through the real callback, as WeCom would send it."""
        request = peer().text(user, text)
        async with session.post(self.url + "/wecom/callback", params=request.query, data=request.body) as r:
            assert r.status == 200
            reply = peer().decrypt_reply(await r.read())
        return "" if reply is None else reply["Content"]


@asynccontextmanager
async def running_desk(tmp_path, seed=seed_store) -> AsyncIterator[Desk]:
    store = Store.open(tmp_path / "desk.db")
    seed(store)
    try:
        async with running_standin(time.time) as wecom:  # type: ignore[arg-type]
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            settings = replace(make_settings(store.path, wecom.url), public_url=url)
            app = create_app(settings, store=store, clock=moving_clock(), timer_sleep=never)
            runner = web.AppRunner(app)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
            try:
                yield Desk(url, settings, store, wecom, app)
            finally:
                await runner.cleanup()
    finally:
        store.close()


async def signed_in_session(desk: Desk, userid: str) -> aiohttp.ClientSession:
    """An HTTP client signed in through the stand-in's OAuth, as a browser would be (cookies for 127.0.0.1)."""
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with session.get(f"{desk.wecom.url}/_standin/signin", params={"userid": userid}) as r:
        assert r.status == 200
    async with session.get(desk.url + "/desk/") as r:
        assert r.status == 200, await r.text()
    return session


CITY = "示范市"


def seed_city(store: Store) -> None:
    """The two counties inside one city, and the city's supervisor."""
    seed_store(store)
    store.save_area_parent(AREA_A, CITY)
    store.save_area_parent(AREA_B, CITY)
    store.save_user(User("supCity", "市审核员", "supervisor", None, CITY))
