"""A 2021 表二 whose (五)/(六) column is printed 处理决定数量 — 本年 dropped, a note under it (2023年办件量), as a mirror
of a Wuhan 生态环境分局's report has it — is no 2019 table: that format printed 处理决定数量 only beside 上一年项目数量
and 本年增/减. Its numbers are read and R12 says nothing (it was a false error); the 2019 table is still R12."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

HEAD = "某区生态环境分局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，分局主动公开信息68条。\n二、主动公开政府信息情况\n"
T2_2021 = ("第二十条第(一)项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 0 |\n"
           "行政规范性文件 | 0 | 1 | 0 |\n第二十条第(五)项 | |||\n信息内容 | 处理决定数量(2023年办件量) | ||\n行政许可 | 132 | ||\n")
T2_2019 = ("第二十条第(五)项 | |||\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n行政许可 | 120 | 12 | 132 |\n")


def _import(table: str):
    return import_bytes((HEAD + table).encode("utf-8"), "report.txt")


def test_decisions_without_benian_in_a_2021_table_are_read_and_no_r12() -> None:
    imported = _import(T2_2021)
    assert imported.report.cells["t2.license"] == 132
    assert "R12" not in {f.rule for f in check_imported(imported)}


def test_the_2019_table_with_its_other_columns_is_still_the_old_format() -> None:
    imported = _import(T2_2019)
    assert imported.report.cells["t2.license"] == 132
    assert "R12" in {f.rule for f in check_imported(imported) if f.level == "error"}
