"""A table copied with its cell borders lost runs each row together: "规章000", "行政许可45". The digits after a
declared row label are that row's numbers: a one-cell row takes them as one number; a row of several cells takes
one digit to a cell only when there are exactly as many digits as cells (every cell printed, each one digit) —
any other count could be split many ways, so the row is said to be unread, never guessed."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import ImportResult, import_bytes


def _import(*rows: str) -> ImportResult:
    text = "\n".join([
        "石桥镇2025年政府信息公开工作年度报告", "一、总体情况", "2025年，我镇未收到政府信息公开申请。",
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容本年制发件数本年废止件数现行有效件数", *rows,
    ])
    return import_bytes(text.encode("utf-8"), "report.txt")


def test_as_many_digits_as_cells_are_one_digit_to_a_cell() -> None:
    cells = _import("规章000", "行政规范性文件204", "第二十条第（五）项", "信息内容本年处理决定数量",
                    "行政许可1300").report.cells
    assert [cells[f"t2.regulations.{c}"] for c in ("issued", "abolished", "in_force")] == [0, 0, 0]
    assert [cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [2, 0, 4]
    assert cells["t2.license"] == 1300


def test_a_table_three_row_run_together_reads_across_its_seven_columns() -> None:
    text = "\n".join([
        "石桥镇2025年政府信息公开工作年度报告", "一、总体情况", "2025年，我镇收到政府信息公开申请2件。",
        "三、收到和处理政府信息公开申请情况", "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他",
        "一、本年新收政府信息公开申请数量1100002", "二、上年结转政府信息公开申请数量0000000",
    ])
    cells = import_bytes(text.encode("utf-8"), "report.txt").report.cells
    assert [cells[f"t3.new.{c}"] for c in ("person", "company", "research", "ngo", "legal", "other", "total")] \
        == [1, 1, 0, 0, 0, 0, 2]
    assert cells["t3.carried_in.total"] == 0


def test_digits_that_could_be_split_many_ways_leave_the_row_unread() -> None:
    imported = _import("规章1000", "行政规范性文件12")
    cells = imported.report.cells
    assert not any(k.startswith(("t2.regulations.", "t2.normative.")) for k in cells)
    unread = {c for f in check_imported(imported) if f.rule == "导入" for c in f.cells}
    assert {"t2.regulations.issued", "t2.normative.in_force"} <= unread
    assert not any(f.rule == "R5" for f in check_imported(imported))


def test_a_number_at_the_end_of_other_words_is_not_taken_for_a_row() -> None:
    imported = _import("规章000", "联系电话0537-8451001", "行政规范性文件000")
    assert imported.report.cells["t2.normative.in_force"] == 0
    assert not any(k.startswith("t3.") for k in imported.report.cells)
