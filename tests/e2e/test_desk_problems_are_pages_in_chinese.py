"""What goes wrong on the desk is said in a page, in Chinese, with a way back: a mistyped or outdated link (not
aiohttp's "404: Not Found"), a form that is not the page's (not "action and year required"), and a failure of the
server (not the JSON {"ok": false} the app's catch-all gives machines)."""

from __future__ import annotations

import pytest

from handlers.web.desk import pages
from tests.e2e.desk_setup import AREA_A, RETURNED, running_desk, signed_in_session
from tests.e2e.test_desk_access import csrf_of
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared


async def test_a_wrong_link_and_a_failing_page_are_said_in_chinese(browser, tmp_path, shots, monkeypatch) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        for path in ("/desk/foo", "/desk/unit/", f"/desk/unit/{RETURNED}/review", f"/desk/area/{AREA_A}/x.pdf"):
            response = await page.goto(desk.url + path)
            assert response is not None and response.status == 404, path
            assert await page.locator("h1").inner_text() == "页面不存在"
            assert "Not Found" not in await page.content()
            assert await page.locator("a[href='/desk']").count() >= 1  # the way back
        await fits(page, shots, "not-found")

        def broken(*_: object) -> None:
            raise RuntimeError("a bug")

        monkeypatch.setattr(pages, "area_overview", broken)
        response = await page.goto(desk.url + f"/desk/area/{AREA_A}")
        assert response is not None and response.status == 503
        assert "暂时无法显示" in await page.locator("h1").inner_text()
        assert '"ok"' not in await page.content()


async def test_a_form_that_is_not_the_pages_is_refused_in_chinese(tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        http = await signed_in_session(desk, "supA")
        try:
            async with http.get(desk.url + f"/desk/unit/{RETURNED}") as r:
                token = csrf_of(await r.text())
            async with http.post(desk.url + f"/desk/unit/{RETURNED}/review", data={"csrf": token}) as r:
                text = await r.text()
                assert r.status == 400 and "操作未执行" in text and "required" not in text
            assert desk.store.report(RETURNED, 2024).status == "submitted"
        finally:
            await http.close()
