"""A table printed with its header rows and no data row (cut there, or left empty) has cells that were not read,
not cells printed blank. 表四 prints its rows as column groups (行政复议 over five columns), and a web page or a
Word table copied as text prints the merged heading's other cells as empty fillers ("| 行政复议 | | | | |"): they
are no row printed blank. Unknown is not zero and not-read is not blank: R5 says nothing about those cells, and
the import says the table's heading was found with no number under it."""

from __future__ import annotations

import io
import re

import docx
import pytest

from bot.checking import check_imported
from bot.importers import ImportResult, import_bytes, import_report
from bot.importers.tables import NOT_READ_RULE
from bot.render import render_docx
from tests.conftest import seed_path

T4_CELLS = 15
HEADING = "四、政府信息公开行政复议、行政诉讼情况"
NEXT = "五、存在的主要问题及改进情况"
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# 表四's three header lines as copies of published pages print them, merged cells as empty fillers
HEADERS_ONLY = {
    "pipes": "\n".join([
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
        "| " + " | ".join(RESULTS * 3) + " |",
    ]),
    "pipes_then_an_empty_line_of_cells": "\n".join([
        "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
        "| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
        "| " + " | ".join(RESULTS * 3) + " |",
        "|" + " |" * 15,
    ]),
    "tabs": "\n".join([
        "行政复议" + "\t" * 5 + "行政诉讼",
        "\t" * 5 + "未经复议直接起诉" + "\t" * 5 + "复议后起诉",
        "\t".join(RESULTS * 3),
    ]),
}


def _seed_with_table_four(table_four: str) -> bytes:
    text = seed_path(0).read_text(encoding="utf-8")
    text = re.sub(f"{HEADING}.*?(?={NEXT})", f"{HEADING}\n{table_four}\n\n", text, count=1, flags=re.S)
    return text.encode("utf-8")


def _assert_table_four_not_read_and_not_blank(imported: ImportResult) -> None:
    assert len({c for c in imported.report.not_found if c.startswith("t4.")}) == T4_CELLS
    assert not [c for c in imported.report.cells if c.startswith("t4.")]
    assert imported.report.cells["t3.new.total"] == 0  # the tables above are read as before
    findings = check_imported(imported)
    assert not [f for f in findings if f.rule == "R5"]
    not_read = [f for f in findings if f.rule == NOT_READ_RULE and any(c.startswith("t4.") for c in f.cells)]
    assert len(not_read) == 1 and "找到了表四" in not_read[0].message and "没有读到数字" in not_read[0].message


@pytest.mark.parametrize("layout", sorted(HEADERS_ONLY))
def test_table_four_headers_with_filler_cells_and_no_data_line_are_not_read(layout: str) -> None:
    _assert_table_four_not_read_and_not_blank(import_bytes(_seed_with_table_four(HEADERS_ONLY[layout]), "r.txt"))


def test_word_table_four_without_its_data_line_is_not_read() -> None:
    word = docx.Document(io.BytesIO(render_docx(import_report(seed_path(0)).report)))
    table_four = next(t for t in word.tables if "行政复议" in t.rows[0].cells[0].text)
    data_line = table_four.rows[-1]._tr
    data_line.getparent().remove(data_line)
    out = io.BytesIO()
    word.save(out)
    _assert_table_four_not_read_and_not_blank(import_bytes(out.getvalue(), "report.docx"))


def test_a_data_line_printed_with_an_empty_cell_under_the_headers_is_blank_there() -> None:
    """The other side: a data line that is printed, with one cell left empty, is one blank cell that R5 names."""
    numbers = ["0"] * 15
    numbers[2] = " "  # 行政复议 其他结果
    table_four = HEADERS_ONLY["pipes"] + "\n| " + " | ".join(numbers) + " |"
    imported = import_bytes(_seed_with_table_four(table_four), "r.txt")
    assert imported.report.cells["t4.review.other"] is None
    assert imported.report.cells["t4.review.corrected"] == 0
    assert {c for f in check_imported(imported) if f.rule == "R5" for c in f.cells} == {"t4.review.other"}
