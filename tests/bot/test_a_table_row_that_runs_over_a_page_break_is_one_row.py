"""A report printed from Word lets a table row run over a page break: (一)予以公开's row ends page one as
"三、 | (一)予以公 | 18 | … " and page two opens with "本年度办理结果 | 开 | …" (二道区房屋征收工作管理办公室's report,
typed in Word and printed to PDF). The two halves are one row again — before, neither half was a row's label and
its number went unread. A row of its own opening the page (its mark first, or numbers of its own) is left alone."""

from __future__ import annotations

from pathlib import Path

from bot.importers import import_report
from bot.importers.blocks import TableRow
from bot.importers.pdf import join_row_broken_by_page

WORD_PDF = Path(__file__).parents[1] / "fixtures" / "corpus" / "erdao_fangwu_2022_word.pdf"
BLANKS = ("", "", "", "", "", "")


def test_the_row_split_by_the_page_break_reads_its_number_and_its_blanks() -> None:
    cells = import_report(WORD_PDF).report.cells
    assert cells["t3.open.person"] == 18
    assert [cells["t3.open.company"], cells["t3.open.total"]] == [None, None]


def test_the_halves_are_joined_cell_by_cell() -> None:
    before = [TableRow(("三、", "(一)予以公", "18", *BLANKS))]
    page = [TableRow(("本年度办理结果", "开", "", *BLANKS)), TableRow(("(二)部分公开", "0", *BLANKS))]
    joined = join_row_broken_by_page(before, page)
    assert joined[0].cells[:3] == ("三、本年度办理结果", "(一)予以公开", "18") and len(joined) == 2


def test_a_row_opening_the_page_with_its_mark_or_its_numbers_stays_a_row() -> None:
    before = [TableRow(("", "(一)予以公开", "18", *BLANKS))]
    marked = [TableRow(("", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "", *BLANKS))]
    numbered = [TableRow(("", "部分公开", "0", *BLANKS))]
    assert join_row_broken_by_page(before, marked) == before + marked
    assert join_row_broken_by_page(before, numbered) == before + numbered
