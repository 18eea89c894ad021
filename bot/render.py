"""A report as plain text, an HTML page, a Word file, and WeCom-sized pieces of text.

All three renderers read one layout built from the format declaration: the title, the section headings, the prose
slots and each table as a grid of cells with the merged cells of the official form. Nothing here names a row or a
cell of a particular format; how a table is printed (rows / blocks / wide) is declared on the table itself.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import templates

from .formats import GOV2021, Cell, Format, Row, Table
from .report import Number, Report, empty_report

Role = Literal["head", "group", "label", "value"]
CellIndex = dict[tuple[str, str], Cell]


@dataclass(frozen=True)
class GridCell:
    text: str
    role: Role = "head"
    rowspan: int = 1
    colspan: int = 1
    cell_id: str = ""  # the report cell a value shows

    @property
    def ordinal(self) -> tuple[str, str]:
        """A row label's ordinal and the rest: （三）不予公开 → ('（三）', '不予公开'); ('', text) without one. The
        ordinal is printed as one unbreakable piece: a line never ends inside （三）."""
        if self.role not in ("group", "label"):
            return "", self.text
        found = _LABEL_ORDINAL.match(self.text)
        return (found.group(), self.text[found.end():]) if found else ("", self.text)


# how a row label of the official tables is numbered: 三、 （三） (三) 1. 1．
_LABEL_ORDINAL = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]")


@dataclass(frozen=True)
class GridRow:
    cells: tuple[GridCell, ...]
    head: bool = False
    label: str = ""  # the declaration's Row.label of a body row ('' for a header or a wide data row)


@dataclass(frozen=True)
class GridPart:
    """Header rows and the body rows under them; merged cells never cross a part."""

    rows: tuple[GridRow, ...]

    @property
    def head_rows(self) -> tuple[GridRow, ...]:
        return tuple(r for r in self.rows if r.head)

    @property
    def body_rows(self) -> tuple[GridRow, ...]:
        return tuple(r for r in self.rows if not r.head)


@dataclass(frozen=True)
class Grid:
    key: str
    title: str
    width: int
    parts: tuple[GridPart, ...]

    @property
    def rows(self) -> tuple[GridRow, ...]:
        return tuple(r for p in self.parts for r in p.rows)

    @property
    def text_rows(self) -> list[list[str]]:
        """The rows as printed in a tab-separated text: see `_flat_rows`."""
        return [cells for part in self.parts for cells in _flat_rows(part)]


@dataclass(frozen=True)
class Block:
    kind: Literal["section", "subheading", "paragraph", "table"]
    text: str = ""
    grid: Grid | None = None
    slot: str = ""  # the prose slot a subheading or paragraph belongs to (the desk marks findings on it)


@dataclass(frozen=True)
class Layout:
    title: str
    blocks: tuple[Block, ...]
    # the title in the two pieces a long title breaks between: the unit's name, then 2024年政府信息公开工作年度报告
    title_parts: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()  # 落款 under the last section: the unit's name, then the day it was handed in
    # how far each 落款 line stands from the right margin, in characters of the body text (GB/T 9704 7.3.5.1)
    signature_right: tuple[float, ...] = ()


# --- cell values -----------------------------------------------------------------------------------------------


def format_value(value: Number | None) -> str:
    """A cell as printed: integers as they are, 万元 without trailing zeros, a blank cell as ''."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return "0" if text in ("-0", "0") else text
    return str(value)


# --- the document layout ---------------------------------------------------------------------------------------


def layout(report: Report, fmt: Format = GOV2021, submitted_on: date | None = None,
           title_parts: tuple[str, ...] = ()) -> Layout:
    """The document as printed; `submitted_on`: the day (the unit's local date) the report was handed in, for its 落款
    — None for a draft. `title_parts`: a title other than the unit's report's (an area's roll-up), in the pieces a
    long title breaks between."""
    title = "".join(title_parts) or templates.render("drafts/title.j2", unit=report.unit, year=report.year).strip()
    blocks: list[Block] = []
    section_numbers = {s.number for s in fmt.sections}
    for slot in fmt.slots:
        if slot.section not in section_numbers:  # the preface stands before the first section
            blocks.extend(_slot_blocks(report, slot.title, slot.id))
    for section in fmt.sections:
        blocks.append(Block("section", section.heading))
        for slot in fmt.slots:
            if slot.section == section.number:
                blocks.extend(_slot_blocks(report, slot.title, slot.id))
        for table in fmt.tables:
            if table.section == section.number:
                blocks.append(Block("table", grid=table_grid(table, report)))
    signature = _signature(report, fmt, submitted_on)
    return Layout(title, tuple(blocks), title_parts or _title_parts(title, report.unit), signature,
                  signature_places(signature, dated=submitted_on is not None, year=report.year))


def _title_parts(title: str, unit: str) -> tuple[str, ...]:
    """(unit, the rest) when the title opens with the unit's name, else the title whole."""
    if unit and title.startswith(unit) and len(title) > len(unit):
        return unit, title[len(unit):]
    return (title,)


def _signature(report: Report, fmt: Format, submitted_on: date | None) -> tuple[str, ...]:
    """落款: the unit's name, and the day the report was handed in.

    A draft is signed with the unit's name only: the clerk prints the draft for the leaders to read as it will be
    published (whose report it is belongs to that), but its date is the day it is handed in — a draft has none yet,
    and today's date on it would be read as the day it was issued. A format printed without 落款 (the roll-up, a sum
    of other units' reports) has none.
    """
    if not fmt.signed or not report.unit:
        return ()
    lines = templates.render("drafts/signature.j2", unit=report.unit, day=submitted_on).splitlines()
    return tuple(line.strip() for line in lines if line.strip())


_DATE_RIGHT_EM = 4.0  # GB/T 9704 7.3.5.1: 成文日期一般右空四字编排


def signature_places(lines: tuple[str, ...], dated: bool, year: int) -> tuple[float, ...]:
    """Where each 落款 line stands, as its distance from the right margin in characters (GB/T 9704-2012 7.3.5.1, a
    sealed 公文 — as a published report is): the day 右空四字, the unit's name centred over the day. A name too long
    to be centred so without crossing the margin ends at the margin. A draft, not dated yet, has its name where it
    will stand over a day in the January after its year (2025年1月20日), so the signed copy moves nothing."""
    if not lines:
        return ()
    names = lines[:-1] if dated else lines
    day_em = _text_em(lines[-1]) if dated else _text_em(f"{year + 1}年1月20日")
    centre = _DATE_RIGHT_EM + day_em / 2
    places = tuple(max(0.0, round(centre - _text_em(name) / 2, 2)) for name in names)
    return places + ((_DATE_RIGHT_EM,) if dated else ())


def _slot_blocks(report: Report, title: str, slot_id: str) -> list[Block]:
    blocks = [Block("subheading", title, slot=slot_id)] if title else []
    text = report.text.get(slot_id) or ""
    blocks.extend(Block("paragraph", line.strip(), slot=slot_id) for line in text.splitlines() if line.strip())
    return blocks


def table_grid(table: Table, report: Report) -> Grid:
    build = {"blocks": _blocks_grid, "wide": _wide_grid}.get(table.layout, _rows_grid)
    return build(table, report)


def _value_cell(index: CellIndex, report: Report, row: Row, col_key: str, colspan: int = 1) -> GridCell:
    cell = index.get((row.key, col_key))
    if cell is None:
        return GridCell("", "value", colspan=colspan)
    return GridCell(format_value(report.cells.get(cell.id)), "value", colspan=colspan, cell_id=cell.id)


def _cell_index(table: Table) -> CellIndex:
    return {(c.row, c.col): c for c in table.cells}


def _group_chains(rows: Sequence[Row]) -> tuple[dict[str, tuple[int, int]], list[list[str]]]:
    """Each row group's span of rows, and for each row the groups around it, outermost first.

    A group spans from its first to its last row, so a group whose rows lie inside another's span is nested in it
    (（三）不予公开 inside 三、本年度办理结果) without the declaration having to say so.
    """
    spans: dict[str, tuple[int, int]] = {}
    for i, row in enumerate(rows):
        if row.group:
            first, _ = spans.get(row.group, (i, i))
            spans[row.group] = (first, i)
    chains = [
        sorted((g for g, (a, b) in spans.items() if a <= i <= b), key=lambda g: spans[g][0] - spans[g][1])
        for i in range(len(rows))
    ]
    return spans, chains


def _column_header_rows(table: Table, corner: GridCell | None) -> list[list[GridCell]]:
    """The header rows above the value columns: column_header, then column groups, then grouped column labels."""
    grouped = any(c.group for c in table.columns)
    levels: list[list[GridCell]] = [[] for _ in range(bool(table.column_header) + 1 + grouped)]
    if corner is not None:
        levels[0].append(corner)
    top = 0
    if table.column_header:
        levels[0].append(GridCell(table.column_header, colspan=len(table.columns)))
        top = 1
    i = 0
    while i < len(table.columns):
        col = table.columns[i]
        if not col.group:
            levels[top].append(GridCell(col.label, rowspan=1 + grouped))
            i += 1
            continue
        run = list(table.columns[i:])
        run = run[: next((k for k, c in enumerate(run) if c.group != col.group), len(run))]
        levels[top].append(GridCell(col.group, colspan=len(run)))
        levels[top + 1].extend(GridCell(c.label) for c in run)
        i += len(run)
    return levels


def _rows_grid(table: Table, report: Report) -> Grid:
    index = _cell_index(table)
    spans, chains = _group_chains(table.rows)
    depth = max((len(c) for c in chains), default=0) + 1
    head_levels = _column_header_rows(table, None)
    corner = GridCell(table.corner or table.caption, rowspan=len(head_levels), colspan=depth)
    head_levels[0].insert(0, corner)
    rows = [GridRow(tuple(level), head=True) for level in head_levels]
    for i, row in enumerate(table.rows):
        cells = [
            GridCell(g, "group", rowspan=spans[g][1] - spans[g][0] + 1)
            for g in chains[i]
            if spans[g][0] == i
        ]
        cells.append(GridCell(row.label, "label", colspan=depth - len(chains[i])))
        cells.extend(_value_cell(index, report, row, col.key) for col in table.columns)
        rows.append(GridRow(tuple(cells), label=row.label))
    return Grid(table.key, table.title, depth + len(table.columns), (GridPart(tuple(rows)),))


def _blocks_grid(table: Table, report: Report) -> Grid:
    index = _cell_index(table)
    blocks: dict[str, list[Row]] = {}
    for row in table.rows:
        blocks.setdefault(row.group, []).append(row)
    block_columns = {
        group: [c for c in table.columns if any((r.key, c.key) in index for r in rows)] for group, rows in blocks.items()
    }
    width = 1 + max(len(cols) for cols in block_columns.values())
    parts = []
    for group, rows in blocks.items():
        cols = block_columns[group]
        fill = width - len(cols)  # the last column of a narrow block is merged to the table's width
        grid_rows = [GridRow((GridCell(group, colspan=width),), head=True)] if group else []
        header = [GridCell(table.corner)]
        header += [GridCell(c.label, colspan=fill if k == len(cols) - 1 else 1) for k, c in enumerate(cols)]
        grid_rows.append(GridRow(tuple(header), head=True))
        for row in rows:
            cells = [GridCell(row.label, "label")]
            cells += [_value_cell(index, report, row, c.key, fill if k == len(cols) - 1 else 1) for k, c in enumerate(cols)]
            grid_rows.append(GridRow(tuple(cells), label=row.label))
        parts.append(GridPart(tuple(grid_rows)))
    return Grid(table.key, table.title, width, tuple(parts))


def _wide_grid(table: Table, report: Report) -> Grid:
    index = _cell_index(table)
    spans, chains = _group_chains(table.rows)
    depth = max((len(c) for c in chains), default=0) + 1
    ncols = len(table.columns)
    levels: list[list[GridCell]] = [[] for _ in range(depth + 1)]
    values: list[GridCell] = []
    for i, row in enumerate(table.rows):
        for level, g in enumerate(chains[i]):
            if spans[g][0] == i:
                levels[level].append(GridCell(g, colspan=ncols * (spans[g][1] - spans[g][0] + 1)))
        own = len(chains[i])
        levels[own].append(GridCell(row.label, colspan=ncols))
        levels[own + 1].extend(GridCell(c.label, rowspan=depth - own) for c in table.columns)
        values.extend(_value_cell(index, report, row, c.key) for c in table.columns)
    rows = [GridRow(tuple(level), head=True) for level in levels if level]
    rows.append(GridRow(tuple(values)))
    return Grid(table.key, table.title, ncols * len(table.rows), (GridPart(tuple(rows)),))


def _positions(part: GridPart) -> Iterator[tuple[int, int, GridCell]]:
    """Each cell of a part with the (row, column) where it starts, skipping places taken by merged cells above."""
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(part.rows):
        c = 0
        for cell in row.cells:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            yield r, c, cell
            c += cell.colspan


def _flat_rows(part: GridPart) -> list[list[str]]:
    """Tab-separated rows: a merged cell prints once at its top-left place.

    Header rows keep the columns aligned (an empty cell where a merged one spreads) and drop trailing empties. A body
    row prints the empty places a group label above leaves, then its label and exactly one cell per value, so that an
    importer finds each row by its label followed by its values.
    """
    origin: dict[tuple[int, int], GridCell] = {}
    rowspan_shadow: set[tuple[int, int]] = set()
    for r, c, cell in _positions(part):
        origin[(r, c)] = cell
        rowspan_shadow.update((r + dr, c + dc) for dr in range(1, cell.rowspan) for dc in range(cell.colspan))
    width = max((c + cell.colspan for (_, c), cell in origin.items()), default=0)
    out = []
    for r, row in enumerate(part.rows):
        cells: list[str] = []
        for c in range(width):
            if (r, c) in origin:
                cells.append(origin[(r, c)].text)
            elif row.head or (r, c) in rowspan_shadow:
                cells.append("")
        while row.head and cells and not cells[-1]:
            cells.pop()
        out.append(cells)
    return out


# --- text and HTML ---------------------------------------------------------------------------------------------


def render_text(report: Report, fmt: Format = GOV2021, submitted_on: date | None = None) -> str:
    """The report as plain text: headings and paragraphs apart by blank lines, tables tab-separated, the 落款 last."""
    doc = layout(report, fmt, submitted_on)
    return templates.render("report.txt.j2", title=doc.title, blocks=doc.blocks, signature=doc.signature)


@dataclass(frozen=True)
class PageInfo:
    """What the web page says beside the report: where it stands and what can be downloaded."""

    status: str = ""  # 草稿 | 已提交 | 已退回 | 已通过 ('' : none shown, e.g. a file rendered for publishing)
    note: str = ""  # e.g. 2026年1月10日 10:30提交
    downloads: tuple[tuple[str, str], ...] = ()  # (label, href)


def render_html(report: Report, fmt: Format = GOV2021, page: PageInfo | None = None,
                submitted_on: date | None = None) -> str:
    """A whole HTML page: fits a phone's width, and prints each table on one A4 page."""
    doc = layout(report, fmt, submitted_on)
    page_mm = _PAGE_MM[0] - _MARGINS_MM["left"] - _MARGINS_MM["right"]  # the widths Word prints, as shares
    return templates.render("report.html.j2", doc=doc, title=doc.title, blocks=doc.blocks, page=page or PageInfo(),
                            columns={b.grid.key: html_columns(b.grid, page_mm) for b in doc.blocks if b.grid is not None})


@dataclass(frozen=True)
class HtmlColumn:
    kind: str  # value | group | label (a label column takes what the others leave: its width is not set)
    share: float  # of the table's width, in %, as Word prints it
    least_em: float = 0.0  # never narrower: a group column keeps its ordinals whole on a phone (0: no floor)


def html_columns(grid: Grid, page_mm: float) -> list[HtmlColumn]:
    kinds = column_kinds(grid)
    ordinals = _group_column_em(grid, names=False)
    return [HtmlColumn(kinds[c], round(100 * w / page_mm, 2),
                       ordinals[c] + _HTML_CELL_PADDING_EM if c in ordinals else 0.0)
            for c, w in enumerate(column_widths(grid, page_mm))]


_HTML_CELL_PADDING_EM = 0.6  # 1–2pt of padding on either side of an 8–9pt cell, and a little more


def render_pdf(report: Report, fmt: Format = GOV2021, submitted_on: date | None = None) -> bytes:
    """The report as a PDF for publishing: the printed web page (A4, each table on one page) through WeasyPrint,
    in the Chinese fonts installed (Noto CJK)."""
    from weasyprint import HTML

    return HTML(string=render_html(report, fmt, submitted_on=submitted_on)).write_pdf()


# --- Word --------------------------------------------------------------------------------------------------------

# GB/T 9704 公文 page: A4, margins top 37 mm, right 28 mm (26 mm + binding), bottom 35 mm, left 26 mm (28 mm)
_PAGE_MM = (210, 297)
_MARGINS_MM = {"top": 37, "right": 28, "bottom": 35, "left": 26}
_BODY_FONT, _TITLE_FONT, _HEADING_FONT, _SUBHEADING_FONT = "仿宋_GB2312", "方正小标宋简体", "黑体", "楷体_GB2312"
_BODY_PT, _TITLE_PT, _TABLE_PT = 16, 22, 9  # 三号, 二号, 小五 (published tables use 小五 to fit a page)
# exact: a CJK font's own line height would make table 三 a page and a half; 10.5 (not 11.5) fits 表二 and 表三
# on one page together (54.5 + 145.6 mm with their headings, of 225 mm), so 表二 never stands alone on a page
_TABLE_LINE_PT = 10.5
_TABLE_STYLE = "表格文字"
_CELL_MARGIN_MM = 1.0
# how wide a column prints: values narrow (a count of a few digits under a short header), row labels take the rest
_VALUE_MM, _GROUP_MM = 12.0, 11.0
# a group column (（三）不予公开) prints its ordinal on a line of its own and at most this many characters of its
# name to a line: （三） / 不予公开 — a narrower column cut the ordinal itself (（三 / ）不 / 予公 / 开)
_GROUP_NAME_EM = 4.0
_GROUP_SLACK_MM = 0.8  # Word and LibreOffice wrap a line that fits to the last hundredth of a millimetre
_BLOCK_LABEL_SHARE = 0.4  # table 二: the row label column; the value columns share the rest


def render_docx(report: Report, fmt: Format = GOV2021, submitted_on: date | None = None,
                title_parts: tuple[str, ...] = (), author: str = "") -> bytes:
    """The report as a .docx: A4 公文 page, 仿宋 三号 body, tables with the merged header cells of the official form,
    the 落款 (unit, and the day it was handed in) under the last section as GB/T 9704 places it. `title_parts`: see
    `layout`; `author`: whose document it is in its properties (the unit's name unless given)."""
    doc = layout(report, fmt, submitted_on, title_parts)
    word = _new_document()
    _set_properties(word, doc.title, author or report.unit, submitted_on)
    _add_title(word, doc)
    starts = _page_starts(doc, *_text_mm(word.sections[-1]))
    for i, block in enumerate(doc.blocks):
        if block.kind == "table" and block.grid is not None:
            first = _add_table(word, block.grid).rows[0].cells[0].paragraphs[0]
        elif block.kind == "section":  # a heading never stands alone at the foot of a page
            first = _add_paragraph(word, block.text, font=_HEADING_FONT, indent=True, keep_with_next=True)
        elif block.kind == "subheading":
            first = _add_paragraph(word, block.text, font=_SUBHEADING_FONT, indent=True, keep_with_next=True)
        else:
            first = _add_paragraph(word, block.text, indent=True)
        if i in starts:
            first.paragraph_format.page_break_before = True
    _add_signature(word, doc.signature, doc.signature_right)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def prepare_docx_tables(formats: Iterable[Format]) -> None:
    """Build the Word tables' skeletons of `formats` now (a blank report of each rendered once): a process that forks
    the renderers (the isolated children's fork server) fills the memo once, and each child copies from it."""
    for fmt in formats:
        render_docx(empty_report("", "", 2000, fmt, fill=None), fmt)


def _new_document():
    """An empty Word document with the 公文 page and the styles every report's document has."""
    from docx import Document

    word = Document()
    _setup_page(word)
    _setup_styles(word)
    _add_page_numbers(word)
    return word


def _set_properties(word, title: str, author: str, day: date | None) -> None:
    """The document's properties (Word's 文件→信息, a file manager's columns): its title and its unit, in Chinese;
    dated the day it was handed in. python-docx's template had said python-docx wrote it on 23 December 2013 and left
    the title empty: an undated draft (or a roll-up) has no date at all rather than that one."""
    properties = word.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = author
    properties.comments = ""
    properties.language = "zh-CN"
    _drop_template_parts(word)
    if day is not None:
        properties.created = properties.modified = datetime(day.year, day.month, day.day)
        return
    # python-docx's date setters refuse None, and python-docx (1.2) has no public call that removes a property, so
    # the template's date elements are taken out of the part's XML: CoreProperties keeps it in `_element` only
    element = properties._element
    for stamp in (element.created, element.modified):  # the template's 2013 date
        if stamp is not None:
            element.remove(stamp)


# what python-docx's template says of itself, never of this report: its extended properties (docProps/app.xml:
# "Microsoft Macintosh Word", 1 page, 0 words — a file manager's 程序名称 and 页数) and the picture of a blank page
# a file manager shows as the document's thumbnail (docProps/thumbnail.jpeg). Both parts are optional in OOXML;
# Word and LibreOffice write their own extended properties when they save.
_TEMPLATE_PACKAGE_RELS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail",
)


def _drop_template_parts(word) -> None:
    """The package without the template's extended properties and thumbnail: a part no relationship reaches is not
    saved (`Relationships` is a dict of rId → relationship)."""
    rels = word.part.package.rels
    for r_id in [r_id for r_id, rel in rels.items() if rel.reltype in _TEMPLATE_PACKAGE_RELS]:
        rels.pop(r_id)


_PAGE_NUMBER_FONT, _PAGE_NUMBER_PT = "宋体", 14  # 4号半角宋体 (GB/T 9704 7.5)


def _add_page_numbers(word) -> None:
    """Each page's number at its foot, between two dashes (— 1 —) as GB/T 9704 prints it: Word's PAGE field, which
    python-docx has no call for, so the field is written as WordprocessingML's own w:fldSimple."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_number_run(paragraph, "— ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)
    field.append(_page_number_run(paragraph, "1")._r)  # moved into the field: the number shown until Word fills it in
    _page_number_run(paragraph, " —")


def _page_number_run(paragraph, text: str):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.font.size = Pt(_PAGE_NUMBER_PT)
    _set_font(run._r.get_or_add_rPr(), _PAGE_NUMBER_FONT)
    return run


def _setup_page(word) -> None:
    from docx.shared import Mm

    for section in word.sections:
        section.page_width, section.page_height = Mm(_PAGE_MM[0]), Mm(_PAGE_MM[1])
        section.top_margin, section.right_margin = Mm(_MARGINS_MM["top"]), Mm(_MARGINS_MM["right"])
        section.bottom_margin, section.left_margin = Mm(_MARGINS_MM["bottom"]), Mm(_MARGINS_MM["left"])


def _setup_styles(word) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    normal = word.styles["Normal"]
    normal.font.size = Pt(_BODY_PT)
    _set_font(normal.element.get_or_add_rPr(), _BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)  # 公文: 22 lines of 28 pt on a page
    # no line alone at the foot or the top of a page: LibreOffice does so anyway, Word only when told
    normal.paragraph_format.widow_control = True
    cells = word.styles.add_style(_TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    cells.base_style = normal
    cells.font.size = Pt(_TABLE_PT)
    cells.paragraph_format.line_spacing = Pt(_TABLE_LINE_PT)
    cells.paragraph_format.first_line_indent = Pt(0)


def _set_font(rpr, name: str) -> None:
    """Word picks the Chinese font from w:eastAsia; the others keep Latin digits in the same face."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
        fonts.attrib.pop(qn(attr + "Theme"), None)  # a theme font would win over the named one


def _add_title(word, doc: Layout) -> None:
    """The title centred, 2号小标宋体字 as GB/T 9704-2012 7.3.1 sets it: not bold — 小标宋 is a heavy face of its own,
    and Word bolds a bold title once more, smearing its strokes. One too long for a line breaks after the unit's name
    (Word would cut it anywhere)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = word.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(_BODY_PT)
    paragraph.paragraph_format.line_spacing = Pt(36)
    lines = _title_lines(doc, _text_mm(word.sections[-1])[0])
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        run.font.size = Pt(_TITLE_PT)
        _set_font(run._r.get_or_add_rPr(), _TITLE_FONT)
        if i < len(lines) - 1:
            run.add_break()


def _title_lines(doc: Layout, width_mm: float) -> tuple[str, ...]:
    fits = _text_em(doc.title) * _TITLE_PT * _PT_MM <= width_mm - _TITLE_SLACK_MM
    return (doc.title,) if fits or len(doc.title_parts) < 2 else doc.title_parts


_TITLE_SLACK_MM = 4.0  # a title within half a character of the line's end may not fit in the font Word finds


def _add_signature(word, lines: Sequence[str], right_em: Sequence[float]) -> None:
    """落款 under the last section, a blank line above it, each line its distance from the right margin (the day
    右空四字, the unit's name centred over it: `signature_places`); kept on the page of the text it signs."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    if lines and word.paragraphs:  # never alone at the top of a page
        word.paragraphs[-1].paragraph_format.keep_with_next = True
    for i, (line, right) in enumerate(zip(lines, right_em, strict=True)):
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.right_indent = Pt(right * _BODY_PT) if right else None
        paragraph.paragraph_format.space_before = Pt(28) if i == 0 else None  # one line of the 公文 grid
        paragraph.paragraph_format.keep_with_next = i < len(lines) - 1 or None
        _no_autospace(paragraph)
        paragraph.add_run(line)


_PPR_AFTER_AUTOSPACE = ("w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                        "w:pPrChange")


def _no_autospace(paragraph) -> None:
    """No extra space between Chinese characters and digits (Word adds about a quarter character at each change, on
    by default): the 落款's places are counted in characters, and 2025年1月20日 must be as wide as they count it."""
    from docx.oxml.ns import qn

    ppr = paragraph._p.get_or_add_pPr()  # set last: python-docx places the properties it knows, not these two
    for tag, after in (("w:autoSpaceDE", ("w:autoSpaceDN", *_PPR_AFTER_AUTOSPACE)),
                       ("w:autoSpaceDN", _PPR_AFTER_AUTOSPACE)):
        ppr.insert_element_before(ppr.makeelement(qn(tag), {qn("w:val"): "0"}), *after)


def _add_paragraph(word, text: str, font: str = "", indent: bool = False, keep_with_next: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = word.add_paragraph()
    # 两端对齐, as 公文 are printed (and as the web page sets its text): a left-aligned Chinese paragraph leaves a
    # ragged right edge wherever a line breaks before a mark it may not start with
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.keep_with_next = keep_with_next or None
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(2 * _BODY_PT)  # two characters
    run = paragraph.add_run(text)
    if font:
        _set_font(run._r.get_or_add_rPr(), font)
    return paragraph


def column_kinds(grid: Grid) -> list[str]:
    """What each grid column holds in the body: "value", "group" (the labels of row groups), or "label"."""
    roles: list[set[str]] = [set() for _ in range(grid.width)]
    for part in grid.parts:
        for r, c, cell in _positions(part):
            if not part.rows[r].head and cell.colspan == 1:
                roles[c].add(cell.role)
    return ["value" if "value" in r else "group" if r == {"group"} else "label" if r else "value" for r in roles]


def _text_em(text: str) -> float:
    """How wide a text prints, in em: a Chinese character or full-width mark is one, a Latin letter or digit half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text)


def _group_column_em(grid: Grid, names: bool = True) -> dict[int, float]:
    """Each group column's width in em: its longest ordinal on a line of its own (（三）), and with `names` the name
    after it (不予公开) up to `_GROUP_NAME_EM` to a line."""
    need: dict[int, float] = {}
    for part in grid.parts:
        for _, c, cell in _positions(part):
            if cell.role == "group" and cell.colspan == 1:
                ordinal, name = cell.ordinal
                name_em = min(_text_em(name), _GROUP_NAME_EM) if names else 0.0
                need[c] = max(need.get(c, 0.0), _text_em(ordinal), name_em)
    return need


def column_widths(grid: Grid, total_mm: float) -> list[float]:
    """Each grid column's printed width: value columns narrow, group columns as wide as their ordinals and short
    names need, the row label column the rest — as published reports print table 三 on one page. A table of values
    only (表四) shares equally."""
    kinds = column_kinds(grid)
    labels = kinds.count("label") + kinds.count("group")
    if not labels:
        return [total_mm / grid.width] * grid.width
    values = kinds.count("value")
    if kinds.count("group") == 0 and labels == 1:  # one label column (表二): a fixed share
        label = total_mm * _BLOCK_LABEL_SHARE
        return [label if k == "label" else (total_mm - label) / values for k in kinds]
    value = min(_VALUE_MM, total_mm * 0.55 / max(values, 1))
    char_mm = _TABLE_PT * _PT_MM
    groups = {c: max(_GROUP_MM, em * char_mm + 2 * _CELL_MARGIN_MM + _GROUP_SLACK_MM)
              for c, em in _group_column_em(grid).items()}
    rest = total_mm - value * values - sum(groups.values())
    label = rest / kinds.count("label")
    return [value if k == "value" else groups.get(c, _GROUP_MM) if k == "group" else label
            for c, k in enumerate(kinds)]


_TALL_SHARE = 0.45  # a table taller than this share of the page body starts on a new page with its heading
_PT_MM = 25.4 / 72


def _text_mm(section) -> tuple[float, float]:
    from docx.shared import Mm

    width = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
    height = (section.page_height - section.top_margin - section.bottom_margin) / Mm(1)
    return width, height


def estimated_height_mm(grid: Grid, widths: Sequence[float]) -> float:
    """How tall the table prints: each row as many lines as its longest cell wraps to (a merged cell's lines shared
    by the rows it spans; a group's ordinal on a line of its own), each line `_TABLE_LINE_PT` exactly, and a rule
    between rows. Within a millimetre of what LibreOffice prints (表二 54.5 mm, 表三 145.6 mm); a line wrapped
    narrower than counted here errs tall."""
    char_mm = _TABLE_PT * _PT_MM
    lines = [1.0] * len(grid.rows)
    offset = 0
    for part in grid.parts:
        for r, c, cell in _positions(part):
            per_line = max(1, int((sum(widths[c:c + cell.colspan]) - 2 * _CELL_MARGIN_MM) // char_mm))
            ordinal, name = cell.ordinal
            own_line = cell.role == "group" and bool(ordinal and name)
            need = (own_line + -(-_text_em(name if own_line else cell.text) // per_line)) / cell.rowspan
            for k in range(cell.rowspan):
                lines[offset + r + k] = max(lines[offset + r + k], need)
        offset += len(part.rows)
    return sum(-(-n // 1) * _TABLE_LINE_PT * _PT_MM + _ROW_RULE_MM for n in lines)


_ROW_RULE_MM = 0.2  # the rule under a row (½ pt)
_LINE_MM = 28 * _PT_MM  # a line of the body text, headings included (exactly 28 pt)


def _page_starts(doc: Layout, width_mm: float, height_mm: float) -> set[int]:
    """The blocks that start a page (their first paragraph breaks the page before it).

    A tall table (表三, over `_TALL_SHARE` of the page) starts a page with its heading: LibreOffice breaks a table
    whose rows keep with the next (Word keeps it whole). But where the table before it (表二) would not fit below the
    prose before it either, it would stand alone on a near-empty page: that table starts the page instead, and the
    tall one follows it on the same page when both fit there."""
    blocks = doc.blocks
    heights = {i: estimated_height_mm(b.grid, column_widths(b.grid, width_mm))
               for i, b in enumerate(blocks) if b.grid is not None}
    tall = [i for i, h in heights.items() if h > _TALL_SHARE * height_mm]
    starts = {_lead(blocks, i) for i in tall}
    for i in tall:
        before = _lead(blocks, i) - 1
        if before not in heights or before in tall:  # only headings between the two tables
            continue
        lead = _lead(blocks, before)
        own = (before - lead) * _LINE_MM + heights[before]  # the table before, with its headings
        if own + (i - before - 1) * _LINE_MM + heights[i] > height_mm:  # the two do not fit one page
            continue
        if _position_mm(doc, lead, width_mm, height_mm) + own > height_mm - _LINE_MM:  # a line to spare: an estimate
            starts = (starts - {_lead(blocks, i)}) | {lead}
    return starts


# a line never starts with these, nor ends with those (避头尾): the character before is carried to the next line
_NO_LINE_START = frozenset("，。、；：？！）》」』”’…%,.;:?!)")
_NO_LINE_END = frozenset("（《「『“‘(")
_DIGIT_EM = 0.64  # a digit as LibreOffice prints it where the Chinese font is missing (DejaVu Sans); 仿宋: 0.5
_AUTOSPACE_EM = 0.25  # the space Word and LibreOffice put between a Chinese character and a Latin letter or digit


def _char_em(text: str, i: int, line_start: int) -> float:
    """How wide character `i` of `text` prints, with the space before it where Chinese meets a Latin letter or digit."""
    ch = text[i]
    wide = ord(ch) >= 0x2E80
    width = 1.0 if wide else _DIGIT_EM if ch.isdigit() else 0.5
    before = text[i - 1] if i > line_start else ""
    if before and (ord(before) >= 0x2E80) != wide and ch.isalnum() and before.isalnum():
        width += _AUTOSPACE_EM
    return width


def _body_lines(text: str, line_em: float, indent_em: float = 2.0) -> int:
    """How many lines a paragraph of the body text takes: filled character by character, the first line indented,
    a line never starting with 。，、 … nor ending with （《“ (measured: LibreOffice breaks the lines just so)."""
    lines, used, start, i = 1, indent_em, 0, 0
    while i < len(text):
        width = _char_em(text, i, start)
        if used + width > line_em and i > start:
            cut = i - 1 if text[i] in _NO_LINE_START and i - 1 > start else i
            cut = cut - 1 if text[cut - 1] in _NO_LINE_END and cut - 1 > start else cut
            lines, used, start, i = lines + 1, 0.0, cut, cut
            continue
        used += width
        i += 1
    return lines


def _lead(blocks: Sequence[Block], i: int) -> int:
    """The first of the headings right before block `i` (they keep with it), or `i` itself."""
    while i > 0 and blocks[i - 1].kind in ("section", "subheading"):
        i -= 1
    return i


def _position_mm(doc: Layout, upto: int, width_mm: float, height_mm: float) -> float:
    """How far down its page block `upto` starts, in mm from the top of the text area: the blocks before it laid out
    as Word and LibreOffice lay them (lines of 28 pt, headings kept with the first line after them, a table kept
    whole). An estimate: a line that wraps where it is not counted to moves everything after it by a line."""
    blocks = doc.blocks
    position = len(_title_lines(doc, width_mm)) * 36 * _PT_MM + _BODY_PT * _PT_MM  # the title, a line after it
    for k, block in enumerate(blocks[:upto]):
        if block.kind == "paragraph":
            position = _after_paragraph(block.text, position, width_mm, height_mm)
            continue
        if block.grid is not None or _lead(blocks, k) == k:  # a table, or the first of headings: kept with the next
            _, kept = _kept_height(blocks, k, width_mm)
            position = 0.0 if position + kept > height_mm else position
        position += _LINE_MM if block.grid is None else _kept_height(blocks, k, width_mm)[0]
    return position


def _kept_height(blocks: Sequence[Block], k: int, width_mm: float) -> tuple[float, float]:
    """Block `k`'s own height, and that of what must share its page: the headings from `k` on with the first line
    (or the whole table) after them."""
    def height(block: Block) -> float:
        return _LINE_MM if block.grid is None else estimated_height_mm(block.grid, column_widths(block.grid, width_mm))

    after = next((j for j in range(k, len(blocks)) if blocks[j].kind not in ("section", "subheading")), None)
    kept = (after - k) * _LINE_MM + height(blocks[after]) if after is not None else (len(blocks) - k) * _LINE_MM
    return height(blocks[k]), kept


def _after_paragraph(text: str, position: float, width_mm: float, height_mm: float) -> float:
    """Where a paragraph that starts at `position` ends: it breaks between any two lines, but leaves no first line
    alone at the foot of a page nor a last line alone at the top (widow control)."""
    lines = _body_lines(text, width_mm / (_BODY_PT * _PT_MM))
    room = int((height_mm - position + 0.01) // _LINE_MM)
    if lines <= room:
        return position + lines * _LINE_MM
    kept = 0 if room < 2 or lines < 4 and lines - room < 2 else room - (lines - room < 2)
    per_page = int(height_mm // _LINE_MM)
    return ((lines - kept - 1) % per_page + 1) * _LINE_MM


@dataclass(frozen=True)
class _TableSetup:
    """How a table prints in its document: its columns' widths, the table's style and the cells' style."""

    widths_mm: tuple[float, ...]
    table_style: str  # style ids
    cell_style: str


def _table_setup(word, grid: Grid) -> _TableSetup:
    return _TableSetup(tuple(column_widths(grid, _text_mm(word.sections[-1])[0])),
                       word.styles["Table Grid"].style_id, word.styles[_TABLE_STYLE].style_id)


def _add_table(word, grid: Grid):
    """The table, at the end of the document: a copy of its skeleton (built once by `_build_table`: a format's
    tables are built the same for every report) with this report's values written in."""
    from docx.table import Table

    skeleton, value_runs = _table_skeleton(_without_values(grid), _table_setup(word, grid))
    tbl = copy.deepcopy(skeleton)
    runs = list(tbl.iter(_RUN_TAG))
    texts = [cell.text for row in grid.rows for cell in row.cells if cell.role == "value"]
    for place, text in zip(value_runs, texts, strict=True):
        runs[place].text = text  # as `paragraph.add_run(text)` writes it (tabs, line breaks)
    word.element.body._insert_tbl(tbl)
    return Table(tbl, word._body)


def _without_values(grid: Grid) -> Grid:
    """The grid with its value cells' texts left out: what a table's skeleton depends on."""
    def blank(row: GridRow) -> GridRow:
        return replace(row, cells=tuple(replace(c, text="") if c.role == "value" and c.text else c for c in row.cells))

    return replace(grid, parts=tuple(replace(p, rows=tuple(blank(r) for r in p.rows)) for p in grid.parts))


_RUN_TAG = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}r"


@lru_cache(maxsize=32)  # a format has three tables; the roll-up prints the same ones
def _table_skeleton(blank: Grid, setup: _TableSetup) -> tuple[object, tuple[int, ...]]:
    """A table built cell by cell with empty value cells, and where the value cells' runs are among its runs
    (w:r in document order), in the order of the grid's value cells. Never changed: it is copied."""
    table, value_runs = _build_table(_new_document(), blank, setup)
    tbl = table._tbl
    tbl.getparent().remove(tbl)
    place = {r: i for i, r in enumerate(tbl.iter(_RUN_TAG))}
    return tbl, tuple(place[r] for r in value_runs)


def _build_table(word, grid: Grid, setup: _TableSetup):
    """The table at the end of `word`, built cell by cell; with the runs of its value cells, in the grid's order."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    rows = grid.rows
    table = word.add_table(rows=len(rows), cols=grid.width)
    table._tbl.tblStyle_val = setup.table_style  # as `table.style = …` sets it
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = [Mm(w) for w in setup.widths_mm]
    _fixed_layout(table, widths)
    # taken before merging (table.cell() rescans the whole table); merged areas never overlap, so each area's
    # corner cells are still in place when it is merged
    places = [list(row.cells) for row in table.rows]
    for row in places:
        for cell, width in zip(row, widths, strict=True):
            cell.width = width
    value_runs = []
    offset = 0
    for part in grid.parts:
        for r, c, cell in _positions(part):
            target = places[offset + r][c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(places[offset + r + cell.rowspan - 1][c + cell.colspan - 1])
            run = _fill_cell(target, cell, setup.cell_style)
            if cell.role == "value":
                value_runs.append(run)
        offset += len(part.rows)
    for r, row in enumerate(table.rows):
        # rows never split; every row keeps with the next, so a table that fits a page is never broken over two
        _row_property(row, "w:cantSplit")
        if r < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True
        if len(grid.parts) == 1 and rows[r].head:  # one header on top (表三, 表四): repeat it on the next page
            _row_property(row, "w:tblHeader")
    return table, value_runs


def _fixed_layout(table, widths) -> None:
    """Word and LibreOffice keep the widths given instead of sharing the page equally (884 dxa each)."""
    from docx.oxml.ns import qn

    tbl = table._tbl
    tbl_pr = tbl.tblPr
    layout = tbl_pr.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"})
    tbl_pr.append(layout)
    margins = tbl_pr.makeelement(qn("w:tblCellMar"), {})
    twips = str(round(_CELL_MARGIN_MM * 1440 / 25.4))
    for side in ("left", "right"):
        margins.append(margins.makeelement(qn(f"w:{side}"), {qn("w:w"): twips, qn("w:type"): "dxa"}))
    tbl_pr.append(margins)
    for col, width in zip(tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width.twips))


def _row_property(row, name: str) -> None:
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn(name), {qn("w:val"): "true"}))


def _fill_cell(target, cell: GridCell, style_id: str):
    """Writes the cell; its (last) run's element."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    for extra in target.paragraphs[1:]:  # merging leaves the merged cells' empty paragraphs behind
        extra._p.getparent().remove(extra._p)
    paragraph._p.get_or_add_pPr().style = style_id  # paragraph.style = … rescans all styles per cell
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if cell.role == "label" else WD_ALIGN_PARAGRAPH.CENTER
    bold = cell.role in ("head", "group") or None
    ordinal, name = cell.ordinal
    if cell.role == "group" and ordinal and name:  # （三） on a line of its own: the column fits it whole
        paragraph.add_run(ordinal).bold = bold
        paragraph.runs[-1].add_break()
        paragraph.add_run(name).bold = bold
    else:
        paragraph.add_run(cell.text).bold = bold
    return paragraph.runs[-1]._r


# --- WeCom-sized pieces ------------------------------------------------------------------------------------------

_PARAGRAPHS = re.compile(r".*?(?:\n{2,}|\Z)", re.S)
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_SENTENCES = re.compile(r".*?(?:[。！？；!?;]+[”’」』）)]*|\Z)", re.S)
# a heading numbers its part: 一、 （五） 第二十条第（一）项 【2.1】
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十百零〇\d]+[章节条项部]|【)")
_NOT_A_HEADING_END = "。！？!?；;：:，,、…"
_HEADING_CHARS = 40
_CLOSING_LINES = 3  # 落款: the unit's name, the day it was handed in (a third line: a unit named on two lines)


def split_for_wecom(text: str, limit: int = 2048) -> list[str]:
    """Pieces of at most `limit` UTF-8 bytes, in order, that join back to `text` exactly.

    Cuts between paragraphs when it can, else between lines (table rows), else between sentences, else between
    characters; the blank lines and newlines stay at the end of the piece before the cut. A heading is never the last
    thing of a piece: it travels with the paragraph (or the first line) it heads.
    """
    if limit < 4:
        raise ValueError("limit must hold one UTF-8 character (4 bytes)")
    if len(text.encode("utf-8")) <= limit:  # the common reply: one piece
        return [text] if text else []
    packer = _Packer(limit)
    blocks = _closing_kept_with_last(_kept_with_next((p for p in _PARAGRAPHS.findall(text) if p),
                                                     _is_heading_paragraph))
    for block in blocks:
        if packer.add(block):
            continue
        for group in _kept_with_next(_LINES.findall(block), _is_heading_line):
            if packer.add(group):
                continue
            packer.flush()  # a group cut inside starts a piece of its own: its heading leads it
            for sentence in (s for s in _SENTENCES.findall(group) if s):
                if not packer.add(sentence):
                    for char in sentence:
                        packer.add(char)
    return packer.done()


def _kept_with_next(units: Iterable[str], is_heading: Callable[[str], bool]) -> list[str]:
    """The units with every heading joined to what follows it (blank lines after a heading too)."""
    out: list[str] = []
    held = ""  # headings, and the blank lines after them, waiting for what they head
    for unit in units:
        blank = not unit.strip()
        if is_heading(unit):
            held += unit
        elif held:
            held += unit
            if not blank:
                out.append(held)
                held = ""
        elif blank and out:
            out[-1] += unit  # a blank line stays with the line before it
        else:
            out.append(unit)
    if held:
        out.append(held)
    return out


def _closing_kept_with_last(blocks: list[str]) -> list[str]:
    """The blocks with a closing (落款: the unit's name, the day) joined to the paragraph before it: a message that
    holds the 落款 alone would read as a stray note, and one that ends at the last paragraph looks unsigned."""
    if len(blocks) >= 2 and _is_closing(blocks[-1]):
        return [*blocks[:-2], blocks[-2] + blocks[-1]]
    return blocks


def _is_closing(block: str) -> bool:
    """The last paragraph of a text, when it is at most three short lines that end no sentence and number no part."""
    lines = [line.strip() for line in block.splitlines() if line.strip()]
    return 0 < len(lines) <= _CLOSING_LINES and all(_heading_like(line) and not _ORDINAL.match(line) for line in lines)


def _is_heading_paragraph(paragraph: str) -> bool:
    """A paragraph of one short line that ends no sentence: a title or a part's heading."""
    line = paragraph.strip()
    return "\n" not in line and _heading_like(line)


def _is_heading_line(line: str) -> bool:
    """A line inside a paragraph that numbers a part (一、… （五）… 第二十条第（一）项): lists of names are no headings."""
    return _heading_like(line.strip()) and bool(_ORDINAL.match(line))


def _heading_like(line: str) -> bool:
    return 0 < len(line) <= _HEADING_CHARS and "\t" not in line and line[-1] not in _NOT_A_HEADING_END


class _Packer:
    """Fills pieces greedily: a unit joins the current piece if it fits, else starts the next one if it fits."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[str] = []
        self.current = ""
        self.size = 0

    def add(self, unit: str) -> bool:
        size = len(unit.encode("utf-8"))
        if self.size + size <= self.limit:
            self.current += unit
            self.size += size
            return True
        if size > self.limit:
            return False
        self.parts.append(self.current)
        self.current, self.size = unit, size
        return True

    def flush(self) -> None:
        """What is held becomes a piece; the next unit starts a new one."""
        if self.current:
            self.parts.append(self.current)
            self.current, self.size = "", 0

    def done(self) -> list[str]:
        return [p for p in [*self.parts, self.current] if p]
