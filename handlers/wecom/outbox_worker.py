"""The queue worker: sends the outbox through the WeCom API, with backoff, per-member limits and restart safety.

Delivery rules:
- an item is marked sent only after WeCom accepted it; a crash in between resends it after the restart. Each send is
  recorded (`begin_attempt`) before WeCom is called, so a resend is known as one and asks WeCom's duplicate check
  (`enable_duplicate_check`, interval from `WeComAPI(duplicate_check_interval=…)`) to filter the repeat; a first
  send never asks, since the same text requested twice (预览 twice in ten minutes) must arrive twice. The attempt's
  record waits for the disk; the mark "sent" does not (a power cut before the next commit resends the same way);
- a retryable error (outage, HTTP 5xx, errcode -1, frequency limits) waits 2 s, 4 s, 8 s … at most 10 minutes;
  anything else is marked failed and logged: it will not heal by waiting;
- WeCom silently drops more than 30 messages a minute (1000 an hour) to one member: an item that would exceed it
  is delayed, never dropped;
- the messages of one user keep their order: while one waits for a retry, later ones for that user wait too;
- a user who last wrote through the 智能机器人 long connection is sent to over it (`aibot_send_msg`), everyone else
  through the app's API; while the long connection is down their messages wait (retried every 2 s, never counted
  as an attempt) and go out once it is back. An item for users of both channels that fails half-way is sent again
  to both (the API's duplicate check filters the app's half; the long connection has none);
- a template card (a text item whose payload carries `card`) goes to the long connection's users, and to the app's
  users only with NIANBAO_CARDS (the WeChat plug-in shows no cards): the question's own text has the typed fallback.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta

from bot import messages
from bot.cards import Card
from bot.render import split_for_wecom
from handlers.service import utc_now
from handlers.tasks import wait_for_event
from handlers.wecom.api import MAX_RECIPIENTS, WeComAPI, WeComAPIError
from handlers.wecom.cards import template_card
from handlers.wecom.longconn.client import LongConnection, NotConnected
from storage import OutboxItem, Store

log = logging.getLogger("nianbao.outbox")

FIRST_BACKOFF = timedelta(seconds=2)
MAX_BACKOFF = timedelta(minutes=10)
LIMIT_DELAY = timedelta(seconds=5)
PER_MINUTE, PER_HOUR = 30, 1000
IDLE_SECONDS = 30.0
BATCH = 50
ROUNDS = 20  # batches in one run_once
# long enough to cover a restart after a crash; only resends ask for the check, so nothing asked for twice is lost
DUPLICATE_CHECK_INTERVAL = 600

Wait = Callable[[asyncio.Event, float], Awaitable[None]]


def backoff(attempts: int) -> timedelta:
    """2 s after the first failure, doubling, capped at 10 minutes."""
    return min(FIRST_BACKOFF * (2 ** min(attempts, 20)), MAX_BACKOFF)


class OutboxWorker:
    def __init__(
        self,
        store: Store,
        api: WeComAPI,
        *,
        clock: Callable[[], datetime] = utc_now,
        wait: Wait = wait_for_event,
        batch: int = BATCH,
        longconn: LongConnection | None = None,
        app_channel: bool = True,
        app_cards: bool = False,
    ) -> None:
        self.store = store
        self.api = api
        self.longconn = longconn
        self.app_channel = app_channel  # False: the long connection is the only channel, everyone is sent to over it
        self.app_cards = app_cards  # NIANBAO_CARDS: the app's users get template cards too (not the WeChat plug-in)
        self.clock = clock
        self.wait = wait
        self.batch = batch
        self._wake = asyncio.Event()
        # user → until when their messages wait, because an earlier one to them is waiting for a retry
        self._held: dict[str, datetime] = {}

    def wake(self) -> None:
        """Something was queued: look at the outbox now instead of at the next timer tick."""
        self._wake.set()

    async def run_forever(self) -> None:
        """The background task of `nianbao serve`: pending rows from before a restart are picked up at once."""
        while True:
            self._wake.clear()
            try:
                await self.run_once()
                delay = await self._idle_seconds()
            except Exception:
                log.exception("outbox round failed")
                delay = FIRST_BACKOFF.total_seconds()
            if delay > 0:
                await self.wait(self._wake, delay)
            else:
                await asyncio.sleep(0)

    async def run_once(self) -> int:
        """Send every item due now; how many were sent."""
        now = self.clock()
        self._held = {user: until for user, until in self._held.items() if until > now}
        sent = 0
        for _ in range(ROUNDS):  # a message held behind an earlier one is due once that one is sent
            items = await self.store.run(self.store.due_outbox, now, self.batch)
            delivered = 0
            for item in items:
                delivered += await self._deliver(item, now)
            sent += delivered
            if not delivered:
                break
        return sent

    async def _idle_seconds(self) -> float:
        next_at = await self.store.run(self.store.next_outbox_time)
        if next_at is None:
            return IDLE_SECONDS
        return min(max((next_at - self.clock()).total_seconds(), 0.0), IDLE_SECONDS)

    async def _deliver(self, item: OutboxItem, now: datetime) -> bool:
        held = [self._held[u] for u in item.touser if u in self._held]
        if held:
            await self._retry(item, max(held), messages.text("storage", "held_for_earlier"))
            return False
        if "card" in item.payload and not self.app_cards and not (await self._by_channel(item.touser))[1]:
            await self.store.run(self.store.mark_unshown, item.id)  # nobody it is for sees cards
            return True  # done with: what waited behind it is due now
        if await self.store.run(self._over_limit, item.touser, now):
            await self._retry(item, now + LIMIT_DELAY, messages.text("storage", "over_rate_limit"))
            return False
        try:
            await self._send(item)
        except WeComAPIError as error:
            if not error.retryable:
                return await self._fail(item, str(error))
            await self._retry(item, now + backoff(item.attempts), str(error))
            return False
        except ValueError as error:  # the item itself is malformed: no retry will fix it
            return await self._fail(item, str(error))
        except Exception as error:
            log.exception("outbox item %s: unexpected error", item.id)
            await self._retry(item, now + backoff(item.attempts), repr(error))
            return False
        await self.store.run(self.store.mark_sent, item.id, self.clock())
        return True

    def _over_limit(self, users: Sequence[str], now: datetime) -> bool:
        minute, hour = now - timedelta(minutes=1), now - timedelta(hours=1)
        return any(
            self.store.sent_since(u, minute) >= PER_MINUTE or self.store.sent_since(u, hour) >= PER_HOUR
            for u in users
        )

    async def _send(self, item: OutboxItem) -> None:
        payload = item.payload
        if item.msgtype not in ("text", "textcard", "file"):
            raise ValueError(f"unknown msgtype {item.msgtype!r}")
        app_users, bot_users = await self._by_channel(item.touser)
        if bot_users and (self.longconn is None or not self.longconn.up):
            raise NotConnected("the long connection is down")  # before begin_attempt: nothing was tried
        # tried before (a crash, a timeout, an error after WeCom took it): it may have arrived, let WeCom filter it
        resend = item.attempts > 0
        await self.store.run(self.store.begin_attempt, item.id)
        for n, user in enumerate(bot_users):
            await self._send_longconn(user, item, n)
        if not app_users:
            return
        if "card" in payload:  # a card under a question: only where the client shows cards; the question's text
            if self.app_cards:  # already says how to answer by typing
                await self.api.send_template_card(app_users, template_card(Card.from_json(payload["card"]),
                                                                           str(item.id)), duplicate_check=resend)
        elif item.msgtype == "text":
            await self.api.send_text(app_users, payload["content"], duplicate_check=resend)
        elif item.msgtype == "textcard":
            await self.api.send_textcard(app_users, payload["title"], payload["description"], payload["url"],
                                         payload.get("btntxt") or messages.text("storage", "card_button"),
                                         duplicate_check=resend)
        else:
            media_id = await self.api.upload_media(payload["file_name"], item.file_bytes or b"")
            await self.api.send_file(app_users, media_id, duplicate_check=resend)

    async def _by_channel(self, users: list[str]) -> tuple[list[str], list[str]]:
        """(users reached through the app's API, users reached over the long connection)."""
        if self.longconn is None:
            return users, []
        if not self.app_channel:
            return [], users
        channels = await self.store.run(self.store.channels_of, users)
        return [u for u in users if channels[u] != "longconn"], [u for u in users if channels[u] == "longconn"]

    async def _send_longconn(self, user: str, item: OutboxItem, n: int) -> None:
        assert self.longconn is not None
        payload = item.payload
        if "card" in payload:  # a task id is used once per bot: one per recipient
            await self.longconn.send_card(user, template_card(Card.from_json(payload["card"]), f"{item.id}_{n}"))
        elif item.msgtype == "text":
            await self.longconn.send_markdown(user, payload["content"])
        elif item.msgtype == "textcard":
            await self.longconn.send_markdown(user, messages.text(
                "storage", "card_markdown", title=payload["title"], description=payload["description"],
                url=payload["url"], button=payload.get("btntxt") or messages.text("storage", "card_button")))
        else:
            await self.longconn.send_file(user, payload["file_name"], item.file_bytes or b"")

    async def _retry(self, item: OutboxItem, next_at: datetime, reason: str) -> None:
        for user in item.touser:
            self._held[user] = max(next_at, self._held.get(user, next_at))
        log.warning("outbox item %s to %s deferred until %s: %s", item.id, "|".join(item.touser[:3]),
                    next_at.isoformat(timespec="seconds"), reason)
        await self.store.run(self.store.mark_retry, item.id, next_at, reason)

    async def _fail(self, item: OutboxItem, reason: str) -> bool:
        log.error("outbox item %s to %s failed for good: %s", item.id, "|".join(item.touser[:3]), reason)
        await self.store.run(self.store.mark_failed, item.id, reason)
        return False


def queue_text(store: Store, userids: Sequence[str], text: str, now: datetime, key: str | None = None) -> list[int]:
    """Queue one text for many users: `touser` batches of up to 1000 ids, the text split into ≤2048-byte parts."""
    ids: list[int] = []
    parts = split_for_wecom(text)
    for b, start in enumerate(range(0, len(userids), MAX_RECIPIENTS)):
        batch = list(userids[start : start + MAX_RECIPIENTS])
        for p, part in enumerate(parts):
            dedup = None if key is None else f"{key}#{b}.{p}"
            ids.append(store.enqueue(batch, "text", {"content": part}, now, dedup_key=dedup))
    return ids
