"""Plain-text reports → blocks, whatever separates a table's cells.

Copies of published reports come in many layouts: one table row per line with cells separated by tabs, by " | "
or markdown pipes, or by runs of two or more spaces (what `pdftotext -layout` prints); one cell per line, a row
being a run of tab-led lines ended by an empty line; cells on lines of their own separated by blank lines. Each line
becomes a paragraph or a row of cells; which row of the report a cell belongs to is decided later, by labels
(`tables.TableReader`), so a row label wrapped over several lines needs nothing here. A number that a narrow PDF
cell wrapped onto the next line ("17" over "8") is joined back by its column position. Prose hard-wrapped at a
fixed width (text copied out of a PDF) is joined back into paragraphs.
"""

from __future__ import annotations

import re
import unicodedata

from .blocks import Block, Paragraph, TableRow, decode_text, join_wrapped_digits
from .tables import is_value

_CONTINUATION_MAX = 16
_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+、")
_SPACES = re.compile(r"[ \u3000\xa0]{2,}")
_NUMBERS = re.compile(r"^[\d.,]+(?: [\d.,]+)+$")
_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_PIPES = re.compile(r"\s*[|｜]\s*")
_RULE_LINE = re.compile(r"^[\s\-—_=─━+|]*[\-—_=─━]{3,}[\s\-—_=─━+|]*$")  # a drawn line, not a row
_NUMBER_CELL = re.compile(r"^\s*-?\d[\d.,]*\s*[|｜]?\s*$")  # a number alone on its line, its pipe after it or not
_SENTENCE_END = "。！？!?：:；;"
_PART_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])")


def read_txt(data: bytes) -> list[Block]:
    return blocks_from_text(decode_text(data))


def blocks_from_text(text: str) -> list[Block]:
    lines = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [cell for line in lines for cell in _one_line_table(line)]
    blocks: list[Block] = []
    group: list[str] | None = None  # a row printed one cell per tab-led line
    above: list[tuple[int, int]] | None = None  # where the values of the row just above stood (columns)

    def flush() -> None:
        nonlocal group
        if group is not None:
            blocks.append(TableRow(tuple(group)))
            group = None

    lone_pipe_is_cell = _lone_pipe_is_cell(lines)
    spaced = _cells_spaced_by_blank_lines(lines)
    gap, last_was_value = 0, False  # empty lines since the last text line; whether that line was a value
    for line in _unwrap(lines):
        if line.startswith("\t") and not _is_prose(line) and _cell_count(line) <= 1:
            group = (group or []) + [line[1:]]
            above = None
            continue
        if not line.strip() or _RULE_LINE.match(line):
            flush()
            gap = gap + 1 if line == "" and gap >= 0 else -1  # a line of spaces is a cell, not a separator
            continue
        if spaced and gap > 1 and (last_was_value or is_value(line)) and not _is_prose(line):
            blocks.extend(TableRow(("",)) for _ in range(gap - 1))  # each extra empty line: an empty cell
        gap, last_was_value = 0, is_value(line)
        if group is not None and _continues_cell(line) and "\t" not in line:
            group[-1] += line.strip()
            continue
        flush()
        cells, spans = split_cells(line)
        if cells == [""] and not lone_pipe_is_cell:
            continue  # a pipe on its own line between cells printed one per line
        if cells is None:
            continue  # a markdown rule line under a header
        if above and spans and _wraps_numbers(cells, spans, above):
            join_wrapped_digits(blocks[-1], cells, [_under(span, above) for span in spans])
            continue
        if len(cells) >= 2:
            blocks.append(TableRow(tuple(cells)))
            above = spans if spans and all(map(is_value, cells)) else None
        elif cells and cells[0].strip():
            blocks.append(Paragraph(cells[0].strip()))
            above = None
        elif cells:
            blocks.append(TableRow(("",)))  # an empty cell on its own line
    flush()
    return blocks


_SPACED_SHARE = 0.8  # this share of the gaps between text lines being one empty line marks that layout
_SPACED_MIN = 20


_ONE_LINE_MIN_VALUES = 6  # this many numbers one space apart among labels: tables printed on a single line


def _one_line_table(line: str) -> list[str]:
    """A line that holds whole tables, every cell one space from the next (a web page's tables copied with their
    cells run together: "规 章 0 0 0 行政规范性文件 0 0 0 第二十条第(五)项 …") as one cell per line; any other line
    as it is. Prose never holds numbers among labels one space apart, and has its full stops; a row of a table
    printed with wider gaps is left to the reading of spaces."""
    text = line.strip()
    if "。" in text or "\t" in text or "|" in text or "｜" in text or _SPACES.search(text):
        return [line]
    tokens = text.split(" ")
    values = sum(1 for token in tokens if is_value(token))
    labels = len(tokens) - values
    if values < _ONE_LINE_MIN_VALUES or labels < _ONE_LINE_MIN_VALUES:
        return [line]
    return tokens


def _cells_spaced_by_blank_lines(lines: list[str]) -> bool:
    """Whether the text prints every cell on its own line with one empty line between cells (a web table copied
    as text), so that further empty lines between two cells are the empty cells between them."""
    gaps: list[int] = []
    run = 0
    for line in lines:
        if line == "":
            run += 1
            continue
        if line.strip():
            gaps.append(run)
        run = 0
    gaps = gaps[1:]
    return len(gaps) >= _SPACED_MIN and sum(1 for g in gaps if g == 1) >= _SPACED_SHARE * len(gaps)


def _lone_pipe_is_cell(lines: list[str]) -> bool:
    """Whether a "|" alone on its line is an empty cell (where cells are printed "text |", one per line) rather
    than the separator between cells printed on lines of their own. The numbers tell first: where they print
    "56 |", every cell carries its pipe, so a pipe alone is a cell left empty — however many empty cells there
    are (a table of blanks has more lone pipes than written cells); where they print bare ("0" between "|" lines),
    a lone pipe separates."""
    numbers = [line.strip() for line in lines if _NUMBER_CELL.match(line)]
    tagged_numbers = sum(1 for n in numbers if n.endswith(("|", "｜")))
    if numbers:
        return tagged_numbers * 2 > len(numbers)
    lone = sum(1 for line in lines if line.strip() in ("|", "｜"))
    tagged = sum(1 for line in lines if len(line.strip()) > 1 and line.rstrip().endswith(("|", "｜"))
                 and line.count("|") + line.count("｜") == 1)
    return tagged >= lone


def split_cells(line: str) -> tuple[list[str] | None, list[tuple[int, int]] | None]:
    """The cells of one line, and for space-separated lines where each cell stands (start, end columns).

    None for a markdown rule line. A line that is prose comes back as one cell.
    """
    if _is_prose(line):
        return [line.strip()], None
    if "\t" in line.strip():
        return line.split("\t"), None
    if "|" in line or "｜" in line:
        if _MARKDOWN_RULE.match(line):
            return None, None
        parts = _PIPES.split(line.strip())
        if parts and not parts[0]:
            parts = parts[1:]
        if parts and not parts[-1]:
            parts = parts[:-1]
        if line.strip() in ("|", "｜"):
            return [""], None  # one empty cell of a row printed a cell per line
        if not any(p.strip() for p in parts):
            return None, None  # "|||": the empty cells of a merged row
        if len(parts) >= 2 or "|" in line.strip()[1:-1] or line.strip()[-1:] in "|｜":
            return parts, None  # "规章 |": one cell of a row printed a cell per line
    return _space_cells(line)


def _space_cells(line: str) -> tuple[list[str], list[tuple[int, int]] | None]:
    cells: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    stripped = line.rstrip()
    for part in _SPACES.split(stripped):
        start = stripped.index(part, pos) if part else pos
        pos = start + len(part)
        if not part.strip():
            continue
        if _NUMBERS.match(part):  # numbers a text extraction printed one space apart are cells of their own
            offset = start
            for number in part.split(" "):
                cells.append(number)
                spans.append((_width(line[:offset]), _width(line[:offset]) + len(number)))
                offset += len(number) + 1
            continue
        cells.append(part.strip())
        spans.append((_width(line[:start]), _width(line[:start + len(part)])))
    if len(cells) >= 2 and not any(map(is_value, cells)) and any(len(c) > 24 and "。" in c for c in cells):
        return [line.strip()], None  # prose with a wide gap, not a row of labels
    return cells, spans


def _width(text: str) -> int:
    """Display columns: a CJK character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wraps_numbers(cells: list[str], spans: list[tuple[int, int]], above: list[tuple[int, int]]) -> bool:
    """A short line of numbers, each standing under a number of the row above: digits a narrow cell wrapped."""
    if len(cells) >= len(above) or not all(re.fullmatch(r"\d+", c) for c in cells):
        return False
    return all(_under(span, above) is not None for span in spans)


def _under(span: tuple[int, int], above: list[tuple[int, int]]) -> int | None:
    for i, (start, end) in enumerate(above):
        if start - 1 <= span[0] <= end + 1:
            return i
    return None



def _cell_count(line: str) -> int:
    return sum(1 for part in line.split("\t") if part.strip())


def _is_prose(line: str) -> bool:
    """A paragraph, not a cell: table cells never hold a full stop."""
    return "。" in line and _cell_count(line) <= 1


def _continues_cell(line: str) -> bool:
    text = line.strip()
    return len(text) <= _CONTINUATION_MAX and not _SECTION_NUMBER.match(text)


# --- prose hard-wrapped at a fixed width ----------------------------------------------------------------------

# a space between two Chinese words: table cells printed one space apart (prose never spaces its words)
_WORD_GAP = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]")
_PAGE_MARK = re.compile(r"^[^\u4e00-\u9fff]{1,6}$")  # "P. 8", "- 3 -": a page's number, not the sentence's end
_FULL_SHARE = 0.4  # this share of long lines ending at the same width marks a hard-wrapped text


def _unwrap(lines: list[str]) -> list[str]:
    """Lines of a paragraph that a PDF copy broke at the page width, joined back; anything else unchanged."""
    widths = [_width(line.strip()) for line in lines if len(line.strip()) >= 10 and "\t" not in line
              and not _SPACES.search(line.strip())]
    if len(widths) < 5:
        return lines
    full = sorted(widths)[int(len(widths) * 0.8)]
    if sum(1 for w in widths if w >= full - 3) < _FULL_SHARE * len(widths):
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        text = line.strip()
        if joining and text and not _PART_START.match(text) and "\t" not in line and not _SPACES.search(text) \
                and not _WORD_GAP.search(text) and not _PAGE_MARK.match(text):
            out[-1] += text
        else:
            out.append(line)
        joining = (bool(text) and "\t" not in line and not _SPACES.search(text) and not _WORD_GAP.search(text)
                   and _width(out[-1].strip()) >= full - 3 and _width(text) >= full - 3
                   and text[-1] not in _SENTENCE_END)
    return out
