"""A report that prints the 2019 trial format's 表二 with its labels only — not a number under them, as a real 2022
report of 螅镇 does — is on the old format all the same: R12 says so from the column labels, as it does when the
numbers are there. A 2021 表二 left without numbers gives no R12."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

OPENING = ["2022年度螅镇政府信息公开工作年度报告", "一、总体情况", "2022年，我镇主动公开政务文件11份。",
           "二、主动公开政府信息情况"]


def _r12(table: list[str]) -> list[str]:
    imported = import_bytes("\n\n".join([*OPENING, *table]).encode("utf-8"), "report.txt")
    return [f.message for f in check_imported(imported) if f.rule == "R12"]


def test_the_2019_columns_printed_without_numbers_give_r12() -> None:
    found = _r12(["第二十条第(一)项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量", "规章",
                  "规范性文件", "第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "行政许可"])
    assert found and "本年新制作数量" in found[0]
    assert "已导入" not in found[0]  # nothing was: not a number is printed


def test_the_2021_columns_printed_without_numbers_give_no_r12() -> None:
    assert _r12(["第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章",
                 "行政规范性文件", "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可"]) == []


def test_a_2019_row_under_old_columns_cut_short_is_found_not_reported_missing() -> None:
    """规章 0 0 0 under 本年新 | 本年新 | 对外公开总数量 (two headers cut short in a real copy): no old column there means
    a 2021 cell, so nothing is imported from the row — but the row is there, and is not reported as missing."""
    table = ["第二十条第(一)项 |", "信息内容 |", "本年新 |", "本年新 |", "对外公开总数量 |", "规章 |", "0 |", "0 |", "0 |",
             "规范性文件 |", "1 |", "1 |", "1 |"]
    imported = import_bytes("\n".join([*OPENING, *table]).encode("utf-8"), "report.txt")
    messages = [f.message for f in check_imported(imported)]
    missing = ("未找到表二「规章」行", "未找到表二「行政规范性文件」行", "其下没有读到数字")
    assert not [m for m in messages if any(words in m for words in missing)], messages
    assert any("对外公开总数量" in m for m in messages)
    assert "t2.regulations.issued" not in imported.report.cells
