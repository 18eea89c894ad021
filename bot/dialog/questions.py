"""Asking a question and reading its answer, one small function per kind of question."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any

from .. import drafting, messages
from ..formats import Balance, Format
from ..formats.questions import Question
from ..incoming import Deferred, Reply
from ..parse import (
    LABEL_SYNONYMS,
    ParseError,
    beyond_bounds,
    counts_said_with_choices,
    explain,
    is_zero_statement,
    label_alone,
    label_of_one_case,
    label_words,
    normalise,
    parse_choices,
    parse_labelled,
    parse_number,
    parse_row,
    parse_yes_no,
    without_fillers,
)
from ..report import Number, known_values, with_derived
from ..spoken import END_PARTICLES
from ..units import TOWNSHIP_SELF_WORDS, unit_kind
from . import corrections, facts, paste, prose, several
from .flow import (
    Position,
    Turn,
    cells_of,
    is_relevant,
    mark_answered,
    menu_rows_question,
    progress,
    question,
    relevant_questions,
    unmark,
)
from .row_named import asked_clauses, named_words, row_named_instead, said_before_named

_CONFIRM_WORDS = ("确认", "是", "对", "确定")
_SHORT_MENU = 6  # a menu this short is shown again whole after a reply it could not read


# --- asking ------------------------------------------------------------------------------------------------------


def ask(turn: Turn, pos: Position, again: bool = False) -> None:
    """Put the question at `pos`; asked `again` after a reply it could not read, a long menu is not repeated."""
    turn.state["cur"] = [pos[0], pos[1]]
    q = question(turn.fmt, pos[0])
    if q is None:
        return
    n, total = progress(turn.ctx, turn.state, pos)
    text = _menu_again(turn, q) if again and q.kind == "menu" and len(q.rows) > _SHORT_MENU else body(turn, q, pos[1])
    turn.say(messages.question(q.code, _title(turn, q, pos[1]), n, total, text))


def _menu_again(turn: Turn, q: Question) -> str:
    """The long menu is not repeated after a reply it could not read; right after the gate's 是, “none” means 返回."""
    codes = [x.code for x in turn.fmt.questions]
    after_gate = bool(q.gate) and codes.index(q.code) > 0 and codes[codes.index(q.code) - 1] == q.gate
    return messages.say("menu_again", prompt=q.prompt.rstrip("：:"), after_gate=after_gate)


def _title(turn: Turn, q: Question, sub: int) -> str:
    if q.kind == "menu_rows":
        row = _chosen_row(turn, q, sub)
        if row:
            return f"{q.title}·{turn.fmt.table(q.table).row(row).short}"
    return q.title


def body(turn: Turn, q: Question, sub: int) -> str:
    prompt = q.prompt.format(**_prompt_words(turn, q.prompt))
    if q.kind == "menu":
        table = turn.fmt.table(q.table)
        items = [
            {"n": i, "short": table.row(key).short, "explain": table.row(key).explain} for i, key in enumerate(q.rows, 1)
        ]
        return messages.say("menu", prompt=prompt, items=items)
    if q.kind == "menu_rows":
        row = _chosen_row(turn, q, sub)
        name = turn.fmt.table(q.table).row(row).short if row else ""
        return f"「{name}」{prompt}"
    if q.kind == "prefill":
        values = _prefill_values(turn, q)
        if values is not None:
            shown = "、".join(f"{label} {v}" for label, v in zip(q.labels, values, strict=False))
            return f"{prompt}\n" + messages.say("prefill", total=sum(values), values=shown)
    if q.kind == "computed":
        return _computed_body(turn, q, prompt)
    if q.kind == "prose":
        return _prose_body(turn, q, sub)
    return prompt


def _prompt_words(turn: Turn, prompt: str) -> dict[str, Any]:
    """The words `prompt` names, and only those: the 规章 note is a template rendered for the one question that
    shows it, not for every question asked."""
    words: dict[str, Callable[[], Any]] = {
        "year": lambda: turn.report.year, "unit": lambda: turn.ctx.unit,
        "self_word": lambda: prose.self_word(turn.ctx, turn.report), "regulations_note": lambda: regulations_note(turn),
    }
    return {name: word() for name, word in words.items() if f"{{{name}}}" in prompt}


def regulations_note(turn: Turn) -> str:
    """Only some kinds of unit make 规章 (R7): the others are told so where they are asked."""
    kind = unit_kind(turn.ctx.unit_kind or turn.report.unit_kind)
    return "" if kind is None or kind.makes_regulations else messages.say("regulations_note", kind=kind.name)


def _computed_body(turn: Turn, q: Question, prompt: str) -> str:
    values, lines, negatives = computed_values(turn, q)
    results = menu_rows_question(turn.fmt, _menu_code(turn, q)) if _menu_code(turn, q) else None
    new = next((x for x in turn.fmt.questions if x.table == q.table and x.kind == "row"), None)
    return messages.say(
        "computed", prompt=prompt, lines=lines, negatives=negatives,
        fix_results=results.code if results else q.code, fix_new=new.code if new else q.code,
        missing=_inputs_missing(turn, q) if None in values else [],
    )


def _inputs_missing(turn: Turn, q: Question) -> list[str]:
    """The questions of the table a computed question waits on (skipped or not reached): its result cannot be known
    before they are answered."""
    return [x.code for x in turn.fmt.questions
            if x.table == q.table and x is not q and x.kind != "gate" and is_relevant(turn.fmt, turn.state, x)
            and x.code not in turn.state["answered"]] or [q.code]


def _menu_code(turn: Turn, q: Question) -> str:
    menu = next((x for x in turn.fmt.questions if x.table == q.table and x.kind == "menu"), None)
    return menu.code if menu else ""


def _prose_body(turn: Turn, q: Question, sub: int) -> str:
    if sub == 0:
        prompt = q.facts_prompt
        if q.people_government_prompt and prose.is_people_government(turn.ctx):
            prompt = q.people_government_prompt
        # 五 must name real problems: "无" is asked again there, "默认" takes the usual wording; the facts given
        # before (返回 from the draft) are listed, so the question never reads as if nothing had been said
        return messages.say("facts", prompt=prompt, example=q.facts_example, must_answer=q.drafter == "problems",
                            held=prose.shown_facts(turn, prose.facts_of(turn, q)))
    turn.state.pop(prose.REWRITTEN, None)  # the draft a colleague's change rewrote is shown: 1 adopts it now
    checked = (turn.state.get("checked") or {}).get(q.code)
    if checked:
        turn.state["offered"][q.code] = checked  # the clerk's own text, corrected: 1 adopts it
        prose.note_offer(turn, q, drafted=False)
        return messages.say("draft_checked", text=checked)
    current = (turn.report.text.get(q.slot) or "").strip()
    items = prose.facts_of(turn, q)
    # a paragraph drafted from the facts whose tables have changed since (处罚5件, now 6) is drafted again from the
    # same facts: 1 would keep numbers the report no longer holds
    if turn.state.get("keep") == q.code and current and not (items and _states_old_numbers(turn, q, current)):
        turn.state["offered"][q.code] = current  # 1 keeps it
        # a draft held as drafted (the template's or a model's) stays held when kept: it is drafted again when what
        # it draws on changes, as it was before it was shown again
        prose.note_offer(turn, q, drafted=prose.held_as_drafted(turn, q, current))
        return messages.say("draft_current", text=current, facts=prose.shown_facts(turn, items),
                            flagged=_flagged(turn, q, items))
    text = make_draft(turn, q)
    turn.state["offered"][q.code] = text  # adopted as it is if the clerk answers before the model does
    prose.note_offer(turn, q, drafted=True)
    if waiting := prose.waiting_on(turn, q, text):
        return messages.say("draft_waiting", codes=waiting)
    facts_text = prose.facts_text(turn, q)
    # the model writes from the clerk's facts; a part the tables decide, or one without facts, keeps the template
    if turn.ctx.model_drafts and q.drafter not in prose.TABLE_DRAFTERS and drafting.model_facts(q.drafter, facts_text) \
            and not prose.reuses_last_year(turn.ctx, q, facts_text):
        return _request_model_draft(turn, q, facts_text, text)
    return offer_body(turn, q, text)


def _states_old_numbers(turn: Turn, q: Question, text: str) -> bool:
    """Whether `text` states numbers the tables no longer hold (R9 on the paragraph as it stands)."""
    return any(f.rule == "R9" for f in prose.answer_findings(turn, q.slot, text))


def offer_body(turn: Turn, q: Question, text: str) -> str:
    """The draft on offer, with the facts it was drafted from and what the clerk may do with it."""
    items = prose.facts_of(turn, q)
    shown_facts = prose.shown_facts(turn, items)
    flagged = _flagged(turn, q, items)
    facts_text = prose.facts_text(turn, q)
    gaps = prose.oversight_gaps(turn.ctx, q.slot, facts_text, text) if q.slot else []
    return messages.say(
        "draft_offer", draft=text, last_year=prose.reuses_last_year(turn.ctx, q, facts_text),
        rectified=any(f.startswith(facts.RECTIFIED) for f in items) if q.facts_from else False,
        old_counts=prose.last_years_counts(turn.ctx, q, text) if not facts_text else [],
        fresh_from_tables=q.drafter in prose.TABLE_DRAFTERS and prose.last_year_had_numbers(turn.ctx, q),
        fees_hint=q.drafter == "other" and not turn.state.get("fees_yuan"), gaps="、".join(gaps),
        offer_prompt=_offer_prompt(turn, q, items),
        facts=shown_facts, tables=q.drafter in prose.TABLE_DRAFTERS, flagged=flagged,
        findings=_draft_findings(turn, q, text, items),
    )


def _offer_prompt(turn: Turn, q: Question, items: list[str]) -> str:
    """The optional question asked with the draft (`Question.offer_prompt`), until it is answered: by notes on last
    year's problems (上年整改：) where the part drafts from another's facts (5.2 from 5.1's), else by any note."""
    if not q.offer_prompt:
        return ""
    answered = any(f.startswith(facts.RECTIFIED) for f in items) if q.facts_from else any(
        f != prose.NOTHING for f in items)
    return "" if answered else q.offer_prompt.format(rectified_mark=facts.RECTIFIED)


def _request_model_draft(turn: Turn, q: Question, facts: str, template: str) -> str:
    """A model-draft job (a Deferred reply the edge queues with this message); the draft arrives as an Incoming of
    kind "draft" and is offered then (`model_draft_arrived`)."""
    previous = turn.state.get("drafting")
    n = previous[1] + 1 if previous else 1
    # with what the draft is made from: a model draft is held as drafted as the template's is, and drafted again
    # when that changes (`prose.refresh_drafts`)
    turn.state["drafting"] = [q.code, n, prose.drafted_from(turn, q)]
    report = with_derived(turn.report, turn.fmt)
    inputs = drafting.model_inputs(q.drafter, facts, report, prose.voice(turn.ctx, report))
    # the area's unit names are not copied into every job: the job reads them from the store's cache
    args = {**inputs, "code": q.code, "n": n, "template": template}
    turn.extra.append(Reply(deferred=Deferred("model_draft", args)))
    return messages.say("draft_pending")


def model_draft_arrived(turn: Turn, key: str, text: str) -> None:
    """A model draft (or the template draft it fell back to): offered if the clerk still waits for it at that
    question; otherwise (they moved on, or asked again since) it is dropped without a word. It is held as drafted
    from what it was asked with, so that a later change to the facts or tables it draws on drafts it again; if that
    changed while the model wrote, the template draft of what stands now is offered instead."""
    code, _, n = key.partition("#")
    q = question(turn.fmt, code)
    drafting = turn.state.get("drafting") or []
    if q is None or drafting[:2] != [code, int(n or 0)] or turn.state["cur"] != [code, 1]:
        return
    turn.state["drafting"] = None
    asked_with = drafting[2] if len(drafting) > 2 else None
    if asked_with is not None and asked_with != prose.drafted_from(turn, q):
        text = make_draft(turn, q)  # the model wrote from facts or figures that have changed since
    turn.state["offered"][code] = text
    prose.note_offer(turn, q, drafted=asked_with is not None)
    pos = (code, 1)
    count, total = progress(turn.ctx, turn.state, pos)
    turn.say(messages.question(q.code, _title(turn, q, 1), count, total, offer_body(turn, q, text)))


# words of a return reason that find fault with something written (市长热线不属于主动公开，请删除); a reason without
# them asks for more (请写明公众号名称), and the fact the clerk adds in answer is no fact to remove
_FAULT_FOUND = re.compile(r"删|去掉|去除|不属于|不是|不应|不宜|不要|有误|错误|错了|不对|不准确|不实|不符|核实|核对|多余|重复")


def _flagged(turn: Turn, q: Question, items: list[str]) -> list[dict[str, Any]]:
    """The facts a return reason finds fault with (市长热线 …), numbered: the clerk is led to remove or change them.
    A fact the clerk has written with 改 N since the return is mended, even in words the reason shares."""
    said = turn.ctx.returned_reason or "" if turn.ctx.status == "returned" else ""
    # only the clauses that find fault: 监督保障要写社会评议结果 asks for the 社会评议 the clerk then adds, though
    # the reason's next clause (六里面…重复了) finds fault with something else
    reason = "，".join(c for c in re.split(r"[，,；;。！!？?\n]", said) if _FAULT_FOUND.search(c))
    if not reason:
        return []
    mended = (turn.state.get("mended") or {}).get(q.code) or []
    out = []
    for n, fact in enumerate(items, 1):
        words = facts.words_shared(reason, fact) if reason and fact not in mended else ""
        if words:
            out.append({"n": n, "words": words})
    return out


def _draft_findings(turn: Turn, q: Question, text: str, items: list[str]) -> list[dict[str, Any]]:
    """The checks as-you-type on the draft on offer, each with the number of the fact it comes from."""
    return [{"message": f.message, "n": _fact_quoted(re.findall(r"“([^”]+)”", f.message), items)}
            for f in prose.answer_findings(turn, q.slot, text)]


def _fact_quoted(quotes: list[str], items: list[str]) -> int:
    """The number of the fact a finding quotes (0: none): the fact holding its first quote whole (the word flagged,
    “县里”), else the one sharing the longest run with any quote. Taking the first fact to share two characters with
    the context quote pointed at 纳入考核 for a 县里 in 年底县里考核…得了优秀."""
    for quote in quotes:
        whole = next((i for i, fact in enumerate(items, 1) if quote.strip("…") and quote.strip("…") in fact), 0)
        if whole:
            return whole
    shared = [(max((len(facts.words_shared(quote, fact, 2)) for quote in quotes), default=0), -i)
              for i, fact in enumerate(items, 1)]
    best, i = max(shared, default=(0, 0))
    return -i if best else 0


def make_draft(turn: Turn, q: Question) -> str:
    return prose.draft_for(turn, q)


def _chosen_row(turn: Turn, q: Question, sub: int) -> str:
    chosen = turn.state["choices"].get(q.menu) or []
    return chosen[sub] if 0 <= sub < len(chosen) else ""


def shows_last_years(turn: Turn, q: Question) -> bool:
    """Whether the question is asked with last year's numbers shown to confirm (上年结转 from 结转下年度)."""
    return q.kind == "prefill" and _prefill_values(turn, q) is not None


def _prefill_values(turn: Turn, q: Question) -> list[Number] | None:
    previous = turn.ctx.previous
    if previous is None or not q.prefill or any(previous.cells.get(c) is None for c in q.prefill):
        return None
    return [previous.cells[c] for c in q.prefill]  # type: ignore[misc]


def computed_cells(turn: Turn, q: Question) -> list[Number]:
    """The values of `computed_values` alone (nothing said): what a computed question's cells should hold."""
    get = turn.derived().cells.get
    values = []
    for cell_id in q.cells:
        balance = _balance_closed_by(turn.fmt, cell_id)
        if balance is None:
            value = get(cell_id)
            values.append(0 if value is None else value)
        else:  # blank or missing cells count 0, as Report.value has it
            plus = [v for v in map(get, balance.left) if v is not None]
            minus = [v for c in balance.right if c != cell_id and (v := get(c)) is not None]
            values.append(sum(plus, 0) - sum(minus, 0))
    return values


@cache
def _balance_closed_by(fmt: Format, cell_id: str) -> Balance | None:
    return next((b for b in fmt.balances if cell_id in b.right), None)


@cache
def _terms(fmt: Format, cell_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The cells a computed cell is added from and taken from (the balance it closes); itself alone without one."""
    balance = _balance_closed_by(fmt, cell_id)
    if balance is None:
        return (cell_id,), ()
    return tuple(balance.left), tuple(c for c in balance.right if c != cell_id)


def computed_values(turn: Turn, q: Question) -> tuple[list[Number | None], list[str], list[str]]:
    """Each cell from the balance it closes (一 + 二 − 三 for 结转下年度), with the arithmetic shown; None (shown
    未填) where a cell it is computed from is not known yet, its question skipped: never computed as if it were 0."""
    report = turn.derived()
    terms = {cell_id: _terms(turn.fmt, cell_id) for cell_id in q.cells}
    asked = [c for plus, minus in terms.values() for c in (*plus, *minus)]
    known = dict(zip(asked, known_values(report, turn.fmt, asked), strict=True))  # every total read once
    values: list[Number | None] = []
    lines, negatives = [], []
    for cell_id, label in zip(q.cells, q.labels, strict=False):
        if _balance_closed_by(turn.fmt, cell_id) is None:
            values.append(known[cell_id])
            continue
        plus, minus = ([known[c] for c in side] for side in terms[cell_id])
        if any(v is None for v in plus + minus):
            values.append(None)
            lines.append(f"{label} {messages.text('dialog', 'not_filled')}")
            continue
        value = sum(plus) - sum(minus)  # type: ignore[arg-type]
        values.append(value)
        arithmetic = " + ".join(str(v) for v in plus) + "".join(f" − {v}" for v in minus) + f" = {value}"
        lines.append(f"{label} {value}")
        if value < 0:
            negatives.append(messages.text("dialog", "negative_carry", label=label, arithmetic=arithmetic))
    return values, lines, negatives


def current_values(turn: Turn, q: Question) -> list[str]:
    """What a question holds now, in the form it is typed (“规章 0 0 0”), one item per row; [] when it holds nothing
    yet (or is prose, whose current text is shown by the question itself)."""
    if q.kind == "gate":
        held = turn.state["gates"].get(q.code)
        return [] if held is None else [messages.text("dialog", "current_gate", title=q.title, yes=held)]
    if q.kind == "menu":
        chosen = turn.state["choices"].get(q.code)
        if chosen is None:
            return []
        table = turn.fmt.table(q.table)
        names = [f"{q.rows.index(r) + 1}. {table.row(r).short or table.row(r).label}" for r in chosen]
        return [messages.text("dialog", "current_menu", title=q.title, names=names)]
    if q.kind == "menu_rows":
        table = turn.fmt.table(q.table)
        rows = turn.state["choices"].get(q.menu) or []
        return [_typed_form(turn, table.row(r).short or table.row(r).label, tuple(f"{q.table}.{r}.{c}" for c in q.columns))
                for r in rows if any(turn.report.cells.get(f"{q.table}.{r}.{c}") is not None for c in q.columns)]
    if q.kind in ("row", "prefill", "computed", "amount") and any(turn.report.cells.get(c) is not None for c in q.cells):
        return [_typed_form(turn, q.title, q.cells) + (" 万元" if q.kind == "amount" else "")]
    return []


def _typed_form(turn: Turn, title: str, cells: tuple[str, ...]) -> str:
    """规章 0 0 0: the numbers in the order they are typed; a cell not yet known reads 未填."""
    values = [turn.report.cells.get(c) for c in cells]
    shown = [messages.text("dialog", "not_filled") if v is None else _plain_number(v) for v in values]
    return f"{title} {' '.join(shown)}"


def _plain_number(value: Any) -> str:
    return format(value.normalize(), "f") if isinstance(value, Decimal) else str(value)


def say_current(turn: Turn, q: Question) -> None:
    """Before a question is asked again (修改, 返回, a return reason): what it holds now."""
    values = current_values(turn, q)
    if values:
        turn.say(messages.say("edit_current", values=values))


# --- answering ---------------------------------------------------------------------------------------------------


def typed_cells(turn: Turn, q: Question, sub: int) -> tuple[str, ...]:
    """The cells a reply to `q` at `sub` types: a number question's own, or the one chosen row being asked."""
    if q.kind == "menu_rows":
        row = _chosen_row(turn, q, sub)
        return tuple(f"{q.table}.{row}.{c}" for c in q.columns) if row else ()
    return q.cells if q.kind in ("row", "prefill", "amount", "computed") else ()


def answer(turn: Turn, q: Question, sub: int, text: str) -> bool:
    """Read the reply to `q`; True when it was accepted (the caller moves on), False when the question stands."""
    if q.kind != "prose":  # a prose answer is corrected where it is read (`prose.answer`)
        text = corrections.corrected(text)  # 3件，不对，4件: the corrected count is the answer
    if q.kind != "prose" and paste.looks_pasted(text):
        if _answer_paste(turn, q, text):
            return True
    typed = text
    if q.kind not in _FILLERS_MEAN_SOMETHING:
        text = without_fillers(text)  # 嗯 都是零吧, 1 11 吧: the words around the numbers are none of them
    accepted = _HANDLERS[q.kind](turn, q, sub, text)
    if text != typed and turn.log and turn.log[-1] == f"{q.code} {text}":
        turn.log[-1] = f"{q.code} {typed}"  # the log keeps the reply as typed
    return accepted


# a prose part keeps every word for its draft; at a 是/否 question 嗯 is a yes
_FILLERS_MEAN_SOMETHING = ("prose", "gate")


def _reject(turn: Turn, q: Question, text: str, error: ParseError | None = None, message: str = "",
            example: str = "") -> bool:
    """`example`: a reply the question accepts as it stands (a computed row's own values), else the format's."""
    turn.log.append(f"{q.code} {text}")
    if error is not None and error.code == "empty" and not error.token and normalise(text):
        error = dataclasses.replace(error, code="not_a_number", token=normalise(text))  # ？: typed, only not read
    if error is not None:
        above = _values_above(turn, q) if error.code == "same_as_above" else ""
        example = example or above or _example_of_one_number(q, error) or q.example
        message = explain(error, list(q.labels) or None, example or None)
    turn.say(message)
    return False


def _values_above(turn: Turn, q: Question) -> str:
    """The numbers of the row above the one asked, as they would be typed (同上 at 规范性文件: 规章's 0 0 0): the result
    kind answered before this one, or the question before with the same columns; '' when there is none filled."""
    if q.kind == "menu_rows":
        sub = int((turn.state["cur"] or [q.code, 0])[1])
        chosen = turn.state["choices"].get(q.menu) or []
        cells = [f"{q.table}.{chosen[sub - 1]}.{c}" for c in q.columns] if 0 < sub <= len(chosen) else []
    else:
        at = turn.fmt.questions.index(q)
        before = turn.fmt.questions[at - 1] if at else None
        cells = list(before.cells) if before is not None and before.labels == q.labels and before.cells else []
    values = [turn.report.cells.get(c) for c in cells]
    return " ".join(str(v) for v in values) if values and None not in values else ""


def _example_of_one_number(q: Question, error: ParseError) -> str:
    """One number typed where several are asked: a row made of it, in the first column it may be of (the first
    column named, else the first), the others 0 — '' for any other error."""
    if error.code != "count_mismatch" or error.got != 1 or not error.token or error.want != "row" or not error.expected:
        return ""
    at = list(q.labels).index(error.named[0]) if error.named and error.named[0] in q.labels else 0
    return " ".join(error.token if i == at else "0" for i in range(error.expected))


def set_cells(turn: Turn, values: dict[str, Any]) -> None:
    for cell_id, value in values.items():
        turn.report.cells[cell_id] = value


def _kind(turn: Turn, q: Question, cells: tuple[str, ...]) -> str:
    return turn.fmt.cell(cells[0]).kind if cells else "count"


def _with_total(turn: Turn, cells: tuple[str, ...]) -> bool:
    """The cells are the addends of a printed 总计: a row typed as printed, total last, is read too."""
    return any(set(s.addends) == set(cells) for s in turn.fmt.sums)


def read_row(turn: Turn, q: Question, cells: tuple[str, ...], text: str) -> list[Number] | ParseError:
    """A row of numbers in column order, or named by column (“自然人3件，企业1件”: the others 0); a number beyond
    its cell's plausible bound is an error like any other."""
    values = _read_row(turn, q, cells, text)
    return values if isinstance(values, ParseError) else within_bounds(turn, cells, values)


def _read_row(turn: Turn, q: Question, cells: tuple[str, ...], text: str) -> list[Number] | ParseError:
    kind = _kind(turn, q, cells)
    if is_zero_statement(text, sorted(label_words(q.labels)) + sorted(several.names_of(turn.fmt, q))):
        return [0] * len(cells) if kind == "count" else [Decimal(0)] * len(cells)
    unnamed = several.strip_own_name(turn.fmt, q, text)
    one_case = label_of_one_case(unnamed, q.labels) if q.one_by_column_named and len(q.labels) == len(cells) else None
    if one_case is not None:
        return [int(i == one_case) for i in range(len(cells))]  # 那件还没判: the one case asked about, not yet judged
    if len(q.labels) == len(cells):
        held = _held_row(turn, cells)
        own = sorted(several.names_of(turn.fmt, q))
        # 规范性文件发了2个…: the columns after the row's own name; 新收：自然人10个…: after a heading of the clerk's
        headed = _TYPED_HEADING.sub("", normalise(text))
        for typed in dict.fromkeys((text, unnamed, headed)):
            labelled = parse_labelled(typed, q.labels, kind, held, own)  # type: ignore[arg-type]
            if labelled is not None:
                return labelled
    text = unnamed
    return parse_row(text, len(cells), kind, _with_total(turn, cells), form_words(turn.fmt))  # type: ignore[arg-type]


@cache
def form_words(fmt: Format) -> frozenset[str]:
    """Every word of two characters or more that names a row, column or question of the form (许可, 结转, 复议): words
    typed with a row's numbers that name one of them are never set aside as chatter."""
    words: set[str] = set(label_words(tuple(c.label for t in fmt.tables for c in t.columns)))
    for table in fmt.tables:
        for row in table.rows:
            words.update((row.label, row.short, row.group, *row.aliases, *row.said, *row.short.split("·")))
    for q in fmt.questions:
        words.update((q.title, *q.title.split("、"), *q.mentions, *q.labels))
    words.update(w for synonyms in LABEL_SYNONYMS.values() for w in synonyms)
    return frozenset(w for w in words if len(w) >= 2)


# a heading a clerk types before a row named column by column (新收：, 上年结转的:)
_TYPED_HEADING = re.compile(r"^[\u3400-\u9fff]{1,8}的?\s*[:：]\s*")


def _held_row(turn: Turn, cells: tuple[str, ...]) -> list[Number] | None:
    """The row as it stands when every cell of it holds a number (answered, or prefilled): a reply naming some of its
    columns corrects those and keeps the rest. None for a row not yet filled in: the columns not named are 0."""
    values = [turn.report.cells.get(c) for c in cells]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def within_bounds(turn: Turn, cells: tuple[str, ...], values: list[Number]) -> list[Number] | ParseError:
    """The values, or the error naming the first one above the plausible bound the format declares for its cell."""
    declared = [turn.fmt.cell(c) for c in cells]
    kind = declared[0].kind if declared else "count"
    error = beyond_bounds(values, [c.maximum for c in declared], "row" if len(cells) > 1 else "number", kind)
    return values if error is None else error


def echo_row(title: str, labels: tuple[str, ...], values: list[Number]) -> str:
    """规章 本年制发件数 1、现行有效件数 3，其余为 0: what was recorded, short enough for a phone."""
    named = [f"{label} {v}" for label, v in zip(labels, values, strict=False) if v]
    if not named:
        return messages.text("dialog", "echo_all_zero", title=title, values=[str(v) for v in values])
    # labels that name themselves (行政许可 under “行政许可、处罚、强制”) need no title before them
    named_by_labels = all(label[-2:] in title for label in labels)
    return messages.text("dialog", "echo_row", title="" if named_by_labels else title, named="、".join(named), rest=len(named) < len(values))


def _say_recorded(turn: Turn, echo: str) -> None:
    turn.say(messages.say("recorded", echo=echo))


def _read_row_as_said(turn: Turn, q: Question, cells: tuple[str, ...], text: str) -> list[Number] | ParseError:
    """`read_row`, or one count said of one column in a sentence (新收8个，都是老百姓的) when nothing else is in it;
    a sentence with one count and no column gets that count shown as the row's first number to type."""
    values = read_row(turn, q, cells, text)
    if not isinstance(values, ParseError) or len(q.labels) != len(cells):
        return values
    loose = loose_row(turn, q, text, cells)
    if loose is not None and not _NUMERAL.search(loose[1]):
        return loose[0]
    unplaced = _one_count_unplaced(text, len(cells)) if values.code == "not_a_number" else None
    return unplaced or values


def _answer_row(turn: Turn, q: Question, sub: int, text: str) -> bool:
    values = _read_row_as_said(turn, q, q.cells, text)
    if isinstance(values, ParseError):
        return _reject(turn, q, text, values)
    set_cells(turn, dict(zip(q.cells, values, strict=True)))
    mark_answered(turn.state, q.code)
    _say_recorded(turn, echo_row(q.title, q.labels, values))
    return True


def _answer_amount(turn: Turn, q: Question, sub: int, text: str) -> bool:
    held = turn.state.get("amount_check") or {}
    if held.get("code") == q.code and normalise(text) in _CONFIRM_WORDS:
        value: Any = Decimal(held["value"])
    else:
        said = several.strip_own_name(turn.fmt, q, text)
        value = parse_number(said, "amount")
        if not isinstance(value, ParseError):
            value = within_bounds(turn, q.cells[:1], [value])
            value = value if isinstance(value, ParseError) else value[0]
        if isinstance(value, ParseError):
            return _reject(turn, q, text, _words_not_read(value, said))
        if value >= _implausible_amount(turn) and not _SAID_IN_WAN.search(normalise(text)):
            # 3500 typed by a township almost always means 元: ask before recording 3500 万元
            turn.state["amount_check"] = {"code": q.code, "value": str(value)}
            turn.say(messages.say("amount_check", value=value, in_wan=value / 10000))
            return False
    turn.state["amount_check"] = None
    set_cells(turn, {q.cells[0]: value})
    mark_answered(turn.state, q.code)
    turn.say(messages.say("recorded", echo=f"{q.title} {value} 万元"))
    return True


# an amount typed in 万 (1.2万, 两万元): the 万 is its unit, ending it — the 万 of a numeral (一万二, 12000 as said) is not
_SAID_IN_WAN = re.compile(r"万元?\s*[。.!！~～]*$")


def _words_not_read(error: ParseError, said: str) -> ParseError:
    """Several words where one amount is asked (收了 零点五万): the words beside the one amount are named as not
    understood; several amounts (0.5 0.3) are shown — 「收到 2 个」 alone had not said what was received."""
    if error.code != "count_mismatch" or error.want != "number":
        return error
    words = normalise(said).split()
    joined = parse_number("".join(words), "amount")  # 零点五万 左右: one amount said roughly
    if isinstance(joined, ParseError) and joined.code == "approximate":
        return dataclasses.replace(joined, token=" ".join(words))
    unread = [w for w in words if isinstance(parse_number(w, "amount"), ParseError)]
    if unread and len(words) - len(unread) == 1:
        return ParseError("not_a_number", token=" ".join(unread), kind="amount")
    return dataclasses.replace(error, token="、".join(words))


def _implausible_amount(turn: Turn) -> Decimal:
    """万元 above which an amount is confirmed before it is recorded: a township collects little, a bureau more."""
    return Decimal(100) if turn.ctx.unit_kind in TOWNSHIP_SELF_WORDS else Decimal(10000)


def _answer_gate(turn: Turn, q: Question, sub: int, text: str) -> bool:
    yes, details = read_gate(text, _ASKED_WHETHER.sub("", q.title))
    if yes is None:
        return _reject(turn, q, text, message=messages.say("yes_no", counted=details, title=q.title))
    before = len(relevant_questions(turn.ctx, turn.state))
    set_gate(turn, q, yes)
    if yes:
        _say_recorded(turn, messages.text("dialog", "echo_yes", title=q.title))
        if details:
            spread_details(turn, q, details)
    else:
        skipped = before - len(relevant_questions(turn.ctx, turn.state))
        turn.say(messages.say("all_zero_on_no", what=_no_echo(turn, q), skipped=skipped))
    return True


# the 是/否 and what follows it: after a pause (a comma, 嗯, 啊), or a count or 收到 right after (有的嗯收到两个 …);
# 收到 heads a 是 only with its count right after it (收到3件): 收到，… is also WeCom's “noted”
_PAUSE = r"[\s,，。.、:：;；!！嗯呃啊哦噢]+"
_YES_NO_HEAD = re.compile(rf"^\s*(?:(是的|是|对|有的|有|否|不是|没有|没|无)(?:{_PAUSE}|(?=[就共只一二两三四五六七八九十\d]|收到))"
                          r"|(收到了?)(?=[就共只一二两三四五六七八九十\d]))(.+)$", re.S)
# 收到 then a pause: the clerk's “noted”, and the answer after it (收到了，今年没有 is 否)
_NOTED_FIRST = re.compile(rf"^\s*收到了?{_PAUSE}(.+)$", re.S)


# words before the 是/有/没有 that change nothing of it: a hedge or the subject (好像有两个申请, 今年没有)
_LEAD = re.compile(r"^(?:(?:好像|应该|大概|估计|可能|貌似|似乎|我记得|记得|印象中|我们|我镇|我乡|我街道|我单位|今年|本年度?|全年"
                   r"|一共|总共|嗯|呃|那个|是(?=有|没|无))[\s,，]*)+")


_ASKED_WHETHER = re.compile(r"^是否(?:有|收到)?")  # 是否有复议诉讼 asks about 复议诉讼


@lru_cache(maxsize=16)
def _subject_words(subject: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The gate's subject said before its 是 or 否 (复议和诉讼都没有), after it (有申请, 没有行政复议), and between 有 and
    a count (收到申请3件): the whole, its halves joined by 和/及/与/或, or either half alone (复议, 诉讼)."""
    first, second = subject[:2], subject[2:]
    joined = rf"{re.escape(first)}[和及与或、]?{re.escape(second)}" if len(second) >= 2 else re.escape(subject)
    halves = "|".join(re.escape(w) for w in dict.fromkeys((first, subject[-2:])))
    said = rf"(?:政府信息公开|信息公开|行政|依)?(?:{joined}|{halves})"
    return (re.compile(rf"^{said}[\s,，:：的]*"), re.compile(rf"的?{said}的?[{END_PARTICLES}]*$"),
            re.compile(rf"^(有|收到了?){said}(?=\s*[就共只一二两三四五六七八九十\d])"))


def read_gate(text: str, subject: str = "") -> tuple[bool | None, str]:
    """(是/否, the details typed after it): “是 就1件 自然人邮寄的” → (True, “就1件 自然人邮寄的”); a reply
    stating only zero (0, 都是0, 没有, or of the gate's `subject`: 复议诉讼都没有) is 否. A 否 that goes on to count
    something (没有，去年结转了1件; 没有诉讼，就一个复议) is neither: (None, the words that count it)."""
    noted = _NOTED_FIRST.match(_LEAD.sub("", normalise(text)))
    if noted:
        return _after_noted(noted.group(1), subject)
    yes, details = _read_gate(text, subject)
    if yes is True:
        return yes, details
    counted = _NO_THEN.match(_LEAD.sub("", normalise(text)))
    if counted and _counts_something(counted.group(1)):
        return None, counted.group(1).strip(" ,，。.；;")
    return yes, details


def _after_noted(rest: str, subject: str) -> tuple[bool | None, str]:
    """The answer after a leading 收到 and a pause: read on its own (收到。没有 is 否, 收到，有2件 is 是), or a bare
    count (收到了，3件) is a 是 with its count; anything else (收到，我看一下) is no answer yet."""
    yes, details = read_gate(rest, subject)
    if yes is None and not details and _A_COUNT.match(rest.strip()) and not _NEGATED_AFTER.search(rest):
        return True, rest.strip()
    return yes, details


# a 否, what it denies, a pause and what follows (没有，去年结转了1件; 没有诉讼，就一个复议): the words after the pause
_NO_THEN = re.compile(r"^(?:没有|没|无|否|不是)[^,，。.;；\s]{0,8}[,，。.;；\s]+(.+)$", re.S)
# a count above zero said with what it counts (1件, 一个复议, 两起); one negated (一件都没有) counts nothing
_A_COUNT = re.compile(r"(?<![零〇\d])([1-9]\d*|[一二两三四五六七八九十][一二两三四五六七八九十百]*)\s*[件个份次起宗例]")
_NEGATED_AFTER = re.compile(r"没有|没|无|未|不")


def _counts_something(words: str) -> bool:
    return bool(_A_COUNT.search(words)) and not _NEGATED_AFTER.search(words)


def _read_gate(text: str, subject: str = "") -> tuple[bool | None, str]:
    """`read_gate` before a 否 is checked for a count after it."""
    yes = parse_yes_no(text)
    if yes is not None:
        return yes, ""
    if is_zero_statement(text, [subject] if subject else []):
        return False, ""
    plain = _LEAD.sub("", normalise(text))
    if subject:  # 复议诉讼有1件, 有申请, 没有行政复议: what it is about, before or after the 是 or 否
        before, after, counted = _subject_words(subject)
        plain = counted.sub(r"\1", after.sub("", before.sub("", plain)) or plain)
        if is_zero_statement(plain):
            return False, ""
    if plain and (yes := parse_yes_no(plain)) is not None:
        return yes, ""
    m = _YES_NO_HEAD.match(plain)
    if m:
        head = parse_yes_no(m.group(1) or m.group(2))
        if head is not None:
            return head, m.group(3).strip()
    return None, ""


def spread_details(turn: Turn, gate: Question, details: str) -> None:
    """Details typed with a gate's 是 (“是 就1件 自然人邮寄的”), each to the question it answers: a count and an
    applicant kind to the row behind the gate (本年新收 自然人 1), how the application came in to the prose part
    about the table (申请方式为信函, a fact of 1.3), anything else that states something as a fact there too; what
    states numbers that cannot be placed is shown, so nothing the clerk said is lost."""
    rest = _details_to_row(turn, gate, details)
    prose_q = next((x for x in turn.fmt.questions if x.kind == "prose" and gate.table in x.about), None)
    if prose_q is None or not rest:
        if rest:
            turn.say(messages.text("dialog", "details_kept", details=details))
        return
    channels: list[str] = []
    statements: list[str] = []
    for piece in _PIECES.split(rest):
        named = drafting.channels_in(piece)
        if named and not drafting.without_channels(piece):
            channels += [c for c in named if c not in channels]
        elif piece and not _GLUE.fullmatch(piece):
            statements.append(piece)
    if any(re.search(r"\d|[一二两三四五六七八九十]\s*[件个份次]", p) for p in statements):
        turn.say(messages.text("dialog", "details_kept", details=details))  # counts it could not place
        return
    added = [messages.text("dialog", "channel_fact", channels="、".join(channels))] if channels else []
    added += [p for p in statements if facts.refusal(p) is None]
    if added:
        held = prose.facts_of(turn, prose_q)
        new = facts.added(held, added)
        turn.state["facts"][prose.facts_code(prose_q)] = held + new
        turn.say(messages.text("dialog", "details_facts", details=details, code=prose_q.code, title=prose_q.title,
                               added=new or added))


_PIECES = re.compile(r"[\s，,。.、；;：:]+")
# words that carry nothing once a detail's count, applicant and channel are taken out (就、的、都是 …)
_GLUE = re.compile(r"(?:就|只|仅|共|一共|都|均|是|了|的|有|还有|其中|申请|提出|提交|递交|来的|收到)+")


def _details_to_row(turn: Turn, gate: Question, details: str) -> str:
    """The count the details state, recorded in the row behind `gate` they name (上年结转 …, else the first); the
    details without what was used."""
    rows = [x for x in turn.fmt.questions if x.gate == gate.code and x.kind in ("row", "prefill")]
    named = [x for x in rows if x.title in details or any(m in details for m in x.mentions)]
    for q in named[:1] or rows[:1]:
        whole = read_row(turn, q, q.cells, details)
        read = (whole, "") if isinstance(whole, list) else loose_row(turn, q, details)
        if read is None:
            return details
        values, rest = read
        set_cells(turn, dict(zip(q.cells, values, strict=True)))
        mark_answered(turn.state, q.code)
        turn.say(messages.text("dialog", "details_answered", code=q.code, echo=echo_row(q.title, q.labels, values)))
        settle(turn, q)
        return rest.replace(q.title, "").strip()
    return details


_NUMERAL = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]")
_ONE_NUMBER = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*(?:件|个|份|次)")


def _one_count_unplaced(text: str, columns: int) -> ParseError | None:
    """A sentence with one count and no column (去年结转过来1个): asked for the row, that count shown as its first."""
    plain = normalise(text)
    counts = list(_ONE_NUMBER.finditer(plain))
    # 3 0 0 0 0 0 另有一件…: a count beside other numbers is no sentence with one count
    alone = len(counts) == 1 and not re.search(r"\d", plain[: counts[0].start()] + plain[counts[0].end():])
    value = parse_number(counts[0].group(1)) if alone and columns > 1 else None
    if value is None or isinstance(value, ParseError):
        return None
    return ParseError("count_mismatch", token=str(value), expected=columns, got=1, want="row")


def loose_row(turn: Turn, q: Question, text: str, cells: tuple[str, ...] | None = None
              ) -> tuple[list[Number], str] | None:
    """One count and one column named anywhere in a sentence (“就1件 自然人邮寄的”): that column, the others 0;
    and the sentence without the count and the column's word (“就 邮寄的”)."""
    plain = normalise(text)
    counts = list(_ONE_NUMBER.finditer(plain))
    named = {(word, i) for word, i in label_words(q.labels).items() if word in plain}
    if len(counts) != 1 or len({i for _, i in named}) != 1:
        return None
    value = parse_number(counts[0].group(1))
    if isinstance(value, ParseError):
        return None
    values: list[Number] = [0] * len(q.labels)
    values[next(iter(named))[1]] = value
    if isinstance(within_bounds(turn, cells or q.cells, values), ParseError):
        return None  # an implausible count is no answer: the details are shown as they were typed
    rest = plain[: counts[0].start()] + " " + plain[counts[0].end():]
    for word, _ in sorted(named, key=lambda n: -len(n[0])):
        rest = rest.replace(word, " ")
    return values, " ".join(rest.split())


def _no_echo(turn: Turn, q: Question) -> str:
    """What 否 means, said back: 本年度未收到政府信息公开申请，表三各项均为 0."""
    table = turn.fmt.table(q.table) if q.table else None
    return messages.text("dialog", "echo_no", meaning=q.no_echo, table=f"表{table.section}" if table else q.title)


def set_gate(turn: Turn, q: Question, yes: bool) -> None:
    turn.state["gates"][q.code] = yes
    mark_answered(turn.state, q.code)
    if yes:
        return
    set_cells(turn, {c: 0 for c in q.cells})
    for dependent in turn.fmt.questions:
        if dependent.gate == q.code:
            unmark(turn.state, dependent.code)
            turn.state["choices"].pop(dependent.code, None)
            if dependent.code in turn.state["skipped"]:
                turn.state["skipped"].remove(dependent.code)


def _answer_prefill(turn: Turn, q: Question, sub: int, text: str) -> bool:
    values = _prefill_values(turn, q)
    if values is not None and normalise(text) in ("1", "确认", "是", "对", "好"):
        set_cells(turn, dict(zip(q.cells, values, strict=True)))
        mark_answered(turn.state, q.code)
        _say_recorded(turn, echo_row(q.title, q.labels, values))
        return True
    return _answer_row(turn, q, sub, text)


def _answer_menu(turn: Turn, q: Question, sub: int, text: str) -> bool:
    table = turn.fmt.table(q.table)
    rows = [table.row(r) for r in q.rows]
    options = (len(q.rows), [r.short or r.label for r in rows], [r.explain for r in rows], [r.said for r in rows])
    chosen = parse_choices(text, *options)
    if isinstance(chosen, ParseError):
        return _reject(turn, q, text, chosen)
    set_menu(turn, q, [q.rows[i - 1] for i in chosen])
    names = "、".join(rows[i - 1].short or rows[i - 1].label for i in chosen)
    _say_recorded(turn, messages.text("dialog", "echo_menu", title=q.title, names=names))
    counts = counts_said_with_choices(text, *options)
    if counts:
        _fill_counts_said(turn, q, {q.rows[i - 1]: count for i, count in counts.items() if i in chosen})
    return True


def _fill_counts_said(turn: Turn, q: Question, counts: dict[str, Number]) -> None:
    """The count said with a kind (5个都公开了) fills that kind's row when it can only mean one thing: all the
    applications are of one applicant column, or it is the only kind and the count is all of them. Those rows are
    not asked again; the others are asked next."""
    follow = menu_rows_question(turn.fmt, q.code)
    chosen = turn.state["choices"][q.code]
    if follow is None:
        return
    filled = []
    for row in chosen:
        applications = _applications_by_column(turn, follow, row) if row in counts else None
        values = _row_from_count(counts[row], applications, len(chosen) == 1) if applications else None
        if values is None:
            continue
        set_cells(turn, {f"{q.table}.{row}.{c}": v for c, v in zip(follow.columns, values, strict=True)})
        _say_recorded(turn, echo_row(turn.fmt.table(q.table).row(row).short, follow.labels, values))
        filled.append(row)
    if not filled:
        return
    # the rows filled come first: the numbers question goes on at the first row still to be asked
    turn.state["choices"][q.code] = filled + [r for r in chosen if r not in filled]
    if len(filled) == len(chosen):
        mark_answered(turn.state, follow.code)
    else:
        turn.state["partial"][follow.code] = len(filled)


def _applications_by_column(turn: Turn, follow: Question, row: str) -> list[Number] | None:
    """For each column of `row`, the applications its results account for (新收 + 上年结转: the left side of the
    balance its 总计 closes); None while one of them is not known."""
    report = turn.derived()
    out: list[Number] = []
    for column in follow.columns:
        cell = f"{follow.table}.{row}.{column}"
        totals = {s.target for s in turn.fmt.sums if cell in s.addends}
        balance = next((b for b in turn.fmt.balances if totals & set(b.right)), None)
        held = [report.cells.get(c) for c in balance.left] if balance else [None]
        if any(v is None for v in held):
            return None
        out.append(sum(held))  # type: ignore[arg-type]
    return out


def _row_from_count(count: Number, applications: list[Number], only_kind: bool) -> list[Number] | None:
    """The row a count said of a kind stands for: in the one column that has applications, or — the only kind,
    and all of them — every column's applications; None when it could be spread in more than one way."""
    columns = [i for i, v in enumerate(applications) if v > 0]
    if len(columns) == 1 and 0 < count <= applications[columns[0]]:
        return [count if i == columns[0] else 0 for i in range(len(applications))]
    if only_kind and count and count == sum(applications):
        return list(applications)
    return None


def set_menu(turn: Turn, q: Question, rows: list[str]) -> None:
    """The rows chosen are asked next; the others are 0."""
    turn.state["choices"][q.code] = rows
    mark_answered(turn.state, q.code)
    follow = menu_rows_question(turn.fmt, q.code)
    if follow is None:
        return
    unmark(turn.state, follow.code)
    set_cells(turn, {f"{q.table}.{r}.{c}": 0 for r in q.rows if r not in rows for c in follow.columns})


def _answer_menu_rows(turn: Turn, q: Question, sub: int, text: str) -> bool:
    row = _chosen_row(turn, q, sub)
    held = turn.state.get("zero_row") or {}
    if held.get("code") == q.code and held.get("row") == row and parse_yes_no(text) is True:
        return _unchoose(turn, q, sub, row)
    turn.state["zero_row"] = None
    asked_of = turn.state.get("column_asked") or {}
    turn.state["column_asked"] = None
    if q.one_by_column_named and (column := label_alone(several.strip_own_name(turn.fmt, q, text), q.labels)) is not None:
        return _ask_columns_count(turn, q, row, column, text)
    if asked_of.get("code") == q.code and asked_of.get("row") == row:
        text = _count_as_its_column(q, asked_of["column"], text)
    menu = question(turn.fmt, q.menu)
    rows = [turn.fmt.table(q.table).row(r) for r in menu.rows] if menu else []
    named = row_named_instead(rows, row, text) if menu else None
    head = said_before_named(rows, named, text) if named is not None else None
    if named is not None and head is None:
        return _answer_row_named(turn, q, sub, row, named, text)
    # 3 0 0 0 0 0 另有一件部分公开: the row is the kind asked; what became of the other is said after it
    shared = asked_clauses(rows, row, text) if named is None and menu else None
    if shared is not None:  # 予以公开3件，部分公开1件: the kind asked is read from its own clauses only
        head, named = shared
    cells = tuple(f"{q.table}.{row}.{c}" for c in q.columns)
    values = _read_row_as_said(turn, q, cells, head or text)
    if isinstance(values, ParseError) and shared is not None:  # 予以公开 3 0 0 0 0 0: read without its name
        values = _read_named_row(turn, q, sub, row, head)  # type: ignore[arg-type]
    if isinstance(values, ParseError):
        values = _count_of_the_one_open_column(turn, q, sub, row, values, head or text)
    if isinstance(values, ParseError) and shared is not None:  # 部分公开有一件，其余的是予以公开: none of its own
        turn.log.append(f"{q.code} {text}")
        turn.say(_named_kind_note(turn, q, sub, row, named, recorded=False))  # type: ignore[arg-type]
        return False
    if isinstance(values, ParseError):
        return _reject(turn, q, text, values)
    set_cells(turn, dict(zip(cells, values, strict=True)))
    short = turn.fmt.table(q.table).row(row).short
    if not any(values):
        # a kind chosen at the menu that then happened 0 times was most likely chosen by mistake
        turn.state["zero_row"] = {"code": q.code, "row": row}
        turn.log.append(f"{q.code} {text}")
        turn.say(messages.say("zero_row", name=short))
        return False
    _say_recorded(turn, echo_row(short, q.labels, values))
    if head is not None:
        turn.say(_named_kind_note(turn, q, sub, row, named, recorded=True))  # type: ignore[arg-type]
    _row_done(turn, q, sub)
    return True


def _ask_columns_count(turn: Turn, q: Question, row: str, column: int, text: str) -> bool:
    """A column named with no count (维持, 判了维持, 审理中呢): how many is asked, nothing stored — 维持 said of three
    cases upheld must not become 1; the count typed next (3, 3件) is that column's."""
    turn.state["column_asked"] = {"code": q.code, "row": row, "column": column}
    turn.log.append(f"{q.code} {text}")
    turn.say(messages.say("column_count_asked", label=q.labels[column], columns=len(q.labels)))
    return False


def _count_as_its_column(q: Question, column: int, text: str) -> str:
    """The reply to “结果维持的有几件？”: one count (3, 3件) as the row it stands for (3 0 0 0); any other reply as typed."""
    count = parse_number(text)
    if isinstance(count, ParseError):
        return text
    return " ".join(str(count) if i == column else "0" for i in range(len(q.labels)))


def _row_done(turn: Turn, q: Question, sub: int) -> None:
    done = max(turn.state["partial"].get(q.code, 0), sub + 1)
    if done >= len(turn.state["choices"].get(q.menu) or []):
        mark_answered(turn.state, q.code)
    else:
        _continue_at(turn, q, done)


def _answer_row_named(turn: Turn, q: Question, sub: int, asked: str, named: str, text: str) -> bool:
    """Numbers said of another kind than the one asked (部分公开的是自然人一件 at 予以公开): a kind chosen and still to be
    asked is filled, moved up to this place, and the kind asked is asked next; any other kind is not filled."""
    table = turn.fmt.table(q.table)
    chosen = turn.state["choices"].get(q.menu) or []
    cells = tuple(f"{q.table}.{named}.{c}" for c in q.columns)
    values = _read_named_row(turn, q, sub, named, text) if named in chosen[sub + 1:] else None
    if values is None or isinstance(values, ParseError) or not any(values):
        turn.log.append(f"{q.code} {text}")
        turn.say(_named_kind_note(turn, q, sub, asked, named, recorded=False))
        return False
    set_cells(turn, dict(zip(cells, values, strict=True)))
    turn.typed_instead = cells
    turn.state["choices"][q.menu] = chosen[:sub] + [named] + [r for r in chosen[sub:] if r != named]
    _say_recorded(turn, echo_row(table.row(named).short, q.labels, values))
    _row_done(turn, q, sub)
    return True


def _read_named_row(turn: Turn, q: Question, sub: int, named: str, text: str) -> list[Number] | ParseError:
    """The row a reply gives the kind it names (部分公开 1 0 0 0 0 0, 部分公开有一件): read as typed, then without
    the kind's name; one count alone goes to the one applicant column still open."""
    cells = tuple(f"{q.table}.{named}.{c}" for c in q.columns)
    values = _read_row_as_said(turn, q, cells, text)
    if isinstance(values, ParseError):
        unnamed = text
        for word in sorted(named_words(turn.fmt.table(q.table).row(named)), key=len, reverse=True):
            unnamed = unnamed.replace(word, " ")
        values = _read_row_as_said(turn, q, cells, unnamed)
        if isinstance(values, ParseError):
            values = _count_of_the_one_open_column(turn, q, sub, named, values, unnamed)
    return values


def _named_kind_note(turn: Turn, q: Question, sub: int, asked: str, named: str, recorded: bool) -> str:
    """What became of a kind named where another is asked: already answered (not changed), chosen and asked later
    (not filled now), or not chosen (how to add it); `recorded`: the kind asked was filled from the same reply."""
    table = turn.fmt.table(q.table)
    chosen = turn.state["choices"].get(q.menu) or []
    return messages.say("row_named_instead", named=table.row(named).short, asked=table.row(asked).short,
                        answered=named in chosen[:sub], chosen=named in chosen, recorded=recorded,
                        next_up=chosen[sub + 1:sub + 2] == [named], menu=q.menu, code=q.code)


def _count_of_the_one_open_column(turn: Turn, q: Question, sub: int, row: str, error: ParseError,
                                  text: str) -> list[Number] | ParseError:
    """One number alone (1, 一个) for a result kind when the earlier answers leave one applicant column open: the
    only column with applications (all 自然人), or the only one whose applications the kinds answered before this one
    have not all accounted for (自然人 1 and 企业 1, 予以公开 自然人 1: the next kind's 1 is the 企业's). That
    column's count, the others 0. Where several columns are open, or none is known, or the number is more than the
    column has left, it could be meant of more than one: the error stands, naming the open columns to choose from.
    As many numbers as columns are open (“2 1”): `_counts_of_the_open_columns`."""
    if error.code != "count_mismatch" or not error.got:
        return error
    if error.got > 1:
        return _counts_of_the_open_columns(turn, q, sub, row, error, text)
    if not error.token:
        return error
    count = parse_number(error.token)
    left = _applications_left(turn, q, sub, row)
    if isinstance(count, ParseError) or left is None:
        return error
    values = _row_from_count(count, left, only_kind=False)
    if values is not None:
        return values
    held = tuple(label for label, n in zip(q.labels, left, strict=False) if n > 0)
    # several columns are open: they are named, so the clerk says which one is meant
    return dataclasses.replace(error, named=held) if len(held) > 1 else error


def _counts_of_the_open_columns(turn: Turn, q: Question, sub: int, row: str, error: ParseError,
                                text: str) -> list[Number] | ParseError:
    """As many numbers as columns the earlier answers leave open (自然人 2 and 企业 1 left: “1 1”), each within what its
    column has left: one to each open column in order, the others 0. Any other count stands as the error."""
    left = _applications_left(turn, q, sub, row)
    typed = parse_row(text, error.got) if left is not None else error  # type: ignore[arg-type]
    open_columns = [i for i, n in enumerate(left or []) if n > 0]
    if isinstance(typed, ParseError) or len(open_columns) != len(typed) or 0 in typed:
        return error  # a 0 among them is a row typed from its first column (0 1: 自然人 0, 商业企业 1), not a count
    if any(v > left[i] for i, v in zip(open_columns, typed, strict=True)):  # type: ignore[index, operator]
        return error
    placed = dict(zip(open_columns, typed, strict=True))
    return [placed.get(i, 0) for i in range(len(left))]  # type: ignore[arg-type]


def _applications_left(turn: Turn, q: Question, sub: int, row: str) -> list[Number] | None:
    """For each column, the applications the kinds chosen before `row` (answered earlier in this round) have not
    accounted for: what `row` can still hold. None while the applications are not known."""
    applications = _applications_by_column(turn, q, row)
    if applications is None:
        return None
    earlier = (turn.state["choices"].get(q.menu) or [])[:sub]
    report = turn.derived()
    return [n - sum(report.value(f"{q.table}.{r}.{c}") for r in earlier)  # type: ignore[misc]
            for n, c in zip(applications, q.columns, strict=True)]


def _unchoose(turn: Turn, q: Question, sub: int, row: str) -> bool:
    """是 to “该项均为 0，是否不选此项？”: the kind leaves the menu's choices; the next chosen kind takes its place."""
    turn.state["zero_row"] = None
    chosen = [r for r in turn.state["choices"].get(q.menu) or [] if r != row]
    turn.state["choices"][q.menu] = chosen
    name = turn.fmt.table(q.table).row(row).short
    _say_recorded(turn, messages.text("dialog", "echo_unchosen", name=name))
    if sub >= len(chosen):
        mark_answered(turn.state, q.code)
    else:
        _continue_at(turn, q, sub)
    return True


def _answer_computed(turn: Turn, q: Question, sub: int, text: str) -> bool:
    """Confirmed, or typed: either way the cells are the balance's result; a typed row that differs is refused."""
    values, _, negatives = computed_values(turn, q)
    if None in values:
        return _reject(turn, q, text)  # the question, asked again, names what to fill in first: nothing to confirm
    if parse_yes_no(text) is True or normalise(text) == "确认":
        typed: list[Number] | ParseError = values
    else:
        typed = _the_one_count(parse_row(text, len(q.cells), _kind(turn, q, q.cells)), values)  # type: ignore[arg-type]
        if isinstance(typed, ParseError) and negatives:
            return _reject(turn, q, text)  # no row is accepted: the question, asked again, shows the arithmetic
        if isinstance(typed, ParseError):  # the example is the row computed: any other would be refused
            return _reject(turn, q, text, typed, example=" ".join(_plain_number(v) for v in values))
    if negatives:
        return _reject(turn, q, text)  # the question, asked again, shows the arithmetic
    if list(typed) != values:
        return _reject(turn, q, text, message=_override_refused(turn, q, typed, values))
    set_cells(turn, dict(zip(q.cells, values, strict=True)))
    mark_answered(turn.state, q.code)
    _say_recorded(turn, echo_row(q.title, q.labels, values))
    return True


def _the_one_count(typed: list[Number] | ParseError, values: list[Number]) -> list[Number] | ParseError:
    """One number alone at a computed row that holds a count in one column only (结转下年度：自然人 2): that count,
    typed to confirm it — the only cell it can be of. Any other single number stays an error."""
    if not isinstance(typed, ParseError) or typed.code != "count_mismatch" or typed.got != 1 or not typed.token:
        return typed
    held = [v for v in values if v]
    return values if len(held) == 1 and parse_number(typed.token) == held[0] else typed


def _override_refused(turn: Turn, q: Question, typed: list[Number], values: list[Number]) -> str:
    differing = [
        {"label": label, "typed": t, "value": v} for label, t, v in zip(q.labels, typed, values, strict=False) if t != v
    ]
    results = menu_rows_question(turn.fmt, _menu_code(turn, q)) if _menu_code(turn, q) else None
    new = next((x for x in turn.fmt.questions if x.table == q.table and x.kind == "row"), None)
    return messages.say(
        "computed_refused", differing=differing, fix_results=results.code if results else q.code,
        fix_new=new.code if new else q.code,
    )


def _answer_prose(turn: Turn, q: Question, sub: int, text: str) -> bool:
    return prose.answer(turn, q, sub, text)


def _continue_at(turn: Turn, q: Question, sub: int) -> None:
    """The question goes on at `sub` (the next chosen kind, the draft after the facts), even if answered before."""
    unmark(turn.state, q.code)
    turn.state["partial"][q.code] = sub


def _answer_paste(turn: Turn, q: Question, text: str) -> bool:
    """A block pasted from a table: the rows it matches are filled, every question it fills whole is answered (and
    so skipped), and what was filled is shown at once for confirmation."""
    pasted = paste.read_paste(turn.fmt, text)
    if len(pasted.rows) < 2:
        return False
    set_cells(turn, pasted.values)
    turn.pasted = True
    before = list(turn.state["answered"])
    tables = {turn.fmt.cell(c).table for c in pasted.values}
    for other in turn.fmt.questions:
        if other.table in tables and is_relevant(turn.fmt, turn.state, other):
            _mark_pasted(turn, other, set(pasted.values))
    filled = [x for x in turn.fmt.questions if x.code in turn.state["answered"] and x.code not in before]
    results_filled = any(x.kind == "menu_rows" for x in filled)
    turn.say(messages.say("pasted", rows=pasted.rows, completed=bool(pasted.completed) and results_filled,
                          implausible=pasted.implausible, filled=[{"code": x.code, "values": _filled_values(turn, x)} for x in filled]))
    return True


def _filled_values(turn: Turn, q: Question) -> list[str]:
    values = current_values(turn, q)
    if q.kind in ("gate", "menu", "menu_rows"):
        return [f"{q.title}：{'；'.join(values)}"] if values else [q.title]
    return values or [messages.text("dialog", "current_none", title=q.title)]


def mark_filled(turn: Turn, filled: set[str]) -> None:
    """The questions a whole report read from a file answers (their cells all in `filled`), in the format's order
    (a gate before what it opens). A gate whose numbers were read in part, all 0, stays open: 否 would set the rest
    to 0, and what was not read is unknown, not 0."""
    for q in turn.fmt.questions:
        if not is_relevant(turn.fmt, turn.state, q):
            continue
        if q.kind == "gate":
            typed = [c for c in q.cells if not turn.fmt.cell(c).derived]
            if not set(typed) <= filled and not any(turn.report.value(c) for c in typed if c in filled):
                continue
        _mark_pasted(turn, q, filled)


def _mark_pasted(turn: Turn, q: Question, filled: set[str]) -> None:
    """A question whose every cell came with the paste needs no asking: the rows, the gate (是 when a number behind
    it is not 0), the menu of result kinds with their counts, and 结转下年度 when it agrees with the balance."""
    if q.kind in ("row", "amount", "prefill") and set(q.cells) <= filled:
        mark_answered(turn.state, q.code)
    elif q.kind == "gate":
        typed = [c for c in q.cells if not turn.fmt.cell(c).derived and c in filled]
        if typed:
            set_gate(turn, q, any(turn.report.value(c) for c in typed))
    elif q.kind == "menu":
        follow = menu_rows_question(turn.fmt, q.code)
        if follow and set(cells_of(turn.fmt, follow)) <= filled:
            rows = [r for r in q.rows if any(turn.report.value(f"{q.table}.{r}.{c}") for c in follow.columns)]
            set_menu(turn, q, rows)
            if rows:
                mark_answered(turn.state, follow.code)
    elif q.kind == "computed" and set(q.cells) <= filled and _inputs_answered(turn, q):
        if computed_cells(turn, q) == [turn.report.cells.get(c) for c in q.cells]:
            mark_answered(turn.state, q.code)


def _inputs_answered(turn: Turn, q: Question) -> bool:
    """Every other question of the table is answered: a balance over blank results would agree by accident."""
    return all(x.code in turn.state["answered"] for x in turn.fmt.questions
               if x.table == q.table and x is not q and x.kind != "gate" and is_relevant(turn.fmt, turn.state, x))


# --- after an answer ----------------------------------------------------------------------------------------------


def settle(turn: Turn, q: Question) -> None:
    """What an accepted answer implies elsewhere: a gate with nothing behind it closes, stale results are redone, a
    paragraph taken as drafted is drafted again from what changed."""
    _close_empty_gate(turn, q)
    refresh_computed(turn)
    prose.refresh_drafts(turn)


def _close_empty_gate(turn: Turn, q: Question) -> None:
    """是, then every number behind the gate 0 (no new and no carried-in applications): the same as 否."""
    gate = question(turn.fmt, q.gate) if q.gate else None
    if gate is None or turn.state["gates"].get(gate.code) is not True or q.kind not in ("row", "prefill"):
        return
    inputs = [x for x in turn.fmt.questions if x.gate == gate.code and x.kind in ("row", "prefill")]
    if not all(x.code in turn.state["answered"] for x in inputs):
        return
    if any(turn.report.value(c) for x in inputs for c in x.cells):
        return
    before = len(relevant_questions(turn.ctx, turn.state))
    set_gate(turn, gate, False)
    turn.say(messages.say("gate_closed", what=turn.fmt.table(gate.table).title if gate.table else gate.title,
                          gate=gate.code, skipped=before - len(relevant_questions(turn.ctx, turn.state))))


def refresh_computed(turn: Turn) -> None:
    """A computed question answered before whose inputs have changed since is asked again."""
    for q in turn.fmt.questions:
        if q.kind != "computed" or q.code not in turn.state["answered"] or not is_relevant(turn.fmt, turn.state, q):
            continue
        if computed_cells(turn, q) != [turn.report.cells.get(c) for c in q.cells]:
            unmark(turn.state, q.code)
            turn.say(messages.say("recomputed", code=q.code, title=q.title))


def complete(turn: Turn, q: Question) -> bool:
    """Every answer the question needs is there (and, for a computed one, still right): 跳过 keeps it."""
    if q.kind == "gate":
        return q.code in turn.state["gates"]
    if q.kind == "menu":
        return q.code in turn.state["choices"]
    if q.kind == "prose":
        return bool((turn.report.text.get(q.slot) or "").strip())
    if q.kind == "computed":
        return computed_cells(turn, q) == [turn.report.cells.get(c) for c in q.cells]
    cells = cells_of(turn.fmt, q)
    if q.kind == "menu_rows":
        chosen = turn.state["choices"].get(q.menu)
        if chosen is None:
            return False
        cells = tuple(f"{q.table}.{r}.{c}" for r in chosen for c in q.columns)
    return all(turn.report.cells.get(c) is not None for c in cells)


_HANDLERS = {
    "row": _answer_row,
    "amount": _answer_amount,
    "gate": _answer_gate,
    "prefill": _answer_prefill,
    "menu": _answer_menu,
    "menu_rows": _answer_menu_rows,
    "computed": _answer_computed,
    "prose": _answer_prose,
}
