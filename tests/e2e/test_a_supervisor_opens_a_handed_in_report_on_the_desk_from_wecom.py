"""When a unit hands its report in, the area's supervisors get, besides the notice and the 通过/退回 card, a card
that opens the unit's page on the desk: in WeCom they tap it and land on the report, signed in, ready to review."""

from __future__ import annotations

from urllib.parse import quote

import aiohttp
import pytest

from tests.e2e.desk_setup import RETURNED, running_desk, signed_in_session
from tests.e2e.servers import eventually
from tests.e2e.test_desk_access import csrf_of
from tests.e2e.test_desk_browser import browser, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser"]  # the module's fixture, shared
CLERK = "staff4"  # the clerk of 柳园口乡


async def test_the_handed_in_notice_carries_a_card_to_the_units_desk_page(browser, tmp_path) -> None:
    async with running_desk(tmp_path) as desk:
        supervisor = await signed_in_session(desk, "supA")
        try:
            async with supervisor.get(f"{desk.url}/desk/unit/{RETURNED}") as r:
                token = csrf_of(await r.text())
            async with supervisor.post(f"{desk.url}/desk/unit/{RETURNED}/review",
                                       data={"action": "return", "reason": "规章应为0", "year": "2024", "csrf": token}):
                pass
        finally:
            await supervisor.close()
        async with aiohttp.ClientSession() as http:  # the clerk corrects it by chat and hands it in again
            await desk.say(http, CLERK, "好的")
            await desk.say(http, CLERK, "0 0 0")
            done = await desk.say(http, CLERK, "提交")
            if "确认提交" in done:
                await desk.say(http, CLERK, "确认提交 已核实")
        assert desk.store.report(RETURNED, 2024).status == "submitted"

        [card] = await eventually(lambda: [m for m in desk.wecom.standin.outbox("supA") if m["msgtype"] == "textcard"])
        assert RETURNED in card["title"] and "审核台" in card["description"]
        assert card["url"] == f"{desk.url}/desk/unit/{quote(RETURNED)}"
        assert not [m for m in desk.wecom.standin.outbox("supB") if m["msgtype"] == "textcard"]  # another area's

        page = await signed_in_page(browser, desk, "supA")  # the tap, in WeCom's browser
        response = await page.goto(card["url"])
        assert response is not None and response.ok
        assert RETURNED in await page.locator("h1").first.inner_text()
        assert await page.locator("#review").count() == 1
