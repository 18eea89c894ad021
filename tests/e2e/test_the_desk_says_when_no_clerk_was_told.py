"""通过 or 退回 on the desk for a unit without a registered clerk: nobody receives the notice, so the page says so
(请另行通知) instead of telling the supervisor the clerk has been told. A unit with a clerk: the clerk is told."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from bot.importers import import_report
from storage import Store, Unit
from tests.conftest import seed_path
from tests.e2e.desk_setup import AREA_A, START, UNITS, running_desk, seed_store
from tests.e2e.servers import eventually
from tests.e2e.test_desk_browser import browser, shots, signed_in_page, texts

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
NOBODY_APPROVED, NOBODY_RETURNED = "无人镇", "无人乡"


def seed_units_without_clerks(store: Store) -> None:
    seed_store(store)
    for name, kind in ((NOBODY_APPROVED, "镇"), (NOBODY_RETURNED, "乡")):
        store.save_unit(Unit(name, kind, AREA_A))
        report = replace(import_report(seed_path(0)).report, unit=name, unit_kind=kind, year=2024)
        store.save_report(report, "import", START - timedelta(days=1), status="submitted")


async def review(page, url: str, unit: str, action: str) -> str:
    await page.goto(f"{url}/desk/unit/{unit}")
    if action == "approve":
        await page.check("input[name=confirm]")
        await page.click("#review button.primary")
    else:
        await page.fill("textarea[name=reason]", "请补充表三说明")
        await page.click("#review button.danger")
    return await page.locator(".notice.ok").inner_text()


async def test_the_desk_says_nobody_was_told_when_the_unit_has_no_clerk(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_units_without_clerks) as desk:
        page = await signed_in_page(browser, desk, "supA")
        said = await review(page, desk.url, NOBODY_APPROVED, "approve")
        assert "未登记填报人" in said and "已通知" not in said
        assert desk.store.report(NOBODY_APPROVED, 2024).status == "approved"
        said = await review(page, desk.url, NOBODY_RETURNED, "return")
        assert "未登记填报人" in said and "已发送" not in said
        assert desk.store.report(NOBODY_RETURNED, 2024).status == "returned"
        await page.screenshot(path=str(shots / "returned-nobody-told.png"))

        clerk_unit = UNITS[0][0]  # 刘街乡, clerk staff0
        said = await review(page, desk.url, clerk_unit, "approve")
        assert "已通知填报人" in said and "未登记" not in said
        assert await eventually(lambda: [t for t in texts(desk, "staff0") if "已审核通过" in t])
