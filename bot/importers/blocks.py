"""The common stream every reader produces: paragraphs and table rows, in document order.

Readers know file formats and nothing about reports; the mapper knows reports and nothing about file formats.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .. import messages
from .errors import NotAReport


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    # the places of cells that continue a cell merged down from the row above (Word's vMerge, a web page's rowspan):
    # printed empty, they hold no value of this row — what says a row's label is the one above it
    merged: frozenset[int] = frozenset()


Block = Paragraph | TableRow

def join_wrapped_digits(row: Block, digits: list[str], columns: list[int | None]) -> None:
    """Digits a narrow cell wrapped onto a line of their own, each joined to the cell of `row` it stands under: its
    column there, as the reader of a laid-out page (PDF, plain text) measures it; None or a column `row` lacks (an
    empty line read as a row of one cell), under none."""
    assert isinstance(row, TableRow)
    values = list(row.cells)
    for text, column in zip(digits, columns, strict=True):
        if column is not None and column < len(values):
            values[column] += text
    object.__setattr__(row, "cells", tuple(values))


_QUOTES = re.compile(r"[\"'“”‘’「」『』]")
_SPACE = re.compile(r"\s+")
_NUMBER_MARK = re.compile(r"^(\d+)[、.]")


def norm(text: str) -> str:
    """A label as a key: full/half width folded (NFKC), no whitespace or quotes, "1、" written "1."."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _SPACE.sub("", _QUOTES.sub("", folded))
    return _NUMBER_MARK.sub(r"\1.", folded)


def squash(text: str) -> str:
    """Text with all whitespace removed (titles are printed with stray spaces: "2024 年… 年度报告")."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: BOMs honoured, then UTF-8, then GB18030 (what Chinese Windows saves)."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise NotAReport(messages.text("importers", "binary_file"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise NotAReport(messages.text("importers", "bad_encoding")) from exc
