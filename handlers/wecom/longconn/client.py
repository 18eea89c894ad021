"""The WeCom 智能机器人 long connection: one outbound WebSocket to WeCom's gateway, kept alive.

The frames (JSON text frames `{"cmd", "headers": {"req_id"}, "body"}`), as documented on 企业微信开发者中心 →
智能机器人 → 智能机器人长连接 (https://developer.work.weixin.qq.com/document/path/101463) and implemented by the
official SDKs (@wecom/aibot-node-sdk `src/ws.ts`, `src/types/*.ts`; PyPI wecom-aibot-sdk `ws.py`, `client.py`):

- `aibot_subscribe` {bot_id, secret} right after the WebSocket opens; WeCom answers a frame without `cmd` carrying
  the same `headers.req_id` and `errcode` (0 = authenticated). Every request we send is answered that way.
- `ping` (no body) every 30 s; two acks missed in a row mean the connection is dead (the SDKs' `maxMissedPong`).
- WeCom → us: `aibot_msg_callback` (messages) and `aibot_event_callback` (events, body.event.eventtype); an event
  `disconnected_event` means another connection for this bot has been opened and this one is being closed: the
  SDKs stop reconnecting then (a reconnect would only take the connection back from the other instance).
- us → WeCom: `aibot_respond_msg` with the callback's own req_id (a reply to that message; to an enter_chat event
  `aibot_respond_welcome_msg` {msgtype text}, within 5 s; to a template_card_event `aibot_respond_update_msg`
  {response_type update_template_card, template_card with the event's task_id}, within 5 s), `aibot_send_msg`
  {chatid, msgtype markdown | template_card, …} (a message nobody asked for; chatid = the userid in a single chat),
  `aibot_upload_media_init` {type, filename, total_size, total_chunks, md5} → body.upload_id,
  `aibot_upload_media_chunk` {upload_id, chunk_index, base64_data} (≤512 KB a chunk, ≤100 chunks),
  `aibot_upload_media_finish` {upload_id} → body.media_id.
- After any drop: reconnect with exponential backoff, 1 s doubling to at most 30 s (the SDKs' defaults), reset once
  authenticated again.

This module knows frames and the socket only; what a message means is `channel.py`'s business.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import json
import logging
import math
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from handlers.tasks import stop_task
from handlers.wecom.api import TRANSPORT_ERRCODE, WeComAPIError

log = logging.getLogger("nianbao.longconn")

SUBSCRIBE, PING = "aibot_subscribe", "ping"
MSG_CALLBACK, EVENT_CALLBACK = "aibot_msg_callback", "aibot_event_callback"
RESPOND, SEND = "aibot_respond_msg", "aibot_send_msg"
RESPOND_WELCOME = "aibot_respond_welcome_msg"
RESPOND_UPDATE = "aibot_respond_update_msg"
UPLOAD_INIT, UPLOAD_CHUNK, UPLOAD_FINISH = "aibot_upload_media_init", "aibot_upload_media_chunk", \
    "aibot_upload_media_finish"
DISCONNECTED_EVENT = "disconnected_event"
CHUNK_BYTES, MAX_CHUNKS = 512 * 1024, 100

Frame = dict[str, Any]


@dataclass(frozen=True)
class Timing:
    """How the connection keeps itself alive (tests shrink every number)."""

    heartbeat: float = 30.0  # seconds between pings
    missed_acks: int = 2  # pings without an ack before the connection counts as dead
    first_backoff: float = 1.0
    max_backoff: float = 30.0
    ack_timeout: float = 5.0  # seconds to wait for WeCom's answer to one request

    def backoff(self, attempt: int) -> float:
        """The wait before reconnect attempt `attempt` (1, 2, …): 1 s, 2 s, 4 s … at most 30 s."""
        return min(self.first_backoff * 2 ** min(attempt - 1, 30), self.max_backoff)


DEFAULT_TIMING = Timing()


class LongConnectionError(WeComAPIError):
    """A request over the long connection failed; `retryable` unless WeCom refused it with an errcode."""

    def __init__(self, message: str, errcode: int = TRANSPORT_ERRCODE, retryable: bool = True) -> None:
        super().__init__(errcode, message, retryable)


class NotConnected(LongConnectionError):
    """The connection is down right now: nothing was sent."""


def new_req_id(prefix: str) -> str:
    # the SDKs prefix req_ids with the command; WeCom echoes them back unchanged
    return f"{prefix}_{secrets.token_hex(8)}"


class LongConnection:
    """Connects, authenticates, pings, reconnects; `request()` sends a frame and waits for WeCom's answer.

    `on_frame(frame)` is called for every callback frame (a task per frame, started in arrival order);
    `on_up()` each time the connection is authenticated (the outbox may now send what waited for it).
    """

    def __init__(
        self,
        url: str,
        bot_id: str,
        secret: str,
        on_frame: Callable[[Frame], Awaitable[None]],
        *,
        on_up: Callable[[], None] = lambda: None,
        timing: Timing = DEFAULT_TIMING,
    ) -> None:
        self.url = url
        self._bot_id = bot_id
        self._secret = secret
        self._on_frame = on_frame
        self._on_up = on_up
        self.timing = timing
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._authenticated = asyncio.Event()
        self._pending: dict[str, asyncio.Future[Frame]] = {}
        self._tasks: set[asyncio.Task] = set()
        self._missed = 0
        self.displaced = False  # another instance took the bot's connection: we stopped
        self.connects = 0  # authenticated connections so far (for /metrics and the tests)

    @property
    def up(self) -> bool:
        return self._authenticated.is_set()

    async def run_forever(self) -> None:
        """Connect and stay connected until cancelled, or until another instance takes the connection over."""
        attempt = 0
        async with aiohttp.ClientSession() as session:
            while not self.displaced:
                try:
                    if await self._session(session):
                        attempt = 0  # it was up: the next drop starts the backoff afresh
                except asyncio.CancelledError:
                    raise
                except Exception as error:  # refused, unreachable, broken frames: all the same, try again later
                    log.warning("long connection to %s failed: %s", self.url, error)
                if self.displaced:
                    break
                attempt += 1
                delay = self.timing.backoff(attempt)
                log.info("long connection down; reconnecting in %.1f s (attempt %d)", delay, attempt)
                await asyncio.sleep(delay)
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _session(self, session: aiohttp.ClientSession) -> bool:
        """One connection, from connect to drop; whether it was authenticated."""
        async with session.ws_connect(self.url, autoping=True, heartbeat=None) as ws:
            self._ws = ws
            self._missed = 0
            reader = asyncio.create_task(self._read(ws))
            heart: asyncio.Task | None = None
            try:
                await self.request(SUBSCRIBE, {"bot_id": self._bot_id, "secret": self._secret}, require_auth=False)
                self._authenticated.set()
                self.connects += 1
                log.info("long connection to %s authenticated as bot %s", self.url, self._bot_id)
                heart = asyncio.create_task(self._heartbeat(ws))
                self._on_up()
                await reader
                return True
            except LongConnectionError as error:
                if not error.retryable:
                    log.error("long connection refused the bot's credentials (WECOM_BOT_ID / WECOM_BOT_SECRET): %s",
                              error)
                raise
            finally:
                self._authenticated.clear()
                self._ws = None
                for task in (heart, reader):
                    if task is not None and not task.done():
                        await stop_task(task)
                self._fail_pending()

    async def _read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        async for message in ws:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue  # the gateway speaks JSON text frames only; aiohttp answers protocol pings itself
            try:
                frame = json.loads(message.data)
            except ValueError:
                log.warning("long connection: a frame that is not JSON was ignored")
                continue
            if not isinstance(frame, dict):
                continue
            await self._dispatch(ws, frame)

    async def _dispatch(self, ws: aiohttp.ClientWebSocketResponse, frame: Frame) -> None:
        cmd = frame.get("cmd")
        if cmd in (MSG_CALLBACK, EVENT_CALLBACK):
            event = (frame.get("body") or {}).get("event") or {}
            if cmd == EVENT_CALLBACK and event.get("eventtype") == DISCONNECTED_EVENT:
                self.displaced = True
                log.error("another instance has taken over bot %s's long connection; this one stops and will not "
                          "reconnect (run only one nianbao serve with WECOM_BOT_ID, then restart it)", self._bot_id)
                await ws.close()
                return
            task = asyncio.create_task(self._on_frame(frame))  # tasks start in creation order: arrival order holds
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            return
        req_id = str((frame.get("headers") or {}).get("req_id") or "")
        waiting = self._pending.pop(req_id, None)
        if waiting is not None and not waiting.done():
            waiting.set_result(frame)
        elif req_id.startswith(PING + "_"):
            self._missed = 0
        else:
            log.debug("long connection: an answer nobody waits for (req_id %s)", req_id)

    async def _heartbeat(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        while True:
            await asyncio.sleep(self.timing.heartbeat)
            if self._missed >= self.timing.missed_acks:
                log.warning("long connection: %d heartbeats unanswered, treating the connection as dropped",
                            self._missed)
                await ws.close()
                return
            self._missed += 1
            with contextlib.suppress(ConnectionError, RuntimeError):
                await ws.send_str(json.dumps({"cmd": PING, "headers": {"req_id": new_req_id(PING)}}))

    def _fail_pending(self) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(LongConnectionError("the long connection dropped before WeCom answered"))
        self._pending.clear()

    # -- requests ------------------------------------------------------------------------------------------------

    async def request(self, cmd: str, body: dict[str, Any], req_id: str | None = None, *,
                      require_auth: bool = True) -> Frame:
        """Send one frame and wait for WeCom's answer to it; raise LongConnectionError unless errcode is 0."""
        ws = self._ws
        if ws is None or ws.closed or (require_auth and not self.up):
            raise NotConnected("the long connection is down")
        req_id = req_id or new_req_id(cmd)
        if req_id in self._pending:
            raise LongConnectionError(f"a request with req_id {req_id} is already waiting")
        future: asyncio.Future[Frame] = asyncio.get_running_loop().create_future()
        self._pending[req_id] = future
        try:
            await ws.send_str(json.dumps({"cmd": cmd, "headers": {"req_id": req_id}, "body": body},
                                         ensure_ascii=False))
            async with asyncio.timeout(self.timing.ack_timeout):  # (asyncio.wait_for can lose a cancellation)
                answer = await future
        except (TimeoutError, ConnectionError, RuntimeError) as error:
            raise LongConnectionError(f"{cmd}: no answer from WeCom ({error!r})") from None
        finally:
            self._pending.pop(req_id, None)
        errcode = answer.get("errcode", 0)
        if errcode:
            raise LongConnectionError(f"{cmd}: errcode {errcode} {answer.get('errmsg', '')}", errcode, False)
        return answer

    async def respond_text(self, req_id: str, text: str) -> None:
        """The reply to one message: a finished stream message on the message's own req_id."""
        stream = {"id": new_req_id("stream"), "finish": True, "content": text}
        await self.request(RESPOND, {"msgtype": "stream", "stream": stream}, req_id)

    async def respond_welcome(self, req_id: str, text: str) -> None:
        """The reply to an enter_chat event (the SDKs' reply_welcome: text, within 5 s of the event)."""
        await self.request(RESPOND_WELCOME, {"msgtype": "text", "text": {"content": text}}, req_id)

    async def send_markdown(self, userid: str, text: str) -> None:
        """A message nobody asked for (a reply sent later, a reminder, a notice): markdown is the text type here."""
        await self.request(SEND, {"chatid": userid, "msgtype": "markdown", "markdown": {"content": text}})

    async def respond_update_card(self, req_id: str, card: dict[str, Any]) -> None:
        """The tapped card replaced, on the tap event's own req_id (the SDKs' updateTemplateCard)."""
        await self.request(RESPOND_UPDATE, {"response_type": "update_template_card", "template_card": card}, req_id)

    async def send_card(self, userid: str, card: dict[str, Any]) -> None:
        await self.request(SEND, {"chatid": userid, "msgtype": "template_card", "template_card": card})

    async def send_file(self, userid: str, file_name: str, data: bytes) -> None:
        media_id = await self.upload(file_name, data)
        await self.request(SEND, {"chatid": userid, "msgtype": "file", "file": {"media_id": media_id}})

    async def upload(self, file_name: str, data: bytes, kind: str = "file") -> str:
        """Temporary media in chunks (init → chunk × N → finish); the media_id."""
        chunks = max(1, math.ceil(len(data) / CHUNK_BYTES))
        if chunks > MAX_CHUNKS:
            raise LongConnectionError(f"{file_name}: {len(data)} bytes is more than {MAX_CHUNKS} chunks",
                                      retryable=False)
        init = await self.request(UPLOAD_INIT, {"type": kind, "filename": file_name, "total_size": len(data),
                                                "total_chunks": chunks, "md5": hashlib.md5(data).hexdigest()})
        upload_id = (init.get("body") or {}).get("upload_id")
        if not upload_id:
            raise LongConnectionError(f"{UPLOAD_INIT}: no upload_id in the answer")
        for index in range(chunks):
            piece = data[index * CHUNK_BYTES : (index + 1) * CHUNK_BYTES]
            await self.request(UPLOAD_CHUNK, {"upload_id": upload_id, "chunk_index": index,
                                              "base64_data": base64.b64encode(piece).decode("ascii")})
        finish = await self.request(UPLOAD_FINISH, {"upload_id": upload_id})
        media_id = (finish.get("body") or {}).get("media_id")
        if not media_id:
            raise LongConnectionError(f"{UPLOAD_FINISH}: no media_id in the answer")
        return media_id
