"""This year's report written elsewhere (a Word file, a PDF, a web page) taken over as the draft.

What the file gave becomes the draft; what it did not give stays unknown (absent, never 0). Every question the file
answered whole is marked answered — as a block pasted from a table is (`questions.mark_filled`) — so the conversation
goes on at the first question the file left open. The report is the unit's, the conversations are each clerk's: the
other clerks' conversations learn what the file answered too (`colleague_state`), told so with their next reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..formats import Format
from ..formats.questions import Question
from ..report import Report
from .colleagues import THE_DRAFTS, accepted_warnings, in_progress
from .context import DialogContext, json_copy, load_state
from .flow import Turn, question, relevant_questions
from .prose import refresh_offer
from .questions import mark_filled


@dataclass(frozen=True)
class TakenOver:
    state: dict[str, Any]  # the conversation, the questions the file answered marked answered
    report: Report  # the draft, derived cells computed
    answered: tuple[Question, ...]  # the questions the file answered
    still_open: tuple[Question, ...]  # the questions that apply and are left to answer

    @property
    def still_open_labels(self) -> list[str]:
        """The questions left, as the reply lists them: 【2.3】行政许可、处罚、强制."""
        return [f"【{q.code}】{q.title}" for q in self.still_open]


def has_typed(report: Report, fmt: Format) -> bool:
    """Whether a draft holds anything someone gave: a cell that is not a sum, or the text of a part a question asks
    for (the opening the assistant drafts of itself, and the sums it computes, are nobody's answer)."""
    if not report.cells.keys().isdisjoint(fmt.typed_cell_ids):
        return True
    asked = {q.slot for q in fmt.questions if q.slot}
    return any((report.text.get(slot) or "").strip() for slot in asked)


def draft_from_file(found: Report, fmt: Format, kept: Report | None = None) -> Report:
    """The draft a file gives: the numbers it was read with (the sums are computed, not copied), and the text of the
    parts read. A cell not found, or printed blank, stays unknown. `kept`: the draft it replaces, whose paragraphs no
    question asks for (the opening the assistant drafted) stay where the file has none."""
    typed = set(fmt.typed_cell_ids)
    cells = {c: v for c, v in found.cells.items() if v is not None and c in typed and c not in found.not_found}
    text = {slot: body.strip() for slot, body in found.text.items()
            if body.strip() and slot not in found.not_found}
    if kept is not None:
        asked = {q.slot for q in fmt.questions if q.slot}
        text |= {slot: body for slot, body in kept.text.items() if slot not in asked and slot not in text and body}
    return Report(kept.unit if kept else found.unit, kept.unit_kind if kept else found.unit_kind, found.year, cells,
                  text, found.format_id)


def take_over(state: dict[str, Any] | None, found: Report, ctx: DialogContext, draft: Report | None = None
              ) -> TakenOver:
    """The conversation and the draft once the file's report has become the draft (the caller checked that the
    draft held nothing typed, and that the report is not handed in). `draft`: the draft it replaces, if any."""
    turn = Turn(ctx, load_state(state, copy=True, ctx=ctx), draft or Report(found.unit, found.unit_kind, found.year))
    return take_over_turn(turn, found)


def take_over_turn(turn: Turn, found: Report) -> TakenOver:
    """`take_over` within a step (the clerk's 导入): the turn's report replaced by the file's, every answer the
    conversation held forgotten, the questions the file answered marked answered."""
    turn.report = draft_from_file(found, turn.fmt, kept=turn.report)
    turn.state.update(cur=None, editing=False, pending=None, queue=[], keep=None, skipped=[], partial={},
                      answered=[], gates={}, choices={}, offered={}, checked={}, as_drafted={}, drafting=None,
                      file_offer=None, colleague_file=None, by={}, colleague_news=None)
    mark_filled(turn, set(turn.report.cells))
    for q in turn.fmt.questions:
        if q.kind == "prose" and (turn.report.text.get(q.slot) or "").strip():
            turn.state["answered"].append(q.code)
    relevant = relevant_questions(turn.ctx, turn.state)
    answered = tuple(q for q in relevant if q.code in turn.state["answered"])
    still_open = tuple(q for q in relevant if q.code not in turn.state["answered"])
    return TakenOver(turn.state, turn.derived(), answered, still_open)


def offer_file(state: dict[str, Any] | None, name: str, found: Report) -> dict[str, Any]:
    """The conversation holding this year's file on offer: the clerk's 导入 replaces the filled draft with it (the
    step reads it back from the state; any message but 导入 and the read-only commands drops it)."""
    offered = load_state(state, copy=True)
    offered["pending"] = "import"
    offered["file_offer"] = {"name": name, "report": found.to_dict()}
    return offered


# the event a step reports when 导入 took a file over (`TAKEN_OVER_EVENT:<file name>`): the edge then tells the unit's
# other clerks (`colleague_state`), as it does after a file taken over outside a step
TAKEN_OVER_EVENT = "taken_over"


def colleague_state(state: dict[str, Any] | None, taken: dict[str, Any], fmt: Format, by: str, name: str,
                    answered: int, ctx: DialogContext | None = None, report: Report | None = None) -> dict[str, Any]:
    """Another clerk's conversation of the unit once `by` took the file `name` over as the draft (`taken`: the
    taker's conversation right after it): it knows what the draft holds as the taker's does, so it never asks
    again what the file answered; what the clerk was in the middle of (a paragraph's facts, a draft on offer, the
    question they were answering when it is still open) stays theirs. Their next reply says what happened first.
    With the taker's `ctx` and the `report` the file became, a draft of theirs on offer is drafted again with its
    numbers (`prose.refresh_offer`, as after a colleague's answer), told so, and shown again before 1 adopts it."""
    mine = load_state(state, copy=True, ctx=ctx)
    mine.update({key: json_copy(taken.get(key) or {}) for key in THE_DRAFTS})
    mine["warnings"] = {**mine["warnings"], **json_copy(accepted_warnings(taken))}  # the report's, as in `colleagues`
    mine["answered"] = list(taken["answered"])
    mine["by"] = dict.fromkeys(mine["answered"], by)  # the file's answers are the taker's
    done = set(mine["answered"])
    prose = {q.code for q in fmt.questions if q.kind == "prose"}
    working = in_progress(mine, prose)
    mine["partial"] = {code: sub for code, sub in mine["partial"].items() if code in prose}
    for held in ("offered", "checked"):
        mine[held] = {code: text for code, text in mine[held].items() if code not in done or code in working}
    mine["skipped"] = [code for code in mine["skipped"] if code not in done]
    cur = mine["cur"]
    q = question(fmt, cur[0]) if cur else None
    if cur and cur[0] not in working and (q is None or cur[0] in done or q.kind == "menu_rows"):
        # nothing of theirs at the question asked, answered now (or a result kind of the menu the file replaced):
        # their next message goes on at the first question left open
        mine.update(cur=None, editing=False, keep=None, zero_row=None)
    rewritten = refresh_offer(Turn(ctx, mine, report)) if ctx is not None and report is not None else None
    mine["colleague_file"] = {"by": by, "name": name, "answered": answered, "rewritten": rewritten}
    return mine

