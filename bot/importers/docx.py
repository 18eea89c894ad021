"""Word (.docx) reports → blocks: the body's paragraphs and table rows, in document order (python-docx)."""

from __future__ import annotations

import io
import zipfile

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph as DocxParagraph

from .. import messages
from .blocks import Block, Paragraph, TableRow
from .errors import NotAReport


def read_docx(data: bytes) -> list[Block]:
    if not _is_word_package(data):
        raise NotAReport(messages.text("importers", "not_docx_zip"))
    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … on a damaged package
        raise NotAReport(messages.text("importers", "bad_docx")) from exc
    return list(_body_blocks(document.element.body, document))


def _is_word_package(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return "word/document.xml" in package.namelist()
    except zipfile.BadZipFile as exc:
        raise NotAReport(messages.text("importers", "bad_docx")) from exc


def _body_blocks(container: BaseOxmlElement, document: WordDocument) -> list[Block]:
    blocks: list[Block] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            # a manual line break inside one paragraph separates lines as much as a new paragraph does
            blocks.extend(Paragraph(line) for line in DocxParagraph(child, document).text.split("\n"))
        elif child.tag == qn("w:tbl"):
            blocks.extend(_table_rows(child, document))
        elif child.tag == qn("w:sdt"):  # content controls wrap ordinary body content
            for content in child.iterchildren(qn("w:sdtContent")):
                blocks.extend(_body_blocks(content, document))
    return blocks


def _table_rows(table: BaseOxmlElement, document: WordDocument) -> list[TableRow]:
    """One TableRow per <w:tr>, one cell per <w:tc>: a cell merged across columns is one cell, a cell merged
    down is printed once and its continuation cells are empty — as the table looks on paper."""
    rows = []
    for tr in table.iterchildren(qn("w:tr")):
        tcs = list(tr.iterchildren(qn("w:tc")))
        merged = frozenset(i for i, tc in enumerate(tcs) if _continues_a_merge(tc))
        rows.append(TableRow(tuple(_cell_text(tc, document) for tc in tcs), merged))
    return rows


def _continues_a_merge(tc: BaseOxmlElement) -> bool:
    """<w:vMerge/> without val="restart": the cell goes on from the one above it."""
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return merge is not None and merge.get(qn("w:val"), "continue") == "continue"


def _cell_text(tc: BaseOxmlElement, document: WordDocument) -> str:
    return "".join(DocxParagraph(p, document).text for p in tc.iter(qn("w:p")))
