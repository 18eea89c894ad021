"""Two tabs (or two supervisors) on one report: the second 通过 or 退回 finds the report already acted on. The page
says so in the desk's words (已审核通过，无需重复操作) and changes nothing, never the chat's 回复「…」 instructions."""

from __future__ import annotations

import pytest

from tests.e2e.desk_setup import UNITS, running_desk
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared


async def approve(page) -> None:
    await page.check("input[name=confirm]")
    await page.click("#review button.primary")


async def return_it(page, reason: str) -> None:
    await page.fill("textarea[name=reason]", reason)
    await page.click("#review button.danger")


async def test_the_second_tab_is_told_the_report_was_already_acted_on(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        first = await signed_in_page(browser, desk, "supA")
        second = await first.context.new_page()
        approved, returned = UNITS[0][0], UNITS[1][0]  # both submitted, without errors
        for page in (first, second):
            await page.goto(f"{desk.url}/desk/unit/{approved}")
        await approve(first)
        assert "已审核通过" in await first.locator(".notice.ok").inner_text()
        await approve(second)
        said = await second.locator(".notice.bad").first.inner_text()
        assert "已审核通过，无需重复操作" in said and "回复" not in said
        await fits(second, shots, "refused-twice")

        for page in (first, second):
            await page.goto(f"{desk.url}/desk/unit/{returned}")
        await return_it(first, "请补充表三说明")
        await return_it(second, "表二数字有误")
        said = await second.locator(".notice.bad").first.inner_text()
        assert "已退回，无需重复操作" in said and "回复" not in said
        assert desk.store.report(approved, 2024).status == "approved"
        assert desk.store.report(returned, 2024).returned_reason == "请补充表三说明"
