"""催办 from the desk, as in the chat: a unit not yet handed in has a 催办 panel naming its clerk, and the button
sends the chat's reminder to that clerk over WeCom; a unit without a clerk is told to be phoned; a unit that has
handed in has no 催办."""

from __future__ import annotations

import pytest

from storage import Store, Unit, User
from tests.e2e.desk_setup import AREA_A, UNITS, running_desk, seed_store
from tests.e2e.servers import eventually
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page, texts

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
SLOW, NOBODY = "慢乡", "无人乡"


def seed_units_not_handed_in(store: Store) -> None:
    seed_store(store)
    store.save_unit(Unit(SLOW, "乡", AREA_A))
    store.save_user(User("slow", "孙慢", "staff", SLOW, AREA_A))
    store.save_unit(Unit(NOBODY, "乡", AREA_A))


async def test_a_supervisor_reminds_a_unit_not_handed_in(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_units_not_handed_in) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/unit/{SLOW}")
        panel = page.locator("#remind")
        assert "孙慢" in await panel.inner_text()
        await fits(page, shots, "unit-remind")
        await panel.locator("button").click()
        assert "已向填报人发送催办提醒" in await page.locator(".notice.ok").inner_text()
        reminders = await eventually(lambda: [t for t in texts(desk, "slow") if "【年报催办】" in t])
        assert SLOW in reminders[0]

        await page.goto(f"{desk.url}/desk/unit/{NOBODY}")
        assert "请电话联系" in await page.locator("#remind").inner_text()
        assert await page.locator("#remind button").count() == 0

        await page.goto(f"{desk.url}/desk/unit/{UNITS[0][0]}")  # handed in
        assert await page.locator("#remind").count() == 0
        token = await page.locator("input[name=csrf]").first.get_attribute("value")
        response = await page.request.post(f"{desk.url}/desk/unit/{UNITS[0][0]}/review",  # a page from before
                                           form={"action": "remind", "year": "2024", "csrf": token or ""})
        assert response.status == 409 and "已提交报告，无需催办" in await response.text()
