"""表四 as published reports lay it out, read from Word (cells merged with python-docx: a merged-down cell leaves an
empty continuation cell in each row under it) and from web pages (rowspan: no cell at all): a data line whose first
cell is empty — a label merged down from the row above, a corner column, or a value cell left blank — is read, its
row known from the merge; a line that cannot be placed is reported as not read, never taken as 0.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest

from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.importers.tables import NOT_READ_RULE
from bot.render import render_docx, render_html
from bot.report import with_derived
from tests.bot.test_render import numbered_report
from tests.pdfs import html_to_pdf

T4 = GOV2021.table("t4")
HEADS = [c.label for c in T4.columns]  # 结果维持 … 总计


@dataclass(frozen=True)
class C:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1


def report_and_values() -> tuple[object, dict[str, int]]:
    report = with_derived(numbered_report())
    return report, {c.id: report.cells[c.id] for c in T4.cells}


def row_values(values: dict[str, int], row: str) -> list[str]:
    return [str(values[f"t4.{row}.{col.key}"]) for col in T4.columns]


def wide(values: dict[str, int], corner: bool = False, blank_first: bool = False) -> list[list[C]]:
    """行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 over the five heads, one line of 15 numbers; with `corner` a
    first column merged down the whole table, with `blank_first` 行政复议「结果维持」 left empty."""
    numbers = [v for row in ("review", "suit_direct", "suit_after_review") for v in row_values(values, row)]
    if blank_first:
        numbers[0] = ""
    grid = [[C("行政复议", 5), C("行政诉讼", 10)],
            [*(C(h, rowspan=2) for h in HEADS), C("未经复议直接起诉", 5), C("复议后起诉", 5)],
            [C(h) for h in HEADS * 2],
            [C(n) for n in numbers]]
    if corner:
        grid[0].insert(0, C("", rowspan=4))
    return grid


def blocks(values: dict[str, int]) -> list[list[C]]:
    """Each row's label over its heads, merged down over its line of numbers (行政复议 | 结果维持 …, then | 0 …)."""
    grid = []
    for row in T4.rows:
        label = row.label if not row.group else row.group + row.label
        grid.append([C(label, rowspan=2), *(C(h) for h in HEADS)])
        grid.append([C(n) for n in row_values(values, row.key)])
    return grid


def rows_under_merged_group(values: dict[str, int]) -> list[list[C]]:
    """The heads across, a row each: 行政复议 | numbers; 行政诉讼 merged down over 未经复议直接起诉 and 复议后起诉, so the
    复议后起诉 line starts with the merged cell."""
    return [[C("", colspan=2), *(C(h) for h in HEADS)],
            [C("行政复议", colspan=2), *(C(n) for n in row_values(values, "review"))],
            [C("行政诉讼", rowspan=2), C("未经复议直接起诉"), *(C(n) for n in row_values(values, "suit_direct"))],
            [C("复议后起诉"), *(C(n) for n in row_values(values, "suit_after_review"))]]


def as_html(report, grid: list[list[C]]) -> bytes:
    rows = "".join("<tr>" + "".join(f'<td colspan="{c.colspan}" rowspan="{c.rowspan}">{c.text}</td>' for c in row)
                   + "</tr>" for row in grid)
    page = render_html(report)
    start = page.index('<table class="grid grid-t4"')
    end = page.index("</table>", start) + len("</table>")
    return (page[:start] + f'<table class="grid" border="1">{rows}</table>' + page[end:]).encode()


def as_docx(report, grid: list[list[C]]) -> bytes:
    """The report's Word file with its 表四 replaced by `grid`, merged as Word merges (continuation cells stay)."""
    document = docx.Document(io.BytesIO(render_docx(report)))
    old = next(t for t in document.tables if "复议后起诉" in "".join(c.text for c in t._cells))
    width = sum(c.colspan for c in grid[0])
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"  # ruled, as published tables are (a PDF made of it has its cell borders)
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            table.cell(r, col).text = cell.text
            if cell.colspan > 1 or cell.rowspan > 1:
                table.cell(r, col).merge(table.cell(r + cell.rowspan - 1, col + cell.colspan - 1))
                table.cell(r, col).text = cell.text  # merge() joins the cells' paragraphs: set the text once
            taken.update((r + i, col + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            col += cell.colspan
    old._tbl.addnext(table._tbl)
    old._tbl.getparent().remove(old._tbl)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def imported(kind: str, grid_of) -> tuple[dict, dict, list]:
    report, values = report_and_values()
    data = (as_docx if kind == "docx" else as_html)(report, grid_of(values))
    result = import_bytes(data, f"report.{kind}")
    return {k: result.report.cells.get(k, "not read") for k in values}, values, result.findings


def test_the_merged_word_table_really_has_empty_continuation_cells() -> None:
    """The Word files these tests read hold what the title says: the row under a merged-down label starts with an
    empty cell."""
    report, values = report_and_values()
    document = docx.Document(io.BytesIO(as_docx(report, blocks(values))))
    table = next(t for t in document.tables if "复议后起诉" in "".join(c.text for c in t._cells))
    xml_rows = table._tbl.tr_lst
    first_cells = [tr.tc_lst[0] for tr in xml_rows]
    assert ["".join(tc.itertext()) for tc in first_cells[1::2]] == ["", "", ""]
    assert all(tc.tcPr is not None and tc.tcPr.vMerge is not None for tc in first_cells[1::2])


@pytest.mark.parametrize("kind", ["docx", "html"])
@pytest.mark.parametrize("layout", [blocks, rows_under_merged_group, lambda v: wide(v, corner=True)],
                         ids=["label-over-heads-merged-down", "group-merged-over-two-rows", "corner-column"])
def test_a_line_under_a_merged_label_is_read_into_its_row(kind: str, layout) -> None:
    got, values, findings = imported(kind, layout)
    assert got == values
    assert not [f for f in findings if f.rule == NOT_READ_RULE and set(f.cells) & set(values)]


@pytest.mark.parametrize("kind", ["docx", "html"])
@pytest.mark.parametrize("corner", [False, True])
def test_a_wide_line_whose_first_cell_is_blank_is_read_with_that_cell_blank(kind: str, corner: bool) -> None:
    got, values, _ = imported(kind, lambda v: wide(v, corner=corner, blank_first=True))
    assert got["t4.review.upheld"] is None  # printed blank: R5 asks for it, nothing moved into its place
    assert {k: v for k, v in got.items() if k != "t4.review.upheld"} == \
        {k: v for k, v in values.items() if k != "t4.review.upheld"}


def test_a_line_that_cannot_be_placed_is_reported_not_read_never_zero() -> None:
    """A web page's line of four cells under the merged label 复议后起诉, whose row has five: which is which would be a
    guess. (A Word table is rectangular: its fifth cell is there, printed blank.)"""
    def short(values: dict[str, int]) -> list[list[C]]:
        grid = blocks(values)
        grid[-1] = grid[-1][:4]
        return grid

    got, values, findings = imported("html", short)
    after_review = [c.id for c in T4.cells if c.row == "suit_after_review"]
    assert all(got[k] == "not read" for k in after_review)
    reported = {c for f in findings if f.rule == NOT_READ_RULE for c in f.cells}
    assert set(after_review) <= reported
    assert {k: got[k] for k in values if k not in after_review} == {k: values[k] for k in values if k not in after_review}


@pytest.mark.parametrize(("layout", "blank"), [
    (blocks, set()), (rows_under_merged_group, set()), (lambda v: wide(v, corner=True), set()),
    (lambda v: wide(v, corner=True, blank_first=True), {"t4.review.upheld"})],
    ids=["label-over-heads-merged-down", "group-merged-over-two-rows", "corner-column", "corner-column-first-blank"])
def test_a_printed_page_gives_each_cell_as_printed_or_reports_it_not_read(layout, blank: set[str],
                                                                           tmp_path: Path) -> None:
    """The same pages printed to PDF (Chromium), where no merge is marked: a cell is read as printed, or reported
    as not read — never a number from another cell, never 0 for a blank."""
    report, values = report_and_values()
    pdf = html_to_pdf(as_html(report, layout(values)).decode(), tmp_path, "t4")
    result = import_bytes(pdf.read_bytes(), "report.pdf")
    reported = {c for f in result.findings if f.rule == NOT_READ_RULE for c in f.cells}
    for cell, value in values.items():
        got = result.report.cells.get(cell, "not read")
        if got == "not read":
            assert cell in reported, cell
        else:
            assert got == (None if cell in blank else value), cell
