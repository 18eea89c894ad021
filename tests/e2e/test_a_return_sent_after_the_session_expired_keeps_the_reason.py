"""A supervisor types a long 退回 reason in a page left open past the session's working day and presses 退回: the
action is refused (a session that has expired acts on nothing), but the page shows the reason they typed to copy,
and signing in again leads back to that unit's page."""

from __future__ import annotations

import time
from urllib.parse import quote

import pytest

from handlers.web.desk.session import SESSION_COOKIE
from tests.e2e.desk_setup import RETURNED, running_desk
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
REASON = "表二规章一栏应为0；表三结转数与上年报告不一致，请核对后重新提交"


async def test_the_reason_typed_is_kept_and_sign_in_leads_back(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/unit/{RETURNED}")
        await page.fill("textarea[name=reason]", REASON)
        expired = desk.forged_session("supA", time.time() - 60)  # the working day is over
        await page.context.add_cookies([{"name": SESSION_COOKIE, "value": expired, "domain": "127.0.0.1",
                                         "path": "/desk", "httpOnly": True, "sameSite": "Lax"}])
        async with page.expect_response(lambda r: r.url.endswith("/review")) as sent:
            await page.click("#review button.danger")
        assert (await sent.value).status == 403
        assert await page.locator("#typed").input_value() == REASON
        assert "本次操作未执行" in await page.locator("main").inner_text()
        assert await page.locator("h1").inner_text() == "需要重新登录"  # not 无权访问: nothing was wrong but the time
        assert desk.store.report(RETURNED, 2024).status == "submitted"
        await fits(page, shots, "expired-return")

        await page.click("text=通过企业微信重新登录")  # WeCom signs in again, silently
        assert page.url.split("#")[0] == f"{desk.url}/desk/unit/{quote(RETURNED)}"
        assert await page.locator("textarea[name=reason]").count() == 1
