"""The 落款 stands where GB/T 9704-2012 7.3.5.1 (a sealed 公文, as a published report is) puts it: the day 右空四字 —
four characters from the right margin — and the unit's name centred over the day; a name too long to be centred so
without crossing the margin ends at the margin. A draft, not dated yet, has its name where it will stand over a
January day. In the Word file (each line's right indent, no automatic space between characters and digits to make
the day wider than counted), in the Word file printed to PDF, and on the web page as Chromium lays it out."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import docx
import pdfplumber
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn

from bot.render import layout, render_docx, render_html, signature_places
from tests.bot.test_render import numbered_report
from tests.published import word_to_pdf
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

BODY_PT = 16  # 三号: one character of the body text
LONG_UNIT = "开封市祥符区柳园口乡人民政府"  # 14 characters: centred over a 6-character day it would cross the margin


def report(unit: str = "永清县刘街乡"):
    r = numbered_report()
    r.unit = unit
    return r


def test_the_day_stands_four_characters_from_the_margin_and_the_name_centred_over_it() -> None:
    # 永清县刘街乡: 6 characters; 2025年1月20日: 4 characters and 6 digits of half a character, 6.5
    assert signature_places(("永清县刘街乡", "2025年1月20日"), dated=True, year=2024) == (4.25, 4.0)
    # a name as wide as the day stands as far in; a wider one reaches further right, as far as its half-excess
    assert signature_places(("十一个字的单位名称啊", "2025年1月20日"), dated=True, year=2024) == (2.25, 4.0)


def test_a_name_too_long_to_be_centred_ends_at_the_margin() -> None:
    assert signature_places((LONG_UNIT, "2025年1月5日"), dated=True, year=2024) == (0.0, 4.0)


def test_a_draft_has_its_name_where_the_handed_in_report_will_have_it() -> None:
    draft = layout(report())
    signed = layout(report(), submitted_on=date(2025, 1, 20))
    assert draft.signature == ("永清县刘街乡",) and draft.signature_right == signed.signature_right[:1]


def word_signature(data: bytes) -> list[docx.text.paragraph.Paragraph]:
    paragraphs = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]
    last = max(i for i, p in enumerate(paragraphs) if p.text == "本年度未收取信息处理费。")
    return paragraphs[last + 1:]


def test_the_word_file_sets_each_line_by_its_right_indent_without_autospace() -> None:
    name, day = word_signature(render_docx(report(), submitted_on=date(2025, 1, 20)))
    assert (name.text, day.text) == ("永清县刘街乡", "2025年1月20日")
    assert day.paragraph_format.right_indent.pt == 4 * BODY_PT
    assert name.paragraph_format.right_indent.pt == 4.25 * BODY_PT
    for paragraph in (name, day):
        ppr = paragraph._p.pPr
        assert [ppr.find(qn(t)).get(qn("w:val")) for t in ("w:autoSpaceDE", "w:autoSpaceDN")] == ["0", "0"]
        tags = [child.tag for child in ppr]  # the schema's order, or Word calls the file damaged
        assert tags.index(qn("w:autoSpaceDE")) < tags.index(qn("w:autoSpaceDN")) < tags.index(qn("w:ind"))


def test_the_word_file_printed_has_the_day_four_characters_from_the_margin(tmp_path: Path) -> None:
    """LibreOffice prints the Word file: the day's last character ends four characters short of the right margin,
    and the long name ends at the margin (the text's right edge is where the justified body lines end)."""
    pdfs = word_to_pdf({"short": render_docx(report(), submitted_on=date(2025, 1, 20)),
                        "long": render_docx(report(LONG_UNIT), submitted_on=date(2025, 1, 5))}, tmp_path)
    for name, pdf in pdfs.items():
        with pdfplumber.open(io.BytesIO(pdf)) as document:
            page = document.pages[-1]
            right_edge = page.width - 28 * 72 / 25.4  # the right margin: 28 mm
            body = [c for c in page.chars if c["bottom"] < page.height - 35 * 72 / 25.4]  # not the page number
            *_, unit, day = last_lines(body)
            assert re.fullmatch(r"2025年1月\d+日", "".join(c["text"] for c in day)), (name, day)
            assert abs((right_edge - day[-1]["x1"]) / BODY_PT - 4) < 0.15, name
            if name == "long":
                assert "".join(c["text"] for c in unit) == LONG_UNIT
                assert abs(right_edge - unit[-1]["x1"]) < 0.15 * BODY_PT


def last_lines(chars: list[dict]) -> list[list[dict]]:
    """The page's printed lines, top to bottom, each its characters left to right."""
    lines: dict[int, list[dict]] = {}
    for char in chars:
        key = next((k for k in lines if abs(k - char["top"]) <= 1), round(char["top"]))
        lines.setdefault(key, []).append(char)
    return [sorted(lines[k], key=lambda c: c["x0"]) for k in sorted(lines)]


def test_the_page_sets_each_line_by_its_padding() -> None:
    soup = BeautifulSoup(render_html(report(), submitted_on=date(2025, 1, 20)), "html.parser")
    lines = soup.select("footer.signature p")
    assert [(p.text, p["style"]) for p in lines] == [("永清县刘街乡", "padding-right: 4.25em"),
                                                      ("2025年1月20日", "padding-right: 4.0em")]


PLACES = """() => [...document.querySelectorAll("footer.signature p")].map(p => {
  const article = document.querySelector("article.report").getBoundingClientRect();
  const range = document.createRange(); range.selectNodeContents(p);
  const box = range.getBoundingClientRect(), em = parseFloat(getComputedStyle(p).fontSize);
  return [p.textContent, (article.right - box.right) / em, (article.right - (box.left + box.right) / 2) / em];
})"""


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("unit", "day"), [("永清县刘街乡", date(2025, 1, 20)), (LONG_UNIT, date(2025, 1, 5))])
async def test_the_page_in_a_browser_has_the_name_centred_over_the_day(unit: str, day: date, width: int,
                                                                        tmp_path: Path) -> None:
    async_playwright = require_browser()
    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(report(unit), submitted_on=day), encoding="utf-8")
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": width, "height": 800})
            await page.goto(page_file.as_uri())
            (_, name_right, name_centre), (_, day_right, day_centre) = await page.evaluate(PLACES)
        finally:
            await browser.close()
    assert abs(day_right - 4) < 0.05  # 右空四字
    if unit == LONG_UNIT:
        assert abs(name_right) < 0.05  # at the margin, not across it
    else:
        assert abs(name_centre - day_centre) < 0.3  # centred over the day, to the font's width of a digit
