"""The outbound WeCom API client (gettoken, message/send, media/upload, media/get) on an aiohttp ClientSession.

It never sleeps: a failure is raised as WeComAPIError with `retryable` set, and the queue worker decides when to
try again. The one thing it retries itself is an invalid or expired access_token, once, after a refresh.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import unquote

import aiohttp

MAX_TEXT_BYTES = 2048
MAX_RECIPIENTS = 1000
MAX_MEDIA_BYTES = 20 * 1024 * 1024
MIN_MEDIA_BYTES = 5  # WeCom refuses files of 5 bytes or fewer
TEXTCARD_LIMITS = {"title": 128, "description": 512, "url": 2048}
MAX_BUTTON_CHARS = 4

TOKEN_ERRCODES = frozenset({40001, 40014, 42001})  # invalid secret/token, token expired → refresh once
RETRYABLE_ERRCODES = frozenset({-1, 45009, 45033})  # system busy, frequency limits
TRANSPORT_ERRCODE = -2  # not a WeCom code: the network or the HTTP layer failed
DEFAULT_TOKEN_MARGIN = 300.0


class WeComAPIError(Exception):
    def __init__(self, errcode: int, errmsg: str, retryable: bool) -> None:
        super().__init__(f"WeCom API error {errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg
        self.retryable = retryable


class MediaTooLarge(WeComAPIError):
    """A download beyond WeCom's 20 MB: refused without reading the rest."""


class WeComAPI:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        corp_id: str,
        secret: str,
        agent_id: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        token_margin: float = DEFAULT_TOKEN_MARGIN,
        timeout: float = 10.0,
        duplicate_check_interval: int | None = None,
    ) -> None:
        self._session = session
        self._base = base_url.rstrip("/")
        self._corp_id = corp_id
        self._secret = secret
        self.agent_id = agent_id
        self._clock = clock
        self._margin = token_margin
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._token: str | None = None
        self._token_expires = 0.0
        self._token_lock = asyncio.Lock()
        self.token_fetches = 0
        # WeCom's own duplicate check on message/send: the same content to the same member within the interval is
        # delivered once, so a crash between a send and its "sent" mark in the queue cannot reach the user twice.
        # Asked for per send (`duplicate_check=True`) and only for a resend: a message a user asks for twice
        # (预览 twice in ten minutes) is two messages and must arrive twice.
        self.duplicate_check_interval = duplicate_check_interval

    # -- access token --------------------------------------------------------------------------------------------

    async def access_token(self) -> str:
        """The cached token; concurrent callers wait for one refresh instead of each fetching their own."""
        token = self._valid_token()
        if token is not None:
            return token
        async with self._token_lock:
            token = self._valid_token()
            if token is not None:
                return token
            return await self._fetch_token()

    def _valid_token(self) -> str | None:
        if self._token is not None and self._clock() < self._token_expires:
            return self._token
        return None

    def _invalidate(self, token: str) -> None:
        # Only the token that failed: a newer one fetched meanwhile by another caller stays.
        if self._token == token:
            self._token = None

    async def _fetch_token(self) -> str:
        self.token_fetches += 1
        params = {"corpid": self._corp_id, "corpsecret": self._secret}
        result = _checked(await self._request_json("GET", "/cgi-bin/gettoken", params=params))
        token = result.get("access_token")
        if not isinstance(token, str) or not token:
            raise WeComAPIError(TRANSPORT_ERRCODE, "gettoken answered without access_token", True)
        lifetime = float(result.get("expires_in") or 7200)
        # Renew a little early so a token never expires between our check and WeCom's.
        usable = lifetime - self._margin if lifetime > self._margin else lifetime / 2
        self._token, self._token_expires = token, self._clock() + usable
        return token

    # -- messages ------------------------------------------------------------------------------------------------

    async def send_text(self, touser: Sequence[str], text: str, *, duplicate_check: bool = False) -> dict[str, Any]:
        size = len(text.encode("utf-8"))
        if not text or size > MAX_TEXT_BYTES:
            raise ValueError(f"text must be 1–{MAX_TEXT_BYTES} bytes of UTF-8, got {size}; split it first")
        return await self._send(touser, "text", {"content": text}, duplicate_check)

    async def send_textcard(
        self, touser: Sequence[str], title: str, description: str, url: str, btntxt: str = "详情", *,
        duplicate_check: bool = False,
    ) -> dict[str, Any]:
        card = {"title": title, "description": description, "url": url, "btntxt": btntxt}
        for name, limit in TEXTCARD_LIMITS.items():
            size = len(card[name].encode("utf-8"))
            if not card[name] or size > limit:
                raise ValueError(f"textcard {name} must be 1–{limit} bytes, got {size}")
        if len(btntxt) > MAX_BUTTON_CHARS:
            raise ValueError(f"textcard btntxt is at most {MAX_BUTTON_CHARS} characters")
        return await self._send(touser, "textcard", card, duplicate_check)

    async def send_template_card(self, touser: Sequence[str], card: dict[str, Any], *,
                                 duplicate_check: bool = False) -> dict[str, Any]:
        """A template card (handlers.wecom.cards): taps come back as template_card_event callbacks."""
        return await self._send(touser, "template_card", card, duplicate_check)

    async def send_file(self, touser: Sequence[str], media_id: str, *, duplicate_check: bool = False) -> dict[str, Any]:
        if not media_id:
            raise ValueError("media_id is empty")
        return await self._send(touser, "file", {"media_id": media_id}, duplicate_check)

    async def _send(self, touser: Sequence[str], msgtype: str, content: dict[str, Any],
                    duplicate_check: bool = False) -> dict[str, Any]:
        payload = {
            "touser": _join_recipients(touser),
            "msgtype": msgtype,
            "agentid": self.agent_id,
            msgtype: content,
        }
        if duplicate_check and self.duplicate_check_interval:
            payload["enable_duplicate_check"] = 1
            payload["duplicate_check_interval"] = self.duplicate_check_interval
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        return await self._with_token(
            lambda token: self._request_json(
                "POST",
                "/cgi-bin/message/send",
                params={"access_token": token},
                data=body,
                headers={"Content-Type": "application/json; charset=utf-8"},
            )
        )

    # -- media ---------------------------------------------------------------------------------------------------

    async def upload_media(self, filename: str, data: bytes, type: str = "file") -> str:
        if not MIN_MEDIA_BYTES < len(data) <= MAX_MEDIA_BYTES:
            raise ValueError(f"media must be {MIN_MEDIA_BYTES + 1} bytes to 20 MB, got {len(data)}")

        def form() -> aiohttp.FormData:
            # A fresh FormData per attempt: aiohttp consumes it when it is sent.
            data_form = aiohttp.FormData(quote_fields=False)
            data_form.add_field("media", data, filename=filename, content_type="application/octet-stream")
            return data_form

        result = await self._with_token(
            lambda token: self._request_json(
                "POST", "/cgi-bin/media/upload", params={"access_token": token, "type": type}, data=form()
            )
        )
        media_id = result.get("media_id")
        if not isinstance(media_id, str) or not media_id:
            raise WeComAPIError(TRANSPORT_ERRCODE, "media/upload answered without media_id", True)
        return media_id

    async def get_media(self, media_id: str) -> tuple[str, bytes]:
        """Download a file (one a user sent, or one uploaded): (file name, bytes)."""
        return await self._with_token(lambda token: self._download(token, media_id))

    async def _download(self, token: str, media_id: str) -> tuple[str, bytes] | dict[str, Any]:
        params = {"access_token": token, "media_id": media_id}
        try:
            async with self._session.get(
                self._url("/cgi-bin/media/get"), params=params, timeout=self._timeout
            ) as r:
                if r.status >= 400:
                    raise _http_error(r.status)
                data = await _read_at_most(r, MAX_MEDIA_BYTES)
                disposition = r.content_disposition
                if disposition is None:
                    return _json_body(data)  # WeCom answers errors as JSON, files with Content-Disposition
                return (_file_name(disposition.filename, media_id), data)
        except (aiohttp.ClientError, TimeoutError) as error:
            raise WeComAPIError(TRANSPORT_ERRCODE, f"network: {error!r}", True) from error

    # -- web sign-in ---------------------------------------------------------------------------------------------

    async def user_id_from_code(self, code: str) -> str | None:
        """The member who signed in through web authorisation (OAuth2 snsapi_base): the code from the redirect →
        /cgi-bin/auth/getuserinfo → userid; None for someone who is not a member of the corp (openid only)."""
        result = await self._with_token(lambda token: self._request_json(
            "GET", "/cgi-bin/auth/getuserinfo", params={"access_token": token, "code": code}))
        userid = result.get("userid") or result.get("UserId")
        return userid if isinstance(userid, str) and userid else None

    # -- plumbing ------------------------------------------------------------------------------------------------

    async def _with_token(self, call: Callable[[str], Any]) -> Any:
        """Run `call(token)`; on a token errcode refresh once and run it again."""
        token = await self.access_token()
        result = await call(token)
        if isinstance(result, dict) and result.get("errcode") in TOKEN_ERRCODES:
            self._invalidate(token)
            result = await call(await self.access_token())
        return _checked(result) if isinstance(result, dict) else result

    async def _request_json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with self._session.request(method, self._url(path), timeout=self._timeout, **kwargs) as r:
                if r.status >= 400:
                    raise _http_error(r.status)
                return _json_body(await r.read())
        except (aiohttp.ClientError, TimeoutError) as error:
            raise WeComAPIError(TRANSPORT_ERRCODE, f"network: {error!r}", True) from error

    def _url(self, path: str) -> str:
        return self._base + path


async def _read_at_most(response: aiohttp.ClientResponse, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in response.content.iter_chunked(256 * 1024):
        size += len(chunk)
        if size > limit:
            raise MediaTooLarge(TRANSPORT_ERRCODE, f"download larger than {limit} bytes", False)
        chunks.append(chunk)
    return b"".join(chunks)


def _file_name(header_name: str | None, media_id: str) -> str:
    """The name from Content-Disposition; percent-encoded UTF-8 (as some servers send in filename=) decoded."""
    if not header_name:
        return media_id
    if "%" in header_name:
        try:
            return unquote(header_name, errors="strict")
        except UnicodeDecodeError:
            return header_name
    return header_name


def _join_recipients(touser: Sequence[str]) -> str:
    if isinstance(touser, str):
        raise ValueError("touser must be a list of user ids, not a string")
    ids = [user for user in touser if user]
    if not ids or len(ids) > MAX_RECIPIENTS:
        raise ValueError(f"touser must hold 1–{MAX_RECIPIENTS} user ids, got {len(ids)}")
    if any("|" in user for user in ids):
        raise ValueError("a user id cannot contain '|'")
    return "|".join(ids)


def _json_body(data: bytes) -> dict[str, Any]:
    try:
        result = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        raise WeComAPIError(TRANSPORT_ERRCODE, "answer is not JSON", True) from None
    if not isinstance(result, dict):
        raise WeComAPIError(TRANSPORT_ERRCODE, "answer is not a JSON object", True)
    return result


def _checked(result: dict[str, Any]) -> dict[str, Any]:
    errcode = result.get("errcode", 0)
    if not isinstance(errcode, int):
        raise WeComAPIError(TRANSPORT_ERRCODE, f"errcode is not an integer: {errcode!r}", True)
    if errcode != 0:
        # A token error that survived the one refresh is the secret itself (40001) or WeCom confused: the former
        # will not heal by waiting, the latter may.
        retryable = errcode in RETRYABLE_ERRCODES or errcode in (40014, 42001)
        raise WeComAPIError(errcode, str(result.get("errmsg", "")), retryable)
    return result


def _http_error(status: int) -> WeComAPIError:
    return WeComAPIError(TRANSPORT_ERRCODE, f"HTTP {status}", status >= 500 or status == 429)
