"""A small, real WeCom API server for the tests and `make demo`.

It speaks the documented endpoints (gettoken, message/send, media/upload, media/get) with WeCom's errcodes, keeps
an outbox per user, and drops messages over 30 a minute (1000 an hour) per member silently, counting the drops, as
WeCom does. One deliberate difference: WeCom cuts a text over 2048 bytes, the stand-in refuses it (errcode 45002,
"content size out of limit") so that a missing split shows up in tests instead of a silently shortened message.

Inspection (`/_standin/...` routes and Python accessors) and fault injection (`fail_next`) are for tests and the demo.
"""

from __future__ import annotations

import collections
import itertools
import json
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from aiohttp import web
from yarl import URL

from templates import render

MAX_TEXT_BYTES = 2048
MAX_RECIPIENTS = 1000
MAX_MEDIA_BYTES = 20 * 1024 * 1024
MIN_MEDIA_BYTES = 5
MEDIA_LIFETIME = 3 * 24 * 3600
TOKEN_TTL = 7200
PER_MINUTE, PER_HOUR = 30, 1000
MEDIA_TYPES = frozenset({"file", "image", "voice", "video"})
FAULT_KINDS = frozenset({"http500", "busy", "token_expired"})
TEXTCARD_LIMITS = {"title": (128, 45003), "description": (512, 45004), "url": (2048, 45005)}

# The errcodes of WeCom's global error table that the stand-in answers with.
ERRMSG = {
    -1: "system busy",
    40001: "invalid credential",
    40005: "invalid media type",
    40006: "invalid file size",
    40007: "invalid media_id",
    40008: "invalid message type",
    40013: "invalid corpid",
    40014: "invalid access_token",
    40029: "invalid code",
    40032: "invalid userid list size",
    40035: "invalid parameter",
    41001: "access_token missing",
    41002: "corpid missing",
    41004: "corpsecret missing",
    41005: "media data missing",
    41006: "media_id missing",
    41011: "missing agentid",
    42001: "access_token expired",
    44004: "empty content",
    45002: "content size out of limit",
    45003: "title size out of limit",
    45004: "description size out of limit",
    45005: "url size out of limit",
    81013: "user & party & tag all invalid",
    301002: "not allow operate another agent with this accesstoken",
}


@dataclass
class StoredMedia:
    file_name: str
    data: bytes
    created: float
    type: str = "file"


@dataclass
class _Fault:
    kind: str
    remaining: int


@dataclass
class WeComStandIn:
    corp_id: str
    secret: str
    agent_id: int
    clock: Callable[[], float] = time.time
    token_ttl: int = TOKEN_TTL
    known_users: frozenset[str] | None = None  # None: every user id exists
    gettoken_calls: int = 0
    send_calls: int = 0
    tokens: dict[str, float] = field(default_factory=dict)  # token → expiry (clock time)
    media: dict[str, StoredMedia] = field(default_factory=dict)
    _outbox: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: collections.defaultdict(list))
    _dropped: collections.Counter[str] = field(default_factory=collections.Counter)
    _recent: dict[str, collections.deque[float]] = field(
        default_factory=lambda: collections.defaultdict(collections.deque)
    )
    _faults: list[_Fault] = field(default_factory=list)
    # (user, content) → when it was last delivered; a repeat that asks for enable_duplicate_check inside the
    # interval is not delivered again (WeCom answers ok all the same)
    _delivered: dict[tuple[str, str], float] = field(default_factory=dict)
    duplicates_filtered: int = 0
    _msgids: itertools.count = field(default_factory=lambda: itertools.count(1))
    oauth_codes: dict[str, tuple[str, float]] = field(default_factory=dict)  # code → (userid, expiry)

    # -- Python-side accessors and controls ----------------------------------------------------------------------

    def outbox(self, user: str) -> list[dict[str, Any]]:
        """Messages delivered to `user`, oldest first (a copy)."""
        return [dict(item) for item in self._outbox.get(user, [])]

    def all_outboxes(self) -> dict[str, list[dict[str, Any]]]:
        return {user: self.outbox(user) for user in self._outbox}

    def dropped(self, user: str | None = None) -> int:
        """Messages silently dropped by the per-member limit (for one user, or in all)."""
        return self._dropped[user] if user is not None else sum(self._dropped.values())

    def add_user_file(self, name: str, data: bytes) -> str:
        """Store a file as if a user had sent it to the app; its media_id goes into a file callback."""
        return self._store_media(name, data, "file")

    def media_bytes(self, media_id: str) -> bytes:
        return self.media[media_id].data

    def fail_next(self, count: int, kind: str = "http500") -> None:
        """The next `count` API calls fail: HTTP 500, errcode -1 (busy) or 42001 (the token used expires)."""
        if kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {sorted(FAULT_KINDS)}")
        self._faults.append(_Fault(kind, count))

    def expire_tokens(self) -> None:
        """Every token issued so far expires now (WeCom's 42001 on the next call)."""
        now = self.clock()
        self.tokens = {token: min(expiry, now) for token, expiry in self.tokens.items()}

    def reset(self) -> None:
        self._outbox.clear()
        self._dropped.clear()
        self._recent.clear()
        self._faults.clear()
        self._delivered.clear()

    # -- helpers -------------------------------------------------------------------------------------------------

    def _store_media(self, name: str, data: bytes, media_type: str) -> str:
        media_id = "3" + secrets.token_urlsafe(24)
        self.media[media_id] = StoredMedia(file_name=name, data=data, created=self.clock(), type=media_type)
        return media_id

    def _take_fault(self, uses_token: bool) -> str | None:
        for fault in self._faults:
            if fault.kind == "token_expired" and not uses_token:
                continue
            fault.remaining -= 1
            if fault.remaining <= 0:
                self._faults.remove(fault)
            return fault.kind
        return None

    def _token_error(self, token: str | None) -> int:
        if not token:
            return 41001
        expiry = self.tokens.get(token)
        if expiry is None:
            return 40014
        return 42001 if self.clock() >= expiry else 0

    def _is_duplicate(self, user: str, payload: dict[str, Any], record: dict[str, Any]) -> bool:
        """WeCom's enable_duplicate_check: a message that asks for it is not delivered when the same content went to
        the same member inside the interval (default 1800 s, at most 4 hours) — whether or not that earlier message
        asked for the check itself; a message that does not ask is always delivered."""
        now = self.clock()
        key = (user, json.dumps(record, sort_keys=True, ensure_ascii=False))
        last = self._delivered.get(key)
        if last is not None and str(payload.get("enable_duplicate_check", 0)) == "1":
            try:
                interval = min(int(payload.get("duplicate_check_interval") or 1800), 4 * 3600)
            except (TypeError, ValueError):
                interval = 1800
            if now - last < interval:
                self.duplicates_filtered += 1
                return True
        self._delivered[key] = now
        return False

    def _admit(self, user: str) -> bool:
        """WeCom's per-member limit: 30 a minute and 1000 an hour; over it, the message is dropped."""
        now = self.clock()
        times = self._recent[user]
        while times and times[0] <= now - 3600:
            times.popleft()
        last_minute = sum(1 for t in times if t > now - 60)
        if last_minute >= PER_MINUTE or len(times) >= PER_HOUR:
            self._dropped[user] += 1
            return False
        times.append(now)
        return True


STANDIN_KEY = web.AppKey("wecom_standin", WeComStandIn)


def _error(errcode: int, extra: str = "") -> web.Response:
    message = ERRMSG.get(errcode, "error") + (f", {extra}" if extra else "")
    return web.json_response({"errcode": errcode, "errmsg": message})


def _fault_response(kind: str, standin: WeComStandIn, token: str | None) -> web.Response:
    if kind == "http500":
        return web.Response(status=500, text="Internal Server Error")
    if kind == "busy":
        return _error(-1)
    if token in standin.tokens:
        standin.tokens[token] = min(standin.tokens[token], standin.clock())
    return _error(42001)


def _standin(request: web.Request) -> WeComStandIn:
    return request.app[STANDIN_KEY]


def _precheck(request: web.Request) -> web.Response | None:
    """Fault injection, then the access_token check shared by every endpoint that needs one."""
    standin = _standin(request)
    token = request.query.get("access_token")
    fault = standin._take_fault(uses_token=True)
    if fault is not None:
        return _fault_response(fault, standin, token)
    errcode = standin._token_error(token)
    return _error(errcode) if errcode else None


# -- the documented API ------------------------------------------------------------------------------------------


async def gettoken(request: web.Request) -> web.Response:
    standin = _standin(request)
    standin.gettoken_calls += 1
    fault = standin._take_fault(uses_token=False)
    if fault is not None:
        return _fault_response(fault, standin, None)
    corp_id, secret = request.query.get("corpid"), request.query.get("corpsecret")
    if not corp_id:
        return _error(41002)
    if not secret:
        return _error(41004)
    if corp_id != standin.corp_id:
        return _error(40013)
    if not secrets.compare_digest(secret, standin.secret):
        return _error(40001)
    token = secrets.token_urlsafe(48)
    standin.tokens[token] = standin.clock() + standin.token_ttl
    return web.json_response(
        {"errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": standin.token_ttl}
    )


async def message_send(request: web.Request) -> web.Response:
    standin = _standin(request)
    standin.send_calls += 1
    refused = _precheck(request)
    if refused is not None:
        return refused
    try:
        payload = json.loads(await request.read())
    except (ValueError, UnicodeDecodeError):
        return _error(40035, "Warning: wrong json format.")
    if not isinstance(payload, dict):
        return _error(40035)
    if "agentid" not in payload:
        return _error(41011)
    if str(payload["agentid"]) != str(standin.agent_id):
        return _error(301002)
    users = [user for user in str(payload.get("touser", "")).split("|") if user]
    if len(users) > MAX_RECIPIENTS:
        return _error(40032)
    record_or_error = _message_record(standin, payload)
    if isinstance(record_or_error, web.Response):
        return record_or_error
    invalid = [u for u in users if standin.known_users is not None and u not in standin.known_users]
    valid = [u for u in users if u not in invalid]
    if not valid:
        return _error(81013)
    msgid = f"standin-{next(standin._msgids)}"
    for user in valid:
        if standin._is_duplicate(user, payload, record_or_error):
            continue
        if standin._admit(user):
            standin._outbox[user].append({**record_or_error, "msgid": msgid, "time": standin.clock()})
    return web.json_response({"errcode": 0, "errmsg": "ok", "invaliduser": "|".join(invalid), "msgid": msgid})


def _message_record(standin: WeComStandIn, payload: dict[str, Any]) -> dict[str, Any] | web.Response:
    msgtype = payload.get("msgtype")
    body = payload.get(msgtype) if isinstance(msgtype, str) else None
    if msgtype not in ("text", "textcard", "file", "template_card") or not isinstance(body, dict):
        return _error(40008)
    if msgtype == "template_card":
        if body.get("card_type") not in ("button_interaction", "vote_interaction") or not body.get("task_id"):
            return _error(40035, "card_type or task_id")
        return {"msgtype": "template_card", "card": body}
    if msgtype == "text":
        content = body.get("content")
        if not isinstance(content, str) or not content:
            return _error(44004)
        if len(content.encode("utf-8")) > MAX_TEXT_BYTES:
            return _error(45002)
        return {"msgtype": "text", "text": content}
    if msgtype == "textcard":
        card = {name: body.get(name) for name in ("title", "description", "url", "btntxt")}
        for name, (limit, errcode) in TEXTCARD_LIMITS.items():
            value = card[name]
            if not isinstance(value, str) or not value:
                return _error(40035, f"{name} missing")
            if len(value.encode("utf-8")) > limit:
                return _error(errcode)
        return {"msgtype": "textcard", **{k: v for k, v in card.items() if v is not None}}
    media_id = body.get("media_id")
    stored = standin.media.get(media_id) if isinstance(media_id, str) else None
    if stored is None or standin.clock() > stored.created + MEDIA_LIFETIME:
        return _error(40007)
    return {"msgtype": "file", "media_id": media_id, "file_name": stored.file_name, "size": len(stored.data)}


async def media_upload(request: web.Request) -> web.Response:
    standin = _standin(request)
    refused = _precheck(request)
    if refused is not None:
        return refused
    media_type = request.query.get("type", "")
    if media_type not in MEDIA_TYPES:
        return _error(40005)
    try:
        reader = await request.multipart()
    except (AssertionError, ValueError, KeyError):
        return _error(41005)
    async for part in reader:
        if getattr(part, "name", None) != "media":
            continue
        data = await _read_limited(part)  # type: ignore[arg-type]
        if data is None or len(data) <= MIN_MEDIA_BYTES:
            return _error(40006)
        name = part.filename or "media"  # type: ignore[union-attr]
        media_id = standin._store_media(name, data, media_type)
        created = str(int(standin.clock()))
        return web.json_response(
            {"errcode": 0, "errmsg": "", "type": media_type, "media_id": media_id, "created_at": created}
        )
    return _error(41005)


async def _read_limited(part: Any) -> bytes | None:
    """Read a multipart part, or None beyond 20 MB (streamed, so the app's client_max_size does not apply)."""
    chunks, size = [], 0
    while chunk := await part.read_chunk(64 * 1024):
        size += len(chunk)
        if size > MAX_MEDIA_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def media_get(request: web.Request) -> web.Response:
    standin = _standin(request)
    refused = _precheck(request)
    if refused is not None:
        return refused
    media_id = request.query.get("media_id")
    if not media_id:
        return _error(41006)
    stored = standin.media.get(media_id)
    if stored is None or standin.clock() > stored.created + MEDIA_LIFETIME:
        return _error(40007)
    return _file_response(stored)


def _file_response(stored: StoredMedia) -> web.Response:
    return web.Response(
        body=stored.data,
        content_type="application/octet-stream",
        headers={"Content-Disposition": _disposition(stored.file_name)},
    )


def _disposition(file_name: str) -> str:
    """RFC 6266: an ASCII fallback name plus the exact UTF-8 name in filename*."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\%' else "_" for c in file_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


# -- inspection for tests, the demo and `nianbao chat` ----------------------------------------------------------


async def inspect_outbox(request: web.Request) -> web.Response:
    standin = _standin(request)
    user = request.query.get("touser", "")
    items = standin.outbox(user)
    for item in items:
        if item["msgtype"] == "file":
            item["download"] = str(request.app.router["standin_media"].url_for(media_id=item["media_id"]))
    return web.json_response(items)


async def inspect_media(request: web.Request) -> web.Response:
    stored = _standin(request).media.get(request.match_info["media_id"])
    if stored is None:
        raise web.HTTPNotFound()
    return _file_response(stored)


async def inspect_stats(request: web.Request) -> web.Response:
    standin = _standin(request)
    return web.json_response(
        {
            "gettoken_calls": standin.gettoken_calls,
            "send_calls": standin.send_calls,
            "dropped": dict(standin._dropped),
            "duplicates_filtered": standin.duplicates_filtered,
            "media": len(standin.media),
        }
    )


async def user_file(request: web.Request) -> web.Response:
    """POST raw bytes with ?name=FILE: stores a file "a user sent"; answers its media_id for the file callback."""
    name = request.query.get("name", "").strip()
    data = await request.read()
    if not name or len(data) <= MIN_MEDIA_BYTES:
        raise web.HTTPBadRequest(text="name and more than 5 bytes required")
    return web.json_response({"media_id": _standin(request).add_user_file(name, data)})


# -- web sign-in (OAuth2 snsapi_base) ----------------------------------------------------------------------------
#
# WeCom knows who opens a link in its app; the stand-in is told by a cookie set through /_standin/signin?userid=…
# (or asks with a small form), then does what WeCom does: redirect to redirect_uri?code=CODE&state=STATE, a code
# used once within five minutes, exchanged for the userid by /cgi-bin/auth/getuserinfo.

OAUTH_CODE_TTL = 300
STANDIN_USER_COOKIE = "wecom_standin_user"
OAUTH_SCOPES = frozenset({"snsapi_base", "snsapi_privateinfo"})


def mount_oauth(app: web.Application) -> None:
    app.router.add_get("/connect/oauth2/authorize", oauth_authorize)
    app.router.add_get("/cgi-bin/auth/getuserinfo", oauth_getuserinfo)
    app.router.add_get("/_standin/signin", standin_signin)


async def oauth_authorize(request: web.Request) -> web.Response:
    standin, q = _standin(request), request.query
    problem = _authorize_problem(standin, q)
    if problem:
        return web.Response(status=400, text=problem)
    userid = q.get("userid") or request.cookies.get(STANDIN_USER_COOKIE, "")
    if not userid:
        page = render("pages/standin_signin.html.j2", action=str(request.rel_url.path), params=dict(q))
        return web.Response(text=page, content_type="text/html")
    code = secrets.token_urlsafe(32)
    standin.oauth_codes[code] = (userid, standin.clock() + OAUTH_CODE_TTL)
    target = URL(q["redirect_uri"]).update_query({"code": code, "state": q.get("state", "")})
    raise web.HTTPFound(str(target))


def _authorize_problem(standin: WeComStandIn, q: Any) -> str:
    if q.get("appid") != standin.corp_id:
        return "appid does not match the corpid"
    if q.get("response_type") != "code" or q.get("scope") not in OAUTH_SCOPES:
        return "response_type must be code, scope snsapi_base or snsapi_privateinfo"
    if q.get("agentid") and q["agentid"] != str(standin.agent_id):
        return "agentid does not match"
    if not URL(q.get("redirect_uri", "")).is_absolute():
        return "redirect_uri must be an absolute URL"
    if len(q.get("state", "")) > 128:
        return "state longer than 128 bytes"
    return ""


async def oauth_getuserinfo(request: web.Request) -> web.Response:
    standin = _standin(request)
    refused = _precheck(request)
    if refused is not None:
        return refused
    found = standin.oauth_codes.pop(request.query.get("code", ""), None)  # a code is good once
    if found is None or standin.clock() > found[1]:
        return _error(40029)
    userid = found[0]
    if standin.known_users is not None and userid not in standin.known_users:
        return web.json_response({"errcode": 0, "errmsg": "ok", "openid": "o" + userid})  # not a member
    return web.json_response({"errcode": 0, "errmsg": "ok", "userid": userid})


async def standin_signin(request: web.Request) -> web.Response:
    """Who "opens links in the WeCom app" from this browser from now on (tests, the demo)."""
    userid = request.query.get("userid", "")
    response = web.json_response({"userid": userid})
    if userid:
        response.set_cookie(STANDIN_USER_COOKIE, userid, httponly=True, samesite="Lax", path="/")
    else:
        response.del_cookie(STANDIN_USER_COOKIE, path="/")
    return response


def create_standin_app(
    corp_id: str,
    secret: str,
    agent_id: int,
    *,
    clock: Callable[[], float] = time.time,
    token_ttl: int = TOKEN_TTL,
    known_users: frozenset[str] | None = None,
) -> web.Application:
    """The stand-in as an aiohttp application; its state is `standin_of(app)`."""
    app = web.Application(client_max_size=MAX_MEDIA_BYTES + 1024 * 1024)
    app[STANDIN_KEY] = WeComStandIn(
        corp_id=corp_id,
        secret=secret,
        agent_id=agent_id,
        clock=clock,
        token_ttl=token_ttl,
        known_users=known_users,
    )
    app.router.add_get("/cgi-bin/gettoken", gettoken)
    app.router.add_post("/cgi-bin/message/send", message_send)
    app.router.add_post("/cgi-bin/media/upload", media_upload)
    app.router.add_get("/cgi-bin/media/get", media_get)
    mount_oauth(app)
    app.router.add_get("/_standin/outbox", inspect_outbox)
    app.router.add_get("/_standin/stats", inspect_stats)
    app.router.add_get("/_standin/media/{media_id}", inspect_media, name="standin_media")
    app.router.add_post("/_standin/user_file", user_file)
    mount_sent_page(app)
    return app


# -- the demo's page of what the bot sent ------------------------------------------------------------------------


def mount_sent_page(app: web.Application) -> None:
    """GET /_standin/sent: what the bot sent to each user (the chat shows a file's size only; here it downloads)."""
    app.router.add_get("/_standin/sent", sent_page, name="standin_sent")


async def sent_page(request: web.Request) -> web.Response:
    from templates import render as render_template

    standin = _standin(request)
    media = request.app.router["standin_media"]
    users = []
    for user, items in sorted(standin.all_outboxes().items()):
        for item in items:
            if item["msgtype"] == "file":
                item["download"] = str(media.url_for(media_id=item["media_id"]))
        users.append({"userid": user, "messages": items, "dropped": standin.dropped(user)})
    chosen = request.query.get("touser", "")
    shown = [u for u in users if not chosen or u["userid"] == chosen]
    html = render_template("pages/standin_sent.html.j2", users=shown, all_users=[u["userid"] for u in users],
                           chosen=chosen)
    return web.Response(text=html, content_type="text/html", headers={"Cache-Control": "no-store"})


def standin_of(app: web.Application) -> WeComStandIn:
    return app[STANDIN_KEY]


def mount_standin(parent: web.Application, standin_app: web.Application, prefix: str = "/wecom-api") -> None:
    """Serve the stand-in under `prefix` of another app (one server for `make demo`); WECOM_API_BASE = URL + prefix.

    The parent's client_max_size limits /_standin/user_file bodies; media/upload streams and is not limited by it.
    """
    parent.add_subapp(prefix, standin_app)
