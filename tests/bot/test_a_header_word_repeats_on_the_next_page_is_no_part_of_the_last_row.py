"""Word's 重复标题行 prints table 三's header again at the top of each page the table runs onto: words only, no number.
Printed as one row (corner, 自然人, 商业企业 … 总计) it has as many cells as a row of a row group (2.重复申请 | 7
numbers), and it was glued onto the last row before the break as if that row ran over the page: 25自然人, 0商业企业 —
the row's numbers went unread. The fixture is the city report typed so (tests/repeated_header_word.py) and printed
by LibreOffice: table 三 breaks twice, after 2.其他法律行政法规禁止公开 and after 2.重复申请."""

from __future__ import annotations

from pathlib import Path

from bot.importers import import_report
from bot.importers.blocks import TableRow
from bot.importers.pdf import join_row_broken_by_page

PDF = Path(__file__).parents[1] / "fixtures" / "corpus" / "huaian_2024_repeated_header.pdf"
HEADER = TableRow(("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "自然人", "商业企业", "科研机构",
                   "社会公益组织", "法律服务机构", "其他", "总计"))


def test_the_rows_before_each_page_break_keep_their_numbers() -> None:
    cells = import_report(PDF).report.cells
    assert [cells[f"t3.refuse_2.{c}"] for c in ("person", "company", "total")] == [30, 1, 31]
    assert [cells[f"t3.reject_2.{c}"] for c in ("person", "company", "total")] == [25, 0, 25]


def test_a_repeated_header_opening_the_page_stays_a_row_of_its_own() -> None:
    before = [TableRow(("2.重复申请", "25", "0", "0", "0", "0", "0", "25"))]
    assert join_row_broken_by_page(before, [HEADER]) == before + [HEADER]
    bare = TableRow(("", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"))
    assert join_row_broken_by_page(before, [bare]) == before + [bare]


def test_one_label_word_alone_is_still_the_rest_of_a_split_row() -> None:
    before = [TableRow(("3.", "108", "2", "0", "0", "0", "0", "110"))]
    page = [TableRow(("其他", "", "", "", "", "", "", ""))]
    assert join_row_broken_by_page(before, page)[0].cells[0] == "3.其他"
