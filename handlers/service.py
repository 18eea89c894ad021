"""The seam between the WeCom edge and the conversation engine: dedup, per-user order, one transaction per message.

Every decrypted message becomes an `Incoming` and goes through `CallbackService.handle`:

1. it waits for its user's turn (one message per user at a time, in arrival order; other users are not held up);
2. it joins the next batch (group commit): the messages that arrived while the previous batch was being written
   are processed together in the SQLite worker thread, in ONE transaction, each inside its own savepoint: if this
   message id was answered before, the stored passive reply is returned and nothing else happens; otherwise the
   engine runs, and whatever it wrote (state, answers, jobs), the outbound messages and the dedup record with the
   passive reply are written together — an engine error rolls back that message's savepoint only;
3. after the one COMMIT (synchronous=FULL: durable once it returns) every message of the batch is answered: the
   passive reply (the first text, at most 2048 bytes) goes back; everything else is in the outbox.

Nothing is acknowledged before it is durable, and a batch costs one fsync however many messages it holds.

A WeCom retry (same MsgId, or the same event key) is therefore a lookup, never a second engine call, even when it
arrives while the first delivery is still being processed: it queues behind it for the same user.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.incoming import Incoming, Reply
from bot.messages import edge
from bot.render import split_for_wecom
from storage import Store, User
from storage.outbox import Channel

log = logging.getLogger("nianbao.service")

PASSIVE_LIMIT = 2048
MAX_BATCH = 256  # messages in one transaction; more wait for the next (a batch stays well under WeCom's 5 s)


class Engine(Protocol):
    """The conversation engine as the edge sees it.

    Called in the storage worker thread, inside the transaction that also stores the dedup record and the outbox
    rows: read and write through `store` (its methods join the open transaction), never await, never do network
    I/O. Raising rolls everything back and the user gets a polite "try again"; the message is not marked seen, so
    WeCom's retry runs it again.
    """

    def __call__(self, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]: ...


@dataclass(frozen=True)
class Handled:
    passive: str | None  # the text of the passive reply; None → answer HTTP 200 with an empty body
    queued: int  # rows added to the outbox
    replayed: bool  # a retry answered from the dedup record
    card_update: str | None = None  # a card tap: what the tapped card now shows (the edge updates it on the tap)


@dataclass(slots=True)
class _Waiting:
    incoming: Incoming
    key: str
    future: asyncio.Future[Handled]
    since: float  # loop time it joined the queue
    channel: Channel = "app"


def utc_now() -> datetime:
    return datetime.now(UTC)


class UserTurns:
    """Each user's messages one at a time, in arrival order (other users are not held up).

    Per user holding the turn: the messages waiting for it, each a future given the turn in order. A user nobody
    writes for has no entry; an uncontended turn costs a dict entry, no lock, no future, no wake-up.
    """

    def __init__(self) -> None:
        self._queues: dict[str, deque[asyncio.Future[None]]] = {}

    async def take(self, user: str) -> None:
        queue = self._queues.get(user)
        if queue is None:
            self._queues[user] = deque()
            return
        turn = asyncio.get_running_loop().create_future()
        queue.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if not turn.cancelled():  # given the turn just as it was cancelled: pass it on
                self.give_back(user)
            elif turn in queue:  # gave up waiting (unless the turn came by meanwhile and skipped it)
                queue.remove(turn)
            raise

    def give_back(self, user: str) -> None:
        queue = self._queues[user]
        while queue:
            turn = queue.popleft()
            if not turn.done():  # not cancelled while waiting
                turn.set_result(None)
                return
        del self._queues[user]

    def waiting(self, user: str) -> int:
        """Messages of this user being handled or waiting for their turn."""
        queue = self._queues.get(user)
        return 0 if queue is None else 1 + len(queue)

    def __len__(self) -> int:
        return len(self._queues)


class CallbackService:
    def __init__(
        self,
        store: Store,
        engine: Engine,
        *,
        clock: Callable[[], datetime] = utc_now,
        on_queued: Callable[[], None] = lambda: None,
        after_commit: Callable[[list[Handled]], None] | None = None,
        max_batch: int = MAX_BATCH,
        app_cards: bool = True,
    ) -> None:
        self.store = store
        self.engine = engine
        self.clock = clock
        self.on_queued = on_queued
        self.after_commit = after_commit
        self.max_batch = max_batch
        self.app_cards = app_cards  # NIANBAO_CARDS: the app's users see template cards (the WeChat plug-in shows none)
        self.turns = UserTurns()
        self._waiting: list[_Waiting] = []
        self._writer: asyncio.Task | None = None
        self.last_batch = 0.0  # loop time the last batch was written
        self.batches = 0  # committed batches, and the messages in them (for /metrics)
        self.batched = 0

    @property
    def waiting(self) -> int:
        """Messages waiting for the next batch."""
        return len(self._waiting)

    def busy(self, quiet: float = 0.1) -> bool:
        """Messages are waiting, or a batch was written less than `quiet` seconds ago (background work that shares
        the storage thread waits for a quiet moment)."""
        return bool(self._waiting) or asyncio.get_running_loop().time() - self.last_batch < quiet

    def oldest_wait(self, now: float) -> float:
        """Seconds the oldest waiting message has waited for its batch (0 when none waits): the storage lag."""
        return now - self._waiting[0].since if self._waiting else 0.0

    async def handle(self, incoming: Incoming, channel: Channel = "app") -> Handled:
        """`channel` is the way the message came (the app's callback, or the long connection): what is queued for
        this user from now on goes out the same way. The engine never sees it."""
        key = dedup_key(incoming)
        # no await before the turn is taken: arrival order is the order handle() was called in
        await self.turns.take(incoming.user_id)
        try:
            return await self._in_next_batch(incoming, key, channel)
        finally:
            self.turns.give_back(incoming.user_id)

    async def send_later(self, incoming: Incoming, text: str) -> None:
        """The passive reply to `incoming` through the outbox instead (it cannot go back on the request itself: a
        card tap's answer is the card's update). Queued once, however often the message is delivered."""
        await self.store.run(self.store.enqueue, [incoming.user_id], "text", {"content": text}, self.clock(),
                             f"{dedup_key(incoming)}#passive")
        self.on_queued()

    async def _in_next_batch(self, incoming: Incoming, key: str, channel: Channel) -> Handled:
        loop = asyncio.get_running_loop()
        waiting = _Waiting(incoming, key, loop.create_future(), loop.time(), channel)
        self._waiting.append(waiting)
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_batches())
        # a client that hangs up cancels this wait and its future, never the message: the queue and the batch hold
        # it, not the future, and a cancelled future is simply not answered
        return await waiting.future

    async def _write_batches(self) -> None:
        """Write batches until nobody waits: each takes everything that arrived while the last one was written."""
        while self._waiting:
            batch, self._waiting = self._waiting[: self.max_batch], self._waiting[self.max_batch :]
            try:
                results = await self.store.run(self._process_batch, [(w.incoming, w.key, w.channel) for w in batch])
                if self.after_commit is not None:
                    self.after_commit(results)
            except BaseException as error:  # the batch did not commit: nothing of it happened
                log.exception("a batch of %d messages could not be committed", len(batch))
                results = [Handled(edge("engine_error"), 0, False)] * len(batch)
                if isinstance(error, asyncio.CancelledError):
                    for w in batch:
                        if not w.future.done():
                            w.future.cancel()
                    raise
            self.batches += 1
            self.batched += len(batch)
            self.last_batch = asyncio.get_running_loop().time()
            for w, handled in zip(batch, results, strict=True):
                if not w.future.done():
                    w.future.set_result(handled)
            # once a batch, not once a message: the engine may have queued messages to other people too (notices,
            # reminders), and a replayed message queued nothing
            if any(handled.queued or not handled.replayed for handled in results):
                self.on_queued()

    # -- in the storage worker thread ----------------------------------------------------------------------------

    def _process_batch(self, batch: list[tuple[Incoming, str, Channel]]) -> list[Handled]:
        """One transaction, one savepoint per message, one COMMIT: the batch is durable when this returns."""
        with self.store.transaction():
            return [self._process(incoming, key, channel) for incoming, key, channel in batch]

    def _process(self, incoming: Incoming, key: str, channel: Channel = "app") -> Handled:
        now = self.clock()
        try:
            with self.store.transaction():  # a savepoint inside the batch's transaction
                self.store.note_channel(incoming.user_id, channel, now)
                stored = self.store.seen(key)
                if stored is not None:
                    return Handled(_first_text(stored), 0, True, _first_text(stored, "card_update"))
                replies = self._replies(incoming, now)
                update = next((r.text for r in replies if r.kind == "card_update"), None)
                replies = [r for r in replies if r.kind != "card_update" and self._shown(r, channel)]
                queued = enqueue_deferred(self.store, incoming.user_id, replies, now, key)
                sent = [r for r in replies if r.deferred is None]
                # a tap's answer cannot go back on the request (the card's update does): all of it goes through the
                # outbox now, in order — sent after the request, its text had arrived after the card that follows it
                passive, outbound = (None, [r for r in sent if _has_content(r)]) if update else split_passive(sent)
                queued += enqueue_replies(self.store, incoming.user_id, outbound, now, key)
                remembered = [{"kind": "text", "text": passive}] if passive else []
                if update:
                    remembered.append({"kind": "card_update", "text": update})
                self.store.remember(key, remembered, now)
                return Handled(passive, queued, False, update)
        except Exception:
            log.exception("message %s of %s could not be handled", key, incoming.user_id)
            return Handled(edge("engine_error"), 0, False)

    def _shown(self, reply: Reply, channel: Channel) -> bool:
        # a card to someone writing through an app that shows none is not even queued: the question's own text
        # says how to answer by typing (queued, it cost a write and a commit of its own to set aside)
        return reply.kind != "card" or channel != "app" or self.app_cards

    def _replies(self, incoming: Incoming, now: datetime) -> list[Reply]:
        user = self.store.user(incoming.user_id)
        if user is None or not user.active:
            self.store.log_unknown_user(incoming.user_id, now)
            log.warning("message from unknown WeCom user %r", incoming.user_id)
            return [Reply(unknown_user_text(self.store, incoming.user_id))]
        return self.engine(self.store, user, incoming, now)


def dedup_key(incoming: Incoming) -> str:
    # MsgId for messages; FromUserName|CreateTime|Event… for events (see to_incoming); never empty
    return incoming.message_id or f"{incoming.user_id}|{int(incoming.time.timestamp())}|{incoming.kind}"


def unknown_user_text(store: Store, userid: str = "") -> str:
    """Whom to ask, and the account id to give them: the admin adds exactly this userid (see 未登记)."""
    return edge("unknown_user", admins=[admin.name for admin in store.admins()], userid=userid)


def split_passive(replies: list[Reply]) -> tuple[str | None, list[Reply]]:
    """The passive reply (the first part of a leading text reply) and what must go through the API, in order."""
    if not replies or replies[0].kind != "text" or not replies[0].text:
        return None, [r for r in replies if _has_content(r)]
    first, *rest = split_for_wecom(replies[0].text, PASSIVE_LIMIT)
    return first, [Reply(part) for part in rest] + [r for r in replies[1:] if _has_content(r)]


def _has_content(reply: Reply) -> bool:
    return bool(reply.text or reply.file_bytes or reply.title or reply.card)


def enqueue_replies(store: Store, userid: str, replies: list[Reply], now: datetime, key: str) -> int:
    """Queue replies to one user, text split into ≤2048-byte parts; dedup keys `<message key>#<n>`."""
    rows = [row for reply in replies for row in _outbox_rows(reply)]
    for n, (msgtype, payload, data) in enumerate(rows, start=1):
        store.enqueue([userid], msgtype, payload, now, dedup_key=f"{key}#{n}", file_bytes=data)
    return len(rows)


def enqueue_deferred(store: Store, userid: str, replies: list[Reply], now: datetime, key: str) -> int:
    """Queue the jobs that deferred replies stand for (in the message's transaction); dedup keys `<key>#job<n>`."""
    deferred = [r for r in replies if r.deferred is not None]
    for n, reply in enumerate(deferred, start=1):
        job = reply.deferred
        assert job is not None
        args = {**job.args, "userid": userid, **({"file_name": reply.file_name} if reply.file_name else {})}
        store.enqueue_job(job.kind, args, now, dedup_key=f"{key}#job{n}", data=job.data or None)
    return len(deferred)


def _outbox_rows(reply: Reply) -> list[tuple[Any, dict[str, Any], bytes | None]]:
    if reply.kind == "file":
        return [("file", {"file_name": reply.file_name or "附件"}, reply.file_bytes)]
    if reply.kind == "card":  # a text item carrying the card: the outbox sends the card where the client shows it
        return [("text", {"content": reply.card.hint, "card": reply.card.to_json()}, None)]
    if reply.kind == "textcard":
        card = {"title": reply.title, "description": reply.text, "url": reply.url, "btntxt": "详情"}
        return [("textcard", card, None)]
    return [("text", {"content": part}, None) for part in split_for_wecom(reply.text, PASSIVE_LIMIT)]


def _first_text(stored: list[dict[str, Any]], kind: str = "text") -> str | None:
    return next((r.get("text") for r in stored if r.get("kind") == kind and r.get("text")), None)
