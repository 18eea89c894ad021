"""The desk's session: a signed, expiring cookie naming the WeCom member, and the CSRF token derived from it.

The cookie holds {userid, expiry, nonce} in base64 with an HMAC-SHA256 of NIANBAO_SECRET_KEY, so nothing is stored
on the server and a forged or altered cookie is refused. It is HttpOnly (no script reads it) and SameSite=Lax (sent
when WeCom's authorisation redirects back, never with a cross-site form); Secure when the site is served over https.
Every action also carries a CSRF token, an HMAC of the session's nonce, checked in constant time.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass

from aiohttp import web

SESSION_COOKIE = "nianbao_desk"
STATE_COOKIE = "nianbao_desk_signin"
SESSION_SECONDS = 8 * 3600  # a working day; then WeCom signs the member in again, silently
STATE_SECONDS = 600  # from the authorisation redirect to the member's return


@dataclass(frozen=True)
class Session:
    userid: str
    expires: int
    nonce: str


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, purpose: str, payload: str) -> str:
    return hmac.new(secret.encode(), f"{purpose}\n{payload}".encode(), hashlib.sha256).hexdigest()


def sign(secret: str, purpose: str, values: dict[str, object]) -> str:
    payload = _b64(json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode())
    return f"{payload}.{_mac(secret, purpose, payload)}"


def unsign(secret: str, purpose: str, token: str | None, now: float) -> dict[str, object] | None:
    """The values of a token this server signed for `purpose` and not yet expired ("exp"); None for anything else."""
    if not token or token.count(".") != 1:
        return None
    payload, mac = token.split(".")
    if not hmac.compare_digest(mac.encode(), _mac(secret, purpose, payload).encode()):
        return None
    try:
        values = json.loads(_unb64(payload))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(values, dict) or not isinstance(values.get("exp"), int) or values["exp"] <= now:
        return None
    return values


def new_session(secret: str, userid: str, now: float) -> tuple[Session, str]:
    session = Session(userid, int(now) + SESSION_SECONDS, secrets.token_urlsafe(16))
    return session, sign(secret, "session", {"u": userid, "exp": session.expires, "n": session.nonce})


def read_session(secret: str, cookie: str | None, now: float) -> Session | None:
    values = unsign(secret, "session", cookie, now)
    if values is None or not isinstance(values.get("u"), str) or not isinstance(values.get("n"), str):
        return None
    return Session(values["u"], values["exp"], values["n"])  # type: ignore[arg-type]


def csrf_token(secret: str, session: Session) -> str:
    return _mac(secret, "csrf", session.nonce)


def csrf_ok(secret: str, session: Session, token: str | None) -> bool:
    return bool(token) and hmac.compare_digest(str(token).encode(), csrf_token(secret, session).encode())


def set_cookie(response: web.StreamResponse, name: str, value: str, max_age: int, secure: bool, path: str) -> None:
    response.set_cookie(name, value, max_age=max_age, path=path, httponly=True, samesite="Lax", secure=secure)
