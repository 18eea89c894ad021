"""What 提交 lists before a report is handed in: the report's findings (`checks.findings_now`), and what only the
clerk's own report is asked at hand-in — the results a people's government leaves unstated, and a report whose every
part is last year's word for word. Both are warnings, listed and confirmed as the others are (确认提交 and a reason);
neither is a rule of `check_report`: most published reports state none of the results, and the desk does not know
what was offered to the clerk as last year's."""

from __future__ import annotations

from ..findings import Finding, later
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
