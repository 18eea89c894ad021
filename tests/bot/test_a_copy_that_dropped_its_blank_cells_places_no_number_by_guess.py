"""A web table copied as text one cell a line, where the site's empty cells left no line at all (武进区卫生健康局's
2024 page): a row with fewer numbers than columns cannot say which column each number stood in, so it is not read
(and said so) — never its numbers put from the left and the rest taken as blank; a row label followed straight by
the next row's label was printed with no cell, so it is blank (R5), not "not found"."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import ImportResult, import_bytes

HEAD = "示范区卫生健康局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局未收到政府信息公开申请。\n二、主动公开政府信息情况\n"
TABLE_TWO = ("第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n{rules}行政规范性文件\n{normative}"
             "第二十条第(五)项\n本年处理决定数量\n行政许可\n1894\n第二十条第(六)项\n行政处罚\n131\n行政强制\n{forced}"
             "第二十条第(八)项\n本年收费金额(单位:万元)\n行政事业性收费\n199.43\n")


def _import(rules: str, normative: str, forced: str) -> ImportResult:
    text = HEAD + TABLE_TWO.format(rules=rules, normative=normative, forced=forced)
    return import_bytes(text.encode("utf-8"), "report.txt")


def test_a_row_with_fewer_numbers_than_columns_is_not_read_and_says_why() -> None:
    imported = _import("0\n", "0\n0\n0\n", "0\n")
    cells = imported.report.cells
    assert not {"t2.regulations.issued", "t2.regulations.abolished", "t2.regulations.in_force"} & set(cells)
    said = [f.message for f in check_imported(imported) if "规章" in f.message]
    assert any("只读到 1 个数" in m and "无法确定" in m for m in said), said
    assert [cells["t2.normative.issued"], cells["t2.license"], cells["t2.enforcement"]] == [0, 1894, 0]


def test_rows_printed_with_no_cell_are_blank_and_r5_names_them() -> None:
    imported = _import("0\n0\n0\n", "", "")
    cells = imported.report.cells
    assert [cells[k] for k in ("t2.normative.issued", "t2.normative.abolished", "t2.normative.in_force",
                               "t2.enforcement")] == [None] * 4
    assert [cells["t2.regulations.in_force"], cells["t2.penalty"], str(cells["t2.fees"])] == [0, 131, "199.43"]
    blanks = {c for f in check_imported(imported) if f.rule == "R5" for c in f.cells}
    assert {"t2.normative.issued", "t2.enforcement"} <= blanks


def test_a_full_row_one_cell_a_line_reads_as_before() -> None:
    cells = _import("0\n0\n1\n", "2\n0\n5\n", "3\n").report.cells
    assert [cells[k] for k in ("t2.regulations.in_force", "t2.normative.issued", "t2.normative.in_force",
                               "t2.enforcement")] == [1, 2, 5, 3]
