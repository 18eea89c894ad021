"""The report as a web page: a signed link served by the real server, opened in headless Chromium."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.importers import import_report
from handlers.web.report_pages import read_token, report_token, report_url
from storage import Store
from tests.conftest import seed_path
from tests.e2e.servers import make_settings, running_server
from tests.handlers.standin_fixtures import RunningStandIn
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser


def test_tokens_are_signed_and_name_the_report() -> None:
    token = report_token("k" * 32, "龙亭区柳园口乡", 2025)
    assert read_token("k" * 32, token) == ("龙亭区柳园口乡", 2025)
    assert read_token("another-secret-of-32-characters!", token) is None
    signature = token.split(".")[1]
    forged = report_token("k" * 32, "册井镇", 2025).split(".")[0] + "." + signature
    assert read_token("k" * 32, forged) is None
    assert read_token("k" * 32, "garbage") is None and read_token("k" * 32, "") is None


async def test_the_stored_report_opens_as_a_page_in_chromium(tmp_path: Path, wecom: RunningStandIn) -> None:
    report = import_report(seed_path(4)).report
    db = tmp_path / "nianbao.db"
    settings = make_settings(db, wecom.url)
    with Store.open(db) as store:
        store.save_report(report, actor="import", now=datetime.now(UTC))
    async with running_server(settings) as server:
        url = report_url(server.url, settings.secret_key, report.unit, report.year)
        tampered_url = url[:-1] + ("0" if url[-1] != "0" else "1")  # one character of the signature changed
        async with server.session.get(tampered_url) as tampered:
            assert tampered.status == 404 and "链接无效" in await tampered.text()
        async_playwright = require_browser()
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                page = await browser.new_page()
                response = await page.goto(url)
                assert response is not None and response.ok
                assert await page.title() == f"{report.unit}2024年政府信息公开工作年度报告"
                first_row = page.locator("table.grid-t3 tbody tr").first
                assert await first_row.locator("td").all_inner_texts() == ["1", "0", "0", "0", "0", "0", "1"]
                assert "柳园口乡" in await page.locator("body").inner_text()
            finally:
                await browser.close()
