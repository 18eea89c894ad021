"""The checker: rules R1–R15 (DOMAIN.md), each a small function `(report, ctx) -> list[Finding]`.

    findings = check_report(report, previous=None, fmt=GOV2021, other_units=())

Errors come first, then warnings, each in rule order. `RULES` lists the rules for docs and `nianbao check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from .. import messages
from ..findings import Finding, Level
from ..formats import GOV2021, Format
from ..report import Report
from .context import RuleContext
from .names import AreaNames, area_names
from .prose import (
    r9_prose_numbers,
    r10_fee_statement,
    r11_stale_years,
    r12_old_format,
    r13_self_and_others,
    r14_completeness,
)
from .tables import (
    r1_balance,
    r2_column_totals,
    r3_row_totals,
    r4_review_totals,
    r5_cell_values,
    r6_carried_in,
    r7_regulations,
    r8_in_force,
    r15_jumps,
)

RuleFunction = Callable[[Report, RuleContext], list[Finding]]


class Rule(NamedTuple):
    function: RuleFunction
    level: Level
    description: str


RULES: dict[str, Rule] = {
    "R1": Rule(r1_balance, "error", messages.text("rules", "description", rule="R1")),
    "R2": Rule(r2_column_totals, "error", messages.text("rules", "description", rule="R2")),
    "R3": Rule(r3_row_totals, "error", messages.text("rules", "description", rule="R3")),
    "R4": Rule(r4_review_totals, "error", messages.text("rules", "description", rule="R4")),
    "R5": Rule(r5_cell_values, "error", messages.text("rules", "description", rule="R5")),
    "R6": Rule(r6_carried_in, "error", messages.text("rules", "description", rule="R6")),
    "R7": Rule(r7_regulations, "error", messages.text("rules", "description", rule="R7")),
    "R8": Rule(r8_in_force, "warning", messages.text("rules", "description", rule="R8")),
    "R9": Rule(r9_prose_numbers, "error", messages.text("rules", "description", rule="R9")),
    "R10": Rule(r10_fee_statement, "error", messages.text("rules", "description", rule="R10")),
    "R11": Rule(r11_stale_years, "warning", messages.text("rules", "description", rule="R11")),
    "R12": Rule(r12_old_format, "error", messages.text("rules", "description", rule="R12")),
    "R13": Rule(r13_self_and_others, "warning", messages.text("rules", "description", rule="R13")),
    "R14": Rule(r14_completeness, "warning", messages.text("rules", "description", rule="R14")),
    "R15": Rule(r15_jumps, "warning", messages.text("rules", "description", rule="R15")),
}


def check_report(
    report: Report,
    previous: Report | None = None,
    fmt: Format = GOV2021,
    other_units: AreaNames | Iterable[str] = (),
    area: str = "",
) -> list[Finding]:
    """All findings about `report`: errors first, then warnings, each group in rule order.

    `other_units`: the names of the units of the same area — best an `AreaNames` built once for the area (a plain
    list is compiled here, and kept for the next call with the same names); the report's own unit may be among them.
    `area`: the area's name (龙亭区), the place the unit belongs to when its own name does not say."""
    ctx = RuleContext(fmt=fmt, previous=previous, names=area_names(other_units), area=area)
    findings = [f for rule in RULES.values() for f in rule.function(report, ctx)]
    return sorted(findings, key=lambda f: f.level != "error")  # stable: rule order within each level


__all__ = ["AreaNames", "RULES", "Rule", "RuleContext", "RuleFunction", "check_report"]
