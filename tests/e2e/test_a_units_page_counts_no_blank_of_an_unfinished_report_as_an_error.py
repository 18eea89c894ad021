"""A unit's page on the desk, for a report still being filled in, lists what is still to fill (each table's blank
cells, each part not written) instead of an error for every blank cell — as the chat's 查看 says it — and checks
only what is filled: a 规章 typed by a township is still an error."""

from __future__ import annotations

import pytest

from bot.report import Report
from storage import Store, Unit, User
from tests.e2e.desk_setup import AREA_A, START, running_desk, seed_store
from tests.e2e.test_desk_browser import browser, fits, shots, signed_in_page

pytestmark = pytest.mark.asyncio(loop_scope="module")
__all__ = ["browser", "shots"]  # the module's fixtures, shared
HALF = "半填乡"


def seed_a_report_half_filled(store: Store) -> None:
    seed_store(store)
    store.save_unit(Unit(HALF, "乡", AREA_A))
    store.save_user(User("staffH", "半填经办人", "staff", HALF, AREA_A))
    report = Report(unit=HALF, unit_kind="乡", year=2024)
    for cell, value in (("t2.regulations.issued", 1), ("t2.regulations.repealed", 0), ("t2.regulations.valid", 1)):
        report.cells[cell] = value  # a township's 规章: the one real error
    store.save_report(report, "staffH", START, status="draft")


async def test_an_unfinished_reports_page_lists_what_is_still_to_fill(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_a_report_half_filled) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(f"{desk.url}/desk/unit/{HALF}")
        panel = await page.locator("#findings").inner_text()
        assert "报告尚未填完，未填的内容不计为错误。还需填写：" in panel
        assert "表三（收到和处理政府信息公开申请情况）：全部144格未填" in panel
        assert "六、其他需要报告的事项：未写" in panel
        assert "已填部分：1处错误" in panel and "未填" not in await page.locator("#findings ol").inner_text()
        await fits(page, shots, "unit-unfinished")
