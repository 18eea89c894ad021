"""Who is asking, and what they may see: the session cookie → an active supervisor or admin, the areas they
cover (exactly as in the chat: a supervisor their own area, an admin every area), and the CSRF check of actions.

A page asked for without a session, or with one that has expired, is sent to sign in (silent inside WeCom); a
forged session, an expired one on an action, a staff member, someone from another area or an action without its
CSRF token gets 403 and a page that says why.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web

from bot.supervision.commands import SUPERVISOR_ROLES
from handlers.web.desk.routes import DESK_KEY, DESK_PREFIX, Desk
from handlers.web.desk.session import SESSION_COOKIE, Session, csrf_ok, csrf_token, read_session
from storage import Store, User
from templates import render

log = logging.getLogger("nianbao.desk")
PAGE_HEADERS = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex", "X-Frame-Options": "DENY",
                "Referrer-Policy": "same-origin"}


@dataclass(frozen=True)
class Visitor:
    session: Session
    user: User
    csrf: str
    areas: frozenset[str] = frozenset()  # a supervisor's area and the areas nested in it (a city's counties)

    @property
    def is_admin(self) -> bool:
        return self.user.role == "admin"

    def may_see(self, area: str | None) -> bool:
        """An admin sees every area; a supervisor their own and those nested in it (a unit without an area:
        admins only)."""
        return self.is_admin or (bool(area) and area in self.areas)


def desk_of(request: web.Request) -> Desk:
    return request.app[DESK_KEY]


def store_of(request: web.Request) -> Store:
    return request.app[desk_of(request).store_key]


def settings_of(request: web.Request):  # -> handlers.config.Settings
    return request.app[desk_of(request).settings_key]


def link(*segments: str, **query: str) -> str:
    """A desk path: each segment quoted (unit and area names are Chinese), then the query string."""
    path = DESK_PREFIX + "".join("/" + quote(s, safe="") for s in segments)
    shown = {k: v for k, v in query.items() if v not in ("", None)}
    return path + ("?" + urlencode(shown) if shown else "")


def page(name: str, status: int = 200, visitor: Visitor | None = None, **context: object) -> web.Response:
    html = render(f"pages/desk/{name}.html.j2", me=visitor.user if visitor else None,
                  csrf=visitor.csrf if visitor else "", link=link, **context)
    return web.Response(text=html, status=status, content_type="text/html", headers=PAGE_HEADERS)


def forbidden(reason: str, visitor: Visitor | None = None, typed: str = "", back: str = "") -> web.HTTPForbidden:
    """403 with a page saying why; `typed` is what the refused form carried (a 退回 reason), shown to copy, and
    `back` the page to sign in again to."""
    html = render("pages/desk/forbidden.html.j2", reason=reason, me=visitor.user if visitor else None, csrf="",
                  link=link, typed=typed, back=back)
    return web.HTTPForbidden(text=html, content_type="text/html", headers=PAGE_HEADERS)


async def visitor_of(request: web.Request) -> Visitor:
    """The signed-in supervisor or admin; else a redirect to sign in (no session at all, on a GET) or 403."""
    cookie = request.cookies.get(SESSION_COOKIE)
    secret = settings_of(request).secret_key
    session = read_session(secret, cookie, desk_of(request).wall_clock())
    if session is None and request.method == "GET" and (cookie is None or _expired(secret, cookie)):
        # a page left open overnight: WeCom signs the member in again, silently, and brings them back here
        raise web.HTTPFound(link("login", next=str(request.rel_url)))
    if session is None:
        log.warning("desk: %s with a forged or expired session from %s", request.path, request.remote)
        raise forbidden("session")
    store = store_of(request)
    user = await store.run(store.user, session.userid)
    if user is None or not user.active or user.role not in SUPERVISOR_ROLES:
        raise forbidden("not_supervisor")
    areas = frozenset(await store.run(store.areas_within, user.area)) if user.area and not user.role == "admin" \
        else frozenset()
    return Visitor(session, user, csrf_token(secret, session), areas)


async def _refuse_kindly(request: web.Request) -> None:
    """A form sent after the session expired (a page left open overnight): refused all the same, but the reason the
    supervisor typed is shown to copy, and signing in again leads back to the unit's page."""
    cookie = request.cookies.get(SESSION_COOKIE)
    if not cookie or not _expired(settings_of(request).secret_key, cookie):
        return
    form = await request.post()
    typed = form.get("reason")
    path = request.rel_url.raw_path  # still quoted, as a Location header wants it
    back = path.removesuffix("/review") if path.endswith("/review") else ""
    raise forbidden("session", typed=typed.strip() if isinstance(typed, str) else "", back=back)


def _expired(secret: str, cookie: str) -> bool:
    """A session this server signed whose time is up (read as of the epoch); a forged one is not merely expired."""
    return read_session(secret, cookie, 0) is not None


async def acting_visitor(request: web.Request) -> tuple[Visitor, Mapping[str, Any]]:
    """The visitor of a POST and its form (urlencoded, or multipart with a file), after the CSRF check."""
    try:
        visitor = await visitor_of(request)
    except web.HTTPForbidden:
        await _refuse_kindly(request)
        raise
    form = await request.post()
    token = form.get("csrf")
    if not isinstance(token, str) or not csrf_ok(settings_of(request).secret_key, visitor.session, token):
        log.warning("desk: %s by %s without a valid CSRF token", request.path, visitor.user.userid)
        raise forbidden("csrf", visitor)
    return visitor, form
