"""表三's row ordinals — 三、 （一）…（七） 1.…8. — are never cut between lines: not in the Word file (LibreOffice prints
it), not on the web page at a desk's or a phone's width (Chromium lays it out).

The group columns (三、本年度办理结果, （三）不予公开 …) were 11 mm wide in Word, two characters of 小五: （三 / ）不 / 予公 /
开. A group label now prints its ordinal on a line of its own in a column wide enough for it and four characters of
its name; on the page the ordinal is one unbreakable piece and a phone's group column is never narrower than it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn

from bot.formats import GOV2021
from bot.render import layout, render_docx, render_html
from tests.bot.test_render import numbered_report
from tests.published import printed_lines, word_to_pdf
from tests.test_html_browser import CHROMIUM, CHROMIUM_ARGS, require_browser

ORDINAL = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.")
T3_TITLE, T4_TITLE = (s.heading for s in GOV2021.sections[2:4])
PT_MM = 25.4 / 72
TABLE_PT = 9  # 小五
CELL_MARGINS_MM = 2.0  # 1 mm either side (render._CELL_MARGIN_MM)


def t3_labels(role: str) -> list[str]:
    grid = next(b.grid for b in layout(numbered_report()).blocks if b.grid is not None and b.grid.key == "t3")
    return [c.text for r in grid.rows for c in r.cells if c.role == role]


def ordinal_of(text: str) -> str:
    found = ORDINAL.match(text)
    assert found, text
    return found.group()


@pytest.fixture(scope="module")
def word() -> bytes:
    return render_docx(numbered_report())


@pytest.fixture(scope="module")
def word_printed(word: bytes, tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return word_to_pdf({"report": word}, tmp_path_factory.mktemp("word"))["report"]


def test_every_group_and_row_label_of_table_three_has_an_ordinal() -> None:
    """What the other checks rely on: the labels they look at are numbered."""
    assert t3_labels("group") == ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
    assert all(ORDINAL.match(label) for label in t3_labels("label"))


def test_a_word_group_label_is_its_ordinal_then_a_line_break_then_its_name(word: bytes) -> None:
    t3 = docx.Document(io.BytesIO(word)).tables[1]
    groups = {t3.cell(r, c)._tc for r in range(len(t3.rows)) for c in (0, 1)}
    printed = {}
    for tc in groups:
        paragraph = tc.find(qn("w:p"))
        pieces = ["\n" if el.tag == qn("w:br") else el.text for el in paragraph.iter(qn("w:t"), qn("w:br"))]
        printed["".join(pieces).replace("\n", "")] = "".join(pieces)
    for label in t3_labels("group"):
        ordinal = ordinal_of(label)
        assert printed[label] == f"{ordinal}\n{label[len(ordinal):]}"


def test_the_word_group_columns_fit_the_ordinal_and_four_characters_of_the_name(word: bytes) -> None:
    t3 = docx.Document(io.BytesIO(word)).tables[1]
    cols = [int(c.get(qn("w:w"))) / 1440 * 25.4 for c in t3._tbl.tblGrid.findall(qn("w:gridCol"))]
    char_mm = TABLE_PT * PT_MM
    for width in cols[:2]:  # 三、本年度办理结果 and （三）不予公开 …: the two group columns
        assert width - CELL_MARGINS_MM >= 4 * char_mm + 0.5, cols  # （三）and 不予公开 each on a line
    label_mm = cols[2] - CELL_MARGINS_MM
    assert label_mm >= 12 * char_mm, cols  # the row labels keep a dozen characters to a line
    assert abs(sum(cols) - 156) < 0.5  # the page's width: 210 mm less 26 + 28 mm of margins


def test_libreoffice_prints_every_ordinal_of_table_three_whole(word_printed: bytes) -> None:
    lines = printed_lines(word_printed)
    table = lines[lines.index(T3_TITLE) + 1:lines.index(T4_TITLE)]
    printed = "\n".join(table)
    for label in t3_labels("group") + t3_labels("label"):
        ordinal = ordinal_of(label)
        wanted = sum(ordinal_of(x) == ordinal for x in t3_labels("group") + t3_labels("label"))
        assert printed.count(ordinal) >= wanted, (ordinal, table)
    for label in t3_labels("group"):  # on a line of its own: nothing of the name beside it
        ordinal = ordinal_of(label)
        assert not re.search(re.escape(ordinal) + re.escape(label[len(ordinal)]), printed), (label, table)


def test_the_page_marks_each_ordinal_as_one_unbreakable_piece() -> None:
    page = BeautifulSoup(render_html(numbered_report()), "html.parser")
    cells = page.select("table.grid-t3 th.group, table.grid-t3 th.label")
    assert len(cells) == len(t3_labels("group")) + len(t3_labels("label"))
    for cell in cells:
        assert cell.select_one(".ordinal").text == ordinal_of(cell.text), cell
    css = page.style.text
    assert re.search(r"table\.grid \.ordinal \{[^}]*white-space: nowrap", css)


# each ordinal's line boxes, and how far it reaches past its cell's inner right edge
ORDINALS_IN_CELLS = """() => [...document.querySelectorAll("table.grid-t3 .ordinal")].map(span => {
  const range = document.createRange(); range.selectNodeContents(span);
  const cell = span.closest("th").getBoundingClientRect();
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  return [span.textContent, lines.size, range.getBoundingClientRect().right - cell.right];
})"""


@pytest.mark.parametrize("width", [320, 360, 390, 1280])
async def test_chromium_keeps_each_ordinal_on_one_line_inside_its_cell(width: int) -> None:
    async_playwright = require_browser()
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = await browser.new_page(viewport={"width": width, "height": 800})
            await page.set_content(render_html(numbered_report()))
            found = await page.evaluate(ORDINALS_IN_CELLS)
        finally:
            await browser.close()
    assert len(found) == len(t3_labels("group")) + len(t3_labels("label"))
    for text, lines, past_cell in found:
        assert lines == 1 and past_cell <= 0.5, (width, text, lines, past_cell)


def test_the_checks_can_fail(tmp_path: Path) -> None:
    """The old 11 mm group columns, printed by LibreOffice, cut （三） — the check above sees it."""
    from bot import render

    saved = render._GROUP_NAME_EM, render._GROUP_SLACK_MM
    render._GROUP_NAME_EM, render._GROUP_SLACK_MM = 0.0, -10.0  # every group column back to _GROUP_MM
    try:
        old = render_docx(numbered_report())
    finally:
        render._GROUP_NAME_EM, render._GROUP_SLACK_MM = saved
    lines = printed_lines(word_to_pdf({"old": old}, tmp_path)["old"])
    table = "\n".join(lines[lines.index(T3_TITLE) + 1:lines.index(T4_TITLE)])
    assert "（三）" not in table
