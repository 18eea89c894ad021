"""Blocks → Report: ONE mapper for every file type, driven by the format declaration.

What the document does not have is said, never filled in: cells of rows that were not found and prose slots of
sections that were not found go to `Report.not_found`, with one finding per table, row or run of sections. A cut-off
document or a fragment imports what it has; only a file with no report title, fewer than two section headings and
no table of the format is not a report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import messages
from ..findings import Finding
from ..formats import Format
from ..report import Report
from .author import unit_and_kind
from .blocks import Block, Paragraph, TableRow, squash
from .chinese import to_simplified, without_pinyin
from .errors import NotAReport
from .prose import (
    drop_signature,
    find_title,
    guess_year,
    heading_section,
    split_slots,
    title_in_preface,
)
from .tables import NOT_READ_RULE, TableReader, is_value

UNKNOWN_YEAR = 0  # a fragment that never names its year: the rules that need the year are skipped
_TRAILING_NOTE = re.compile(r"[(（][^()（）]*[)）]$")
_CELL_MAX = 80  # a paragraph this short without a full stop may be a table cell (or caption) on its own line


def map_blocks(blocks: Iterable[Block], fmt: Format) -> tuple[Report, list[Finding]]:
    blocks = split_glued_headings(to_simplified(without_pinyin(list(blocks))), fmt)
    tables = TableReader(fmt)
    sections = _section_one_unheaded(_read_blocks(blocks, fmt, tables), fmt)
    title = find_title(sections[""])
    headings = [number for number in sections if number]
    findings = tables.finish()
    named = title or title_in_preface("\n".join(sections[""][:3]))
    if title is None and len(headings) < 2 and not tables.read_any and not (headings and _cites_the_rules(sections)):
        raise NotAReport(messages.text("importers", "not_a_report"))
    if title is None and not tables.read_any and _is_the_format_itself(sections[""]):
        raise NotAReport(messages.text("importers", "format_notice"))

    dropped = title.lines if title else frozenset()
    if title:
        sections[""] = sections[""][title.index:]
    last = list(sections)[-1]
    signature = list(sections[last])
    if last:
        sections[last] = drop_signature(sections[last])
    text: dict[str, str] = {}
    for number, paragraphs in sections.items():
        kept = [p for p in paragraphs if squash(p) not in dropped]
        text.update(split_slots(number, kept, fmt))
    prose = "\n".join(text.values())
    tables_text = [p for number in (t.section for t in fmt.tables) for p in sections.get(number, [])]
    unit, kind = unit_and_kind(named.unit if named else "", prose, signature, tables_text)
    year = (named.year if named else 0) or guess_year(prose) or UNKNOWN_YEAR
    missing_sections = [s for s in fmt.sections if s.number not in sections]
    findings += _missing_sections(missing_sections, fmt)
    not_found = tables.not_found_cells() | {s.id for s in fmt.slots if s.section in
                                            {m.number for m in missing_sections}} | _after_the_cut(last, text, fmt)
    report = Report(unit=unit, unit_kind=kind, year=year, cells=tables.cells, text=text, format_id=fmt.id,
                    not_found=frozenset(not_found), layout_notes=tables.layout_notes())
    return report, findings


def _read_blocks(blocks: list[Block], fmt: Format, tables: TableReader) -> dict[str, list[str]]:
    """Paragraph texts under the section heading they follow ("" holds those before the first heading), while
    every table row — and every short paragraph in a table's section, a cell printed on its own line — goes to
    the table reader.

    Headings must come in order: a later paragraph that repeats an earlier section's title is prose.
    """
    numbers = [s.number for s in fmt.sections]
    table_sections = {t.section for t in fmt.tables}
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for block in blocks:
        if isinstance(block, TableRow):
            filled = [c for c in block.cells if c.strip()]
            if len(filled) != 1 or not heading_section(filled[0], fmt):
                tables.feed(block.cells, block.merged)
                continue
            block = Paragraph(filled[0])  # a heading printed in a table's caption row
        text = block.text.strip()
        if not text:
            continue
        number = heading_section(text, fmt)
        if number and (not current or numbers.index(number) > numbers.index(current)):
            current = number
            sections.setdefault(current, [])
            tables.section(number)
            continue
        sections[current].append(text)
        if (current in table_sections or not current) and _cell_like(text):
            tables.feed((text,))
        else:
            tables.brk()
    return sections


def _after_the_cut(last: str, text: dict[str, str], fmt: Format) -> set[str]:
    """The parts of the last section read that come after its last part with text, when no later section was
    found: the document ends there (a copy cut in 一's (三)), and what it held further on was never read — a part
    not there is not a part the report lacks (R14 would ask for 一's (四) and (五) of a page cut in (三))."""
    numbers = [s.number for s in fmt.sections]
    if not last or last not in numbers or numbers[-1] == last:
        return set()
    slots = [s.id for s in fmt.slots if s.section == last]
    written = [i for i, slot in enumerate(slots) if (text.get(slot) or "").strip()]
    return set(slots[written[-1] + 1:]) if written else set(slots)


def _section_one_unheaded(sections: dict[str, list[str]], fmt: Format) -> dict[str, list[str]]:
    """A report that goes from its preface straight to 一's first part, without 一、总体情况 (本报告由高楼乡人民政府…
    编制。… （一）主动公开情况): section 一 opens at that part's heading. Read as preface, the report had no section
    at all and was refused as no report."""
    first = next((s for s in fmt.slots if s.section == fmt.sections[0].number and s.title), None)
    number = fmt.sections[0].number
    if first is None or number in sections:
        return sections
    opening = re.compile(rf"^\s*[（(]\s*一\s*[）)]\s*(?:{'|'.join(map(re.escape, first.keywords))})")
    preface = sections[""]
    at = next((i for i, p in enumerate(preface) if opening.match(p)), None)
    if at is None:
        return sections
    return {"": preface[:at], number: preface[at:], **{k: v for k, v in sections.items() if k}}


def _cell_like(text: str) -> bool:
    """A value, or a short text without a full stop. The 2019 template's explanatory note kept after a row label
    ("规范性文件（行政机关制定发布的决定……）") does not count towards its length: the label is still a cell."""
    label = _TRAILING_NOTE.sub("", text)
    return is_value(text) or (len(label) <= _CELL_MAX and "。" not in text)


def _missing_sections(missing: list, fmt: Format) -> list[Finding]:
    if not missing:
        return []
    slots = tuple(s.id for s in fmt.slots if s.section in {m.number for m in missing})
    message = messages.text("importers", "missing_sections", headings=[s.heading for s in missing])
    return [Finding(NOT_READ_RULE, "warning", slots, message)]


# a part's marker after a sentence and a space: paragraphs a copy ran together on one line ("…工作。 （二）依申请公开
#情况。 2024年…"); prose that enumerates inside a paragraph leaves no space before its marker
_GLUED_PART = re.compile(r"(?<=[。；;！!？?])\s+(?=[（(][一二三四五六七八九十]{1,2}[）)])")


def split_glued_headings(blocks: list[Block], fmt: Format) -> list[Block]:
    """A section heading printed at the end of the previous sentence ("…特此报告。二、主动公开政府信息情况") starts
    a paragraph of its own; so does a part of a section printed after the previous sentence and a space."""
    titles = "|".join(re.escape(s.title) for s in fmt.sections)
    glued = re.compile(rf"(?<=[。；;！!？?])\s*((?:[一二三四五六七八九十]|\d)\s*[、.．]\s*(?:{titles}))")
    out: list[Block] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or not (glued.search(block.text) or _GLUED_PART.search(block.text)):
            out.append(block)
            continue
        parts = [block.text] if _lists_the_sections(block.text, glued) else glued.split(block.text)
        for part in parts:
            out.extend(Paragraph(piece.strip()) for piece in _GLUED_PART.split(part) if piece.strip())
    return out


def _lists_the_sections(text: str, glued: re.Pattern[str]) -> bool:
    """A preface listing what the report holds ("包括:1.总体情况;2.主动公开政府信息情况;…;6.其他需要报告的事项。"):
    two section titles with nothing but a separator between them are items of a list, not headings followed by
    their text (split, the list made sections 二 to 六 of the preface and hid the report's own headings)."""
    spans = [m.span(1) for m in glued.finditer(text)]
    return any(_LIST_SEPARATOR.fullmatch(text[end:start]) for (_, end), (start, _) in zip(spans, spans[1:], strict=False))


_LIST_SEPARATOR = re.compile(r"[\s;；,，、]*")


# the name of the national format, printed as a title of its own line (or two) by the notice that issues it and by
# the copies sites keep of it; a report cites it inside a sentence, never as a line by itself
_FORMAT_NAME = re.compile(r"^(?:中华人民共和国)?政府信息公开工作年度报告格式$")


def _is_the_format_itself(preface: list[str]) -> bool:
    """The national format (or the notice issuing it) rather than a report: its own name stands as a line, alone or
    split over two (中华人民共和国 / 政府信息公开工作年度报告格式), and no title of a report precedes its tables."""
    lines = [squash(p) for p in preface]
    return any(_FORMAT_NAME.match(line) or _FORMAT_NAME.match("".join(lines[i:i + 2]))
               for i, line in enumerate(lines))


def _cites_the_rules(sections: dict[str, list[str]]) -> bool:
    """Opening words that say what the text is (a fragment whose title was cut off): a preface citing the 条例, or
    a first section about the unit's 政府信息公开 / 政务公开 work."""
    opening = "".join(p for paragraphs in sections.values() for p in paragraphs[:3])[:1500]
    return "政府信息公开条例" in opening or "政府信息公开" in opening or "政务公开" in opening
