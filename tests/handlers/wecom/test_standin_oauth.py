"""Web sign-in as WeCom does it (OAuth2 snsapi_base), through the stand-in: the authorise redirect with a code used
once within five minutes, and /cgi-bin/auth/getuserinfo answering the member's userid."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from handlers.web.desk.signin import WECOM_AUTHORIZE, authorize_base, authorize_url
from handlers.wecom.api import WeComAPI, WeComAPIError
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET, FakeClock, RunningStandIn, running_standin


async def authorise(session: aiohttp.ClientSession, wecom: RunningStandIn, userid: str, **override: str) -> str:
    url = authorize_url(wecom.url, CORP, AGENT, "http://desk.example/desk/oauth?x=1", "st4te")
    params = {**{k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}, "userid": userid, **override}
    async with session.get(wecom.url + "/connect/oauth2/authorize", params=params, allow_redirects=False) as r:
        if r.status != 302:
            return f"HTTP {r.status}"
        target = urlsplit(r.headers["Location"])
        assert target.netloc == "desk.example" and target.path == "/desk/oauth"
        q = parse_qs(target.query)
        assert q["state"] == ["st4te"] and q["x"] == ["1"]
        return q["code"][0]


async def test_a_code_names_the_member_once(session: aiohttp.ClientSession, wecom: RunningStandIn) -> None:
    api = WeComAPI(session, wecom.url, CORP, SECRET, AGENT)
    code = await authorise(session, wecom, "zhangsan")
    assert await api.user_id_from_code(code) == "zhangsan"
    with pytest.raises(WeComAPIError) as used:
        await api.user_id_from_code(code)
    assert used.value.errcode == 40029


async def test_a_code_expires_after_five_minutes(session: aiohttp.ClientSession, wecom: RunningStandIn,
                                                 clock: FakeClock) -> None:
    api = WeComAPI(session, wecom.url, CORP, SECRET, AGENT)
    code = await authorise(session, wecom, "zhangsan")
    clock.advance(301)
    with pytest.raises(WeComAPIError):
        await api.user_id_from_code(code)


async def test_someone_outside_the_corp_has_no_userid(session: aiohttp.ClientSession) -> None:
    async with running_standin(FakeClock(), known_users=frozenset({"lisi"})) as wecom:
        api = WeComAPI(session, wecom.url, CORP, SECRET, AGENT)
        assert await api.user_id_from_code(await authorise(session, wecom, "stranger")) is None


async def test_the_authorise_request_is_checked(session: aiohttp.ClientSession, wecom: RunningStandIn) -> None:
    assert await authorise(session, wecom, "u", appid="wrongcorp") == "HTTP 400"
    assert await authorise(session, wecom, "u", scope="snsapi_login") == "HTTP 400"
    assert await authorise(session, wecom, "u", agentid="999") == "HTTP 400"
    assert await authorise(session, wecom, "u", redirect_uri="/relative") == "HTTP 400"


def test_the_real_wecom_authorise_page_is_used_with_the_real_api() -> None:
    assert authorize_base("https://qyapi.weixin.qq.com") == WECOM_AUTHORIZE
    url = authorize_url("https://qyapi.weixin.qq.com", "ww1", 1000002, "https://a.example/desk/oauth", "s")
    assert url.startswith(WECOM_AUTHORIZE + "?appid=ww1&redirect_uri=https%3A%2F%2Fa.example%2Fdesk%2Foauth")
    assert url.endswith("&response_type=code&scope=snsapi_base&state=s&agentid=1000002#wechat_redirect")
