"""`nianbao chat --channel longconn`: the terminal plays a user's phone on the 智能机器人 long connection.

The demo's gateway stand-in (NIANBAO_DEMO_CHANNEL=longconn) pushes what is typed to the bot as a message callback
and records what the bot shows that user (replies, messages sent unasked, template cards, files); its /_phone/ pages
are this client's way in. A line "点 是" taps the newest card's option 是 (a vote card: "点 1 13" ticks 1 and 13 and
submits); anything else is typed, as on the phone — every card's options can be typed too.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

import aiohttp

from handlers.chat import MAX_WATCH_SECONDS, POLL_SECONDS, SETTLE_SECONDS, _say, typed_lines

_TAP = re.compile(r"^点\s*[:：]?\s*(\S.*)$")  # "点 是", "点：是": tap the newest card


async def run_phone_chat(gateway: str, user: str, lines: Iterable[str] | None, out: TextIO,
                         files: Iterable[Path] = ()) -> int:
    """Like `handlers.chat.run_chat`, over the long connection; 0 when every message got through."""
    failures = 0
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as session:
        phone = _Phone(session, gateway.rstrip("/") + "/_phone", user, out)
        phone.seen = len(await phone.shown())
        _say(out, "intro", url=gateway, user=user)
        for path in files:
            _say(out, "sent_file", file_name=path.name, size=path.stat().st_size)
            failures += not await phone.post("file", path.read_bytes(), name=path.name)
            await phone.show_new()
        async for text in typed_lines(lines):
            tap = _TAP.match(text.strip())
            sent = await phone.tap(tap.group(1)) if tap else await phone.post("say", text.encode("utf-8"))
            failures += not sent
            await phone.show_new()
    return 1 if failures else 0


class _Phone:
    def __init__(self, session: aiohttp.ClientSession, base: str, user: str, out: TextIO) -> None:
        self.session, self.base, self.user, self.out = session, base, user, out
        self.seen = 0
        self.cards: list[dict[str, Any]] = []

    async def post(self, what: str, data: bytes, **params: str) -> bool:
        try:
            async with self.session.post(f"{self.base}/{what}", params={"user": self.user, **params},
                                         data=data) as response:
                if response.status == 200:
                    return True
                _say(self.out, "error", text=f"HTTP {response.status} {await response.text()}")
        except (aiohttp.ClientError, TimeoutError) as error:
            _say(self.out, "error", text=str(error))
        return False

    async def tap(self, words: str) -> bool:
        """Tap the newest card: the option whose key or text is `words`, or the vote options numbered in it."""
        card = self.cards[-1] if self.cards else None
        if card is None:
            _say(self.out, "error", text=words)
            return False
        buttons = card.get("button_list") or []
        choice = next((b["key"] for b in buttons if words in (b["key"], b["text"])), None)
        body: dict[str, Any] = {"task_id": card["task_id"], "key": choice or words}
        if card.get("checkbox"):
            body |= {"key": (card.get("submit_button") or {}).get("key", ""), "selected": words.split()}
        return await self.post("tap", json.dumps(body).encode("utf-8"))

    async def shown(self) -> list[dict[str, Any]]:
        try:
            async with self.session.get(f"{self.base}/shown", params={"user": self.user}) as response:
                return await response.json() if response.status == 200 else []
        except (aiohttp.ClientError, TimeoutError, ValueError):
            return []

    async def show_new(self) -> None:
        """Print what the phone shows from now on, until nothing new has come for a moment."""
        waited = quiet = 0.0
        while waited < MAX_WATCH_SECONDS and quiet < SETTLE_SECONDS:
            await asyncio.sleep(POLL_SECONDS)
            waited += POLL_SECONDS
            items = await self.shown()
            fresh, self.seen = items[self.seen :], len(items)
            quiet = 0.0 if fresh else quiet + POLL_SECONDS
            for item in fresh:
                self._print(item)

    def _print(self, item: dict[str, Any]) -> None:
        if item["msgtype"] == "template_card":
            card = item["card"]
            self.cards.append(card)
            options = [b["text"] for b in card.get("button_list") or []] or [
                o["text"] for o in (card.get("checkbox") or {}).get("option_list") or []]
            hint = card.get("sub_title_text") or (card.get("main_title") or {}).get("desc", "")
            _say(self.out, "card", title=card["main_title"]["title"], text=hint, options=options)
        elif item["msgtype"] == "file":
            _say(self.out, "file", file_name=item["file_name"], size=item["size"])
        else:
            _say(self.out, "reply" if item["via"] == "respond" else "text", text=item["content"])
