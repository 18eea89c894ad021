"""A unit's summary figures — open errors, progress, the next question — computed from its report, its status and
its people's conversations.

The edge computes them once when a report or a conversation is written and stores them with the report, so that
汇总 and the reminders read plain columns instead of parsing and checking every report on every read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..dialog import DialogContext, progress
from ..dialog.flow import cells_of, question
from ..formats import FORMATS, GOV2021
from ..report import Report
from ..rules import check_report
from ..summary import findings_on_what_is_filled

HANDED_IN = ("submitted", "approved")  # the unit handed its report in: 100 %, no next question

# (steps done, steps in all, code and title of the next question), as `bot.dialog.progress` counts them
Progress = tuple[int, int, str | None, str | None]


@dataclass(frozen=True)
class UnitFigures:
    open_errors: int
    typed: bool  # any typed cell entered (derived totals do not count)
    answered: int  # steps done by the furthest of the unit's people
    questions: int  # steps in all
    next_code: str | None
    next_title: str | None
    progress: int  # 0–100 as shown: 100 once handed in

    @property
    def next_question(self) -> str:
        return f"【{self.next_code}】{self.next_title}" if self.next_code else ""


def open_errors(report: Report, handed_in: bool, previous: Report | None = None) -> int:
    """Errors of the checker (`previous`: last year's report, for the rules comparing years). While a unit is
    still filling in, only errors about what it has entered count: a blank it has not reached yet is progress,
    not an error."""
    findings = [f for f in check_report(report, previous=previous) if f.level == "error"]
    if handed_in:
        return len(findings)
    # the same filter as 查看's (`findings_on_what_is_filled`): 汇总 and 查看 count the same errors
    fmt = FORMATS.get(report.format_id, GOV2021)
    return sum(1 for f in findings_on_what_is_filled(findings, report, fmt) if f.cells)


def has_typed_cells(report: Report) -> bool:
    fmt = FORMATS.get(report.format_id, GOV2021)
    return not frozenset(fmt.typed_cell_ids).isdisjoint(report.cells)


def progress_context(unit: str, kind: str, year: int, previous_text: dict[str, str] | None) -> DialogContext:
    """What progress depends on besides the state: the unit's kind and which of last year's slots have text."""
    previous = Report(unit, kind, year - 1, {}, dict(previous_text)) if previous_text else None
    return DialogContext("", unit, kind, year, previous=previous)


def progress_basis(ctx: DialogContext) -> tuple[Any, ...]:
    """Two contexts with the same basis give the same progress for the same state (a key for memoising)."""
    slots = frozenset(k for k, v in ctx.previous.text.items() if v and v.strip()) if ctx.previous else None
    return (ctx.unit_kind, ctx.year, slots)


def furthest(candidates: Iterable[Progress]) -> Progress:
    """The furthest of several people's progress (by share done; the first wins a tie)."""
    best: Progress | None = None
    for mine in candidates:
        if best is None or mine[0] * max(best[1], 1) > best[0] * max(mine[1], 1):
            best = mine
    return best if best is not None else (0, 0, None, None)


def unit_progress(states: Iterable[dict[str, Any]], report: Report, ctx: DialogContext,
                  start: Progress | None = None) -> Progress:
    """The unit's: what its people answered between them (each has a conversation of their own about the same
    report), as far as the report still holds it — not whichever conversation was saved last; `start`: the progress
    of a conversation not yet begun, when the caller has it already."""
    first = start if start is not None else progress(None, report, ctx)
    states = list(states)
    if len(states) <= 1:  # one clerk: their conversation and the report change together, nothing to reconcile
        return furthest([first, *(progress(s, report, ctx) for s in states)])
    return furthest([first, progress(_between_them(states, report, ctx), report, ctx)])


def _between_them(states: list[dict[str, Any]], report: Report, ctx: DialogContext) -> dict[str, Any]:
    """One conversation standing for the unit's: the furthest one's, with every question any of them answered
    whose cells or paragraph the report still holds (a report started afresh by one clerk is not the other's 100 %)."""
    best = max(states, key=lambda s: len(s.get("answered") or ()))
    answered = dict.fromkeys(code for s in states for code in (s.get("answered") or ()))
    return {**best, "answered": [code for code in answered if _still_held(ctx, code, report)]}


def _still_held(ctx: DialogContext, code: str, report: Report) -> bool:
    q = question(ctx.fmt, code)
    if q is None:
        return False
    if q.kind == "prose":
        return bool((report.text.get(q.slot) or "").strip()) if q.slot else True
    cells = cells_of(ctx.fmt, q) if q.kind in ("menu", "menu_rows") else q.cells
    return not cells or any(c in report.cells for c in cells)


def unit_figures(report: Report | None, status: str | None, reached: Progress,
                 previous: Report | None = None) -> UnitFigures:
    """The figures of a unit whose report is `report` (already with its derived cells; None: no report yet) in
    `status`, its people having reached `reached`; `previous`: its report of the year before, if any."""
    done, total, code, title = reached
    handed_in = status in HANDED_IN
    return UnitFigures(
        open_errors=open_errors(report, status != "draft", previous) if report is not None else 0,
        typed=has_typed_cells(report) if report is not None else False,
        answered=done,
        questions=total,
        next_code=None if handed_in else code,
        next_title=None if handed_in else title,
        progress=100 if handed_in else (done * 100 // total if total else 0),
    )
