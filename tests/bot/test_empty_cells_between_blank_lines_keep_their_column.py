"""A web table copied as text with every cell on its own line and one empty line between cells: a cell left empty
adds one more empty line, so a row that prints only some of its cells keeps each number under its own column —
never shifted to the first column with the rest taken as blank at the end."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import ImportResult, import_bytes

HEADER = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
TABLE_TWO = [
    ["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"], ["行政规范性文件", "1", "0", "3"],
    ["第二十条第（五）项"], ["信息内容", "本年处理决定数量", ""], ["行政许可", "6", ""],
]


def _web_copy(rows: list[list[str]], row_gap: str = "") -> str:
    """Text as a site's table comes out: a filled cell then an empty line, an empty cell a line break alone."""
    out = []
    for row in rows:
        out.append("".join(f"{cell}\n\n" if cell else "\n" for cell in row) + row_gap)
    return "".join(out)


def _import(rows_three: list[list[str]], row_gap: str = "") -> ImportResult:
    text = ("青山街道2023年政府信息公开工作年度报告\n\n一、总体情况\n\n2023年，我街道未收到政府信息公开申请。\n\n"
            "二、主动公开政府信息情况\n\n" + _web_copy(TABLE_TWO, row_gap)
            + "三、收到和处理政府信息公开申请情况\n\n" + _web_copy([HEADER, *rows_three], row_gap))
    return import_bytes(text.encode("utf-8"), "report.txt")


def _row(cells: dict, row: str) -> list:
    return [cells.get(f"t3.{row}.{c}", "未读到")
            for c in ("person", "company", "research", "ngo", "legal", "other", "total")]


def test_a_row_printing_only_its_total_keeps_it_under_total() -> None:
    imported = _import([["一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "0"],
                        ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"]])
    cells = imported.report.cells
    assert _row(cells, "new") == [None] * 6 + [0]
    assert _row(cells, "carried_in") == [0] * 7
    blanks = {c for f in check_imported(imported) if f.rule == "R5" for c in f.cells}
    assert {f"t3.new.{c}" for c in ("person", "company", "research", "ngo", "legal", "other")} <= blanks


def test_numbers_among_empty_cells_stand_in_their_own_columns() -> None:
    cells = _import([["一、本年新收政府信息公开申请数量", "", "2", "", "", "1", "", "3"],
                     ["二、上年结转政府信息公开申请数量", "4", "", "", "", "", "", "4"]]).report.cells
    assert _row(cells, "new") == [None, 2, None, None, 1, None, 3]
    assert _row(cells, "carried_in") == [4, None, None, None, None, None, 4]


def test_table_two_with_an_empty_filler_cell_reads_as_before() -> None:
    cells = _import([["一、本年新收政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"]]).report.cells
    assert [cells[k] for k in ("t2.regulations.in_force", "t2.normative.issued", "t2.normative.in_force",
                               "t2.license")] == [0, 1, 3, 6]


def test_an_extra_empty_line_between_rows_is_no_cell() -> None:
    cells = _import([["一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
                     ["二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "2", "2"]], row_gap="\n").report.cells
    assert _row(cells, "new") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(cells, "carried_in") == [0, 0, 0, 0, 0, 2, 2]
    assert cells["t2.license"] == 6
