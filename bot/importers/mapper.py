"""Blocks → Report: ONE mapper for every file type, driven by the format declaration."""

from __future__ import annotations

from collections.abc import Iterable

from .. import messages
from ..findings import Finding
from ..formats import Format
from ..report import Report
from .blocks import Block, Paragraph, TableRow, squash
from .errors import NotAReport
from .prose import Title, drop_signature, find_title, guess_year, heading_section, split_slots, unit_and_kind
from .tables import TableReader


def map_blocks(blocks: Iterable[Block], fmt: Format) -> tuple[Report, list[Finding]]:
    blocks = list(blocks)
    sections = _paragraphs_by_section(blocks, fmt)
    tables = TableReader(fmt)
    for block in blocks:
        if isinstance(block, TableRow):
            tables.feed(block.cells)
    headings = [number for number in sections if number]
    if len(headings) < 2 and not tables.found:
        raise NotAReport(messages.text("importers", "not_a_report"))
    findings = tables.finish()

    title = find_title(sections[""])
    dropped = title.lines if title else frozenset()
    if title:
        sections[""] = sections[""][title.index:]
    last = list(sections)[-1]
    if last:
        sections[last] = drop_signature(sections[last])
    text: dict[str, str] = {}
    for number, paragraphs in sections.items():
        kept = [p for p in paragraphs if squash(p) not in dropped]
        text.update(split_slots(number, kept, fmt))
    prose = "\n".join(text.values())
    unit, kind = unit_and_kind(title.unit if title else "", prose)
    year = _year(title, prose)
    report = Report(unit=unit, unit_kind=kind, year=year, cells=tables.cells, text=text, format_id=fmt.id)
    return report, findings


def _paragraphs_by_section(blocks: list[Block], fmt: Format) -> dict[str, list[str]]:
    """Paragraph texts under the section heading they follow; "" holds those before the first heading.

    Headings must come in order: a later paragraph that repeats an earlier section's title is prose.
    """
    numbers = [s.number for s in fmt.sections]
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.text.strip():
            continue
        number = heading_section(block.text, fmt)
        if number and (not current or numbers.index(number) > numbers.index(current)):
            current = number
            sections.setdefault(current, [])
            continue
        sections[current].append(block.text.strip())
    return sections


def _year(title: Title | None, prose: str) -> int:
    year = title.year if title else guess_year(prose)
    if year is None:
        raise NotAReport(messages.text("importers", "no_year"))
    return year
