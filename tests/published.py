"""Shared by the tests of printed outputs: which pages of a PDF each table of a report lands on."""

from __future__ import annotations

import io
import re

from bot.render import layout
from bot.report import Report

_SPACE = re.compile(r"\s+")
_PREFIX = 5  # a cell's text is found by its first characters: a wrapped cell prints the rest on other lines


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def table_markers(report: Report) -> dict[str, set[str]]:
    """For each table, the openings of its labels and headers that appear nowhere else in the report (not in
    another table, not in the prose): finding one on a page means the table is (partly) on that page."""
    doc = layout(report)
    texts = {b.grid.key: {_squash(c.text)[:_PREFIX] for r in b.grid.rows for c in r.cells
                          if c.role != "value" and len(_squash(c.text)) >= 4}
             for b in doc.blocks if b.grid is not None}
    prose = _squash(doc.title + "".join(b.text for b in doc.blocks if b.grid is None))
    return {key: {m for m in marks if m not in prose and not any(m in other for k, o in texts.items() if k != key
                                                                 for other in o)}
            for key, marks in texts.items()}


def table_pages(pdf: bytes, report: Report) -> dict[str, list[int]]:
    """The pages (1-based) on which each table prints."""
    import pdfplumber

    markers = table_markers(report)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [_squash(page.extract_text() or "") for page in document.pages]
    return {key: [n for n, text in enumerate(pages, 1) if any(m in text for m in marks)]
            for key, marks in markers.items()}
