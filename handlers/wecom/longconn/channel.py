"""The long connection as a channel: callback frames in → the same `Incoming` and `CallbackService` as the app's
callback (per-user order, dedup by msgid, one transaction, the durable outbox) → the reply on the frame's req_id.

Message bodies (official SDK types, src/types/message.ts and event.ts of @wecom/aibot-node-sdk): `msgid` (unique
per callback: the dedup key), `from.userid`, `chattype` single | group, `create_time`, `msgtype` text | mixed |
voice | image | file | event, with `text.content`, `mixed.msg_item[]` ({msgtype text|image, text.content}),
`voice.content` (speech already turned into text), `file.url` + `file.aeskey` (see media.py), `event.eventtype` enter_chat | template_card_event
(event_key, task_id) | feedback_event.

Nothing is lost across drops: the reply is sent only after the message's transaction committed; if it cannot be
sent (the connection dropped meanwhile, or WeCom refused the req_id), it is queued in the outbox and goes out by
`aibot_send_msg` once the connection is back. A message WeCom delivers again is answered from the stored reply —
unless that reply already went into the outbox, which then delivers it (once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from bot.incoming import Incoming
from handlers.service import CallbackService, dedup_key, utc_now
from handlers.wecom.cards import chosen_card
from handlers.wecom.longconn.client import Frame, LongConnection, LongConnectionError
from storage import Store

log = logging.getLogger("nianbao.longconn")

CHANNEL = "longconn"
_EVENT_KINDS = {"enter_chat": "enter_agent", "template_card_event": "card"}


def frame_to_incoming(frame: Frame, now: datetime) -> Incoming | None:
    """The engine's Incoming for a callback frame; None for what nianbao does not answer (group chats, feedback)."""
    body = frame.get("body")
    if not isinstance(body, dict):
        return None
    user = str((body.get("from") or {}).get("userid") or "")
    msgid = str(body.get("msgid") or "")
    if not user or not msgid or body.get("chattype", "single") != "single":
        return None
    when = _time(body.get("create_time"), now)
    msgtype = body.get("msgtype")
    if msgtype == "event":
        event = body.get("event") or {}
        kind = _EVENT_KINDS.get(event.get("eventtype", ""))
        if kind is None:
            return None
        tap = event.get("template_card_event") or event  # nested as documented, or flat as the SDKs' types have it
        return Incoming(user, kind, when, text=_selections(tap), event_key=str(tap.get("event_key") or ""),  # type: ignore[arg-type]
                        task_id=str(tap.get("task_id") or ""), message_id=msgid)
    file = _file_of(body)
    if file is not None:  # read by the file-import job: downloaded from its URL, decrypted with its own key
        return Incoming(user, "file", when, text=_text_of(body) or "", file_url=str(file.get("url") or ""),
                        file_key=str(file.get("aeskey") or ""), message_id=msgid)
    text = _text_of(body)
    if text is not None:
        return Incoming(user, "text", when, text=text, message_id=msgid)
    return Incoming(user, "other", when, message_id=msgid)  # images: nianbao reads no pictures


def _file_of(body: dict[str, Any]) -> dict[str, Any] | None:
    """The file of a file message, or the first file item of a mixed one (the documentation lists text and image
    items only; a client that mixes in a file is read the same way)."""
    if body.get("msgtype") == "file":
        file = body.get("file")
        return file if isinstance(file, dict) and file.get("url") else None
    if body.get("msgtype") == "mixed":
        for item in (body.get("mixed") or {}).get("msg_item") or []:
            file = item.get("file") if isinstance(item, dict) and item.get("msgtype") == "file" else None
            if isinstance(file, dict) and file.get("url"):
                return file
    return None


def _text_of(body: dict[str, Any]) -> str | None:
    msgtype = body.get("msgtype")
    if msgtype == "text":
        return str((body.get("text") or {}).get("content") or "")
    if msgtype == "voice":
        return str((body.get("voice") or {}).get("content") or "")
    if msgtype == "mixed":
        items = (body.get("mixed") or {}).get("msg_item") or []
        parts = [str((i.get("text") or {}).get("content") or "") for i in items if i.get("msgtype") == "text"]
        return "\n".join(p for p in parts if p) or None
    return None


def _selections(tap: dict[str, Any]) -> str:
    """A vote card's answers as lines `question_key=id,id` (as the app's callback gives them; empty for buttons)."""
    items = (tap.get("selected_items") or {}).get("selected_item") or []
    lines = []
    for item in items if isinstance(items, list) else [items]:
        if isinstance(item, dict):
            ids = (item.get("option_ids") or {}).get("option_id") or []
            ids = [ids] if isinstance(ids, str) else [str(i) for i in ids]
            lines.append(f"{item.get('question_key', '')}={','.join(ids)}")
    return "\n".join(lines)


def _time(value: Any, now: datetime) -> datetime:
    try:
        return datetime.fromtimestamp(int(value), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return now


class LongConnectionChannel:
    """Hands each callback frame to the service and sends its reply back; `on_queued` wakes the outbox worker."""

    def __init__(self, service: CallbackService, store: Store, *, clock: Callable[[], datetime] = utc_now,
                 on_queued: Callable[[], None] = lambda: None) -> None:
        self.service = service
        self.store = store
        self.clock = clock
        self.on_queued = on_queued
        self.connection: LongConnection | None = None

    async def on_frame(self, frame: Frame) -> None:
        try:
            await self._answer(frame)
        except Exception:
            log.exception("long connection: a callback frame could not be handled")

    async def _answer(self, frame: Frame) -> None:
        incoming = frame_to_incoming(frame, self.clock())
        if incoming is None:
            return
        key = dedup_key(incoming)
        handled = await self.service.handle(incoming, channel=CHANNEL)
        req_id = str((frame.get("headers") or {}).get("req_id") or "")
        if handled.card_update is not None:  # a tap: the card shows the choice; the answer is sent after it
            await self._update_card(req_id, incoming.task_id, handled.card_update)
            if handled.passive:
                await self.service.send_later(incoming, handled.passive)  # once, however often it is delivered
            return
        if not handled.passive:
            return
        fallback = f"{key}#passive"
        if handled.replayed and await self.store.run(self.store.is_queued, fallback):
            return  # the first answer already went into the outbox: it arrives from there, once
        try:
            assert self.connection is not None
            if incoming.kind == "enter_agent":
                await self.connection.respond_welcome(req_id, handled.passive)
            else:
                await self.connection.respond_text(req_id, handled.passive)
        except LongConnectionError as error:
            log.warning("long connection: reply to %s not sent (%s); queued for when the connection is back",
                        key, error)
            await self.store.run(self.store.enqueue, [incoming.user_id], "text", {"content": handled.passive},
                                 self.clock(), fallback)
            self.on_queued()

    async def _update_card(self, req_id: str, task_id: str, label: str) -> None:
        """Within the 5 s WeCom allows; a lost update costs nothing (the answer says what was chosen, and a later
        tap on the card is judged stale by the engine)."""
        try:
            assert self.connection is not None
            await self.connection.respond_update_card(req_id, chosen_card(task_id, label))
        except LongConnectionError as error:
            log.warning("long connection: the tapped card %s was not updated (%s)", task_id, error)
