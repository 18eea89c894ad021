"""A supervisor registered without an area (an org file with the area left blank) opens the desk: the header does
not read "None审核人", and the page says no area is assigned and whom to ask — not the admins' 请在管理页上传, whose
link they cannot use."""

from __future__ import annotations

import pytest

from storage import Store, User
from tests.e2e.desk_setup import running_desk, seed_store
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared


def seed_a_supervisor_without_an_area(store: Store) -> None:
    seed_store(store)
    store.save_user(User("supNone", "钱审核", "supervisor", None, None))


async def test_a_supervisor_without_an_area_is_told_whom_to_ask(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_a_supervisor_without_an_area) as desk:
        page = await signed_in_page(browser, desk, "supNone")
        response = await page.goto(desk.url + "/desk/")
        assert response is not None and response.ok
        assert "None" not in await page.locator("header").inner_text()
        assert "钱审核（审核人）" in await page.locator("header").inner_text()
        assert await page.locator("h1").inner_text() == "尚未指定审核区域"
        assert "联系" in await page.locator("main").inner_text()
        assert await page.locator("main a[href='/desk/admin']").count() == 0
        await fits(page, shots, "home-no-area")
