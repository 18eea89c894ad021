"""Web-page reports → blocks (BeautifulSoup, html.parser): paragraphs and <tr> rows, in document order.

Government sites wrap the report in navigation and footers. The walk keeps the smallest element that holds the
first and the last section titles of the format; outside it, only a line that reads as the report title is kept.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

from .. import messages
from ..formats import Format
from .blocks import Block, Paragraph, TableRow, decode_text, squash
from .errors import NotAReport
from .prose import find_title

_SKIP = {"script", "style", "head", "noscript", "template", "svg", "select", "button", "iframe"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "center", "blockquote",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot",
    "caption", "pre", "form", "body", "html", "td", "th",
}
_CONTENT_BLOCKS = ["p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br"]
_NOT_TEXT = (Comment, Declaration, Doctype, ProcessingInstruction)
# A report's web page, site navigation and all, has a few thousand tags (the corpus's: 711 to 1,305). html.parser
# builds about 27,000 a second, so WeCom's largest file (20 MB) of table rows held an import for over a minute
# before its time ran out; beyond this many "<" it is refused before parsing.
MAX_TAGS = 100_000


def read_html(data: bytes, fmt: Format) -> list[Block]:
    tags = data.count(b"<")
    if tags > MAX_TAGS:
        raise NotAReport(messages.text("importers", "huge_html", tens_of_thousands=tags // 10_000))
    try:
        soup = BeautifulSoup(decode_text(data), "html.parser")
    except NotAReport:
        raise
    except Exception as exc:  # html.parser gives up on some broken markup
        raise NotAReport(messages.text("importers", "bad_html")) from exc
    content = _content_element(soup, fmt)
    walker = _Walker(content)
    walker.walk(soup)
    walker.flush()
    blocks = walker.blocks
    if not any(isinstance(b, Paragraph) and _is_title(b.text) for b in blocks) and soup.title:
        blocks.insert(0, Paragraph(_page_title(soup.title.get_text(" ", strip=True))))
    return blocks


def _page_title(text: str) -> str:
    """A page title without the site's name: "…年度报告_沙河市人民政府" → "…年度报告"."""
    parts = [p for p in re.split(r"\s*[_|｜—–-]+\s*", text) if p]
    return next((p for p in parts if _is_title(p)), text)


def _content_element(soup: BeautifulSoup, fmt: Format) -> Tag | None:
    """The innermost element holding the first and last section titles and several blocks (a preface that
    lists the six titles is one paragraph, not the report)."""
    first, last = fmt.sections[0].title, fmt.sections[-1].title
    best = None
    for tag in soup.find_all(True):
        if tag.name in _SKIP:
            continue
        text = squash(tag.get_text())
        if first in text and last in text and len(tag.find_all(_CONTENT_BLOCKS, limit=4)) >= 4:
            best = tag  # find_all walks down: the last hit is the innermost that still holds both
    return best


def _is_title(text: str) -> bool:
    return find_title([text]) is not None


class _Walker:
    def __init__(self, content: Tag | None) -> None:
        self.content = content
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.inside = content is None
        # per table: the first column of a cell merged down → [rows it still covers, columns it spans]
        self.rowspans: dict[int, dict[int, list[int]]] = {}

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, _NOT_TEXT):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(str(child))
            elif isinstance(child, Tag):
                self._tag(child)

    def _tag(self, tag: Tag) -> None:
        name = tag.name
        if name in _SKIP:
            return
        if name == "br":
            self.flush()
        elif name == "tr" and tag.find("table") is None:  # a row holding a table is page layout: walk into it
            self.flush()
            if self.inside:
                self.blocks.append(self._row(tag))
        elif tag is self.content:
            self.flush()
            self.inside = True
            self.walk(tag)
            self.flush()
            self.inside = False
        elif name in _BLOCK:
            self.flush()
            self.walk(tag)
            self.flush()
        else:
            self.walk(tag)

    def _row(self, tr: Tag) -> TableRow:
        """The row's cells, with one empty cell where a cell of a row above is merged down into it (rowspan), as a
        Word table keeps one: what tells a line of numbers under a merged label from a row of its own."""
        below = self.rowspans.setdefault(id(tr.find_parent("table")), {})
        cells: list[str] = []
        merged: set[int] = set()
        column = 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            column = _covered(below, column, cells, merged)
            cells.append(_text(cell))
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            if down > 1:
                below[column] = [down - 1, span]
            column += span
        while any(c >= column for c in below):  # merged cells after the row's last own cell
            column = _covered(below, column, cells, merged) if column in below else column + 1
        return TableRow(tuple(cells), frozenset(merged))

    def flush(self) -> None:
        text = _clean("".join(self.buffer))
        self.buffer = []
        if text and (self.inside or _is_title(text)):
            self.blocks.append(Paragraph(text))


def _covered(below: dict[int, list[int]], column: int, cells: list[str], merged: set[int]) -> int:
    """One empty cell for each cell above merged down into this row from `column` on; the next free column."""
    while column in below:
        rows_left, span = below[column]
        merged.add(len(cells))
        cells.append("")
        if rows_left > 1:
            below[column][0] = rows_left - 1
        else:
            del below[column]
        column += span
    return column


def _span(cell: Tag, attribute: str) -> int:
    """A cell's colspan or rowspan: 1 when missing or unreadable, at most a page's worth."""
    try:
        return max(1, min(int(str(cell.get(attribute, "1")).strip() or 1), 1000))
    except ValueError:
        return 1


def _text(cell: Tag) -> str:
    return _clean(cell.get_text(""))


def _clean(text: str) -> str:
    """Source line breaks inside Chinese text are typesetting, not spaces; other whitespace runs become one."""
    text = re.sub(r"\s*\n\s*", "", text.replace("\r", "\n").replace("\xa0", " "))
    return re.sub(r"[ \t]+", " ", text).strip()
