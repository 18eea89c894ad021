"""退回 of a report already approved undoes the approval (the clerk may have published it): the desk says so, names
the button 撤销通过并退回, and asks for a tick as 通过 does; a form without the tick changes nothing."""

from __future__ import annotations

import pytest

from tests.e2e.desk_setup import UNITS, running_desk, signed_in_session
from tests.e2e.servers import eventually
from tests.e2e.test_desk_access import csrf_of
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page, texts

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
UNIT, CLERK = UNITS[0][0], "staff0"  # 刘街乡: submitted, without errors


async def test_returning_an_approved_report_asks_first_and_says_it_revokes(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/unit/{UNIT}")
        assert await page.locator("#revoke-note").count() == 0  # a report waiting: 退回 as before
        assert await page.locator("#review button.danger").inner_text() == "退回修改"
        await page.check("input[name=confirm]")
        await page.click("#review button.primary")
        assert desk.store.report(UNIT, 2024).status == "approved"

        assert "撤销通过" in await page.locator("#revoke-note").inner_text()
        button = page.locator("#review button.danger")
        assert await button.inner_text() == "撤销通过并退回"
        await fits(page, shots, "unit-approved")

        http = await signed_in_session(desk, "supA")  # a form without the tick (the browser would not send one)
        try:
            async with http.get(f"{desk.url}/desk/unit/{UNIT}") as r:
                token = csrf_of(await r.text())
            async with http.post(f"{desk.url}/desk/unit/{UNIT}/review",
                                 data={"action": "return", "reason": "表三有误", "year": "2024", "csrf": token}) as r:
                assert r.status == 422 and "请勾选“确认撤销通过并退回”" in await r.text()
        finally:
            await http.close()
        assert desk.store.report(UNIT, 2024).status == "approved"

        await page.fill("textarea[name=reason]", "表三有误，请更正")
        await page.check("#review form:has(button.danger) input[name=confirm]")
        await button.click()
        assert desk.store.report(UNIT, 2024).status == "returned"
        assert await eventually(lambda: [t for t in texts(desk, CLERK) if "表三有误，请更正" in t])
