"""The supervisor's desk in headless Chromium: sign-in through the stand-in's OAuth, the area at a glance, a unit's
report with its findings in place, 退回 with a reason, the clerk's fix by chat, 通过 with confirmation and the
clerk told; another area's supervisor refused; the admin's org upload; every page at 390 px and 1280 px without
anything leaving the viewport. One browser for the module.

Screenshots go to $NIANBAO_SCREENSHOTS when set (to look at them), else to a temporary directory.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from tests.e2e.desk_setup import AREA_A, AREA_B, CITY, OTHER_UNIT, RETURNED, Desk, running_desk, seed_city
from tests.e2e.servers import eventually
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

pytestmark = pytest.mark.asyncio(loop_scope="module")
WIDTHS = (390, 1280)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[object]:
    async_playwright = require_browser()
    async with async_playwright() as p:
        launched = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    target = Path(os.environ.get("NIANBAO_SCREENSHOTS") or tmp_path / "shots")
    target.mkdir(parents=True, exist_ok=True)
    return target


async def signed_in_page(browser, desk: Desk, userid: str, width: int = 1280):
    context = await browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = await context.new_page()
    await page.goto(f"{desk.wecom.url}/_standin/signin?userid={userid}")
    return page


async def fits(page, shots: Path, name: str) -> None:
    """At each width: a full-page screenshot, and nothing wider than the viewport."""
    for width in WIDTHS:
        await page.set_viewport_size({"width": width, "height": 900})
        overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} at {width} px is {overflow} px too wide"
        await page.screenshot(path=str(shots / f"{name}-{width}.png"), full_page=True)
        await page.screenshot(path=str(shots / f"{name}-{width}-top.png"))  # what the eye meets first
    await page.set_viewport_size({"width": 1280, "height": 900})


def texts(desk: Desk, user: str) -> list[str]:
    return [m["text"] for m in desk.wecom.standin.outbox(user) if m["msgtype"] == "text"]


async def test_a_supervisor_returns_and_approves_a_report_in_the_browser(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        response = await page.goto(desk.url + "/desk/")  # → WeCom's authorise page (the stand-in) → back, signed in
        assert response is not None and response.ok
        assert page.url.startswith(desk.url + "/desk/area/")
        rows = page.locator("table.units tbody tr[data-unit]")
        assert await rows.count() == 5
        assert OTHER_UNIT not in await page.content()
        flagged = page.locator(f"tr[data-unit='{RETURNED}']")
        assert await flagged.locator("td[data-label='错误']").inner_text() == "1"
        assert await page.locator(".chart svg polyline").count() == 2
        await fits(page, shots, "overview")

        # sorted and filtered on the server
        errors = [int(t) for t in await page.locator("td[data-label='错误']").all_inner_texts()]
        await page.goto(desk.url + f"/desk/area/{AREA_A}?sort=-errors")
        assert int(await rows.first.locator("td[data-label='错误']").inner_text()) == max(errors)
        await page.select_option("select[name=flag]", "errors")
        await page.click("form.filters button")
        assert await rows.count() == sum(1 for n in errors if n) and "flag=errors" in page.url

        # the unit's page: the 规章 cell marked, its finding listed, the history of the import
        await flagged_unit(page, desk)
        await fits(page, shots, "unit")
        cell = page.locator("td[data-cell='t2.regulations.issued']")
        assert "flag-error" in (await cell.get_attribute("class") or "")
        finding = page.locator("ol.findings li.error[data-rule='R7']")
        assert await finding.count() == 1
        assert "R7" not in await finding.inner_text()  # a supervisor reads the finding, not the checker's code

        # 退回 with a reason: the clerk is told, as from the chat
        await page.fill("textarea[name=reason]", "规章应为0，请更正后重新提交")
        await page.click("button.danger")
        assert "已退回" in await page.locator(".notice.ok").inner_text()
        notice = await eventually(lambda: texts(desk, "staff4"))
        assert "退回意见：规章应为0，请更正后重新提交" in notice[0]

        # the clerk fixes it by chat and hands it in again
        async with aiohttp.ClientSession() as http:
            assert "【2.1】规章" in await desk.say(http, "staff4", "好的")
            await desk.say(http, "staff4", "0 0 0")
            done = await desk.say(http, "staff4", "提交")
            if "确认提交" in done:
                await desk.say(http, "staff4", "确认提交 已核实")
        assert desk.store.report(RETURNED, 2024).status == "submitted"

        # 通过 needs the confirmation box, then the clerk is told
        await page.reload()
        assert await page.locator("td.flag-error").count() == 0
        await page.click("#review button.primary")  # the box unticked: the browser does not send it
        assert desk.store.report(RETURNED, 2024).status == "submitted"
        await page.check("input[name=confirm]")
        await page.click("#review button.primary")
        assert "已审核通过" in await page.locator(".notice.ok").inner_text()
        assert desk.store.report(RETURNED, 2024).status == "approved"
        approved = await eventually(lambda: [t for t in texts(desk, "staff4") if "已审核通过" in t])
        assert approved
        history = page.locator("table.history tbody tr")
        assert "已通过" in await history.last.text_content()  # the long history is folded

        # the supervisor of another area: 403 for A's pages, in the browser too
        other = await signed_in_page(browser, desk, "supB")
        await other.goto(desk.url + "/desk/")
        denied = await other.goto(desk.url + f"/desk/unit/{RETURNED}")
        assert denied is not None and denied.status == 403
        assert "不在您的审核范围" in await other.content()
        await fits(other, shots, "forbidden")


async def flagged_unit(page, desk: Desk) -> None:
    await page.goto(desk.url + f"/desk/area/{AREA_A}")
    await page.click(f"tr[data-unit='{RETURNED}'] a")
    assert RETURNED in await page.locator("h1").first.inner_text()


async def test_an_admin_uploads_the_organisation_in_the_browser(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "root")
        await page.goto(desk.url + "/desk/admin")
        assert await page.locator("#org form").count() == 1
        assert "、开发区之一" in await page.locator("#unit-kinds").inner_text()  # the kinds a row may give
        before = [desk.store.units(), desk.store.users()]
        bad = tmp_path / "org_bad.csv"
        bad.write_text("userid,name,role,unit,unit_kind,area\n"
                       "u1,王一,staff,新城镇,镇,示范县\n"
                       "u2,王二,老板,新城镇,镇,示范县\n"
                       "u3,王三,staff,新城镇,镇,示范县\n", encoding="utf-8")
        await page.set_input_files("#org input[type=file]", str(bad))
        await page.click("#org button")
        problems = await page.locator("#org-problems").inner_text()
        assert "第3行" in problems and "老板" in problems and "第2行" not in problems
        assert [desk.store.units(), desk.store.users()] == before
        await fits(page, shots, "admin-bad-org")

        good = tmp_path / "org_good.csv"
        good.write_text(bad.read_text(encoding="utf-8").replace("老板", "staff")
                        + "u4,王四,staff,示范县经济开发区管委会,开发区,示范县\n", encoding="utf-8")
        await page.set_input_files("#org input[type=file]", str(good))
        await page.click("#org button")
        assert "新增人员4名" in await page.locator("#org-result").inner_text()
        assert desk.store.unit("新城镇") is not None and desk.store.user("u2") is not None
        assert desk.store.unit("示范县经济开发区管委会").kind == "开发区"


async def test_a_city_supervisor_sees_both_counties_and_their_roll_up(browser, tmp_path, shots) -> None:
    async with running_desk(tmp_path, seed=seed_city) as desk:
        page = await signed_in_page(browser, desk, "supCity")
        await page.goto(desk.url + "/desk/")
        parts = page.locator("tr[data-part]")
        assert sorted(await parts.evaluate_all("rows => rows.map(r => r.dataset.part)")) == sorted([AREA_A, AREA_B])
        assert await page.locator("tr[data-unit]").count() == 6
        await fits(page, shots, "city")
        await page.click("a[href$='/check']")
        assert "之和一致" in await page.locator("#nested-check").inner_text()
        await page.go_back()
        await page.click(f"tr[data-part='{AREA_A}'] a")  # drill into a county
        assert await page.locator("tr[data-unit]").count() == 5
        assert CITY in await page.locator("main p.small a").first.inner_text()  # and back up


async def test_the_desks_tables_are_named_and_say_how_they_are_sorted(browser, tmp_path) -> None:
    """A screen reader names each table, and hears which column the list is sorted by and which way."""
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA")
        await page.goto(desk.url + f"/desk/area/{AREA_A}?sort=-errors")
        units = page.get_by_role("table", name=f"{AREA_A}各单位填报情况")
        assert await units.locator("tbody tr[data-unit]").count() == 5
        assert await units.locator("th[aria-sort]").all_inner_texts() == ["错误 ▼"]
        assert await units.locator("th[aria-sort]").get_attribute("aria-sort") == "descending"
        await flagged_unit(page, desk)
        await page.locator("#history summary").click()  # the long history of the import is folded
        assert await page.get_by_role("table", name="修改记录").count() == 1


async def test_on_a_phone_a_units_row_leaves_out_what_needs_no_attention(browser, tmp_path, shots) -> None:
    """At 390 px each unit is a card: 错误 0, 保留警告 0 and an empty 期限 are left out, so a county's list is
    scrolled through quickly; a unit with errors still shows them. At desk width every column stays."""
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA", width=390)
        await page.goto(desk.url + f"/desk/area/{AREA_A}")
        clean = page.locator(f"tr[data-unit]:not([data-unit='{RETURNED}'])").first
        flagged = page.locator(f"tr[data-unit='{RETURNED}']")
        assert not await clean.locator("td[data-label='错误']").is_visible()
        assert not await clean.locator("td[data-label='期限']").is_visible()  # handed in: nothing left to count
        assert await flagged.locator("td[data-label='错误']").is_visible()
        assert await clean.locator("td[data-label='状态']").is_visible()
        await fits(page, shots, "overview-phone")
        await page.set_viewport_size({"width": 1280, "height": 900})
        assert await clean.locator("td[data-label='错误']").is_visible()


async def test_the_charts_dates_are_legible_on_a_phone(browser, tmp_path) -> None:
    """The progress chart shrinks to the phone's width; its dates (start, end, 截止) stay at least 12 px high and
    inside the chart."""
    async with running_desk(tmp_path) as desk:
        page = await signed_in_page(browser, desk, "supA", width=390)
        await page.goto(desk.url + f"/desk/area/{AREA_A}")
        svg = await page.locator(".chart svg").bounding_box()
        labels = page.locator(".chart svg text")
        assert await labels.count() == 3
        for n in range(3):
            box = await labels.nth(n).bounding_box()
            assert box is not None and svg is not None and box["height"] >= 12, await labels.nth(n).inner_html()
            assert svg["y"] <= box["y"] and box["y"] + box["height"] <= svg["y"] + svg["height"] + 0.5
            assert svg["x"] <= box["x"] and box["x"] + box["width"] <= svg["x"] + svg["width"] + 0.5
