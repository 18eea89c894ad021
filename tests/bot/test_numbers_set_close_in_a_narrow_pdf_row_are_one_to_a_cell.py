"""A table row a PDF prints without its grid (the first row on a page, whose top ruling was left on the page before,
as Chromium prints a table 三 split inside （三）不予公开): its label and its numbers stand closer than the gap that
parts cells elsewhere, narrow columns setting them a few points apart. A line that ends in three or more numbers,
each a word apart, with nothing else after the first, is a label and one cell per number — read into its row; a
sentence whose numbers have words between them (2024 年 1 月 1 日) stays a sentence."""

from __future__ import annotations

from pathlib import Path

from bot.importers import import_bytes, read_blocks
from bot.importers.blocks import TableRow
from tests.pdfs import html_to_pdf

GAP = '<span style="margin-left:5pt">{}</span>'


def _pdf(tmp_path: Path, line: str) -> bytes:
    html = ('<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font:10.5pt "Noto Serif CJK SC",serif}'
            'p{margin:4pt 0}</style></head><body>'
            "<p>示范县青山镇2024年政府信息公开工作年度报告</p><p>一、总体情况</p><p>2024年，我镇收到政府信息公开申请1件。</p>"
            "<p>三、收到和处理政府信息公开申请情况</p>"
            f"<p>{line}</p></body></html>")
    return html_to_pdf(html, tmp_path, "row").read_bytes()


def test_a_label_and_seven_close_numbers_are_eight_cells(tmp_path: Path) -> None:
    data = _pdf(tmp_path, "一、本年新收政府信息公开申请数量" + "".join(GAP.format(n) for n in "1000001"))
    rows = [b.cells for b in read_blocks(data, "row.pdf") if isinstance(b, TableRow)]
    assert ("一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1") in rows, rows
    cells = import_bytes(data, "row.pdf").report.cells
    assert [cells[f"t3.new.{c}"] for c in ("person", "company", "other", "total")] == [1, 0, 0, 1]


def test_a_sentence_with_spaced_numbers_stays_one_paragraph(tmp_path: Path) -> None:
    data = _pdf(tmp_path, "统计期限为" + GAP.format("2024") + " 年 " + GAP.format("1") + " 月 " + GAP.format("1")
                + " 日至 " + GAP.format("2024") + " 年 " + GAP.format("12") + " 月 " + GAP.format("31") + " 日。")
    assert not [b for b in read_blocks(data, "row.pdf") if isinstance(b, TableRow)]
