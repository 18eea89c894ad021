"""Plain-text reports → blocks.

Two layouts are seen in copies of published reports:
(a) one table row per line, cells separated by tabs ("规章\\t0\\t0\\t0");
(b) one cell per line: a table row is a run of lines each starting with a tab, ended by an empty line; a short
    line without the tab continues the cell above (a header cell wrapped as "\\t商业" + "企业").
"""

from __future__ import annotations

import re

from .blocks import Block, Paragraph, TableRow, decode_text

_CONTINUATION_MAX = 16
_SECTION_NUMBER = re.compile(r"^[一二三四五六七八九十]+、")


def read_txt(data: bytes) -> list[Block]:
    return blocks_from_text(decode_text(data))


def blocks_from_text(text: str) -> list[Block]:
    lines = text.replace("\ufeff", "").splitlines()
    if any(_cell_count(line) >= 2 for line in lines):
        return _tab_rows(lines)
    return _cell_lines(lines)


def _cell_count(line: str) -> int:
    return sum(1 for part in line.split("\t") if part.strip())


def _is_prose(line: str) -> bool:
    """An indented paragraph, not a cell: table cells never hold a full stop."""
    return "。" in line and _cell_count(line) <= 1


def _tab_rows(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    for line in lines:
        if "\t" in line and not _is_prose(line):
            blocks.append(TableRow(tuple(line.split("\t"))))
        elif line.strip():
            blocks.append(Paragraph(line.strip()))
    return blocks


def _cell_lines(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    row: list[str] | None = None

    def flush() -> None:
        nonlocal row
        if row is not None:
            blocks.append(TableRow(tuple(row)))
            row = None

    for line in lines:
        if line.startswith("\t") and not _is_prose(line):
            row = (row or []) + [line[1:]]
        elif not line.strip():
            flush()
        elif row is not None and _continues_cell(line):
            row[-1] += line.strip()
        else:
            flush()
            blocks.append(Paragraph(line.strip()))
    flush()
    return blocks


def _continues_cell(line: str) -> bool:
    text = line.strip()
    return len(text) <= _CONTINUATION_MAX and not _SECTION_NUMBER.match(text)
