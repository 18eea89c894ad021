"""The report's web page as a phone and a desk show it, and as it prints (issue 11): served by the real server,
opened in Debian's Chromium through Playwright.

At 390 px and 1280 px no element reaches past the screen; printed to A4 each table sits on one page; the status
line says 草稿/已提交/已退回/已通过; a link keeps showing the version handed in while the draft link shows edits.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from bot.importers import import_report
from handlers.web.report_pages import report_url
from storage import Store
from tests.conftest import seed_path
from tests.e2e.servers import make_settings, running_server
from tests.published import table_pages
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

# every element's right edge, beyond the viewport's width (0 when nothing leaves the screen)
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  let worst = document.documentElement.scrollWidth - width, what = "page";
  for (const el of document.querySelectorAll("body *")) {
    const right = el.getBoundingClientRect().right - width;
    if (right > worst) { worst = right; what = el.tagName + " " + (el.textContent || "").slice(0, 20); }
  }
  return [worst, what];
}"""


async def test_the_page_fits_phone_and_desk_prints_each_table_on_a_page_and_says_its_status(tmp_path: Path) -> None:
    report = import_report(seed_path(4)).report
    db = tmp_path / "nianbao.db"
    settings = make_settings(db)
    now = datetime(2025, 1, 10, 2, 30, tzinfo=UTC)
    with Store.open(db) as store:
        store.save_report(report, actor="import", now=now)
    async with running_server(settings) as server:
        link = report_url(server.url, settings.secret_key, report.unit, report.year)
        draft_link = report_url(server.url, settings.secret_key, report.unit, report.year, view="draft")
        async_playwright = require_browser()
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page()

                async def status(url: str = link) -> str:
                    await page.goto(url)
                    return await page.locator(".status strong").inner_text()

                assert await status() == "草稿"
                for width in (390, 1280):
                    await page.set_viewport_size({"width": width, "height": 800})
                    await page.goto(link)
                    worst, what = await page.evaluate(OVERFLOW)
                    assert worst <= 0.5, f"{width}px: {what} reaches {worst}px past the screen"
                    if width == 390:
                        await page.screenshot(path=str(tmp_path / "phone.png"), full_page=True)
                printed = await page.pdf(format="A4", print_background=True)
                pages = table_pages(printed, report)
                assert all(len(found) == 1 for found in pages.values()), pages

                store = server.store
                await store.run(store.set_status, report.unit, report.year, "submitted", now, "clerk")
                assert await status() == "已提交"
                # edited after a 撤回: the link sent at submission shows what was submitted, the draft link the edit
                await store.run(store.set_status, report.unit, report.year, "draft", now, "clerk")
                edited = replace(report, cells={**report.cells, "t2.license": 99})
                await store.run(store.save_report, edited, "clerk", now)
                assert await status() == "草稿"
                shown = page.locator('td[data-cell="t2.license"]')
                assert await shown.inner_text() == str(report.cells["t2.license"])
                assert await status(draft_link) == "草稿" and await shown.inner_text() == "99"
                await store.run(store.set_status, report.unit, report.year, "submitted", now, "clerk")
                await store.run(store.set_status, report.unit, report.year, "returned", now, "sup", "请核对")
                assert await status() == "已退回" and await shown.inner_text() == "99"
                await store.run(store.set_status, report.unit, report.year, "submitted", now, "clerk")
                await store.run(store.set_status, report.unit, report.year, "approved", now, "sup")
                assert await status() == "已通过"

                # the downloads are the same version
                async with server.session.get(f"{link}/report.pdf") as response:
                    assert response.status == 200 and (await response.read())[:4] == b"%PDF"
                async with server.session.get(f"{link}/report.docx") as response:
                    assert response.status == 200 and (await response.read())[:2] == b"PK"
                async with server.session.get(f"{link}/report.exe") as response:
                    assert response.status == 404
            finally:
                await browser.close()

