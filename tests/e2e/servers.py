"""Shared by the edge tests: settings for a test server, the app on a real 127.0.0.1 port, a WeCom peer."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp

from handlers.config import Settings, load_settings
from handlers.web.app import STORE_KEY, create_app
from handlers.wecom.peer import CallbackRequest, WeComPeer
from storage import Store, Unit, User
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET, running_app

TOKEN = "T0ken4Tests"
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_settings(db_path: Path, api_base: str = "http://127.0.0.1:9") -> Settings:
    return load_settings({
        "NIANBAO_DB": str(db_path), "WECOM_CORP_ID": CORP, "WECOM_AGENT_ID": str(AGENT), "WECOM_SECRET": SECRET,
        "WECOM_TOKEN": TOKEN, "WECOM_AES_KEY": AES_KEY, "WECOM_API_BASE": api_base,
        "NIANBAO_PUBLIC_URL": "http://127.0.0.1:8080", "NIANBAO_SECRET_KEY": "x" * 32,
    })


def peer() -> WeComPeer:
    return WeComPeer(TOKEN, AES_KEY, CORP, AGENT)


def seed_org(store: Store) -> None:
    store.save_unit(Unit("城关镇人民政府", "镇", "示范县"))
    store.save_unit(Unit("青山乡人民政府", "乡", "示范县"))
    store.save_user(User("alice", "张明", "staff", "城关镇人民政府", "示范县"))
    store.save_user(User("bob", "李华", "staff", "青山乡人民政府", "示范县"))
    store.save_user(User("root", "周管理员", "admin", None, "示范县"))


@dataclass
class Server:
    url: str
    app: Any
    session: aiohttp.ClientSession
    peer: WeComPeer

    @property
    def store(self) -> Store:
        return self.app[STORE_KEY]

    async def post(self, request: CallbackRequest) -> tuple[int, bytes]:
        async with self.session.post(self.url + "/wecom/callback", params=request.query,
                                     data=request.body) as response:
            return response.status, await response.read()

    async def say(self, user: str, text: str, **kwargs: Any) -> str | None:
        """Send a text as WeCom would; the passive reply's Content (None for an empty answer)."""
        status, body = await self.post(self.peer.text(user, text, **kwargs))
        assert status == 200, body
        reply = self.peer.decrypt_reply(body)
        return None if reply is None else reply["Content"]


@asynccontextmanager
async def running_server(settings: Settings, **kwargs: Any) -> AsyncIterator[Server]:
    app = create_app(settings, **kwargs)
    async with running_app(app) as url, aiohttp.ClientSession() as session:
        yield Server(url, app, session, peer())


async def eventually(check: Callable[[], Any], timeout: float = 30.0, step: float = 0.02) -> Any:
    """Poll `check` until it returns something truthy (for effects of the background worker over real HTTP). The
    wait is long because jobs run in children at SCHED_IDLE, which get a core only when the machine leaves one idle:
    on a saturated machine a reminder tick waited more than 5 s. A check that holds returns at once."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        result = check()
        if result:
            return result
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(step)
