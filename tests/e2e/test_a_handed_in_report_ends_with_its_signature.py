"""A report handed in ends as published reports do: its 落款 — the unit's full name, and under it the day it was
handed in (2025年1月20日) — after 六、其他需要报告的事项, placed as GB/T 9704 7.3.5.1 places them (the day four
characters from the right margin, the name centred over it), in the Word file sent at submission, the
全文 text, the web page and its Word download. A draft (after 撤回) is signed with the unit's name only.

A clerk fills and submits seed 000 over the WeCom protocol against the real server and SQLite; the page is opened
in Chromium.
"""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from bot.render import signature_places
from bot.report import Report
from handlers.web.report_pages import report_url
from tests.e2e.clerk import Clerk
from tests.e2e.servers import eventually, make_settings, running_server
from tests.e2e.test_conversation import YEAR_NOW, register, seed, submitted_file
from tests.handlers.standin_fixtures import RunningStandIn
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

LAST_SECTION = "六、其他需要报告的事项"

# the 落款's lines, each with how far its right edge stands from the article's, its centre's, and the font size
SIGNATURE = """() => {
  const article = document.querySelector("article.report").getBoundingClientRect();
  const lastHeading = [...document.querySelectorAll("article h2")].pop();
  const footer = document.querySelector("footer.signature");
  if (!footer) return null;
  const follows = !!(lastHeading.compareDocumentPosition(footer) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {follows, heading: lastHeading.textContent, lines: [...footer.querySelectorAll("p")].map(p => {
    const range = document.createRange(); range.selectNodeContents(p);
    const box = range.getBoundingClientRect();
    return [p.textContent, article.right - box.right, article.right - (box.left + box.right) / 2,
            parseFloat(getComputedStyle(p).fontSize)];
  })};
}"""


def docx_signature(data: bytes, report: Report) -> list[tuple[str, object]]:
    """What follows the last section's heading other than the report's prose: the 落款 lines, with their
    alignment."""
    prose = {line.strip() for text in report.text.values() for line in (text or "").splitlines()}
    paragraphs = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]
    last = max(i for i, p in enumerate(paragraphs) if p.text == LAST_SECTION)
    return [(p.text, p.alignment) for p in paragraphs[last + 1:] if p.text.strip() not in prose]


async def page_signature(url: str, width: int = 1280) -> dict:
    async_playwright = require_browser()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": width, "height": 800})
            response = await page.goto(url)
            assert response is not None and response.ok
            return await page.evaluate(SIGNATURE)
        finally:
            await browser.close()


def assert_placed(found: dict, lines: list[str], year: int) -> None:
    """Each line as far from the right margin as `signature_places` says (in characters of the page's font): the
    day 右空四字, the name centred over it."""
    assert found is not None and found["follows"] and found["heading"] == LAST_SECTION, found
    assert [text for text, *_ in found["lines"]] == lines
    places = signature_places(tuple(lines), dated=len(lines) == 2, year=year)
    for (text, right_gap, _centre, em), place in zip(found["lines"], places, strict=True):
        assert abs(right_gap / em - place) < 0.05, (text, right_gap / em, place)
    if len(lines) == 2:
        (_, _, name_centre, em), (_, _, day_centre, _) = found["lines"]
        assert abs(name_centre - day_centre) / em < 0.3 or places[0] == 0


async def test_a_handed_in_report_ends_with_its_unit_and_day_and_a_draft_with_its_unit(
        tmp_path: Path, wecom: RunningStandIn) -> None:
    target = seed(0)
    db = tmp_path / "nianbao.db"
    register(db, target)
    settings = make_settings(db, wecom.url)
    async with running_server(settings) as server:
        clerk = Clerk(server, "clerk", target)
        await clerk.fill_and_submit()
        stored = server.store.report(target.unit, YEAR_NOW)
        assert stored is not None and stored.status == "submitted" and stored.submitted_at is not None
        day = stored.submitted_at.astimezone(ZoneInfo(settings.tz_name)).date()  # the unit's day, not UTC's
        signed = f"{day.year}年{day.month}月{day.day}日"  # no leading zeros: 2025年1月20日
        right = WD_ALIGN_PARAGRAPH.RIGHT

        # the Word file sent at submission
        sent = await submitted_file(wecom, "clerk")
        assert docx_signature(sent, stored.report) == [(target.unit, right), (signed, right)]

        # 全文: the text ends with the 落款
        await clerk.say("全文")
        texts = await eventually(lambda: "".join(m.get("text", "") for m in wecom.standin.outbox("clerk")
                                                  if m["msgtype"] == "text" and target.unit in m.get("text", "")
                                                  and signed in m.get("text", "")), timeout=20)
        assert texts.rstrip().endswith(f"{target.unit}\n{signed}"), texts[-200:]

        # the web page and its Word download, from the link of the textcard
        [card] = await eventually(lambda: [m for m in wecom.standin.outbox("clerk") if m["msgtype"] == "textcard"],
                                  timeout=10)
        link = server.url + urlsplit(card["url"]).path
        assert_placed(await page_signature(link), [target.unit, signed], YEAR_NOW)
        assert_placed(await page_signature(link, width=390), [target.unit, signed], YEAR_NOW)
        async with server.session.get(link + "/report.docx") as download:
            assert download.status == 200
            assert docx_signature(await download.read(), stored.report) == [(target.unit, right), (signed, right)]

        # withdrawn, the report is a draft again: signed with the unit's name only; the link sent at submission
        # still shows the version handed in, with its day
        assert "撤回" in await clerk.say("撤回")
        assert server.store.report(target.unit, YEAR_NOW).status == "draft"
        draft_link = report_url(server.url, settings.secret_key, target.unit, YEAR_NOW, view="draft")
        assert_placed(await page_signature(draft_link), [target.unit], YEAR_NOW)
        async with server.session.get(draft_link + "/report.docx") as download:
            assert docx_signature(await download.read(), stored.report) == [(target.unit, right)]
        assert_placed(await page_signature(link), [target.unit, signed], YEAR_NOW)
