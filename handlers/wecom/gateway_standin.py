"""A local stand-in for WeCom's 智能机器人 long-connection gateway (wss://openws.work.weixin.qq.com), for the tests
and the demo: an aiohttp WebSocket server speaking the frames of handlers.wecom.longconn.client (see its docstring
for where they are documented).

It plays WeCom and the users' phones at once: `user_says` pushes an `aibot_msg_callback` as if a user typed,
`user_sends_file` a file message (the content encrypted with a key of its own, served at /media/… for five
minutes), `user_taps` a template-card tap (cards are updated after it with aibot_respond_update_msg), and what the bot answers (`aibot_respond_msg`) or sends (`aibot_send_msg`, files through the chunked
upload) is recorded per user as that user's phone would show it. The fault knobs: `answer_pings = False`
(heartbeats go unanswered), `drop()` (the gateway closes the connection), `outage` (no connection is accepted),
`drop_on_reply` (the connection is cut while a reply is in flight: the reply is lost), `drop_on_chunk` (cut in the
middle of a file's chunked upload), `redeliver(msgid)` (the
same message again with a new req_id, as after a reconnect), and a second subscription for the same bot takes the
connection over the way WeCom does (`disconnected_event` to the old one, then it is closed).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import itertools
import json
import secrets
import time
import urllib.parse
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from handlers.wecom.longconn.client import (
    DISCONNECTED_EVENT,
    EVENT_CALLBACK,
    MSG_CALLBACK,
    PING,
    RESPOND,
    RESPOND_UPDATE,
    RESPOND_WELCOME,
    SEND,
    SUBSCRIBE,
    UPLOAD_CHUNK,
    UPLOAD_FINISH,
    UPLOAD_INIT,
)
from handlers.wecom.longconn.media import encrypt_media, new_aeskey

PHONE_PATIENCE = 15.0  # seconds a phone's message waits for the bot to be connected
MEDIA_SECONDS = 300.0  # a file's download URL lives five minutes
BAD_CREDENTIALS = 40058  # the stand-in's own code for a refused subscription; WeCom's own code is not documented


@dataclass
class Shown:
    """One message as the user's phone shows it."""

    via: str  # "respond" (a reply to a message) or "send" (sent unasked)
    msgtype: str
    content: str = ""
    msgid: str = ""  # the message answered (respond only)
    file_name: str = ""
    data: bytes = b""
    card: dict[str, Any] = field(default_factory=dict)  # a template card, as last updated after a tap


@dataclass
class _Served:
    name: str
    encrypted: bytes
    until: float  # time.monotonic() after which the URL has expired


@dataclass
class _Upload:
    filename: str
    total_size: int
    total_chunks: int
    md5: str
    chunks: dict[int, bytes] = field(default_factory=dict)


class GatewayStandIn:
    def __init__(self, bot_id: str, secret: str) -> None:
        self.bot_id = bot_id
        self.secret = secret
        self.answer_pings = True
        self.outage = False  # connections are refused (HTTP 503 instead of the WebSocket upgrade)
        self.drop_on_reply = False  # the next aibot_respond_msg is lost with the connection (cut while in flight)
        self.drop_on_chunk: int | None = None  # the connection is cut when this chunk of an upload arrives
        self.current: web.WebSocketResponse | None = None
        self.subscribed_at: list[float] = []  # loop time of every accepted subscription
        self.dropped_at: list[float] = []  # loop time of every connection's end
        self.pings = 0
        self.shown: dict[str, list[Shown]] = {}
        self._callbacks: dict[str, dict[str, Any]] = {}  # msgid → the callback body
        self._req_msgid: dict[str, str] = {}  # req_id of a callback → its msgid
        self._uploads: dict[str, _Upload] = {}
        self._media: dict[str, tuple[str, bytes]] = {}
        self._ids = itertools.count(1)
        self._subscribed = asyncio.Event()
        self.base_url = ""  # http://host:port of the stand-in, learnt from the bot's connection
        self.served: dict[str, _Served] = {}  # files users sent: token → the encrypted content
        self.downloads = 0
        self.media_seconds = MEDIA_SECONDS
        self.updates: list[str] = []  # task ids of the cards updated after a tap, in order
        self._task_ids: set[str] = set()

    # -- the knobs -----------------------------------------------------------------------------------------------

    async def connected(self, timeout: float = 10.0) -> None:
        """Wait until a bot is subscribed."""
        async with asyncio.timeout(timeout):
            await self._subscribed.wait()

    async def user_says(self, userid: str, text: str, msgid: str | None = None) -> str:
        """Push a text message as if `userid` typed it; its msgid."""
        msgid = msgid or f"msg{next(self._ids)}{secrets.token_hex(4)}"
        body = {"msgid": msgid, "aibotid": self.bot_id, "chattype": "single", "from": {"userid": userid},
                "create_time": int(time.time()), "msgtype": "text", "text": {"content": text}}
        await self._push(MSG_CALLBACK, body)
        return msgid

    async def user_enters(self, userid: str) -> str:
        msgid = f"evt{next(self._ids)}{secrets.token_hex(4)}"
        body = {"msgid": msgid, "aibotid": self.bot_id, "chattype": "single", "from": {"userid": userid},
                "create_time": int(time.time()), "msgtype": "event", "event": {"eventtype": "enter_chat"}}
        await self._push(EVENT_CALLBACK, body)
        return msgid

    async def user_sends_file(self, userid: str, name: str, data: bytes, text: str = "") -> str:
        """Push a file message as WeCom does: the content encrypted with a key of its own, served at a URL for five
        minutes, the name only in the download's Content-Disposition. With `text`, a mixed message of both."""
        aeskey = new_aeskey()
        token = secrets.token_urlsafe(12)
        self.served[token] = _Served(name, encrypt_media(data, aeskey), time.monotonic() + self.media_seconds)
        file = {"url": f"{self.base_url}/media/{token}", "aeskey": aeskey}
        msgid = f"msg{next(self._ids)}{secrets.token_hex(4)}"
        body: dict[str, Any] = {"msgid": msgid, "aibotid": self.bot_id, "chattype": "single",
                                "from": {"userid": userid}, "create_time": int(time.time())}
        if text:
            body |= {"msgtype": "mixed", "mixed": {"msg_item": [{"msgtype": "text", "text": {"content": text}},
                                                                {"msgtype": "file", "file": file}]}}
        else:
            body |= {"msgtype": "file", "file": file}
        await self._push(MSG_CALLBACK, body)
        return msgid

    async def serve_media(self, request: web.Request) -> web.StreamResponse:
        served = self.served.get(request.match_info["token"])
        if served is None or time.monotonic() > served.until:
            return web.Response(status=404, text="expired")
        self.downloads += 1
        quoted = urllib.parse.quote(served.name)
        return web.Response(body=served.encrypted, content_type="application/octet-stream",
                            headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quoted}"})

    async def user_taps(self, userid: str, task_id: str, key: str = "", selected: list[str] | None = None) -> str:
        """Push a template_card_event as if `userid` tapped the card `task_id`: a button (`key`), or ticked
        `selected` on a vote card and submitted (the event nested under its type's name, as documented)."""
        msgid = f"evt{next(self._ids)}{secrets.token_hex(4)}"
        tap: dict[str, Any] = {"event_key": key, "task_id": task_id}
        if selected is not None:
            card = self.card(task_id)
            question = (card.get("checkbox") or {}).get("question_key", "") if card else ""
            tap |= {"card_type": "vote_interaction", "selected_items": {"selected_item": [
                {"question_key": question, "option_ids": {"option_id": list(selected)}}]}}
        else:
            tap["card_type"] = "button_interaction"
        body = {"msgid": msgid, "aibotid": self.bot_id, "chattype": "single", "from": {"userid": userid},
                "create_time": int(time.time()), "msgtype": "event",
                "event": {"eventtype": "template_card_event", "template_card_event": tap}}
        await self._push(EVENT_CALLBACK, body)
        return msgid

    def cards(self, userid: str) -> list[Shown]:
        return [s for s in self.shown.get(userid, []) if s.msgtype == "template_card"]

    def card(self, task_id: str) -> dict[str, Any] | None:
        """A card as it is shown now (after any update)."""
        return next((s.card for shown in self.shown.values() for s in shown if s.card.get("task_id") == task_id),
                    None)

    async def redeliver(self, msgid: str) -> None:
        """The same callback again, with a new req_id (WeCom repeating a message it is not sure arrived)."""
        await self._push(MSG_CALLBACK, self._callbacks[msgid])

    async def drop(self) -> None:
        """The gateway closes the connection (a network cut, a gateway restart)."""
        if self.current is not None:
            await self.current.close()

    def texts(self, userid: str) -> list[str]:
        return [s.content for s in self.shown.get(userid, []) if s.msgtype not in ("file", "template_card")]

    def replies_to(self, msgid: str) -> list[Shown]:
        return [s for shown in self.shown.values() for s in shown if s.msgid == msgid]

    def files(self, userid: str) -> list[Shown]:
        return [s for s in self.shown.get(userid, []) if s.msgtype == "file"]

    # -- the socket ----------------------------------------------------------------------------------------------

    async def _push(self, cmd: str, body: dict[str, Any]) -> None:
        if self.current is None or self.current.closed:
            raise ConnectionError("no bot is connected to the gateway stand-in")
        req_id = f"{cmd}_{secrets.token_hex(6)}"
        self._callbacks[body["msgid"]] = body
        self._req_msgid[req_id] = body["msgid"]
        await self.current.send_str(json.dumps({"cmd": cmd, "headers": {"req_id": req_id}, "body": body},
                                               ensure_ascii=False))

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if self.outage:
            return web.Response(status=503, text="gateway unavailable")
        self.base_url = str(request.url.origin()) + request.path.rstrip("/")  # mounted under a prefix in the demo
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                frame = json.loads(message.data)
                answer = await self._answer(ws, frame)
                if answer is not None and not ws.closed:
                    req_id = (frame.get("headers") or {}).get("req_id", "")
                    await ws.send_str(json.dumps({"headers": {"req_id": req_id}, **answer}, ensure_ascii=False))
        finally:
            if self.current is ws:
                self.current = None
                self._subscribed.clear()
            self.dropped_at.append(asyncio.get_running_loop().time())
        return ws

    async def _answer(self, ws: web.WebSocketResponse, frame: dict[str, Any]) -> dict[str, Any] | None:
        cmd, body = frame.get("cmd"), frame.get("body") or {}
        if cmd == SUBSCRIBE:
            if body.get("bot_id") != self.bot_id or body.get("secret") != self.secret:
                return {"errcode": BAD_CREDENTIALS, "errmsg": "invalid bot_id or secret"}
            await self._take_over(ws)
            return {"errcode": 0, "errmsg": "ok"}
        if ws is not self.current:
            return {"errcode": 40001, "errmsg": "not subscribed"}
        if cmd == PING:
            self.pings += 1
            return {"errcode": 0, "errmsg": "ok"} if self.answer_pings else None
        if cmd == RESPOND and self.drop_on_reply:
            self.drop_on_reply = False
            await ws.close()
            return None
        if cmd in (RESPOND, RESPOND_WELCOME):
            return self._respond(cmd, frame, body)
        if cmd == RESPOND_UPDATE:
            return self._update(frame, body)
        if cmd == SEND:
            return self._send(body)
        if cmd == UPLOAD_INIT:
            upload_id = f"up{next(self._ids)}"
            self._uploads[upload_id] = _Upload(body["filename"], body["total_size"], body["total_chunks"], body["md5"])
            return {"errcode": 0, "errmsg": "ok", "body": {"upload_id": upload_id}}
        if cmd == UPLOAD_CHUNK and self.drop_on_chunk == body.get("chunk_index"):
            self.drop_on_chunk = None
            await ws.close()
            return None
        if cmd == UPLOAD_CHUNK:
            upload = self._uploads.get(body.get("upload_id", ""))
            if upload is None:
                return {"errcode": 40004, "errmsg": "unknown upload_id"}
            upload.chunks[int(body["chunk_index"])] = base64.b64decode(body["base64_data"])
            return {"errcode": 0, "errmsg": "ok"}
        if cmd == UPLOAD_FINISH:
            return self._finish(body)
        return {"errcode": 40008, "errmsg": f"unknown cmd {cmd}"}

    async def _take_over(self, ws: web.WebSocketResponse) -> None:
        old = self.current
        self.current = ws
        self.subscribed_at.append(asyncio.get_running_loop().time())
        self._subscribed.set()
        if old is not None and not old.closed:
            event = {"msgid": f"evt{next(self._ids)}", "aibotid": self.bot_id, "create_time": int(time.time()),
                     "msgtype": "event", "event": {"eventtype": DISCONNECTED_EVENT}}
            await old.send_str(json.dumps({"cmd": EVENT_CALLBACK, "headers": {"req_id": "evt"}, "body": event}))
            await old.close()

    def _respond(self, cmd: str, frame: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        msgid = self._req_msgid.get((frame.get("headers") or {}).get("req_id", ""))
        if msgid is None:
            return {"errcode": 40003, "errmsg": "invalid req_id"}
        callback = self._callbacks[msgid]
        user = callback["from"]["userid"]
        if (cmd == RESPOND_WELCOME) != (callback["msgtype"] == "event") or (
                cmd == RESPOND_WELCOME and callback["event"]["eventtype"] != "enter_chat"):
            return {"errcode": 40010, "errmsg": f"{cmd} does not answer a {callback['msgtype']} callback"}
        if cmd == RESPOND_WELCOME:
            text = (body.get("text") or {}).get("content", "")
            self.shown.setdefault(user, []).append(Shown("respond", "text", text, msgid))
            return {"errcode": 0, "errmsg": "ok"}
        stream = body.get("stream") or {}
        if body.get("msgtype") != "stream" or not stream.get("finish"):
            return {"errcode": 40009, "errmsg": "the stand-in records finished stream replies only"}
        self.shown.setdefault(user, []).append(Shown("respond", "stream", stream.get("content", ""), msgid))
        return {"errcode": 0, "errmsg": "ok"}

    def _update(self, frame: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
        """update_template_card: only on a tap event's req_id, only the card tapped (same task_id), only once."""
        msgid = self._req_msgid.get((frame.get("headers") or {}).get("req_id", ""))
        callback = self._callbacks.get(msgid or "")
        event = (callback or {}).get("event") or {}
        if callback is None or event.get("eventtype") != "template_card_event":
            return {"errcode": 40003, "errmsg": "invalid req_id: not a template_card_event"}
        card = body.get("template_card") or {}
        tapped = event["template_card_event"]["task_id"]
        if body.get("response_type") != "update_template_card" or card.get("task_id") != tapped:
            return {"errcode": 40011, "errmsg": "the update must carry the tapped card's task_id"}
        shown = next((s for s in self.shown.get(callback["from"]["userid"], []) if s.card.get("task_id") == tapped),
                     None)
        if shown is None:
            return {"errcode": 40012, "errmsg": "no such card"}
        shown.card = card
        self.updates.append(tapped)
        return {"errcode": 0, "errmsg": "ok"}

    def _send(self, body: dict[str, Any]) -> dict[str, Any]:
        user, msgtype = body.get("chatid", ""), body.get("msgtype", "")
        if not user:
            return {"errcode": 40002, "errmsg": "chatid missing"}
        if msgtype == "markdown":
            shown = Shown("send", msgtype, (body.get("markdown") or {}).get("content", ""))
        elif msgtype == "template_card":
            card = body.get("template_card") or {}
            task_id = card.get("task_id", "")
            if not task_id or task_id in self._task_ids:
                return {"errcode": 40013, "errmsg": "task_id missing or used before"}
            self._task_ids.add(task_id)
            hint = card.get("sub_title_text") or (card.get("main_title") or {}).get("desc", "")
            shown = Shown("send", msgtype, hint, card=card)
        elif msgtype == "file":
            media = self._media.get((body.get("file") or {}).get("media_id", ""))
            if media is None:
                return {"errcode": 40007, "errmsg": "invalid media_id"}
            shown = Shown("send", "file", file_name=media[0], data=media[1])
        else:
            return {"errcode": 40008, "errmsg": f"msgtype {msgtype} not supported by the stand-in"}
        self.shown.setdefault(user, []).append(shown)
        return {"errcode": 0, "errmsg": "ok"}

    def _finish(self, body: dict[str, Any]) -> dict[str, Any]:
        upload = self._uploads.pop(body.get("upload_id", ""), None)
        if upload is None or len(upload.chunks) != upload.total_chunks:
            return {"errcode": 40005, "errmsg": "upload incomplete"}
        data = b"".join(upload.chunks[i] for i in range(upload.total_chunks))
        if len(data) != upload.total_size or hashlib.md5(data).hexdigest() != upload.md5:
            return {"errcode": 40006, "errmsg": "size or md5 mismatch"}
        media_id = f"media{next(self._ids)}"
        self._media[media_id] = (upload.filename, data)
        return {"errcode": 0, "errmsg": "ok", "body": {"type": "file", "media_id": media_id}}


GATEWAY_KEY = web.AppKey("gateway_standin", GatewayStandIn)


def create_gateway_app(bot_id: str, secret: str) -> web.Application:
    """The stand-in as an app: the WebSocket at "/" (WECOM_GATEWAY_URL = ws://host:port/), the files users sent
    at /media/…, and a user's phone at /_phone/… for `nianbao chat --channel longconn` (say, file, tap, shown)."""
    app = web.Application(client_max_size=25 * 1024 * 1024)
    gateway = GatewayStandIn(bot_id, secret)
    app[GATEWAY_KEY] = gateway
    app.router.add_get("/", gateway.handle)
    app.router.add_get("/media/{token}", gateway.serve_media)
    app.router.add_post("/_phone/say", _phone_say)
    app.router.add_post("/_phone/file", _phone_file)
    app.router.add_post("/_phone/tap", _phone_tap)
    app.router.add_get("/_phone/shown", _phone_shown)
    return app


async def _phone_say(request: web.Request) -> web.Response:
    return await _phone(request, lambda g, user: g.user_says(user, request["body"].decode("utf-8")))


async def _phone_file(request: web.Request) -> web.Response:
    name = request.query.get("name", "")
    return await _phone(request, lambda g, user: g.user_sends_file(user, name, request["body"]))


async def _phone_tap(request: web.Request) -> web.Response:
    tap = json.loads(await request.read() or b"{}")
    return await _phone(request, lambda g, user: g.user_taps(user, str(tap.get("task_id", "")),
                                                            str(tap.get("key", "")), tap.get("selected")))


async def _phone(request: web.Request, act: Any) -> web.Response:
    user = request.query.get("user", "")
    if not user:
        return web.json_response({"error": "user missing"}, status=400)
    request["body"] = await request.read()
    gateway = request.app[GATEWAY_KEY]
    with contextlib.suppress(TimeoutError):  # right after the demo starts the bot may still be connecting
        await gateway.connected(PHONE_PATIENCE)
    try:
        msgid = await act(gateway, user)
    except ConnectionError as error:
        return web.json_response({"error": str(error)}, status=503)
    return web.json_response({"msgid": msgid})


async def _phone_shown(request: web.Request) -> web.Response:
    shown = request.app[GATEWAY_KEY].shown.get(request.query.get("user", ""), [])
    return web.json_response([{"via": s.via, "msgtype": s.msgtype, "content": s.content, "msgid": s.msgid,
                               "file_name": s.file_name, "size": len(s.data), "card": s.card} for s in shown])
