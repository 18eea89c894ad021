"""The checker: rules R1–R15 (DOMAIN.md), R16 (no personal data in the prose) and R17 (no spoken words in it), each a small function `(report, ctx) -> list[Finding]`.

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
from .claims import CLAIMED_TABLES
from .context import RuleContext
from .names import AreaNames, area_names
from .prose import (
    FEE_SLOT,
    REQUEST_TOTALS,
    r9_prose_numbers,
    r10_fee_statement,
    r11_stale_years,
    r12_old_format,
    r13_self_and_others,
    r14_completeness,
    r16_personal_data,
    r17_spoken_words,
    r18_unstated_words,
)
from .reads import CONTEXT, Reads
from .tables import (
    EXPLAINED_IN,
    IN_FORCE_ROWS,
    JUMP_CELLS,
    REGULATIONS_ROW,
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
    reads: Reads  # what it reads: a change elsewhere cannot change its verdict


def _rule(function: RuleFunction, level: Level, rule_id: str, reads: Reads) -> Rule:
    return Rule(function, level, messages.text("rules", "description", rule=rule_id), reads)


RULES: dict[str, Rule] = {
    "R1": _rule(r1_balance, "error", "R1", Reads(sums=("R1",))),
    "R2": _rule(r2_column_totals, "error", "R2", Reads(sums=("R2",))),
    "R3": _rule(r3_row_totals, "error", "R3", Reads(sums=("R3",))),
    "R4": _rule(r4_review_totals, "error", "R4", Reads(sums=("R4",))),
    "R5": _rule(r5_cell_values, "error", "R5", Reads(all_cells=True)),
    "R6": _rule(r6_carried_in, "error", "R6", Reads(sums=("R1",), context=("previous",))),
    "R7": _rule(r7_regulations, "error", "R7", Reads(rows=(REGULATIONS_ROW,), context=("unit",))),
    "R8": _rule(r8_in_force, "warning", "R8", Reads(rows=IN_FORCE_ROWS, context=("previous",))),
    "R9": _rule(r9_prose_numbers, "error", "R9", Reads(tables=CLAIMED_TABLES, all_slots=True, context=("year",))),
    "R10": _rule(r10_fee_statement, "error", "R10", Reads(slots=(FEE_SLOT,), cells=REQUEST_TOTALS)),
    "R11": _rule(r11_stale_years, "warning", "R11", Reads(all_slots=True, context=("year",))),
    "R12": _rule(r12_old_format, "error", "R12", Reads(all_slots=True, context=("layout",))),
    "R13": _rule(r13_self_and_others, "warning", "R13",
                 Reads(all_slots=True, context=("unit", "names", "area"))),
    "R14": _rule(r14_completeness, "warning", "R14", Reads(all_slots=True)),
    "R15": _rule(r15_jumps, "warning", "R15",
                 Reads(cells=JUMP_CELLS, sections=(EXPLAINED_IN,), context=("previous",))),
    "R16": _rule(r16_personal_data, "warning", "R16", Reads(all_slots=True)),
    "R17": _rule(r17_spoken_words, "warning", "R17", Reads(all_slots=True)),
    "R18": _rule(r18_unstated_words, "error", "R18", Reads(all_slots=True)),
}


# the rules that judge row by row (R5) or sum by sum (R1–R4): their findings name the format's cells only, and with
# `check_rules(about=…)` they look at the rows and sums holding the cells asked about
CELL_RULES = ("R1", "R2", "R3", "R4", "R5")


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
    return check_rules(report, RULES, previous, fmt, other_units, area)


def check_rules(
    report: Report,
    rule_ids: Iterable[str],
    previous: Report | None = None,
    fmt: Format = GOV2021,
    other_units: AreaNames | Iterable[str] = (),
    area: str = "",
    about: Iterable[str] | None = None,
) -> list[Finding]:
    """The findings of the rules `rule_ids` only (see `rules_affected_by`), ordered as `check_report` orders them.

    `about`: cell or slot ids; only the findings naming one of them are wanted (what one answer's cells caused), and
    the rules that judge row by row or sum by sum (R1–R5) look at the rows and sums holding them only."""
    focus = None if about is None else frozenset(about)
    ctx = RuleContext(fmt=fmt, previous=previous, names=area_names(other_units), area=area, about=focus)
    wanted = set(rule_ids)
    findings = [f for rule_id, rule in RULES.items() if rule_id in wanted for f in rule.function(report, ctx)]
    if focus is not None:
        findings = [f for f in findings if not focus.isdisjoint(f.cells)]
    return sorted(findings, key=lambda f: f.level != "error")  # stable: rule order within each level


def rules_affected_by(changed: Iterable[str], fmt: Format = GOV2021) -> tuple[str, ...]:
    """The rules whose verdict a change can alter, in rule order. `changed`: cell ids, prose slot ids, and context
    keys (`reads.CONTEXT`: "unit", "year", "previous", "names", "area", "layout")."""
    changed = set(changed)
    return tuple(
        rule_id for rule_id, rule in RULES.items()
        if changed & rule.reads.ids(fmt) or changed & set(rule.reads.context)
    )


__all__ = ["AreaNames", "CELL_RULES", "CONTEXT", "RULES", "Reads", "check_rules", "rules_affected_by", "Rule", "RuleContext", "RuleFunction", "check_report"]


from .answer import ANSWER_RULES, apply_fixes, check_answer  # noqa: E402 — it runs the rules declared above

__all__ += ["ANSWER_RULES", "apply_fixes", "check_answer"]
