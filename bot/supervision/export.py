"""导出: the area as an .xlsx, one row per unit and one column per cell of the declaration, headed in Chinese."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from datetime import datetime, tzinfo
from decimal import Decimal

from ..file_names import export_file
from ..formats import GOV2021, Format
from ..incoming import Deferred, Reply
from ..report import with_known_totals
from .area import UnitStatus
from .messages import say

# the columns before the cells, headed as an official reads them; each cell's heading is its label in the format
# (表三「本年新收」行「自然人」列), so one row of Chinese headings is the whole header
FIXED_HEADINGS = ("单位", "类别", "状态", "提交时间", "完成进度(%)")
HEADER_ROWS = 1
# what Excel refuses in a sheet name, as the full-width characters a Chinese reader expects there anyway
_SHEET_TITLE = str.maketrans({"/": "／", "\\": "＼", "?": "？", "*": "＊", "[": "【", "]": "】", ":": "："})
_SHEET_TITLE_LIMIT = 31  # Excel's limit for a sheet name


def sheet_title(name: str, default: str = "年度报告") -> str:
    """Any area's name as a sheet title Excel accepts: 示范县/开发区 → 示范县／开发区."""
    title = name.translate(_SHEET_TITLE).strip().strip("'")[:_SHEET_TITLE_LIMIT]
    return title or default


def export_xlsx(units: Iterable[UnitStatus], tz: tzinfo, fmt: Format = GOV2021, title: str = "年度报告") -> bytes:
    """The workbook's bytes: one frozen row of Chinese headings (`headings`), the unit column frozen, one row per unit
    (in the order given; `units` may be a generator that loads reports as it goes: rows are written out as they come).

    rustpy-xlsxwriter (rust_xlsxwriter, by XlsxWriter's author, behind a Python binding), not XlsxWriter: 200
    columns × 20,000 units are four million cells, which XlsxWriter writes in 28 s of CPU, this in 3.6 s."""
    from rustpy_xlsxwriter import write_worksheet

    columns = headings(fmt)  # the header row: the writer heads each column with its records' key

    def records() -> Iterator[dict[str, object]]:
        # each record's values are written in the order of its keys, not matched to the header by name: every
        # record is built from the one `columns` list
        written = False
        for unit in units:
            yield dict(zip(columns, _unit_row(unit, tz, fmt), strict=True))
            written = True
        if not written:  # an area of no units still has its headings: a row of blanks (no cells) heads the sheet
            yield dict.fromkeys(columns)

    buffer = io.BytesIO()
    # every text stays text (a unit named =HYPERLINK(…), +1 or @SUM is no formula, link or number); a blank
    # (None) is no cell at all
    write_worksheet(records(), buffer, sheet_name=sheet_title(title), freeze_row=HEADER_ROWS, freeze_col=1,
                    bold_headers=True, column_widths={columns[0]: 28}, datetime_format="yyyy-mm-dd hh:mm")
    return buffer.getvalue()


def headings(fmt: Format = GOV2021) -> list[str]:
    """The workbook's column headings: the fixed ones, then each cell's label as the format declares it. Each
    heading keys its column, so two cells labelled alike would share one: refused."""
    columns = [*FIXED_HEADINGS, *(c.label for c in fmt.cells)]
    if len(set(columns)) != len(columns):
        raise ValueError(f"format {fmt.id}: two columns of the export are headed alike")
    return columns


def _unit_row(unit: UnitStatus, tz: tzinfo, fmt: Format) -> list[object]:
    # Excel has no time zones: the local time of the campaign, without its offset
    submitted = unit.submitted_at.astimezone(tz).replace(tzinfo=None) if unit.submitted_at else None
    row: list[object] = [unit.unit, unit.kind, unit.status_label, submitted, unit.progress]
    if unit.report is None:
        return row + [None] * len(fmt.cell_ids)
    cells = list(map(with_known_totals(unit.report, fmt).cells.get, fmt.cell_ids))
    if Decimal in set(map(type, cells)):  # the amount in 万元 (or a count that is not whole): a float for Excel
        cells = [float(v) if type(v) is Decimal else v for v in cells]
    return row + cells


def export_reply(area: str | None, label: str, year: int, now: datetime, tz: tzinfo) -> list[Reply]:
    """What 导出 answers at once: a note that the file follows, and the job that makes it (the `export_xlsx` job
    kind of the edge reads the reports a chunk at a time and writes them with `export_xlsx`)."""
    name = export_file(area, year, now.astimezone(tz).date())
    job = Deferred("export_xlsx", {"area": area, "label": label, "year": year,
                                   "tz": getattr(tz, "key", "Asia/Shanghai")})
    return [Reply(say("export_started")), Reply(kind="file", file_name=name, deferred=job)]
