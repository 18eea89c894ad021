"""Prose drafted from the report's own numbers, so that the text and the tables cannot disagree.

Each draft has several phrasings (templates/drafts/<key>_<n>.j2); a unit always gets the same one (`variant_for`
hashes its name), and two units with the same numbers seldom read alike. Every number a draft prints is a cell of the
table it speaks of (or the fee the user stated); a group of result rows is never summed into a number of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import templates

from ..formats import GOV2021, Format, Row, Table
from ..report import Number, Report, known_values
from ..units import UNIT_KINDS, guess_unit_kind, self_word_of
from .wording import Chooser

_DEFAULT_SELF_WORD = "本单位"
_OTHER_ORGANISATIONS = "其他组织"


@dataclass(frozen=True)
class Count:
    """A nonzero table number and the words for it: 予以公开 2 件, 无法提供（本机关不掌握）1 件."""

    words: str
    n: Number


def variant_for(unit_name: str, key: str, n: int, variant: int = 0) -> int:
    """A phrasing 0 … n-1 for this unit and draft, stable across runs (unlike hash(), which is salted per process);
    `variant` (a redraft's count) moves it on to the next phrasing."""
    if n < 1:
        raise ValueError("n must be at least 1")
    digest = hashlib.sha256(f"{unit_name.strip()}\x00{key}".encode()).digest()
    return (int.from_bytes(digest[:8], "big") + variant) % n


def self_word(report: Report) -> str:
    """How the unit names itself: 我镇, 我街道, 我局 …"""
    kind = UNIT_KINDS.get(report.unit_kind) or UNIT_KINDS.get(guess_unit_kind(report.unit) or "")
    return self_word_of(kind, report.unit) if kind else _DEFAULT_SELF_WORD


def none_handled(report: Report, fmt: Format = GOV2021) -> bool:
    """Whether table 三 says, in known figures, that no application was received, carried in or answered: then no
    sentence may speak of how the applications were answered (上述申请均在法定期限内予以答复 contradicts it)."""
    total_col = _total_column(fmt.table("t3"), fmt)
    flow = next(b for b in fmt.balances if b.column == total_col)
    new, carried_in, handled = known_values(report, fmt, (*flow.left, flow.right[0]))
    return new == 0 and carried_in == 0 and handled == 0


def carried_over(report: Report, fmt: Format = GOV2021) -> int | None:
    """The applications table 三 carries over to next year, not answered yet (None when not known)."""
    total_col = _total_column(fmt.table("t3"), fmt)
    flow = next(b for b in fmt.balances if b.column == total_col)
    return known_values(report, fmt, (flow.right[-1],))[0]


def draft_on_request(report: Report, facts: dict[str, Any] | None = None, fmt: Format = GOV2021,
                     variant: int = 0) -> str:
    """一（二）依申请公开: received, carried in, how they were answered, carried over — from table 三.

    `facts` may add what the table cannot say: `channels` (how requests came in, a string or a list, e.g. 信函、网络)
    and `remark` (one more sentence in the user's words, appended as it is).
    """
    facts = facts or {}
    table = fmt.table("t3")
    total_col = _total_column(table, fmt)
    flow = next(b for b in fmt.balances if b.column == total_col)  # 一 + 二 = （七）总计 + 四, in the 总计 column
    # None where a question was skipped: the sentence leaves that figure out rather than say there were none
    new, carried_in, handled, carry_over = known_values(report, fmt, (*flow.left, *flow.right))
    new_row = fmt.cell(flow.left[0]).row
    channels = facts.get("channels") or ""
    if not isinstance(channels, str):
        channels = "、".join(str(c) for c in channels)
    return _render(
        report,
        "on_request",
        variant,
        new=new,
        carried_in=carried_in,
        handled=handled,
        carry_over=carry_over,
        applicants=_row_counts(report, fmt, table, new_row, total_col),
        results=[] if handled is None else [
            Count(_result_words(table.row(row)), v)
            for row in _addend_rows(fmt, flow.right[0])
            if (v := number(report, fmt, _cell_id(fmt, table, row, total_col)))
        ],
        channels=channels,
        remark=str(facts.get("remark") or "").strip(),
    )


def draft_appeals(report: Report, fmt: Format = GOV2021, variant: int = 0) -> str:
    """四: the 行政复议 and 行政诉讼 sentence(s) from table 四, or that there were none. `review` or `suits` is None
    when a row of it is not known (its question skipped): the draft says nothing of it, never that there were none."""
    table = fmt.table("t4")
    total_col = _total_column(table, fmt)
    totals = dict(zip((row.key for row in table.rows),
                      known_values(report, fmt, [_cell_id(fmt, table, row.key, total_col) for row in table.rows]),
                      strict=True))
    cases = [
        {"kind": row.label, "group": row.group, "total": totals[row.key],
         "outcomes": _row_counts(report, fmt, table, row.key, total_col)}
        for row in table.rows
        if totals[row.key]
    ]

    def known_cases(suit: bool) -> list[dict[str, Any]] | None:
        if any(totals[row.key] is None for row in table.rows if bool(row.group) == suit):
            return None
        return [c for c in cases if bool(c["group"]) == suit]

    suits = known_cases(True)
    return _render(
        report,
        "appeals",
        variant,
        review=known_cases(False),
        suits=suits,
        # a single case is said as one (被提起行政诉讼1件，系未经复议直接起诉，结果维持): 案件中 or a bracket would
        # count it twice
        one_suit=suits[0] if suits and len(suits) == 1 and suits[0]["total"] == 1 else None,
        suit_word=next((r.group for r in table.rows if r.group), ""),
    )


def draft_fees(report: Report, collected_yuan: Decimal | None = None, variant: int = 0) -> str:
    """六: the 信息处理费 under 国办函〔2020〕109号 — the amount in 元, or that none was collected."""
    amount = None if not collected_yuan else _plain(Decimal(collected_yuan))
    return _render(report, "fees", variant, amount=amount)


# --- helpers ---------------------------------------------------------------------------------------------------


def _render(report: Report, key: str, variant: int, **context: Any) -> str:
    n = _variant_count(key)
    name = f"drafts/{key}_{variant_for(report.unit, key, n, variant) + 1}.j2"
    pick = Chooser(report.unit, key, variant)
    text = templates.render(name, year=report.year, self_word=self_word(report), unit=report.unit, pick=pick, **context)
    return "".join(line.strip() for line in text.splitlines())


@cache
def _variant_count(key: str) -> int:
    prefix = f"drafts/{key}_"
    names = templates.environment().list_templates(filter_func=lambda n: n.startswith(prefix) and n.endswith(".j2"))
    if not names:
        raise LookupError(f"no draft templates for {key}")
    return len(names)


def number(report: Report, fmt: Format, cell_id: str) -> Number:
    """The number as the table prints it; a total that was never filled in is its addends' sum, as the table's would be."""
    value = report.cells.get(cell_id)
    if value is not None:
        return value
    for s in fmt.sums:
        if s.target == cell_id:
            return sum((number(report, fmt, a) for a in s.addends), 0)
    return 0


def _total_column(table: Table, fmt: Format) -> str:
    """The column whose every cell is the sum of the other cells of its row (总计): held per format and table, as
    every draft of 二 and 四 asks for it."""
    return fmt._held(f"_total_column:{table.key}", lambda: _find_total_column(table, fmt))


def _find_total_column(table: Table, fmt: Format) -> str:
    row_sums = {s.target for s in fmt.sums if {fmt.cell(a).row for a in s.addends} == {fmt.cell(s.target).row}}
    for col in reversed(table.columns):
        if all(c.id in row_sums for c in table.cells if c.col == col.key):
            return col.key
    raise LookupError(f"table {table.key} has no total column")


def _addend_rows(fmt: Format, target: str) -> list[str]:
    """The rows a column total adds up (the 21 result rows of （七）总计), in table order."""
    column = fmt.cell(target).col
    addends = next(
        s.addends for s in fmt.sums if s.target == target and all(fmt.cell(a).col == column for a in s.addends)
    )
    return [fmt.cell(a).row for a in addends]


def _row_counts(report: Report, fmt: Format, table: Table, row_key: str, total_col: str) -> list[Count]:
    """The row's nonzero cells other than its total, named by their column: 自然人 2 件, 结果维持 1 件."""
    return [
        Count(_column_words(col.label, col.group), v)
        for col in table.columns
        if col.key != total_col and (v := number(report, fmt, _cell_id(fmt, table, row_key, col.key)))
    ]


def _column_words(label: str, group: str) -> str:
    """其他 under 法人或其他组织 reads 其他组织: “其他申请1件” would leave the reader guessing, and “其他法人或其他组织”
    reads oddly."""
    return _OTHER_ORGANISATIONS if label == "其他" and group else label


def _cell_id(fmt: Format, table: Table, row_key: str, col_key: str) -> str:
    """The id of the table's cell at (row, column), from an index held per format and table (a draft of 二 asks for
    dozens: a scan of the table's cells each time cost more than the rest of the draft)."""
    at = fmt._held(f"_cell_at:{table.key}", lambda: {(c.row, c.col): c.id for c in table.cells})
    return at[(row_key, col_key)]


_CATCH_ALL = "其他"


def _result_words(row: Row) -> str:
    """不予公开·国家秘密 → 不予公开（国家秘密）; 予以公开 stays as it is. A catch-all row (其他处理·其他) reads as what
    lands there (申请人撤回申请等其他情形): “其他处理（其他）” says nothing."""
    kind, _, detail = (row.short or row.label).partition("·")
    if detail == _CATCH_ALL and row.explain:
        return row.explain
    return f"{kind}（{detail}）" if detail else kind


def _plain(amount: Decimal) -> str:
    text = format(amount.normalize(), "f")
    return "0" if text == "-0" else text
