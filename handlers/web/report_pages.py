"""The report as a web page: a link that cannot be guessed, signed with NIANBAO_SECRET_KEY, sent in a textcard."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac

from aiohttp import web

from bot.render import render_html
from bot.report import with_derived
from storage import Store
from templates import render as render_template

REPORT_PATH = "/reports/{token}"
_SIGNATURE_CHARS = 32


def report_token(secret: str, unit: str, year: int) -> str:
    payload = base64.urlsafe_b64encode(f"{unit}\t{year}".encode()).decode().rstrip("=")
    return f"{payload}.{_sign(secret, payload)}"


def read_token(secret: str, token: str) -> tuple[str, int] | None:
    """(unit, year) from a token this server signed; None for anything else."""
    payload, _, signature = token.partition(".")
    if not hmac.compare_digest(signature.encode(), _sign(secret, payload).encode()):
        return None
    try:
        unit, year = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode().split("\t")
        return unit, int(year)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def report_url(public_url: str, secret: str, unit: str, year: int) -> str:
    return public_url.rstrip("/") + REPORT_PATH.format(token=report_token(secret, unit, year))


def _sign(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()[:_SIGNATURE_CHARS]


async def report_response(store: Store, secret: str, token: str) -> web.Response:
    """The page for GET /reports/{token}: the stored report as it stands, or a polite 404."""
    found = read_token(secret, token)
    stored = await store.run(store.report, *found) if found else None
    if stored is None:
        return web.Response(status=404, text=render_template("pages/not_found.html.j2"), content_type="text/html")
    return web.Response(text=render_html(with_derived(stored.report)), content_type="text/html",
                        headers={"Cache-Control": "no-store", "X-Robots-Tag": "noindex"})
