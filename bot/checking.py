"""Checking an imported report: what the import noticed, then every rule, without saying the same thing twice."""

from __future__ import annotations

from .findings import Finding
from .importers import ImportResult
from .report import Report
from .rules import check_report


def check_imported(imported: ImportResult, previous: Report | None = None, other_units: tuple[str, ...] = ()) -> list[Finding]:
    found = list(imported.findings)
    # a cell the import could not find is already named (未找到…); the checker's R5 on the same cells adds nothing
    already = {c for f in found if f.rule == "R5" for c in f.cells}
    for finding in check_report(imported.report, previous=previous, other_units=other_units):
        if finding.rule == "R5" and finding.cells and set(finding.cells) <= already:
            continue
        found.append(finding)
    return sorted(found, key=lambda f: f.level != "error")
