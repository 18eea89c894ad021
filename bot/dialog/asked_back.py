"""A question a clerk types instead of an answer (规章是啥, 3.4什么意思, 撤回申请选哪个, 什么时候截止), answered from
what the format declares: kept apart from asking and reading answers (`questions`), which it only reads from."""

from __future__ import annotations

import re
from typing import Any

from .. import messages
from ..formats.questions import Question
from ..parse import normalise
from . import facts
from .context import is_people_government
from .flow import Turn, question
from .questions import computed_values, regulations_note, typed_cells

_DEADLINE_ASKED = re.compile(r"截止|期限|什么时候|啥时候|哪天|几号|最晚|最迟|多久")


def question_help(turn: Turn, q: Question, sub: int, asked: str, fallback: bool = True) -> str:
    """What a clerk asks instead of answering (规章是啥, 什么意思, 3.4什么意思, 什么时候截止), answered from what the
    format declares: the rows the words name, else what another question named by its code asks, else the rows the
    question fills, with their explanations; the date the report is due if asked. `fallback`: with neither, a plain
    word on how to answer ("" without it)."""
    plain = normalise(asked)
    deadline = bool(_DEADLINE_ASKED.search(plain))
    rows = _rows_by_name(turn, plain)
    named = [] if rows else _questions_named(turn, q, plain)
    described = [_described(turn, x) for x in named if x.kind in _DESCRIBED_KINDS]
    rows = rows or [r for x in named if x.kind not in _DESCRIBED_KINDS for r in _rows_asked(turn, x, 0) if r.explain]
    menu = _menu_of(turn, q)
    options = _options_asked(turn, menu, plain, menu is q) if menu and not (rows or described) else {}
    rows = rows or list(options)
    if not (rows or described or deadline):  # 什么意思: the question's own rows
        rows = [r for r in _rows_asked(turn, q, sub) if r.explain]
    chosen = _chosen(turn, menu) if menu and menu is not q else set()
    terms = [{"name": r.short or r.label, "explain": r.explain, "code": _filled_at(turn, r, q),
              "option": options.get(r, 0), "menu": menu.code if menu and menu is not q else "",
              "chosen": r.key in chosen} for r in rows]
    revise = _revision(turn, menu, options, chosen) if menu and menu is not q else None
    noted = any("{regulations_note}" in x.prompt and _asks_about(turn, x, rows) for x in turn.fmt.questions)
    if not (terms or described or deadline or fallback):
        return ""
    values, _, negatives = computed_values(turn, q) if q.kind == "computed" else ([], [], [])
    text = messages.say("question_help", terms=terms, described=described, revise=revise,
                        note=regulations_note(turn).strip("（）") if noted else "",
                        deadline=deadline, year=turn.report.year, code=q.code, kind=q.kind,
                        confirmable=None not in values and not negatives)
    return "".join(line.strip() for line in text.splitlines())  # laid out in lines for reading; one paragraph


def _rows_by_name(turn: Turn, plain: str) -> list[Any]:
    """The rows a question typed names by their names (规章是啥)."""
    return [row for table in turn.fmt.tables for row in table.rows if row.explain and (row.short or row.label) in plain]


def _questions_named(turn: Turn, q: Question, plain: str) -> list[Question]:
    """The other questions a question typed at `q` names by their codes (3.1什么意思 typed at 2.4)."""
    named = [x for code in re.findall(r"\d+\.\d+", plain) if (x := question(turn.fmt, code)) is not None]
    return list(dict.fromkeys(x for x in named if x.code != q.code))


# a question whose rows say little of what it asks (a menu: which kinds; its numbers: each kind chosen; prose: a
# paragraph) is described by what it asks, when named from another question
_DESCRIBED_KINDS = ("menu", "menu_rows", "prose")
_FIRST_SENTENCE = re.compile(r"^[^？。]*[？。]?")


def _first_sentence(prompt: str) -> str:
    """The question a prompt asks, without how to reply (请回复下列编号…)."""
    return _FIRST_SENTENCE.match(prompt).group(0)  # type: ignore[union-attr]  # matches any text


def _described(turn: Turn, x: Question) -> dict[str, Any]:
    """What the question `x` asks, for the template: a menu its options by kind (不予公开·国家秘密 … are 不予公开),
    the numbers of a menu's kinds the question they are typed at, prose the paragraph and what the clerk is asked
    for it; `answered`: it was answered, and 修改 reopens it."""
    words: dict[str, Any] = {"code": x.code, "title": x.title, "kind": x.kind,
                             "answered": x.code in turn.state["answered"]}
    if x.kind == "menu":
        table = turn.fmt.table(x.table)
        shorts = [table.row(r).short or table.row(r).label for r in x.rows]
        words |= {"count": len(shorts), "kinds": list(dict.fromkeys(s.split("·")[0] for s in shorts)),
                  "asks": _first_sentence(x.prompt)}
    elif x.kind == "menu_rows":
        words |= {"menu": x.menu, "asks": _first_sentence(x.prompt)}
    else:
        asks = x.people_government_prompt if x.people_government_prompt and is_people_government(turn.ctx) else ""
        heading = turn.fmt.section(turn.fmt.slot(x.slot).section).heading
        words |= {"heading": heading, "asks": asks or x.facts_prompt}
    return words


def _rows_asked(turn: Turn, q: Question, sub: int) -> list[Any]:
    """The rows a reply to `q` fills; for a gate, the rows behind it the clerk gives first (新收, 上年结转), or the
    kinds its menu offers (行政复议, 行政诉讼) when no number is typed before the menu."""
    if q.kind == "gate":
        behind = [x for x in turn.fmt.questions if x.gate == q.code]
        typed = [x for x in behind if x.kind in ("row", "prefill")]
        if typed:
            return _rows_of(turn, [c for x in typed for c in x.cells])
        table = turn.fmt.table(q.table)
        return [table.row(r) for x in behind if x.kind == "menu" for r in x.rows]
    return _rows_of(turn, list(typed_cells(turn, q, sub)))


def _rows_of(turn: Turn, cells: list[str]) -> list[Any]:
    owned = [turn.fmt.cell(c) for c in cells]
    return list({(c.table, c.row): turn.fmt.table(c.table).row(c.row) for c in owned}.values())


_OPTION_WORDS_LEAST = 3  # characters shared with an option's explanation: 撤回申请 (申请 alone is in most of them)
_OPTION_NUMBER = re.compile(r"^第?(\d{1,2})(?![\d.])(?:项|个|号|条)?")  # an option asked about by its number


def _menu_of(turn: Turn, q: Question) -> Question | None:
    """The menu of the table `q` asks about: `q` itself at a menu (3.4), 3.4 at 3.2 and the other questions of 三."""
    if q.kind == "menu" or not q.table:
        return q if q.kind == "menu" else None
    return next((x for x in turn.fmt.questions if x.kind == "menu" and x.table == q.table), None)


def _options_asked(turn: Turn, q: Question, plain: str, at_menu: bool = True) -> dict[Any, int]:
    """The menu's option a question asks about by its number (11什么意思, typed at the menu itself) or its
    explanation's words (撤回申请选哪个 → 21. 其他处理·其他：申请人撤回申请等其他情形, at any question of its table),
    with its number in the menu: the one option sharing the longest run (的信息, in four of them, points at none)."""
    table = turn.fmt.table(q.table)
    menu = [table.row(r) for r in q.rows]
    number = _OPTION_NUMBER.match(plain) if at_menu else None
    if number and 1 <= int(number.group(1)) <= len(menu):  # 11什么意思
        return {menu[int(number.group(1)) - 1]: int(number.group(1))}
    shared = {row: len(facts.words_shared(plain, f"{row.short}{row.explain}", _OPTION_WORDS_LEAST)) for row in menu}
    longest = max(shared.values(), default=0)
    found = {row: n for n, row in enumerate(menu, 1) if longest and shared[row] == longest}
    return found if len(found) == 1 else {}


def _chosen(turn: Turn, menu: Question) -> set[str]:
    return set(turn.state["choices"].get(menu.code) or [])


def _revision(turn: Turn, menu: Question, options: dict[Any, int], chosen: set[str]) -> dict[str, str] | None:
    """How to add an option asked about to a menu answered before (撤回申请选哪个 at 3.5: 修改 3.4, then 1 21): its
    reply replaces the choices, so the example holds the options chosen already."""
    missing = [n for row, n in options.items() if row.key not in chosen]
    passed = menu.code in turn.state["answered"] or menu.code in turn.state["skipped"]
    if not (missing and passed):
        return None
    numbers = sorted([menu.rows.index(key) + 1 for key in chosen] + missing)
    return {"code": menu.code, "example": " ".join(map(str, numbers))}


def _filled_at(turn: Turn, row: Any, asking: Question) -> str:
    """The code of the question that fills `row`, when it is not the one asked ('' when it is, or none does)."""
    typed = (x for x in turn.fmt.questions if x.kind in ("row", "prefill", "amount"))  # a gate's cells are all its table's
    x = next((x for x in typed if _asks_about(turn, x, [row])), None)
    return x.code if x is not None and x.code != asking.code else ""


def _asks_about(turn: Turn, q: Question, rows: list[Any]) -> bool:
    """Whether `q` fills a cell of one of `rows`."""
    keys = {(t.key, r.key) for t in turn.fmt.tables for r in t.rows if r in rows}
    return any((turn.fmt.cell(c).table, turn.fmt.cell(c).row) in keys for c in q.cells)
