"""A report on the 2019 tables whose 处理决定数量 rows are printed empty ("行政许可 | ||||"): the row is blank under
every old column, so the 2021 cell it stands for is read as blank (R5 says so) rather than left unread; a row that
prints its numbers keeps them."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

TABLE_TWO_2019 = """二、主动公开政府信息情况
第二十条第(一)项 | ||||
信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 | |
规章 | 0 | 0 | 0 | |
规范性文件 | 2 | 2 | 5 | |
第二十条第(五)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政许可 | ||||
其他对外管理服务事项 | ||||
第二十条第(六)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 | |
行政处罚 | ||||
行政强制 | 0 | 0 | 4 | |
第二十条第(八)项 | ||||
信息内容 | 上一年项目数量 | 本年增/减 | ||
行政事业性收费 | ||||
"""


def _import():
    text = "青山镇2023年政府信息公开年度报告\n一、总体情况\n2023年，我镇未收到政府信息公开申请。\n" + TABLE_TWO_2019
    return import_bytes(text.encode("utf-8"), "report.txt")


def test_rows_printed_empty_under_old_columns_are_blank_and_r5_names_them() -> None:
    imported = _import()
    cells = imported.report.cells
    assert "t2.license" in cells and cells["t2.license"] is None
    assert "t2.penalty" in cells and cells["t2.penalty"] is None
    blanks = {c for f in check_imported(imported) if f.rule == "R5" for c in f.cells}
    assert {"t2.license", "t2.penalty"} <= blanks


def test_a_row_with_numbers_under_old_columns_keeps_its_decisions_and_fees_stay_unread() -> None:
    cells = _import().report.cells
    assert cells["t2.enforcement"] == 4
    assert "t2.fees" not in cells  # 2019's 收费 row has no amount column: nothing of 2021's is printed
