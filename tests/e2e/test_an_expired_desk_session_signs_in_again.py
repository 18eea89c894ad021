"""A supervisor's desk tab left open past the session's working day: the next page they open signs them in again
through WeCom (silent inside the app) and lands on that page, instead of a 无权访问 page to click through."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest

from handlers.web.desk.session import SESSION_COOKIE
from tests.e2e.desk_setup import RETURNED, running_desk
from tests.e2e.test_desk_browser import browser, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser"]  # the module's fixture, shared


async def test_an_expired_session_signs_in_again_and_opens_the_page(browser, tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        expired = desk.forged_session("supA", time.time() - 60)
        await page.context.add_cookies([{"name": SESSION_COOKIE, "value": expired, "domain": "127.0.0.1",
                                         "path": "/desk", "httpOnly": True, "sameSite": "Lax"}])  # as the desk sets it
        response = await page.goto(desk.url + f"/desk/unit/{RETURNED}")
        assert response is not None and response.status == 200
        assert page.url.split("#")[0] == desk.url + f"/desk/unit/{quote(RETURNED)}"  # WeCom's #wechat_redirect stays
        assert RETURNED in await page.locator("h1").first.inner_text()
        fresh = [c["value"] for c in await page.context.cookies(desk.url + "/desk/") if c["name"] == SESSION_COOKIE]
        assert fresh and expired not in fresh
