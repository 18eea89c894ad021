"""PDF reports → blocks (pdfplumber, MIT), from the words and lines on each page and where they stand.

A table drawn with ruling lines is read cell by cell from its grid (pdfplumber's table finder), so a label wrapped
over several lines of a narrow cell, or a number wrapped inside one ("17" over "8"), is one cell. Text outside the
grids is grouped into lines by position; a line whose words stand apart in columns is a row of cells (a table
printed without lines); other lines are joined into paragraphs where a line runs to the right margin and the next
one is not indented. Page numbers are dropped. A PDF without a text layer (a scan) is refused with a sentence that
says so.
"""

from __future__ import annotations

import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .. import messages
from ..formats import FORMATS
from .blocks import Block, Paragraph, TableRow, join_wrapped_digits, norm
from .errors import NotAReport
from .tables import is_value

_LINE_TOLERANCE = 3.0  # points: words whose tops differ less stand on one line
_CELL_GAP = 2.0  # font sizes: a wider gap between words separates table cells
_PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,3}(?:\s*页)?(?:\s*/\s*\d{1,3})?[-—–\s]*$")
# A report prints on 5 to 20 pages; pdfplumber reads about one a second, so a longer PDF (a whole 政府公报 with the
# report inside) would use up the import's time limit: it is refused before reading, and asked for on its own.
MAX_PAGES = 60
_MARGIN_BAND = 60.0  # points from the top or bottom edge where running heads and page numbers sit
_MIN_TEXT_CHARS = 20
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
_NUMBERS_IN_CELL = 6
_ROW_NUMBERS = 3  # a line ending in this many numbers, each a word apart, is a table row however close they stand
_PROSE_CELL = 80  # characters: a cell this long with a full stop is a paragraph, not a table cell


@dataclass
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    size: float


@dataclass
class _Line:
    words: list[_Word]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    def cells(self) -> list[list[_Word]]:
        if self._label_then_numbers():
            # a row's label then its numbers, each a word of its own: narrow columns set them closer than a cell gap
            first = next(i for i, w in enumerate(self.words) if is_value(w.text))
            return [self.words[:first], *([w] for w in self.words[first:])] if first else [[w] for w in self.words]
        groups: list[list[_Word]] = [[self.words[0]]]
        for word in self.words[1:]:
            if word.x0 - groups[-1][-1].x1 > _CELL_GAP * self.size:
                groups.append([word])
            else:
                groups[-1].append(word)
        return groups

    def _label_then_numbers(self) -> bool:
        """Three or more numbers, each a word apart, and nothing but numbers from the first of them to the end (a
        sentence's numbers have words between them: 2023 年 1 月 1 日)."""
        numbers = [i for i, w in enumerate(self.words) if is_value(w.text)]
        return len(numbers) >= _ROW_NUMBERS and numbers == list(range(numbers[0], len(self.words)))


# PDF fonts often map a character to its radical or compatibility code point (⾏ U+2F8F for 行): fold those back
_RADICALS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")


# the radicals NFKC leaves alone, with their Equivalent Unified Ideograph (Unicode's EquivalentUnifiedIdeograph.txt):
# fonts of simplified Chinese print 龙 门 长 马 … with these glyphs
_RADICAL_FORMS = str.maketrans({
    "⻰": "龙", "⻓": "长", "⻔": "门", "⻅": "见", "⻆": "角", "⻘": "青", "⻝": "食", "⻢": "马", "⻛": "风",
    "⻜": "飞", "⻥": "鱼", "⻦": "鸟", "⻩": "黄", "⻬": "齐", "⻮": "齿", "⻋": "车", "⻉": "贝", "⻚": "页",
    "⻧": "卤", "⻨": "麦", "⻄": "西", "⺠": "民", "⻑": "長", "⻤": "鬼", "⻪": "黾", "⻭": "齿",
})


def _fold(text: str) -> str:
    return _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group().translate(_RADICAL_FORMS)), text)


def read_pdf(data: bytes) -> list[Block]:
    import pdfplumber

    # pdfminer warns about every font it finds odd (a missing FontBBox): noise for a user, not a problem with the file
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        document = pdfplumber.open(io.BytesIO(data))
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise NotAReport(messages.text("importers", "bad_pdf")) from exc
    except Exception as exc:  # pdfminer raises its own errors on encrypted or damaged files
        raise NotAReport(messages.text("importers", "bad_pdf")) from exc
    blocks: list[Block] = []
    characters = 0
    with document:
        if len(document.pages) > MAX_PAGES:
            raise NotAReport(messages.text("importers", "too_many_pages", pages=len(document.pages)))
        for page in document.pages:
            characters += len(page.chars)
            blocks = join_row_broken_by_page(blocks, _page_blocks(page))
    if characters < _MIN_TEXT_CHARS:
        raise NotAReport(messages.text("importers", "scanned_pdf"))
    return blocks


_ROW_MARK = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|[一二三四五六七八九十\d]+\s*[、.．])")


def join_row_broken_by_page(before: list[Block], page: list[Block]) -> list[Block]:
    """The blocks so far and a new page's, with a table row that Word let run over the page break made one row
    again: the page's first row, in as many cells as the last row before it, holds no number and only the rest of
    that row's words (三、 / 本年度办理结果, (一)予以公 / 开) — split, neither half was a row's label and the row's
    numbers went unread. A row of its own opening the page starts with its mark ((二)部分公开) and is left alone, and
    so is the table's header Word prints again on the new page (重复标题行: 自然人 | 商业企业 | … | 总计): glued onto
    the last row, it made that row's numbers 0商业企业, 30自然人 — none of them readable."""
    if not (before and page and isinstance(before[-1], TableRow) and isinstance(page[0], TableRow)):
        return before + page
    if is_repeated_header(page[0]):
        return before + page
    last, first = before[-1], page[0]
    filled = [i for i, cell in enumerate(first.cells) if cell.strip()]
    if (len(first.cells) != len(last.cells) or not filled or any(is_value(first.cells[i]) for i in filled)
            or any(_ROW_MARK.match(first.cells[i]) or not last.cells[i].strip() for i in filled)):
        return before + page
    cells = tuple(a + b for a, b in zip(last.cells, first.cells, strict=True))
    return before[:-1] + [TableRow(cells, last.merged)] + page[1:]


def is_repeated_header(row: TableRow) -> bool:
    """A row of header words only: two or more of its cells are the format's column labels (自然人, 商业企业, 总计,
    申请人情况, the caption …). One such word alone may be the rest of a split row's label (3. / 其他)."""
    labels = _header_labels()
    filled = [_label_key(cell) for cell in row.cells if cell.strip()]
    return sum(cell in labels for cell in filled) >= 2


@lru_cache(maxsize=1)
def _header_labels() -> frozenset[str]:
    """What the formats' tables print in their header rows: column labels and the groups above them, the header
    over all columns, the corner cell and the caption, and the row labels a wide table prints as column groups."""
    labels: set[str] = set()
    for fmt in FORMATS.values():
        for table in fmt.tables:
            labels.update(c.label for c in table.columns)
            labels.update(c.group for c in table.columns)
            labels.update((table.column_header, table.corner, table.caption))
            if table.layout == "wide":
                labels.update(r.label for r in table.rows)
                labels.update(r.group for r in table.rows)
    return frozenset(_label_key(label) for label in labels if label)


def _label_key(text: str) -> str:
    """A label without its punctuation: the caption prints （：，） full or half width, or not at all."""
    return re.sub(r"[^\w]", "", norm(text))


def _page_blocks(page) -> list[Block]:
    """The page's table rows (each at its own height) and its other lines, in reading order."""
    items: list[tuple[float, list[Block]]] = []
    boxes: list[tuple[float, float, float, float]] = []
    tables = page.find_tables()
    for table in tables:
        for row, texts in zip(table.rows, table.extract(x_tolerance=1.5, y_tolerance=_LINE_TOLERANCE), strict=False):
            cells = []
            for box, text in zip(row.cells, texts, strict=False):
                if box is None or text is None:
                    continue  # the place of a cell merged into its neighbour: not a cell of its own
                if _is_cell(text):
                    boxes.append(box)
                    cells.append(_fold(re.sub(r"\s*\n\s*", "", text)).strip())
                # else: a grid that missed the real cells (a box drawn around paragraphs, or around a whole
                # table of a web page): its words are read as lines below
            if any(cells):
                items.append((row.bbox[1], [TableRow(tuple(cells))]))
    words = [
        _Word(_fold(w["text"]), w["x0"], w["x1"], w["top"], float(w.get("size") or 10.5))
        for w in page.extract_words(x_tolerance=1.5, y_tolerance=_LINE_TOLERANCE, extra_attrs=["size"])
        if not any(_inside(w, box) for box in boxes)
    ]
    lines = [line for line in _lines(words) if not _is_page_number(line, page.height)]
    items.extend(_line_blocks(lines, [table.bbox[1] for table in tables]))
    items.sort(key=lambda item: item[0])
    return [block for _, blocks in items for block in blocks]


def _is_cell(text: str) -> bool:
    """A cell's text, not a paragraph of prose nor many rows' numbers caught in one box."""
    return not ((len(text) > _PROSE_CELL and "。" in text) or len(_NUMBER.findall(text)) > _NUMBERS_IN_CELL)


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _lines(words: list[_Word]) -> list[_Line]:
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(lines[-1].top - word.top) <= _LINE_TOLERANCE:
            lines[-1].words.append(word)
        else:
            lines.append(_Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    return lines


def _is_page_number(line: _Line, height: float) -> bool:
    text = "".join(w.text for w in line.words)
    near_edge = line.top < _MARGIN_BAND or line.top > height - _MARGIN_BAND
    return near_edge and bool(_PAGE_NUMBER.match(text))


def _line_blocks(lines: list[_Line], grid_tops: list[float] = ()) -> list[tuple[float, list[Block]]]:
    """Rows of cells for lines printed in columns; paragraphs, joined across the page width, for the rest. A line
    never runs on over a table drawn between it and the next (`grid_tops`): a heading filling the width above table
    四 and the heading 五、 under it are two paragraphs (joined, section 四 had lost its table)."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    out: list[tuple[float, list[Block]]] = []
    paragraph: list[_Line] = []
    above: list[tuple[float, float]] | None = None

    def flush() -> None:
        if paragraph:
            out.append((paragraph[0].top, [Paragraph(_join(paragraph))]))
            paragraph.clear()

    for line in lines:
        cells = line.cells()
        texts = [_text(cell) for cell in cells]
        if len(cells) >= 2:
            flush()
            spans = [(cell[0].x0, cell[-1].x1) for cell in cells]
            if above and _wraps_numbers(texts, spans, above):
                join_wrapped_digits(out[-1][1][0], texts, [_under(span, above) for span in spans])
                continue
            out.append((line.top, [TableRow(tuple(texts))]))
            above = spans if all(map(is_value, texts)) else None
            continue
        above = None
        previous = paragraph[-1] if paragraph else None
        runs_on = (previous is not None and previous.x1 >= right - 1.5 * previous.size
                   and not any(previous.top < top < line.top for top in grid_tops))
        indented = line.x0 > left + 0.8 * line.size
        if not runs_on or indented:
            flush()
        paragraph.append(line)
    flush()
    return out


def _text(words: list[_Word]) -> str:
    text = words[0].text
    for before, word in zip(words, words[1:], strict=False):
        gap = word.x0 - before.x1
        text += (" " if gap > 0.25 * word.size and _latin(before.text[-1], word.text[0]) else "") + word.text
    return text


def _latin(a: str, b: str) -> bool:
    return a.isascii() and b.isascii()


def _join(lines: list[_Line]) -> str:
    return "".join(_text(line.words) for line in lines)


def _wraps_numbers(texts: list[str], spans: list[tuple[float, float]], above: list[tuple[float, float]]) -> bool:
    if len(texts) >= len(above) or not all(t.isdigit() for t in texts):
        return False
    return all(_under(span, above) is not None for span in spans)


def _under(span: tuple[float, float], above: list[tuple[float, float]]) -> int | None:
    centre = (span[0] + span[1]) / 2
    return next((i for i, (x0, x1) in enumerate(above) if x0 - 2 <= centre <= x1 + 2), None)
