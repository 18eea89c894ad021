"""Shared by the long-connection tests: the server with its long connection up against the gateway stand-in, and
a user's phone on that connection (the same `say` as the callback's `Server`, so `Clerk` drives either)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from handlers.config import load_settings
from handlers.wecom.gateway_standin import GATEWAY_KEY, GatewayStandIn, create_gateway_app
from handlers.wecom.longconn.client import LongConnection, Timing
from storage import Store
from tests.e2e.servers import Server, make_settings, running_server
from tests.handlers.standin_fixtures import running_app

BOT_ID, BOT_SECRET = "aibtest0001", "bot-secret-for-tests"
# every interval small, so drops and missed heartbeats are noticed within a test's patience
FAST = Timing(heartbeat=0.2, missed_acks=2, first_backoff=0.2, max_backoff=1.6, ack_timeout=5.0)


@dataclass
class BotServer:
    server: Server
    gateway: GatewayStandIn

    @property
    def store(self) -> Store:
        return self.server.store

    @property
    def connection(self) -> LongConnection:
        from handlers.web.app import LONGCONN_KEY

        return self.server.app[LONGCONN_KEY]

    async def say(self, user: str, text: str, timeout: float = 15.0) -> str | None:
        """Type a text on the long connection; the reply to it (None when none comes within `timeout`)."""
        msgid = await self.gateway.user_says(user, text)
        return await self.reply_to(msgid, timeout)

    async def reply_to(self, msgid: str, timeout: float = 15.0) -> str | None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            replies = self.gateway.replies_to(msgid)
            if replies:
                return replies[0].content
            await asyncio.sleep(0.01)
        return None


@asynccontextmanager
async def running_bot(db: Path, api_base: str, timing: Timing = FAST, app_channel: bool = True,
                      **kwargs: Any) -> AsyncIterator[BotServer]:
    """The whole server with both channels (callback and long connection; or the long connection alone, as
    `nianbao serve` runs with only the bot's settings), the long connection authenticated."""
    gateway_app = create_gateway_app(BOT_ID, BOT_SECRET)
    async with running_app(gateway_app) as url:
        gateway_url = url.replace("http://", "ws://") + "/"
        if app_channel:
            settings = replace(make_settings(db, api_base), bot_id=BOT_ID, bot_secret=BOT_SECRET,
                               gateway_url=gateway_url)
        else:
            settings = load_settings({"NIANBAO_DB": str(db), "WECOM_BOT_ID": BOT_ID, "WECOM_BOT_SECRET": BOT_SECRET,
                                      "WECOM_GATEWAY_URL": gateway_url, "NIANBAO_PUBLIC_URL": "http://127.0.0.1:8080",
                                      "NIANBAO_SECRET_KEY": "x" * 32})
        async with running_server(settings, longconn_timing=timing, **kwargs) as server:
            gateway = gateway_app[GATEWAY_KEY]
            await gateway.connected()
            yield BotServer(server, gateway)
