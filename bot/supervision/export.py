"""导出: the area as an .xlsx, one row per unit and one column per cell id of the declaration.

openpyxl's write-only mode: rows are streamed to the file as they come, so an export of 20,000 units never holds
the whole sheet (nor, given an iterator, every report) in memory.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import tzinfo
from decimal import Decimal

from ..formats import GOV2021, Format
from ..report import with_derived
from .area import UnitStatus

# the fixed columns before the cells: (public id, Chinese label)
FIXED_COLUMNS = (("unit", "单位"), ("kind", "类别"), ("status", "状态"), ("submitted_at", "提交时间"),
                 ("progress", "完成进度(%)"))
HEADER_ROWS = 2  # row 1: public ids (stable for formulas and scripts); row 2: the labels a person reads
SUBMITTED_COLUMN = 3  # 0-based index of 提交时间


def export_xlsx(units: Iterable[UnitStatus], tz: tzinfo, fmt: Format = GOV2021, title: str = "年度报告") -> bytes:
    """The workbook's bytes: two frozen header rows, the unit column frozen, one row per unit (in the order
    given; `units` may be a generator that loads reports as it goes)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])  # Excel's limit for a sheet name
    sheet.freeze_panes = f"B{HEADER_ROWS + 1}"
    sheet.column_dimensions["A"].width = 28
    bold = Font(bold=True)

    def header(values: list[str]) -> list[WriteOnlyCell]:
        cells = [WriteOnlyCell(sheet, value=v) for v in values]
        for cell in cells:
            cell.font = bold
        return cells

    sheet.append(header([c for c, _ in FIXED_COLUMNS] + [c.id for c in fmt.cells]))
    sheet.append(header([label for _, label in FIXED_COLUMNS] + [c.label for c in fmt.cells]))
    for unit in units:
        row: list[object] = _unit_row(unit, tz, fmt)
        when = WriteOnlyCell(sheet, value=row[SUBMITTED_COLUMN])
        when.number_format = "yyyy-mm-dd hh:mm"
        row[SUBMITTED_COLUMN] = when
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _unit_row(unit: UnitStatus, tz: tzinfo, fmt: Format) -> list[object]:
    # Excel has no time zones: the local time of the campaign, without its offset
    submitted = unit.submitted_at.astimezone(tz).replace(tzinfo=None) if unit.submitted_at else None
    row: list[object] = [unit.unit, unit.kind, unit.status_label, submitted, unit.progress]
    report = with_derived(unit.report, fmt) if unit.report is not None else None
    for cell in fmt.cells:
        value = report.cells.get(cell.id) if report is not None else None
        row.append(float(value) if isinstance(value, Decimal) else value)
    return row
