"""导出: the area as an .xlsx, one row per unit and one column per cell id of the declaration."""

from __future__ import annotations

import io
from datetime import tzinfo
from decimal import Decimal

from ..formats import GOV2021, Format
from ..report import with_derived
from .area import UnitStatus

# the fixed columns before the cells: (public id, Chinese label)
FIXED_COLUMNS = (("unit", "单位"), ("kind", "类别"), ("status", "状态"), ("submitted_at", "提交时间"),
                 ("progress", "完成进度(%)"))
HEADER_ROWS = 2  # row 1: public ids (stable for formulas and scripts); row 2: the labels a person reads
# what Excel refuses in a sheet name, as the full-width characters a Chinese reader expects there anyway
_SHEET_TITLE = str.maketrans({"/": "／", "\\": "＼", "?": "？", "*": "＊", "[": "【", "]": "】", ":": "："})
_SHEET_TITLE_LIMIT = 31  # Excel's limit for a sheet name


def sheet_title(name: str, default: str = "年度报告") -> str:
    """Any area's name as a sheet title Excel accepts: 示范县/开发区 → 示范县／开发区."""
    title = name.translate(_SHEET_TITLE).strip().strip("'")[:_SHEET_TITLE_LIMIT]
    return title or default


def export_xlsx(units: list[UnitStatus], tz: tzinfo, fmt: Format = GOV2021, title: str = "年度报告") -> bytes:
    """The workbook's bytes: two frozen header rows, the unit column frozen, one row per unit."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(title)
    cells = fmt.cells
    _append(sheet, [c for c, _ in FIXED_COLUMNS] + [c.id for c in cells])
    _append(sheet, [label for _, label in FIXED_COLUMNS] + [c.label for c in cells])
    for row in sheet.iter_rows(min_row=1, max_row=HEADER_ROWS):
        for cell in row:
            cell.font = Font(bold=True)
    for unit in units:
        _append(sheet, _unit_row(unit, tz, fmt))
    for row in sheet.iter_rows(min_row=HEADER_ROWS + 1, min_col=4, max_col=4):
        row[0].number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = sheet.cell(row=HEADER_ROWS + 1, column=2)
    sheet.column_dimensions["A"].width = 28
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _append(sheet, values: list[object]) -> None:
    """One row, every text as text: a unit named =HYPERLINK(…) (or +, -, @ …) is never a live formula."""
    sheet.append(values)
    for cell, value in zip(sheet[sheet.max_row], values, strict=True):
        if isinstance(value, str):
            cell.data_type = "s"


def _unit_row(unit: UnitStatus, tz: tzinfo, fmt: Format) -> list[object]:
    # Excel has no time zones: the local time of the campaign, without its offset
    submitted = unit.submitted_at.astimezone(tz).replace(tzinfo=None) if unit.submitted_at else None
    row: list[object] = [unit.unit, unit.kind, unit.status_label, submitted, unit.progress]
    report = with_derived(unit.report, fmt) if unit.report is not None else None
    for cell in fmt.cells:
        value = report.cells.get(cell.id) if report is not None else None
        row.append(float(value) if isinstance(value, Decimal) else value)
    return row


def file_name(name: str) -> str:
    """A file name safe on every system the file lands on (示范县/开发区 is no folder)."""
    return name.translate(_SHEET_TITLE).replace("<", "＜").replace(">", "＞").replace('"', "”").replace("|", "｜")
