"""`nianbao chat`: a terminal client that plays WeCom against a running server.

It encrypts each line as WeCom would (WeComPeer), prints the decrypted passive reply, then prints what the server
sent the user through the API, read from the stand-in's /_standin/outbox (demo mode; against real WeCom there is
no such page and only passive replies are shown).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import aiohttp
from yarl import URL

from bot import messages
from handlers.config import DEMO_PUBLIC_URL, read_env_file
from handlers.wecom.crypto import CallbackError
from handlers.wecom.peer import WeComPeer

QUIT_WORDS = frozenset({"退出", "exit", "quit"})
POLL_SECONDS = 0.2
SETTLE_SECONDS = 0.6  # stop watching the outbox after this long without a new message
MAX_WATCH_SECONDS = 3.0


@dataclass(frozen=True)
class ChatTarget:
    url: str
    api_base: str
    peer: WeComPeer


def chat_target(url: str | None, env_file: Path = Path("data/demo.env")) -> ChatTarget:
    """Credentials from data/demo.env when it exists, else from the environment (and .env)."""
    values = read_env_file(env_file) if env_file.is_file() else {**read_env_file(Path(".env")), **os.environ}
    missing = [n for n in ("WECOM_TOKEN", "WECOM_AES_KEY", "WECOM_CORP_ID", "WECOM_AGENT_ID") if not values.get(n)]
    if missing:
        raise ValueError(messages.text("cli", "chat_missing_setting", name=missing[0]))
    base = (url or values.get("NIANBAO_PUBLIC_URL") or DEMO_PUBLIC_URL).rstrip("/")
    api_base = values.get("WECOM_API_BASE") or base + "/wecom-api"
    peer = WeComPeer(values["WECOM_TOKEN"], values["WECOM_AES_KEY"], values["WECOM_CORP_ID"],
                     int(values["WECOM_AGENT_ID"]))
    return ChatTarget(base, api_base.rstrip("/"), peer)


async def run_chat(target: ChatTarget, user: str, lines: Iterable[str] | None, out: TextIO = sys.stdout,
                   files: Iterable[Path] = ()) -> int:
    """Send each line (from `lines`, or typed on stdin when None); 0 when every message got through.

    A reader that stops early (`nianbao chat … | head`) ends the chat quietly: no traceback, exit status 0.
    """
    try:
        return await _chat(target, user, lines, out, files)
    except BrokenPipeError:
        _silence(out)
        return 0


def _silence(out: TextIO) -> None:
    """Point the closed output at /dev/null, so the interpreter's final flush does not fail once more."""
    try:
        fd = out.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


async def _chat(target: ChatTarget, user: str, lines: Iterable[str] | None, out: TextIO,
                files: Iterable[Path] = ()) -> int:
    failures = 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
        client = _Client(session, target, user, out)
        await client.start()
        _say(out, "intro", url=target.url, user=user)
        for path in files:  # as WeCom does: the file is stored as media first, then the callback names it
            failures += not await client.send_file(path)
            await client.show_outbound()
        async for text in typed_lines(lines):
            failures += not await client.send(text)
            await client.show_outbound()
    return 1 if failures else 0


class _Client:
    def __init__(self, session: aiohttp.ClientSession, target: ChatTarget, user: str, out: TextIO) -> None:
        self.session, self.target, self.user, self.out = session, target, user, out
        self.shown = 0
        self.has_outbox = True

    async def start(self) -> None:
        items = await self._outbox()
        self.shown = len(items) if items is not None else 0

    async def send(self, text: str) -> bool:
        return await self._post(self.target.peer.text(self.user, text))

    async def send_file(self, path: Path) -> bool:
        """Upload the file to the stand-in as a user's file, then deliver the file callback WeCom would send."""
        try:
            data = path.read_bytes()
            async with self.session.post(self.target.api_base + "/_standin/user_file", params={"name": path.name},
                                         data=data) as response:
                if response.status != 200:
                    _say(self.out, "error", text=f"HTTP {response.status} {await response.text()}")
                    return False
                media_id = (await response.json())["media_id"]
        except OSError as error:
            _say(self.out, "error", text=str(error))
            return False
        except (aiohttp.ClientError, TimeoutError, ValueError, KeyError) as error:
            _say(self.out, "error", text=messages.text("cli", "chat_unreachable", url=self.target.api_base, error=error))
            return False
        _say(self.out, "sent_file", file_name=path.name, size=len(data))
        return await self._post(self.target.peer.file(self.user, media_id, path.name, len(data)))

    async def _post(self, request) -> bool:
        try:
            async with self.session.post(self.target.url + "/wecom/callback", params=request.query,
                                         data=request.body) as response:
                body = await response.read()
                if response.status != 200:
                    _say(self.out, "error", text=f"HTTP {response.status} {body.decode('utf-8', 'replace')}")
                    return False
        except (aiohttp.ClientError, TimeoutError) as error:
            _say(self.out, "error", text=messages.text("cli", "chat_unreachable", url=self.target.url, error=error))
            return False
        try:
            reply = self.target.peer.decrypt_reply(body)
        except CallbackError as error:
            _say(self.out, "error", text=messages.text("cli", "chat_undecryptable", error=error))
            return False
        if reply is None:
            _say(self.out, "none")
        else:
            _say(self.out, "reply", text=str(reply.get("Content", "")))
        return True

    async def show_outbound(self) -> None:
        """Print the API messages that arrive for the user, until none has come for a moment."""
        waited = quiet = 0.0
        while self.has_outbox and waited < MAX_WATCH_SECONDS and quiet < SETTLE_SECONDS:
            await asyncio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
            items = await self._outbox()
            if items is None:
                return
            fresh = items[self.shown :]
            self.shown = len(items)
            quiet = 0.0 if fresh else quiet + POLL_SECONDS
            origin = str(URL(self.target.api_base).origin())
            for item in fresh:
                if str(item.get("download", "")).startswith("/"):
                    item["download"] = origin + item["download"]
                _show_item(self.out, item)

    async def _outbox(self) -> list[dict[str, Any]] | None:
        try:
            async with self.session.get(self.target.api_base + "/_standin/outbox",
                                        params={"touser": self.user}) as response:
                if response.status == 200:
                    return await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError):
            pass
        self.has_outbox = False  # not a stand-in (real WeCom): passive replies only
        return None


def _show_item(out: TextIO, item: dict[str, Any]) -> None:
    kind = item.get("msgtype")
    if kind == "file":
        _say(out, "file", file_name=item.get("file_name", ""), size=item.get("size", 0),
             url=item.get("download", ""))
    elif kind == "textcard":
        _say(out, "textcard", title=item.get("title", ""), text=item.get("description", ""), url=item.get("url", ""))
    else:
        _say(out, "text", text=item.get("text", ""))


def _say(out: TextIO, kind: str, **context: object) -> None:
    out.write(messages.edge("chat", kind=kind, **{"text": "", "url": "", "user": "", **context}) + "\n")
    out.flush()


async def typed_lines(lines: Iterable[str] | None) -> AsyncIterator[str]:
    """What the person types, line by line (the given lines, else the terminal): blank lines skipped, until a quit
    word."""
    async for text in _lines(lines):
        if text.strip() in QUIT_WORDS:
            return
        if text.strip():
            yield text


async def _lines(lines: Iterable[str] | None) -> AsyncIterator[str]:
    if lines is not None:
        for line in lines:
            yield line
        return
    loop = asyncio.get_running_loop()
    while True:
        try:
            yield await loop.run_in_executor(None, input, "> ")
        except (EOFError, KeyboardInterrupt):
            return
