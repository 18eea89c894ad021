"""Checking an imported report: what the import noticed, then every rule, without saying the same thing twice.

A rule is not evaluated on what the document did not let us read: a finding that rests on a cell or prose slot the
import did not find (`Report.not_found`) is dropped — the import has already said, once per table, row or section,
what could not be read. When the unit's kind could not be told, that is said once, with the rules it skips.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import messages
from .findings import Finding
from .formats import DEFAULT_FORMAT, Format
from .importers import ImportResult
from .importers.tables import NOT_READ_RULE
from .report import Report
from .rules import RULES, AreaNames, check_report
from .rules.context import kind_of, slot_name

KIND_RULES = ("R7", "R13")  # the rules whose verdict depends on the unit's kind
YEAR_RULES = ("R11",)  # the rules whose verdict depends on the report's year
IMPORT_RULE = NOT_READ_RULE  # what the import says about the document itself, apart from the rules

def check_imported(imported: ImportResult, previous: Report | None = None,
                   other_units: AreaNames | Iterable[str] = (), area: str = "") -> list[Finding]:
    report = imported.report
    found = list(imported.findings)
    for finding in check_report(report, previous=previous, other_units=other_units, area=area):
        if report.not_found & set(finding.cells):
            continue  # it rests on something the document did not let us read
        if not report.year and finding.rule in YEAR_RULES:
            continue
        found.append(finding)
    if not kind_of(report):
        found.append(_skipped("kind_unknown", KIND_RULES))
    if not report.year:
        found.append(_skipped("year_unknown", YEAR_RULES))
    return sorted(found, key=lambda f: f.level != "error")


def _skipped(macro: str, rules: tuple[str, ...]) -> Finding:
    skipped = [f"{rule} {RULES[rule].description}" for rule in rules if rule in RULES]
    return Finding(IMPORT_RULE, "warning", (), messages.text("importers", macro, skipped=skipped))


def read_nothing(report: Report) -> bool:
    """Whether an imported report gave no number at all (a `--previous` file that yields nothing to compare)."""
    return not any(value is not None for value in report.cells.values())


@dataclass(frozen=True)
class PartsRead:
    """What a document gave, part by part, for telling the sender what was taken from it and what was not."""

    tables: tuple[str, ...]  # the tables read whole, as a person finds them: 表二
    prose: tuple[str, ...]  # the prose sections read (any of their parts): 一、总体情况, 报告开头
    missing: tuple[tuple[str, int], ...]  # (part, how many of its numbers were not found; 0: the whole part)


def parts_read(report: Report, fmt: Format = DEFAULT_FORMAT) -> PartsRead:
    tables: list[str] = []
    missing: list[tuple[str, int]] = []
    for table in fmt.tables:
        typed = [c.id for c in table.cells if not c.derived]
        lost = sum(cell in report.not_found for cell in typed)
        name = f"表{table.section}"
        if not lost:
            tables.append(name)
        else:
            missing.append((name, 0 if lost == len(typed) else lost))
    prose: list[str] = []
    for section in ("", *(s.number for s in fmt.sections)):  # the opening, then 一 … 六 by their headings
        slots = [slot.id for slot in fmt.slots if slot.section == section]
        if not slots:
            continue  # a section that is a table alone (二, 三, 四): said above
        name = fmt.section(section).heading if section else slot_name(fmt, slots[0])
        if any(report.text.get(slot, "").strip() and slot not in report.not_found for slot in slots):
            prose.append(name)
        else:
            missing.append((name, 0))
    return PartsRead(tuple(tables), tuple(prose), tuple(missing))
