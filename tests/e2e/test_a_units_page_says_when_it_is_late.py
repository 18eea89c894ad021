"""A unit's page on the desk says what its row in the list says: a report handed in after the deadline is marked
逾期提交, one not yet handed in shows the deadline and how far past it the unit is; one on time says neither."""

from __future__ import annotations

from datetime import date

import pytest

from storage import Store, Unit
from tests.e2e.desk_setup import AREA_A, UNITS, running_desk, seed_store
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
NOT_STARTED = "未填乡"


def seed_an_earlier_deadline(store: Store) -> None:
    """Due on 5 January: 刘街乡 handed in on the 8th (late), 柳园口乡 on the 4th; the desk's clock reads the 10th."""
    seed_store(store)
    store.save_unit(Unit(NOT_STARTED, "乡", AREA_A))
    store.save_campaign(2024, date(2025, 1, 5), date(2025, 1, 31))


async def meta(page, url: str, unit: str) -> str:
    await page.goto(f"{url}/desk/unit/{unit}")
    return await page.locator("main > p").nth(1).inner_text()


async def test_the_units_page_says_late_as_its_row_does(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_an_earlier_deadline) as desk:
        page = await signed_in_page(browser, desk, "supA")
        late, on_time = UNITS[0][0], UNITS[4][0]
        said = await meta(page, desk.url, late)
        assert "逾期提交" in said and "报送截止" not in said
        await fits(page, shots, "unit-late")
        said = await meta(page, desk.url, on_time)
        assert "逾期" not in said and "报送截止" not in said
        said = await meta(page, desk.url, NOT_STARTED)
        assert "报送截止 2025年1月5日（逾期5天）" in said
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")  # the list agrees
        assert "逾期" in await page.locator(f"tr[data-unit='{late}'] td[data-label='提交时间']").inner_text()
        assert "逾期" not in await page.locator(f"tr[data-unit='{on_time}'] td[data-label='提交时间']").inner_text()


async def test_the_overview_tells_the_units_still_owed_from_those_handed_in_late(browser, tmp_path) -> None:
    """Not 4个逾期 for one unit still to chase and three that handed in late: each said apart, and the ones still owed
    a click away (逾期未提交), the whole list of late ones still under 逾期（含逾期提交）."""
    async with running_desk(tmp_path, seed=seed_an_earlier_deadline) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/area/{AREA_A}")
        summary = await page.locator("main > p.muted").first.inner_text()
        assert "共6个单位，1个逾期未提交，3个逾期提交。" in summary
        await page.click("text=1个逾期未提交")
        assert await page.locator("tr[data-unit]").evaluate_all("rows => rows.map(r => r.dataset.unit)") == [NOT_STARTED]
        await page.select_option("select[name=flag]", "late")
        await page.click("form.filters button")
        assert await page.locator("tr[data-unit]").count() == 4
