"""What 提交 lists before a report is handed in: the report's findings (`checks.findings_now`), and what only the
clerk's own report is asked at hand-in — the results a people's government leaves unstated, and a report whose every
part is last year's word for word. Both are warnings, listed and confirmed as the others are (确认提交 and a reason);
neither is a rule of `check_report`: most published reports state none of the results, and the desk does not know
what was offered to the clerk as last year's."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, later
from ..formats.questions import Question
from ..report import Report
from ..rules.context import slot_name
from . import checks, prose
from .context import DialogContext, is_people_government
from .flow import Turn


def hand_in_findings(turn: Turn) -> list[Finding]:
    """What 提交 lists: the report's findings, the results a people's government has left unstated (监督保障 without
    工作考核、社会评议、责任追究), and every part kept as last year's report said it."""
    found = checks.findings_now(turn)
    return found + hand_in_only(turn.ctx, turn.derived(), found)


def hand_in_only(ctx: DialogContext, report: Report, found: list[Finding]) -> list[Finding]:
    """The warnings only 提交 asks, of `report` (its derived cells computed) given the report's own findings
    `found`: the supervisor's review lists those the unit accepted, in their own words."""
    return _results_unstated(ctx, report, found) + _last_years_words(ctx, report)


def _results_unstated(ctx: DialogContext, report: Report, found: list[Finding]) -> list[Finding]:
    """One warning per part whose text leaves out results the format asks a people's government to state there;
    none for a part already said to be missing (R14 asks for the whole part)."""
    if not is_people_government(ctx):
        return []
    missing_parts = {cell for f in found if f.rule == "R14" for cell in f.cells}
    out = []
    for slot in ctx.fmt.slots:
        text = report.text.get(slot.id) or ""
        unstated = slot.results_unstated(text) if slot.people_government_results and text.strip() else []
        if unstated and slot.id not in missing_parts:
            message = later("rules", "results_unstated", slot=slot_name(ctx.fmt, slot.id), results=tuple(unstated),
                            kind=ctx.unit_kind)
            out.append(Finding("R14", "warning", (slot.id,), message))
    return out


def _last_years_words(ctx: DialogContext, report: Report) -> list[Finding]:
    """One warning when every part last year's report lent this year's was kept word for word."""
    kept = prose.kept_from_last_year(ctx, report)
    if not kept:
        return []
    parts = "、".join(f"「{q.title}」" for q in kept)
    return [Finding("R11", "warning", tuple(q.slot for q in kept), later("rules", "copied_from_last_year", parts=parts))]


_CLAUSE_ENDS = re.compile(r"([，,；;。！!？?\s]+)")


@dataclass(frozen=True)
class ResultsInReason:
    """What a reason to hand in says of the results a part leaves out (`results_in_reason`)."""

    question: Question  # the part that leaves them out
    clauses: list[str]  # the reason's clauses that state them, as typed: the part's notes
    rest: str  # the rest of the reason, as typed: the reason the supervisor reads ("" when nothing is left)
    results: list[str]  # the names of the results they state (社会评议 …)
    new: bool  # some of them are not yet among the part's notes (False: offered once already, and not taken)


def results_in_reason(turn: Turn, warnings: list[Finding], reason: str) -> ResultsInReason | None:
    """The part a reason to hand in states results for that its text leaves out (确认提交 今年没考核也没评议，没追责
    for a 监督保障 that states none), with the clauses that state them: notes of that part, as if answered there.
    Only a clause the notes read as a result (未开展…, 获评…, 结果尚未公布, 未发生责任追究: the part's result forms)
    counts; one that only names a result's subject (乡镇不单独考核，由县统一考核) stays the reason. None when the reason
    states none of them."""
    for f in warnings:
        slot = turn.fmt.slot(f.cells[0]) if f.rule == "R14" and f.cells and f.cells[0] in turn.fmt.slot_ids else None
        q = next((q for q in turn.fmt.questions if q.slot == slot.id), None) if slot else None
        if not (slot and slot.people_government_results and q is not None):
            continue
        unstated = set(slot.results_unstated(turn.report.text.get(slot.id) or ""))
        pieces = _CLAUSE_ENDS.split(reason.strip())  # clause, its ending, clause, …
        told, notes, names, rest = [], [], set(), ""
        for i in range(0, len(pieces), 2):
            clause, ending = pieces[i], pieces[i + 1] if i + 1 < len(pieces) else ""
            kept = prose.read_statements(clause)[0] if clause else []
            results = [n for n in kept if unstated & set(slot.results_stated_by(n))]
            if results:
                told.append(clause)
                notes += results
                names |= {name for n in results for name in slot.results_stated_by(n)} & unstated
            elif clause:
                rest += clause + ending
        if told:
            known = set(prose.facts_of(turn, q))
            return ResultsInReason(q, told, rest.rstrip("，,；; \t\n"), sorted(names),
                                   any(n not in known for n in notes))
    return None


def results_still_left_out(turn: Turn, offered: dict[str, Any]) -> list[str]:
    """The keys of the warnings on a part whose results a reason stated (`offered`: the part's slot, the results'
    names, the whole reason) while the part handed in still leaves them out — its draft with them was not taken: the
    supervisor reads the whole reason then, or those results would be neither published nor told."""
    slot = turn.fmt.slot(offered["slot"]) if offered["slot"] in turn.fmt.slot_ids else None
    if slot is None or not set(slot.results_unstated(turn.report.text.get(slot.id) or "")) & set(offered["results"]):
        return []
    return [checks.key(f) for f in _results_unstated(turn.ctx, turn.derived(), []) if f.cells == (slot.id,)]
