"""Checks as you type: the rules about prose (R9, R11, R13) on one answer, when it is given, with the fix to offer.

    findings = check_answer("s1.summary", "2025年，柳园口乡坚持…", report, other_units=area, area="龙亭区")
    for f in findings:
        f.message            # what is wrong, as `check_report` says it
        f.fix                # a Fix, or None: f.fix.apply(text) is the answer fixed, f.fix.describe(text) says how

The same rule functions as `check_report` (so `nianbao check` and the supervisor's 查看 find the same), run on the
report as it would be with this answer stored, and only on that answer's text.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..findings import Finding
from ..formats import GOV2021, Format
from ..report import Report
from . import check_rules
from .names import AreaNames

ANSWER_RULES = ("R9", "R11", "R13", "R16", "R17")  # what can be said about one prose answer on its own


def check_answer(
    slot: str,
    text: str,
    report: Report,
    other_units: AreaNames | Iterable[str] = (),
    area: str = "",
    fmt: Format = GOV2021,
) -> list[Finding]:
    """R9 (numbers against the tables so far), R11 (stale years), R13 (self-word, other units' names, another
    county's government) and R16 (personal data) on the answer `text` to the prose slot `slot` of `report` (its unit, kind, year and
    cells); errors first. Each finding's `fix`, when there is one, edits `text`."""
    if not text.strip():
        return []
    alone = _with_text(report, slot, text)
    return [f for f in check_rules(alone, ANSWER_RULES, fmt=fmt, other_units=other_units, area=area)
            if slot in f.cells]


def _with_text(report: Report, slot: str, text: str) -> Report:
    """`report` with `text` as its only prose: a shallow copy, as `copy.copy` makes one (the rules only read it: the
    cells are shared), without copy's generic protocol, as every answer and every draft offered is checked."""
    alone = object.__new__(type(report))
    alone.__dict__.update(report.__dict__)
    alone.text = {slot: text}
    return alone


def apply_fixes(text: str, findings: Iterable[Finding]) -> str:
    """`text` with every fix of `findings` applied (fixes whose edits overlap an earlier one are left out)."""
    edits: list[tuple[int, int, str]] = []
    for f in findings:
        if f.fix is None:
            continue
        if all(end <= s or start >= e for start, end, _ in f.fix.edits for s, e, _ in edits):
            edits.extend(f.fix.edits)
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text
