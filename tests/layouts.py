"""The same report in the text layouts real copies come in, made from a document's own blocks: the layouts a
corpus test runs every complete document through (cells separated by pipes, by runs of spaces, one cell per line,
cells between blank lines, whole tables on one line, labels wrapped in a narrow column, traditional characters, full-width digits, headings
glued to the sentence before)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.importers import import_bytes, read_blocks
from bot.importers.blocks import Block, Paragraph, TableRow
from bot.importers.tables import is_value


def blocks_of(data: bytes, name: str) -> list[Block]:
    """The blocks a reader makes of a file (paragraphs and table rows, in document order)."""
    return read_blocks(data, name)


def _rows(blocks: list[Block], row: Callable[[tuple[str, ...]], list[str]]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, TableRow):
            lines.extend(row(tuple(c for c in block.cells)))
        else:
            lines.append(block.text)
    return "\n".join(lines) + "\n"


def pipes(blocks: list[Block]) -> str:
    return _rows(blocks, lambda cells: ["| " + " | ".join(c or " " for c in cells) + " |"])


def markdown(blocks: list[Block]) -> str:
    out, previous = [], False
    for block in blocks:
        if isinstance(block, TableRow):
            out.append("| " + " | ".join(c or " " for c in block.cells) + " |")
            if not previous:
                out.append("|" + "---|" * len(block.cells))
            previous = True
        else:
            out.append(block.text)
            previous = False
    return "\n".join(out) + "\n"


def spaces(blocks: list[Block]) -> str:
    return _rows(blocks, lambda cells: ["    ".join(c for c in cells if c.strip())])


def cell_per_line(blocks: list[Block]) -> str:
    return _rows(blocks, lambda cells: [c for c in cells if c.strip()] + [""])


def blank_lines(blocks: list[Block]) -> str:
    return _rows(blocks, lambda cells: [x for c in cells if c.strip() for x in (c, "")])


def one_line(blocks: list[Block]) -> str:
    """Every run of table rows on a single line, each cell one space from the next (a web page's tables copied
    with their cells run together); empty cells are lost, as they are in such copies."""
    lines: list[str] = []
    run: list[str] = []
    for block in blocks:
        if isinstance(block, TableRow):
            run.extend(c.strip() for c in block.cells if c.strip())
            continue
        if run:
            lines.append(" ".join(run))
            run = []
        lines.append(block.text)
    if run:
        lines.append(" ".join(run))
    return "\n".join(lines) + "\n"


def wrapped_labels(blocks: list[Block], width: int = 6) -> str:
    """Like `pdftotext -layout` of narrow label columns: each label cell wrapped every `width` characters, the
    cells' pieces side by side line by line, the values on the first line."""
    def row(cells: tuple[str, ...]) -> list[str]:
        labels = [c.replace(" ", "") for c in cells if c.strip() and not is_value(c)]
        values = [c for c in cells if c.strip() and is_value(c)]
        if not labels or not values:
            return ["   ".join(c for c in cells if c.strip())]
        pieces = [[label[i:i + width] for i in range(0, len(label), width)] for label in labels]
        depth = max(len(p) for p in pieces)
        lines = ["  ".join((p[k] if k < len(p) else "").ljust(width, "\u3000") for p in pieces)
                 for k in range(depth)]
        lines[0] += "    " + "   ".join(values)
        return [line.rstrip("\u3000 ") for line in lines]
    return _rows(blocks, row)


def glued_headings(text: str) -> str:
    """Each section heading glued to the end of the paragraph before it."""
    return re.sub(r"。\n+(?=[二三四五六]、)", "。", text)


def full_width_digits(text: str) -> str:
    return text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def _blocks_text(blocks: list[Block]) -> str:
    return _rows(blocks, lambda cells: ["\t".join(cells)])


LAYOUTS: dict[str, Callable[[list[Block]], str]] = {
    "pipes": pipes,
    "markdown": markdown,
    "spaces": spaces,
    "cell_per_line": cell_per_line,
    "blank_lines": blank_lines,
    "one_line": one_line,
    "wrapped_labels": wrapped_labels,
    "glued_headings": lambda blocks: glued_headings(_blocks_text(blocks)),
    "full_width_digits": lambda blocks: full_width_digits(_blocks_text(blocks)),
    "traditional": lambda blocks: traditional(_blocks_text(blocks)),
}


def import_layout(blocks: list[Block], layout: str):
    return import_bytes(LAYOUTS[layout](blocks).encode("utf-8"), f"{layout}.txt")


__all__ = ["LAYOUTS", "Paragraph", "blocks_of", "import_layout"]
