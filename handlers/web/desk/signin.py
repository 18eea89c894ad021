"""Sign-in through WeCom's web authorisation (OAuth2, scope snsapi_base).

/desk/login redirects to WeCom's authorise URL with a random state kept in a short signed cookie; WeCom sends the
member back to /desk/oauth?code=…&state=…; the code is exchanged through /cgi-bin/auth/getuserinfo for the userid,
and the session cookie is set. Opened inside the WeCom app this is silent: the member never types anything.
"""

from __future__ import annotations

import logging
import secrets
from urllib.parse import urlencode, urlsplit

from aiohttp import web

from handlers.web.desk.access import acting_visitor, desk_of, forbidden, link, page, settings_of
from handlers.web.desk.routes import DESK_PREFIX
from handlers.web.desk.session import (
    SESSION_COOKIE,
    SESSION_SECONDS,
    STATE_COOKIE,
    STATE_SECONDS,
    new_session,
    set_cookie,
    sign,
    unsign,
)
from handlers.wecom.api import WeComAPIError

log = logging.getLogger("nianbao.desk")
WECOM_API_HOST = "qyapi.weixin.qq.com"
WECOM_AUTHORIZE = "https://open.weixin.qq.com/connect/oauth2/authorize"


def authorize_base(api_base: str) -> str:
    """WeCom's authorise page; for a stand-in API (the demo, the tests) the stand-in's own."""
    if urlsplit(api_base).hostname == WECOM_API_HOST:
        return WECOM_AUTHORIZE
    return api_base.rstrip("/") + "/connect/oauth2/authorize"


def authorize_url(api_base: str, corp_id: str, agent_id: int, redirect_uri: str, state: str) -> str:
    query = urlencode({"appid": corp_id, "redirect_uri": redirect_uri, "response_type": "code",
                       "scope": "snsapi_base", "state": state, "agentid": agent_id})
    return f"{authorize_base(api_base)}?{query}#wechat_redirect"


def _safe_next(target: str) -> str:
    """Only a path of the desk itself: never an open redirect to another site."""
    if target.startswith(DESK_PREFIX) and not target.startswith("//") and "\\" not in target:
        return target
    return DESK_PREFIX + "/"


def _secure(request: web.Request) -> bool:
    return settings_of(request).public_url.startswith("https://") or request.secure


async def login(request: web.Request) -> web.Response:
    settings, desk = settings_of(request), desk_of(request)
    state = secrets.token_urlsafe(16)
    value = sign(settings.secret_key, "signin", {"s": state, "next": _safe_next(request.query.get("next", "")),
                                                 "exp": int(desk.wall_clock()) + STATE_SECONDS})
    origin = settings.public_url or str(request.url.origin())
    target = authorize_url(settings.api_base, settings.corp_id, settings.agent_id, origin + link("oauth"), state)
    response = web.HTTPFound(target)
    set_cookie(response, STATE_COOKIE, value, STATE_SECONDS, _secure(request), DESK_PREFIX)
    raise response


async def oauth_return(request: web.Request) -> web.Response:
    settings, desk = settings_of(request), desk_of(request)
    now = desk.wall_clock()
    kept = unsign(settings.secret_key, "signin", request.cookies.get(STATE_COOKIE), now)
    state, code = request.query.get("state", ""), request.query.get("code", "")
    if kept is None or not code or not secrets.compare_digest(str(kept.get("s", "")), state):
        raise forbidden("signin")
    try:
        userid = await request.app[desk.api_key].user_id_from_code(code)
    except WeComAPIError as error:
        log.warning("desk sign-in: getuserinfo failed: %s", error)
        raise forbidden("signin") from None
    if userid is None:
        raise forbidden("not_member")
    _, cookie = new_session(settings.secret_key, userid, now)
    response = web.HTTPFound(_safe_next(str(kept.get("next", ""))))
    set_cookie(response, SESSION_COOKIE, cookie, SESSION_SECONDS, _secure(request), DESK_PREFIX)
    response.del_cookie(STATE_COOKIE, path=DESK_PREFIX)
    log.info("desk: %s signed in", userid)
    raise response


async def logout(request: web.Request) -> web.Response:
    await acting_visitor(request)
    response = web.HTTPSeeOther(link("signed_out"))
    response.del_cookie(SESSION_COOKIE, path=DESK_PREFIX)
    raise response


async def signed_out(request: web.Request) -> web.Response:
    return page("signed_out")
