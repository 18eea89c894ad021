"""Where the conversation is: the questions that apply, their sub-steps, the next one to ask, the progress."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..formats import Format
from ..formats.questions import Question
from ..incoming import Reply
from ..report import Report, changed_cells, with_derived
from .context import DialogContext

Position = tuple[str, int]  # (question code, sub-step)


@dataclass
class Turn:
    """One step in the making: everything a handler reads and the little it may change."""

    ctx: DialogContext
    state: dict[str, Any]
    report: Report
    parts: list[str] = field(default_factory=list)  # the passive reply, paragraph by paragraph
    extra: list[Reply] = field(default_factory=list)  # long text and files, sent through the API
    log: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    findings_shown: bool = False  # the report's errors were listed in this reply already
    pasted: bool = False  # the reply was a block pasted from a table: it may fill other questions than the one asked
    # the cells the answer filled when they are not the ones asked (部分公开的是… where 予以公开 is asked): its errors
    typed_instead: tuple[str, ...] | None = None
    # the message as the clerk typed it, before a typo in it was read as the word meant: 用我的原文 adopts it as written
    as_typed: str = ""
    # the slots the step wrote of itself (the preface drafted, a held draft brought up to date), not the clerk
    redrafted: set[str] = field(default_factory=set)
    # (report, its cells, its text, with_derived of it): the checks, drafts and the step's result read the derived
    # report several times a message; it is summed again only once an answer has changed the report
    _derived: tuple[Report, dict, dict, Report] | None = field(default=None, repr=False, compare=False)
    # (the derived report, the draft's inputs, the draft): the last paragraph drafted in this step
    drafted: tuple[Report, tuple, str] | None = field(default=None, repr=False, compare=False)
    # what every draft is made from, as the step found it (`prose.draft_inputs`): unchanged at its end, no paragraph
    # held as drafted can be stale, and none is fingerprinted again
    drafts_read: tuple | None = field(default=None, repr=False, compare=False)
    # prose code → (its facts as `state["facts"]` held them when read, a copy; those facts as the drafter reads them):
    # every draft reads every part's facts, every fingerprint of a draft its own, a dozen times a message. Held while
    # the state holds equal facts for the code: an answer that changes them (`prose._keep_facts`, a new state) is
    # seen by the comparison, whichever way it changed them (see `prose.facts_text`)
    facts_texts: dict[str, tuple[Any, str]] = field(default_factory=dict, repr=False, compare=False)
    # (the report's cells when read, a copy; the figures a draft's fingerprint writes of them, `prose._figures`): a
    # step fingerprints its drafts two or three times (the one adopted, those held, the one offered), its cells mostly
    # unchanged in between. Held while the cells compare equal to the copy, as `derived` holds the derived report:
    # the comparison costs a fifth of reading the figures again
    figures: tuple[dict, str] | None = field(default=None, repr=False, compare=False)

    @property
    def fmt(self) -> Format:
        return self.ctx.fmt

    def derived(self) -> Report:
        """`with_derived(self.report)`, computed once while the report stays as it is. Read it, do not change it."""
        held, report = self._derived, self.report
        if held is None or held[0] is not report or held[1] != report.cells or held[2] != report.text:
            since = (held[3], changed_cells(held[1], report.cells)) if held is not None and held[0] is report \
                else None
            derived = with_derived(report, self.fmt, since)
            held = self._derived = (report, dict(report.cells), dict(report.text), derived)
        return held[3]

    def hold_as_derived(self, unchanged: Report | None = None) -> None:
        """The report as it stands has its derived cells computed already (`step` derived it): `derived()` returns a
        copy of it until an answer changes it, instead of summing again. `unchanged`: a report equal to it that
        nobody changes while the turn lasts (the step's own input, which it only reads), held as that copy: two
        copies of every cell spared."""
        report = self.report
        if unchanged is None:
            self._derived = (report, dict(report.cells), dict(report.text), report.copy())
        else:
            self._derived = (report, unchanged.cells, unchanged.text, unchanged)

    def say(self, text: str) -> None:
        if text:
            self.parts.append(text.strip())


@cache
def _index(fmt: Format) -> dict[str, Question]:
    return {q.code: q for q in fmt.questions}


def question(fmt: Format, code: str) -> Question | None:
    return _index(fmt).get(code)


def menu_rows_question(fmt: Format, menu_code: str) -> Question | None:
    return next((q for q in fmt.questions if q.kind == "menu_rows" and q.menu == menu_code), None)


def cells_of(fmt: Format, q: Question) -> tuple[str, ...]:
    """The cells a question fills; a menu_rows question owns every row it could be asked about."""
    if q.kind == "menu_rows":
        menu = question(fmt, q.menu)
        return tuple(f"{q.table}.{r}.{c}" for r in (menu.rows if menu else ()) for c in q.columns)
    if q.kind == "menu":
        rows = menu_rows_question(fmt, q.code)
        return cells_of(fmt, rows) if rows else ()
    return q.cells


def previous_text(ctx: DialogContext, slot: str) -> str:
    return (ctx.previous.text.get(slot) or "").strip() if ctx.previous and slot else ""


def has_facts_stage(ctx: DialogContext, q: Question) -> bool:
    return bool(q.facts_prompt) and not q.facts_from and not previous_text(ctx, q.slot)


def is_relevant(fmt: Format, state: dict[str, Any], q: Question) -> bool:
    if q.gate and state["gates"].get(q.gate) is False:
        return False
    if q.kind == "menu_rows" and q.menu in state["answered"] and not state["choices"].get(q.menu):
        return False
    if q.kind == "menu_rows" and q.menu in state["skipped"]:
        return False  # the kinds it counts were skipped: it is asked once they are chosen, never for an unnamed kind
    return True


def sub_count(ctx: DialogContext, state: dict[str, Any], q: Question) -> int:
    if q.kind == "menu_rows":
        return max(len(state["choices"].get(q.menu) or []), 1)
    if q.kind == "prose":
        return 2 if has_facts_stage(ctx, q) else 1
    return 1


def first_sub(ctx: DialogContext, q: Question) -> int:
    """Prose without a facts stage starts at the offer, which is sub-step 1 for every prose question."""
    return 1 if q.kind == "prose" and not has_facts_stage(ctx, q) else 0


def relevant_questions(ctx: DialogContext, state: dict[str, Any]) -> list[Question]:
    fmt = ctx.fmt
    return [q for q, conditional in zip(fmt.questions, _conditional(fmt), strict=True)
            if not conditional or is_relevant(fmt, state, q)]


def _conditional(fmt: Format) -> tuple[bool, ...]:
    """For each of the format's questions, whether it may not apply (`is_relevant` reads a gate or a menu for it):
    the others always apply, and a message lists the questions that apply several times (held per format)."""
    return fmt._held("_conditional_questions", lambda: tuple(bool(q.gate) or q.kind == "menu_rows"
                                                              for q in fmt.questions))


def steps(ctx: DialogContext, state: dict[str, Any]) -> list[Position]:
    out: list[Position] = []
    for q in relevant_questions(ctx, state):
        start = first_sub(ctx, q)
        out.extend((q.code, start + i) for i in range(sub_count(ctx, state, q)))
    return out


def next_position(ctx: DialogContext, state: dict[str, Any]) -> Position | None:
    """The first question not yet answered nor skipped, at the sub-step it reached."""
    for q in relevant_questions(ctx, state):
        if q.code in state["answered"] or q.code in state["skipped"]:
            continue
        return q.code, max(state["partial"].get(q.code, 0), first_sub(ctx, q))
    return None


def unanswered(ctx: DialogContext, state: dict[str, Any]) -> list[Question]:
    return [q for q in relevant_questions(ctx, state) if q.code not in state["answered"]]


def progress(ctx: DialogContext, state: dict[str, Any], pos: Position) -> tuple[int, int]:
    """第 n/m 题: n is the question's place among the questions that apply now, m how many apply — the numbering the
    clerk sees in 进度, whichever way the question was reached (in order, 修改, 返回, 跳过, a return reason, a paste).

    A gate answered 否 then shrinks m, and the questions after it move up with it: n never counts answers given to
    questions further on. A gate answered 否 and asked again counts what it would open, so that 是 does not make
    m jump.
    """
    asked = question(ctx.fmt, pos[0])
    if asked is not None and asked.kind == "gate" and state["gates"].get(asked.code) is False:
        state = {**state, "gates": {k: v for k, v in state["gates"].items() if k != asked.code}}
    codes = [q.code for q in relevant_questions(ctx, state)]
    if pos[0] in codes:
        return codes.index(pos[0]) + 1, len(codes)
    passed = set(state["answered"]) | set(state["skipped"])  # not a question that applies: after the ones behind
    return min(sum(1 for c in codes if c in passed) + 1, len(codes)), len(codes)


def done_total(ctx: DialogContext, state: dict[str, Any]) -> tuple[int, int]:
    """(questions answered, questions that apply now), counted like 第 n/m 题."""
    relevant = relevant_questions(ctx, state)
    return sum(1 for q in relevant if q.code in state["answered"]), len(relevant)


def previous_position(ctx: DialogContext, state: dict[str, Any], pos: Position | None) -> Position | None:
    all_steps = steps(ctx, state)
    if pos is None:
        return all_steps[-1] if all_steps else None
    if pos not in all_steps:
        return None
    i = all_steps.index(pos)
    return all_steps[i - 1] if i > 0 else None


def table_questions(fmt: Format, table: str) -> list[Question]:
    return [q for q in fmt.questions if q.table == table]


def table_complete(ctx: DialogContext, state: dict[str, Any], table: str) -> bool:
    return all(
        q.code in state["answered"] for q in table_questions(ctx.fmt, table) if is_relevant(ctx.fmt, state, q)
    )


def mark_answered(state: dict[str, Any], code: str) -> None:
    if code not in state["answered"]:
        state["answered"].append(code)
    state["last_answered"] = code  # answered again (修改 2.2 …) it is the one a 不对 right after speaks of
    if code in state["skipped"]:
        state["skipped"].remove(code)
    state["partial"].pop(code, None)


def unmark(state: dict[str, Any], code: str) -> None:
    if code in state["answered"]:
        state["answered"].remove(code)
    state["partial"].pop(code, None)


def owners(fmt: Format, cell_or_slot: str) -> list[str]:
    """The questions whose answers set a cell (or a derived cell's addends) or draft a prose slot."""
    return list(_owner_index(fmt).get(cell_or_slot, ()))


@cache
def _owner_index(fmt: Format) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for q in fmt.questions:
        if q.kind in ("gate", "menu"):
            continue
        for cell in cells_of(fmt, q):
            index.setdefault(cell, []).append(q.code)
        if q.slot:
            index.setdefault(q.slot, []).append(q.code)
    for s in fmt.sums + fmt.sums:  # twice: a total of totals needs the totals first
        if not index.get(s.target):
            codes = [c for a in s.addends for c in index.get(a, ())]
            index[s.target] = list(dict.fromkeys(codes))
    return {k: tuple(v) for k, v in index.items()}
