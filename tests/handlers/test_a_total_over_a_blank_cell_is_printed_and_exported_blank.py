"""A 总计 over a cell not yet answered is not known: the draft's Word file and the county's 导出 printed it 0 (every
table 四 total of a unit that had answered only the gate, every table 三 total of a unit still at table 二). A total
whose cells are all known is printed as before, 0 included."""

from __future__ import annotations

import io

from docx import Document
from openpyxl import load_workbook

from bot.formats import GOV2021
from bot.report import empty_report
from bot.supervision.area import UnitStatus
from bot.supervision.export import export_xlsx
from handlers.jobs.kinds import report_docx_bytes
from tests.bot.supervision.helpers import TZ


def _started() -> object:
    """Table 二 answered, 三 and 四 not reached: every cell of 三 and 四 blank."""
    report = empty_report("城关镇人民政府", "镇", 2025)
    for cell in GOV2021.typed_cell_ids:
        report.cells[cell] = 0 if cell.startswith("t2.") else None
    return report


def _row_values(table, label: str) -> list[str]:
    for row in table.rows:
        texts = [c.text.strip() for c in row.cells]
        if label in texts[0] or (len(texts) > 1 and label in texts[1]):
            return texts
    raise AssertionError(label)


def test_the_word_file_prints_a_total_over_blank_cells_blank() -> None:
    word = Document(io.BytesIO(report_docx_bytes(_started().to_json(), "gov2021")))
    three = word.tables[1]
    assert set(_row_values(three, "总计")[3:]) == {""}, _row_values(three, "总计")


def test_a_total_over_known_cells_is_printed_even_when_zero() -> None:
    report = _started()
    for cell in GOV2021.typed_cell_ids:
        report.cells[cell] = 0
    word = Document(io.BytesIO(report_docx_bytes(report.to_json(), "gov2021")))
    assert "0" in _row_values(word.tables[1], "总计")[3:]


def test_the_export_leaves_a_total_over_blank_cells_blank() -> None:
    units = [UnitStatus("城关镇人民政府", "镇", "龙亭区", report=_started())]
    rows = list(load_workbook(io.BytesIO(export_xlsx(units, TZ))).active.iter_rows(values_only=True))
    header = list(rows[0])
    for cell in ("t3.new.total", "t3.total.total", "t4.review.total"):
        label = GOV2021.cell(cell).label
        assert rows[1][header.index(label)] is None, (cell, rows[1][header.index(label)])
    assert rows[1][header.index(GOV2021.cell("t2.fees").label)] == 0
