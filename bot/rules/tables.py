"""Rules about the numbers of the tables: R1–R8 and R15.

R1–R4 read the format's declared sums and balances; R5 walks the declared cells. R6–R8 and R15 concern a few
named rows whose meaning the declaration does not carry (which row is 规章, which cells swing with enforcement
work), so they name those rows here and quietly skip a format that lacks them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ..findings import Finding, Joined, Sentence, later
from ..formats import Balance, Cell, Format, Sum
from ..report import Report
from ..units import UNIT_KINDS
from .context import (
    RuleContext,
    balances_of,
    cells_about,
    column_label,
    find_cell,
    is_about,
    kind_of,
    row_short,
    show,
    sums_of,
    table_name,
    total,
)

REGULATIONS_ROW = ("t2", "regulations")
IN_FORCE_ROWS = (("t2", "regulations"), ("t2", "normative"))
IN_FORCE_COLUMNS = ("issued", "abolished", "in_force")
JUMP_CELLS = ("t2.license", "t2.penalty", "t2.enforcement", "t3.new.total")
JUMP_FACTOR = 3
JUMP_FLOOR = 10  # a swing from 1 to 4 is noise; from 3 to 12 deserves a word
# how 一 names what swung, and the words that explain a swing (“行政许可增加主要是承接了省级下放的审批事项”)
JUMP_WORDS = {"t2.license": "许可", "t2.penalty": "处罚", "t2.enforcement": "强制", "t3.new.total": "申请"}
EXPLAINED_IN = "一"
_REASON = re.compile(r"增加|增长|增多|减少|下降|上升|回落|翻番|大幅|主要是|主要因|由于|因为|原因|源于|得益于|承接|下放|划入"
                     r"|划转|移交|调整|集中整治|专项")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")


# --- R1 ---------------------------------------------------------------------------------------------------

def r1_balance(report: Report, ctx: RuleContext) -> list[Finding]:
    """表三 each column: 一 + 二 = （七）总计 + 四."""
    return [f for b, cells in balances_of(ctx.fmt, "R1") if is_about(ctx, cells) for f in _balance_finding(report, ctx, b)]


def _balance_finding(report: Report, ctx: RuleContext, b: Balance) -> list[Finding]:
    left, right = total(report, b.left), total(report, b.right)
    if left == right:
        return []
    first = ctx.fmt.cell(b.left[0])
    balanced = frozenset(c for _, cells in balances_of(ctx.fmt, "R1") for c in cells)
    blank = {c for c in (*b.left, *b.right) if _not_filled(report, ctx.fmt, c, balanced)}  # once the sides differ
    message = later(
        "rules", "balance",
        table=table_name(ctx.fmt, first.table),
        column=ctx.fmt.table(first.table).column(b.column).label,
        left=_addition(report, ctx, b.left, left, blank),
        right=_addition(report, ctx, b.right, right, blank),
        diff=show(abs(left - right)),
        # a cell not filled in yet (an unfinished report, as the supervisor sees it): its side is at least its sum
        open=bool(blank),
    )
    return [Finding("R1", "error", b.left + b.right, message)]


def _not_filled(report: Report, fmt: Format, cell_id: str, readable: frozenset[str]) -> bool:
    """A cell not filled in, or a total (of cells R1 reads) over one: its 0 is no answer."""
    if report.cells.get(cell_id) is None:
        return True
    s = next((s for s in fmt.sums if s.target == cell_id), None)
    return s is not None and readable.issuperset(s.addends) and any(
        _not_filled(report, fmt, a, readable) for a in s.addends)


def _addition(report: Report, ctx: RuleContext, cell_ids: tuple[str, ...], result: object,
              blank: set[str]) -> Sentence:
    """本年新收 3 + 上年结转 0 = 3; a cell not filled in (or a total over one) is said so, never 0 (结转下年度 未填，
    至少为 4)."""
    terms = [(row_short(ctx.fmt, ctx.fmt.cell(c)), None if c in blank else show(report.value(c))) for c in cell_ids]
    return later("rules", "addition", terms=terms, result=show(result))


# --- R2, R3, R4 -------------------------------------------------------------------------------------------

def r2_column_totals(report: Report, ctx: RuleContext) -> list[Finding]:
    """表三 each column: （七）总计 = the 21 result rows."""
    return _sum_findings(report, ctx, "R2")


def r3_row_totals(report: Report, ctx: RuleContext) -> list[Finding]:
    """表三 each row: 总计 = the six applicant columns."""
    return _sum_findings(report, ctx, "R3")


def r4_review_totals(report: Report, ctx: RuleContext) -> list[Finding]:
    """表四 each group: 总计 = 维持 + 纠正 + 其他 + 尚未审结."""
    return _sum_findings(report, ctx, "R4")


def _sum_findings(report: Report, ctx: RuleContext, rule: str) -> list[Finding]:
    return [f for s, cells in sums_of(ctx.fmt, rule) if is_about(ctx, cells) for f in _sum_finding(report, ctx, s)]


def _sum_finding(report: Report, ctx: RuleContext, s: Sum) -> list[Finding]:
    expected, actual = total(report, s.addends), report.value(s.target)
    if expected == actual or _printed_blank(report, s.target):
        return []  # a total printed blank is R5's: it was not "0", so no difference can be told
    target = ctx.fmt.cell(s.target)
    message = later(
        "rules", "sum",
        target=target.label,
        count=len(s.addends),
        rule=s.rule,
        expected=show(expected),
        actual=show(actual),
        diff=show(abs(expected - actual)),
        detail=_sum_detail(report, ctx, target, s.addends),
    )
    return [Finding(s.rule, "error", (s.target, *s.addends), message)]


def _printed_blank(report: Report, cell_id: str) -> bool:
    return cell_id in report.cells and report.cells[cell_id] is None


def _sum_detail(report: Report, ctx: RuleContext, target: Cell, addends: tuple[str, ...]) -> str:
    """The non-zero addends by name: rows when the sum runs down a column, columns when it runs along a row."""
    parts = []
    for cell_id in addends:
        value = report.value(cell_id)
        if value:
            cell = ctx.fmt.cell(cell_id)
            name = row_short(ctx.fmt, cell) if cell.col == target.col else column_label(ctx.fmt, cell)
            parts.append(f"{name} {show(value)}")
    if not parts:
        return later("rules", "sum_detail_zero", count=len(addends))
    return later("rules", "sum_detail_parts", parts="、".join(parts))


# --- R5 ---------------------------------------------------------------------------------------------------

_MISSING = object()


def r5_cell_values(report: Report, ctx: RuleContext) -> list[Finding]:
    """Every count a whole number ≥ 0, the fee amount a number ≥ 0, nothing blank: one finding per table row.

    A half-filled draft has hundreds of cells not yet given: each is only noted (cell, problem, value); the
    sentences naming them are made when a finding is read."""
    by_row: dict[tuple[str, str], list[tuple[Cell, str, object]]] = {}
    cells = report.cells
    for cell in cells_about(ctx):
        value = cells.get(cell.id, _MISSING)
        if type(value) is int and value >= 0:  # the common case: a count as typed
            continue
        problem = _value_problem(cell, value)
        if problem:
            by_row.setdefault((cell.table, cell.row), []).append((cell, problem, value))
    return [_row_finding(ctx, cells) for cells in by_row.values()]


class _CellProblems(Sentence):
    """「「本年制发件数」为空白，「本年废止件数」未填」: one sentence per cell, made when rendered."""

    __slots__ = ("fmt", "problems")

    def __init__(self, fmt: Format, problems: list[tuple[Cell, str, object]]) -> None:
        super().__init__("rules", "cell_values", {})
        self.fmt, self.problems = fmt, problems

    def render(self) -> str:
        return "，".join(later("rules", problem, column=column_label(self.fmt, cell), value=show(value)).render()
                        for cell, problem, value in self.problems)


def _value_problem(cell: Cell, value: object) -> str | None:
    """The name of the rules.j2 macro that says what is wrong with `value`, or None."""
    if value is _MISSING:
        return "cell_missing"
    if value is None:
        return "cell_blank"
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "cell_not_number"
    if value < 0:
        return "cell_negative"
    if cell.kind == "count" and value != int(value):
        return "cell_fraction"
    return None


def _row_finding(ctx: RuleContext, problems: list[tuple[Cell, str, object]]) -> Finding:
    first = problems[0][0]
    amounts = any(c.kind == "amount" for c, _, _ in problems)
    message = later(
        "rules", "cell_values",
        table=_LazyName(table_name, ctx.fmt, first.table),
        row=_LazyName(row_short, ctx.fmt, first),
        problems=_CellProblems(ctx.fmt, problems),
        advice=later("rules", "advice_amount" if amounts else "advice_count"),
    )
    return Finding("R5", "error", tuple(c.id for c, _, _ in problems), message)


class _LazyName(Sentence):
    """A table's or row's name, looked up when the sentence is rendered."""

    __slots__ = ("lookup", "args")

    def __init__(self, lookup: Any, *args: Any) -> None:
        super().__init__("rules", "", {})
        self.lookup, self.args = lookup, args

    def render(self) -> str:
        return self.lookup(*self.args)


# --- R6 ---------------------------------------------------------------------------------------------------

def r6_carried_in(report: Report, ctx: RuleContext) -> list[Finding]:
    """This year's 二、上年结转 equals last year's 四、结转下年度, column by column."""
    if ctx.previous is None:
        return []
    # each R1 balance reads "new + carried-in = results + carried-over": the last term of each side is the carry
    pairs = [(b.left[-1], b.right[-1]) for b in ctx.fmt.balances if b.rule == "R1"]
    differing = [
        (this, last) for this, last in pairs
        if _known(report, this) and _known(ctx.previous, last)
        and report.cells[this] != ctx.previous.cells[last]
    ]
    if not differing:
        return []
    this0, last0 = (ctx.fmt.cell(c) for c in differing[0])
    parts = Joined("，", [
        later(
            "rules", "carry_part",
            column=column_label(ctx.fmt, ctx.fmt.cell(this)),
            this=show(report.cells[this]),
            last=show(ctx.previous.cells[last]),
        )
        for this, last in differing
    ])
    message = later(
        "rules", "carry",
        table=table_name(ctx.fmt, this0.table),
        this_row=row_short(ctx.fmt, this0),
        last_row=row_short(ctx.fmt, last0),
        parts=parts,
    )
    return [Finding("R6", "error", tuple(this for this, _ in differing), message)]


def _known(report: Report, cell_id: str) -> bool:
    return report.cells.get(cell_id) is not None


# --- R7 ---------------------------------------------------------------------------------------------------

def r7_regulations(report: Report, ctx: RuleContext) -> list[Finding]:
    """Only 国务院部门 and provincial / 设区的市 governments make 规章."""
    kind = UNIT_KINDS.get(kind_of(report))
    if kind is None or kind.makes_regulations:
        return []
    table, row = REGULATIONS_ROW
    cells = [c for c in ctx.fmt.cells if c.table == table and c.row == row and report.value(c.id)]
    if not cells:
        return []
    message = later(
        "rules", "regulations",
        kind=kind.name,
        table=table_name(ctx.fmt, table),
        row=row_short(ctx.fmt, cells[0]),
        parts="、".join(f"{column_label(ctx.fmt, c)} {show(report.value(c.id))}" for c in cells),
    )
    return [Finding("R7", "error", tuple(c.id for c in cells), message)]


# --- R8 ---------------------------------------------------------------------------------------------------

def r8_in_force(report: Report, ctx: RuleContext) -> list[Finding]:
    """现行有效 ≈ last year's 现行有效 + 本年制发 − 本年废止 (revisions can break it, so a warning)."""
    if ctx.previous is None:
        return []
    findings = []
    for table, row in IN_FORCE_ROWS:
        cells = [find_cell(ctx.fmt, table, row, col) for col in IN_FORCE_COLUMNS]
        if None in cells:
            continue
        issued, abolished, in_force = cells
        if not all(_known(report, c.id) for c in cells) or not _known(ctx.previous, in_force.id):
            continue
        last = ctx.previous.cells[in_force.id]
        expected = last + report.cells[issued.id] - report.cells[abolished.id]
        actual = report.cells[in_force.id]
        if actual == expected:
            continue
        message = later(
            "rules", "in_force",
            table=table_name(ctx.fmt, table), row=row_short(ctx.fmt, in_force),
            in_force=column_label(ctx.fmt, in_force), actual=show(actual), last=show(last),
            issued=show(report.cells[issued.id]), abolished=show(report.cells[abolished.id]),
            expected=show(expected), diff=show(abs(actual - expected)),
        )
        findings.append(Finding("R8", "warning", (in_force.id, issued.id, abolished.id), message))
    return findings


# --- R15 --------------------------------------------------------------------------------------------------

def r15_jumps(report: Report, ctx: RuleContext) -> list[Finding]:
    """A threefold swing against last year (with at least 10 on the larger side) asks for a word in 一."""
    if ctx.previous is None:
        return []
    findings = []
    for cell_id in JUMP_CELLS:
        if cell_id not in ctx.fmt.cell_ids or not (_known(report, cell_id) and _known(ctx.previous, cell_id)):
            continue
        this, last = report.cells[cell_id], ctx.previous.cells[cell_id]
        if _is_jump(this, last) and not _explained(report, ctx, cell_id):
            message = later("rules", "jump", label=ctx.fmt.cell(cell_id).label, this=show(this),
                                    last=show(last))
            findings.append(Finding("R15", "warning", (cell_id,), message))
    return findings


def _explained(report: Report, ctx: RuleContext, cell_id: str) -> bool:
    """一 already says why: a sentence naming the item together with a reason word."""
    word = JUMP_WORDS.get(cell_id)
    if not word:
        return False
    text = "\n".join(report.text.get(s.id) or "" for s in ctx.fmt.slots if s.section == EXPLAINED_IN)
    return any(word in m.group() and _REASON.search(m.group()) for m in _SENTENCE.finditer(text))


def _is_jump(this: int | Decimal, last: int | Decimal) -> bool:
    low, high = sorted((this, last))
    return high >= JUMP_FLOOR and high >= JUMP_FACTOR * low
