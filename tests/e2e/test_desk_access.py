"""The desk's sign-in and its walls, over real HTTP: WeCom's web authorisation through the stand-in, a signed
session cookie, and 403 for another area's pages and actions, for a forged or expired session and without the
CSRF token. (The browser walks through the same in tests/e2e/test_desk_browser.py.)"""

from __future__ import annotations

import re
import time
from urllib.parse import parse_qs, urlsplit

import aiohttp
from bs4 import BeautifulSoup

from handlers.web.desk.session import SESSION_COOKIE
from tests.e2e.desk_setup import AREA_A, OTHER_UNIT, RETURNED, Desk, running_desk, signed_in_session
from tests.handlers.standin_fixtures import AGENT, CORP


def csrf_of(html: str) -> str:
    field = BeautifulSoup(html, "html.parser").find("input", {"name": "csrf"})
    assert field is not None
    return str(field["value"])


async def test_sign_in_goes_through_wecom_oauth_and_sets_a_guarded_cookie(tmp_path) -> None:
    async with running_desk(tmp_path) as desk, aiohttp.ClientSession(
            cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.get(f"{desk.wecom.url}/_standin/signin", params={"userid": "supA"}):
            pass
        async with http.get(desk.url + f"/desk/unit/{RETURNED}") as r:
            assert r.status == 200 and RETURNED in await r.text()
            hops = [str(h.headers.get("Location", "")) for h in r.history]
        authorize = urlsplit(hops[1])
        assert authorize.path == "/connect/oauth2/authorize" and authorize.fragment == "wechat_redirect"
        q = parse_qs(authorize.query)
        assert q["appid"] == [CORP] and q["scope"] == ["snsapi_base"] and q["agentid"] == [str(AGENT)]
        assert q["response_type"] == ["code"] and q["redirect_uri"] == [desk.url + "/desk/oauth"]
        back = urlsplit(hops[2])
        assert back.path == "/desk/oauth" and parse_qs(back.query)["state"] == q["state"]
        assert hops[3].startswith("/desk/unit/")  # back where the member wanted to go
        cookie = next(c for c in r.history[3].cookies.values() if c.key == SESSION_COOKIE)
        assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/desk"
        assert 0 < int(cookie["max-age"]) <= 12 * 3600

        # a code is good once; a state that is not ours is refused
        async with http.get(hops[2], allow_redirects=False) as again:
            assert again.status == 403
        async with http.get(desk.url + "/desk/oauth", params={"code": "x", "state": "forged"}) as forged:
            assert forged.status == 403


async def test_without_a_session_the_desk_asks_to_sign_in(tmp_path) -> None:
    async with running_desk(tmp_path) as desk, aiohttp.ClientSession() as http:
        async with http.get(desk.url + "/desk/area/" + AREA_A, allow_redirects=False) as r:
            assert r.status == 302 and r.headers["Location"].startswith("/desk/login?next=")
        async with http.post(desk.url + f"/desk/unit/{RETURNED}/review",
                             data={"action": "approve", "year": "2024", "confirm": "yes"}) as r:
            assert r.status == 403


async def test_another_areas_supervisor_gets_403_for_every_page_and_action(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        b = await signed_in_session(desk, "supB")
        try:
            async with b.get(desk.url + "/desk/", allow_redirects=False) as r:
                assert r.status == 302 and r.headers["Location"] == "/desk/area/%E5%A4%96%E5%8E%BF"
            async with b.get(desk.url + "/desk/area/外县") as r:
                own = await r.text()
                assert r.status == 200 and OTHER_UNIT in own and RETURNED not in own
            token = csrf_of(own)
            for path in (f"/desk/area/{AREA_A}", f"/desk/area/{AREA_A}/rollup.docx",
                         f"/desk/area/{AREA_A}/export.xlsx", f"/desk/unit/{RETURNED}", "/desk/unit/不存在的乡",
                         "/desk/admin"):
                async with b.get(desk.url + path) as r:
                    assert r.status == 403, path
            for action in ({"action": "approve", "confirm": "yes"}, {"action": "return", "reason": "不行"}):
                async with b.post(desk.url + f"/desk/unit/{RETURNED}/review",
                                  data={**action, "year": "2024", "csrf": token}) as r:
                    assert r.status == 403
            assert desk.store.report(RETURNED, 2024).status == "submitted"
        finally:
            await b.close()
        await _forged_expired_and_csrf(desk)


async def _forged_expired_and_csrf(desk: Desk) -> None:
    a = await signed_in_session(desk, "supA")
    try:
        async with a.get(desk.url + f"/desk/unit/{RETURNED}") as r:
            token = csrf_of(await r.text())
        # A's own session, but without (or with a wrong) CSRF token: refused, nothing changes
        for data in ({}, {"csrf": "0" * 64}):
            async with a.post(desk.url + f"/desk/unit/{RETURNED}/review",
                              data={"action": "return", "reason": "规章应为0", "year": "2024", **data}) as r:
                assert r.status == 403 and "页面已过期" in await r.text()
        assert desk.store.report(RETURNED, 2024).status == "submitted"
    finally:
        await a.close()
    forged = desk.forged_session("supA", time.time() + 3600, secret="y" * 32)  # signed with another key
    expired = desk.forged_session("supA", time.time() - 1)
    tampered = desk.forged_session("supB", time.time() + 3600)
    tampered = re.sub(r"^[^.]+", desk.forged_session("supA", time.time() + 3600).split(".")[0], tampered)
    for cookie in (forged, expired, tampered, "garbage", ""):
        async with aiohttp.ClientSession(cookies={SESSION_COOKIE: cookie}) as http:
            async with http.get(desk.url + f"/desk/unit/{RETURNED}", allow_redirects=False) as r:
                if cookie == expired:  # a page left open overnight: signed in again, never shown a refusal
                    assert r.status == 302 and r.headers["Location"].startswith("/desk/login?next="), cookie
                else:
                    assert r.status == 403, cookie
            async with http.post(desk.url + f"/desk/unit/{RETURNED}/review",
                                 data={"action": "approve", "confirm": "yes", "year": "2024", "csrf": token}) as r:
                assert r.status == 403, cookie
    assert desk.store.report(RETURNED, 2024).status == "submitted"


async def test_staff_and_strangers_are_not_let_in(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        for userid in ("staff0", "nobody"):
            http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
            try:
                async with http.get(f"{desk.wecom.url}/_standin/signin", params={"userid": userid}):
                    pass
                async with http.get(desk.url + "/desk/") as r:
                    assert r.status == 403 and "仅供审核人员" in await r.text()
            finally:
                await http.close()
