"""The HTML report in a real browser: served by a real aiohttp server, opened in headless Chromium, printed to A4.

Needs the Debian package `chromium` at /usr/bin/chromium and the Python package `playwright` (never
`playwright install`: it downloads browsers). Without them the test fails and says what to install.
"""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import pytest
from aiohttp import web

from bot.drafting import draft_appeals, draft_fees, draft_on_request
from bot.render import render_html
from bot.report import Report, empty_report, with_derived

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
A4_POINTS = (595.28, 841.89)


def seed_like_report() -> Report:
    """Like seed 004 (柳园口乡 2024): one application from a person, answered in full."""
    report = empty_report("龙亭区柳园口乡", "乡", 2024)
    report.cells.update({"t3.new.person": 1, "t3.open.person": 1, "t2.license": 12, "t2.penalty": 3})
    report = with_derived(report)
    report.text = {
        "s1.summary": "2024年，柳园口乡坚持以习近平新时代中国特色社会主义思想为指导，积极履行政府信息公开职能。",
        "s1.active": "围绕企业纾困帮扶、重大投资项目审批实施、优化营商环境等主题，持续加大政府信息公开力度。",
        "s1.on_request": draft_on_request(report, {"channels": "邮寄"}),
        "s1.management": "严格实行政府信息公开保密审查工作责任制，坚持“先审查、后公开”和“一事一审”。",
        "s1.platform": "加强政府信息公开平台管理，按照法定时限进行实时更新。",
        "s1.oversight": "完善政务公开工作管理制度和实施方案，定期组织业务培训。",
        "s5.problems": "政府信息公开时效性不高，群众关注度较低。",
        "s5.improvements": "提高政务公开时效性，扩大政府信息公开类型及内容。",
        "s6.other": draft_fees(report) + draft_appeals(report),
    }
    return report


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
async def served_report():
    html = render_html(seed_like_report())

    async def page(_request: web.Request) -> web.Response:
        return web.Response(text=html, content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/report.html", page)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    try:
        yield f"http://127.0.0.1:{port}/report.html"
    finally:
        await runner.cleanup()


def require_browser():
    try:
        from playwright.async_api import async_playwright
    except ImportError:
        pytest.fail("the Python package `playwright` is missing: pip install playwright (do not run `playwright install`)")
    if not (CHROMIUM.exists() or shutil.which("chromium")):
        pytest.fail("Chromium is missing: apt-get update && apt-get install -y chromium")
    return async_playwright


async def test_report_renders_and_prints_on_a4_in_chromium(served_report, tmp_path):
    async_playwright = require_browser()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
            response = await page.goto(served_report)
            assert response is not None and response.ok
            assert await page.title() == "龙亭区柳园口乡2024年政府信息公开工作年度报告"
            assert await page.locator("h2").all_inner_texts() == [
                "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]

            t3 = page.locator("table.grid-t3")
            assert await t3.locator("tbody tr").count() == 25
            legal_persons = t3.locator("th[colspan='5']")
            assert (await legal_persons.inner_text()).strip() == "法人或其他组织"
            # the browser lays the merged cells out: 法人或其他组织 is as wide as its five columns together
            box = await legal_persons.bounding_box()
            subs = [await t3.locator("thead tr").nth(2).locator("th").nth(i).bounding_box() for i in range(5)]
            assert abs(box["width"] - (subs[-1]["x"] + subs[-1]["width"] - subs[0]["x"])) < 2
            new_row = t3.locator("tbody tr").first
            assert await new_row.locator("td").all_inner_texts() == ["1", "0", "0", "0", "0", "0", "1"]
            results = t3.locator("th", has_text="三、本年度办理结果")
            assert await results.get_attribute("rowspan") == "22"

            t4 = page.locator("table.grid-t4")
            assert (await t4.locator("th[colspan='10']").inner_text()).strip() == "行政诉讼"
            assert await t4.locator("tbody td").count() == 15

            # nothing sticks out of an A4-wide page, and tables draw thin black borders
            assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            border = await page.evaluate(
                "getComputedStyle(document.querySelector('table.grid-t3 td')).borderTopStyle")
            assert border == "solid"

            await page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
            assert (tmp_path / "report.png").read_bytes()[:4] == b"\x89PNG"
            pdf = await page.pdf(prefer_css_page_size=True, print_background=True)
        finally:
            await browser.close()
    assert pdf.startswith(b"%PDF")
    media_boxes = _media_boxes(pdf)
    assert len(media_boxes) >= 2  # the report runs over several pages
    for width, height in media_boxes:
        assert abs(width - A4_POINTS[0]) < 1 and abs(height - A4_POINTS[1]) < 1


def _media_boxes(pdf: bytes) -> list[tuple[float, float]]:
    import re

    boxes = re.findall(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(float(x2) - float(x1), float(y2) - float(y1)) for x1, y1, x2, y2 in boxes]
