"""Checking an imported report: what the import noticed, then every rule, without saying the same thing twice.

A rule is not evaluated on what the document did not let us read: a finding that rests on a cell or prose slot the
import did not find (`Report.not_found`) is dropped — the import has already said, once per table, row or section,
what could not be read. When the unit's kind could not be told, that is said once, with the rules it skips.
"""

from __future__ import annotations

from . import messages
from .findings import Finding
from .importers import ImportResult
from .report import Report
from .rules import RULES, check_report
from .rules.context import kind_of

KIND_RULES = ("R7", "R13")  # the rules whose verdict depends on the unit's kind


def check_imported(imported: ImportResult, previous: Report | None = None, other_units: tuple[str, ...] = ()) -> list[Finding]:
    report = imported.report
    found = list(imported.findings)
    for finding in check_report(report, previous=previous, other_units=other_units):
        if report.not_found & set(finding.cells):
            continue  # it rests on something the document did not let us read
        found.append(finding)
    if not kind_of(report):
        skipped = [f"{rule} {RULES[rule].description}" for rule in KIND_RULES if rule in RULES]
        found.append(Finding(KIND_RULES[0], "warning", (), messages.text("importers", "kind_unknown",
                                                                           skipped=skipped)))
    return sorted(found, key=lambda f: f.level != "error")


def read_nothing(report: Report) -> bool:
    """Whether an imported report gave no number at all (a `--previous` file that yields nothing to compare)."""
    return not any(value is not None for value in report.cells.values())
