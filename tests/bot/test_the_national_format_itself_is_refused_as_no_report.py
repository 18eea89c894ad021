"""A clerk may send the national format (or a site's copy of the notice issuing it) instead of the unit's report:
its own name stands as a line, its tables print labels and no numbers. It is refused with one sentence that says
what it is, never imported as a report whose 200 cells are all to be filled in. A report that only cites the
format in a sentence, or that has its numbers, is read as before."""

from __future__ import annotations

import pytest

from bot.importers import NotAReport, import_bytes

FORMAT_TABLE = ["附件:", "一、总体情况", "第二十条第(一)项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数",
                "规章", "行政规范性文件", "第二十条第(五)项", "信息内容", "本年处理决定数量", "行政许可"]
OPENING = ("政府信息公开工作年度报告(以下简称年度报告),是《中华人民共和国政府信息公开条例》确立的法定制度安排,"
           "是全面反映政府信息公开工作情况的重要方式。")


def _import(lines: list[str]):
    return import_bytes("\n".join(lines).encode("utf-8"), "page.txt")


@pytest.mark.parametrize("name", [["中华人民共和国政府信息公开工作年度报告格式"],
                                  ["中华人民共和国", "政府信息公开工作年度报告格式"]])
def test_the_format_with_its_label_only_tables_is_refused_saying_what_it_is(name: list[str]) -> None:
    with pytest.raises(NotAReport) as refused:
        _import([*name, OPENING, *FORMAT_TABLE])
    assert "年度报告格式" in refused.value.message and "不是本单位的年度报告" in refused.value.message


def test_a_report_fragment_citing_the_format_in_a_sentence_is_read() -> None:
    imported = _import(["根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
                        "规定编制本报告。", "一、总体情况", "2023年，我镇未收到政府信息公开申请。"])
    assert imported.report.text


def test_a_page_that_prints_the_formats_name_above_a_report_with_numbers_is_read() -> None:
    imported = _import(["中华人民共和国政府信息公开工作年度报告格式", "一、总体情况", "2023年，我镇主动公开信息12条。",
                        "二、主动公开政府信息情况", "第二十条第(一)项 |", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
                        "规章 | 0 | 0 | 0 |", "行政规范性文件 | 1 | 0 | 3 |"])
    assert imported.report.cells["t2.normative.in_force"] == 3
