"""A title too long for one line — 龙亭区柳园口乡人民政府2024年政府信息公开工作年度报告 — breaks right after the unit's
name: the unit on the first line, 2024年政府信息公开工作年度报告 on the second, never at an arbitrary character (Word
cut it as …2024年政府信息 / 公开工作年度报告). A short title stays on one line. In the Word file (printed by
LibreOffice), the published PDF (WeasyPrint) and the web page (Chromium, at a desk's and a phone's width)."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from bot.render import render_docx, render_html, render_pdf
from bot.report import Report
from tests.bot.test_render import numbered_report
from tests.published import printed_lines, word_to_pdf
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

REST = "2024年政府信息公开工作年度报告"
LONG = "龙亭区柳园口乡人民政府"  # 11 characters: with the rest, 28 characters of 二号 on a 156 mm line of about 20
VERY_LONG = "河南省开封市龙亭区柳园口乡人民政府"  # longer than a phone's line on its own
SHORT = "某镇"  # with the rest, 19 characters: one line


def report_of(unit: str) -> Report:
    report = numbered_report()
    return Report(unit, "乡", report.year, report.cells, report.text)


def word_title(data: bytes) -> str:
    """The title paragraph's text with its manual line breaks as newlines."""
    paragraph = docx.Document(io.BytesIO(data)).paragraphs[0]
    return "".join("\n" if el.tag == qn("w:br") else el.text for el in paragraph._p.iter(qn("w:t"), qn("w:br")))


def test_word_breaks_a_long_title_after_the_unit_and_keeps_a_short_one_whole() -> None:
    assert word_title(render_docx(report_of(LONG))) == f"{LONG}\n{REST}"
    assert word_title(render_docx(report_of(VERY_LONG))) == f"{VERY_LONG}\n{REST}"
    assert word_title(render_docx(report_of(SHORT))) == f"{SHORT}{REST}"


@pytest.fixture(scope="module")
def word_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    files = {name: render_docx(report_of(unit)) for name, unit in (("long", LONG), ("short", SHORT))}
    return word_to_pdf(files, tmp_path_factory.mktemp("titles"))


def test_libreoffice_prints_the_unit_then_the_rest_and_a_short_title_on_one_line(word_printed) -> None:
    assert printed_lines(word_printed["long"])[:2] == [LONG, REST]
    assert printed_lines(word_printed["short"])[0] == SHORT + REST


def test_the_published_pdf_breaks_after_the_unit_too() -> None:
    assert printed_lines(render_pdf(report_of(LONG)))[:2] == [LONG, REST]
    assert printed_lines(render_pdf(report_of(SHORT)))[0] == SHORT + REST


# the lines (tops) each piece of the title takes
TITLE_LINES = """() => [...document.querySelectorAll("h1 .title-part")].map(part => {
  const range = document.createRange(); range.selectNodeContents(part);
  return [part.textContent, [...new Set([...range.getClientRects()].map(r => Math.round(r.top)))]];
})"""


async def title_lines(views: list[tuple[str, int]]) -> dict[tuple[str, int], list[tuple[str, list[int]]]]:
    """For each (unit, viewport width): the title's pieces and the lines each takes, in one browser."""
    async_playwright = require_browser()
    found = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for unit, width in views:
                page = await browser.new_page(viewport={"width": width, "height": 800})
                await page.set_content(render_html(report_of(unit)))
                found[unit, width] = [(text, tops) for text, tops in await page.evaluate(TITLE_LINES)]
                await page.close()
        finally:
            await browser.close()
    return found


async def test_the_page_breaks_a_long_title_after_the_unit_and_never_inside_the_rest() -> None:
    views = [(unit, width) for unit in (LONG, VERY_LONG) for width in (320, 360, 390, 1280)]
    for (unit, width), pieces in (await title_lines(views)).items():
        (name, name_lines), (rest, rest_lines) = pieces
        assert (name, rest) == (unit, REST)
        assert len(rest_lines) == 1 and rest_lines[0] > name_lines[-1], (width, unit, name_lines, rest_lines)
        if unit == LONG:
            assert len(name_lines) == 1, (width, name_lines)


async def test_the_page_keeps_a_short_title_on_one_line() -> None:
    [((_, name_lines), (_, rest_lines))] = (await title_lines([(SHORT, 1280)])).values()
    assert name_lines == rest_lines and len(rest_lines) == 1
