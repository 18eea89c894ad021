"""This year's report written elsewhere (a Word file, a PDF, a web page) taken over as the draft.

What the file gave becomes the draft; what it did not give stays unknown (absent, never 0). Every question the file
answered whole is marked answered — as a block pasted from a table is (`questions.mark_filled`) — so the conversation
goes on at the first question the file left open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..formats import Format
from ..formats.questions import Question
from ..report import Report
from .context import DialogContext, load_state
from .flow import Turn, relevant_questions
from .questions import mark_filled


@dataclass(frozen=True)
class TakenOver:
    state: dict[str, Any]  # the conversation, the questions the file answered marked answered
    report: Report  # the draft, derived cells computed
    answered: tuple[Question, ...]  # the questions the file answered
    still_open: tuple[Question, ...]  # the questions that apply and are left to answer


def has_typed(report: Report, fmt: Format) -> bool:
    """Whether a draft holds anything someone gave: a cell that is not a sum, or the text of a part a question asks
    for (the opening the assistant drafts of itself, and the sums it computes, are nobody's answer)."""
    if not report.cells.keys().isdisjoint(fmt.typed_cell_ids):
        return True
    asked = {q.slot for q in fmt.questions if q.slot}
    return any((report.text.get(slot) or "").strip() for slot in asked)


def draft_from_file(found: Report, fmt: Format) -> Report:
    """The draft a file gives: the numbers it was read with (the sums are computed, not copied), and the text of the
    parts read. A cell not found, or printed blank, stays unknown."""
    typed = set(fmt.typed_cell_ids)
    cells = {c: v for c, v in found.cells.items() if v is not None and c in typed and c not in found.not_found}
    text = {slot: body.strip() for slot, body in found.text.items()
            if body.strip() and slot not in found.not_found}
    return Report(found.unit, found.unit_kind, found.year, cells, text, found.format_id)


def take_over(state: dict[str, Any] | None, found: Report, ctx: DialogContext) -> TakenOver:
    """The conversation and the draft once the file's report has become the draft (the caller checked that the
    draft held nothing typed, and that the report is not handed in)."""
    turn = Turn(ctx, load_state(state, copy=True), draft_from_file(found, ctx.fmt))
    turn.state.update(cur=None, editing=False, pending=None, queue=[], keep=None, skipped=[], partial={},
                      answered=[], gates={}, choices={})
    mark_filled(turn, set(turn.report.cells))
    for q in ctx.fmt.questions:
        if q.kind == "prose" and (turn.report.text.get(q.slot) or "").strip():
            turn.state["answered"].append(q.code)
            turn.state["partial"].pop(q.code, None)
    relevant = relevant_questions(ctx, turn.state)
    answered = tuple(q for q in relevant if q.code in turn.state["answered"])
    still_open = tuple(q for q in relevant if q.code not in turn.state["answered"])
    return TakenOver(turn.state, turn.derived(), answered, still_open)

