"""The counts the prose of 一 states about table 二 (R9): decisions, 行政规范性文件, 行政事业性收费.

Only plain statements are claims: a decision count needs the word 决定 ("作出行政许可决定54件"; "办理行政许可事项54件"
may count something else); a 规范性文件 count needs a verb that names its column (制发/印发, 废止, 现行有效) in a sentence
about 规范性文件 and not about 规章; a fee needs the words 行政事业性收费 and no 信息处理费 in its clause. The row words
come from the format's table 二.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from ..formats import Format
from .textscan import COUNT, clause_text, clauses, cn_to_int, sentences

TABLE = "t2"
# words that name a column of the 规范性文件 row, and the column they name
_DOCUMENT_VERBS = (
    (re.compile(r"(?:制发|印发|出台|制定|发布)了?(?:行政)?(?:规范性文件)?(?:共|计|为)?\s*$"), "issued"),
    (re.compile(r"废止了?(?:行政)?(?:规范性文件)?(?:共|计|为)?\s*$"), "abolished"),
    (re.compile(r"现行有效的?(?:行政)?(?:规范性文件)?(?:共|计|为)?\s*$"), "in_force"),
)
_DOCUMENTS = re.compile(r"规范性文件")
_REGULATIONS = re.compile(r"规章")
_DECISION_TAIL = r"(?:处理)?决定(?:数量|数)?(?:共|计|为)?\s*$"
_FEE_WORDS = re.compile(r"行政事业性收费")
_FEE_EXCLUDED = re.compile(r"信息处理费|处理费")
_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|元)")
_NO_FEE = re.compile(r"(?:未|没有|无|不存在)(?:收取|产生|发生|涉及)?(?:任何)?(?:的)?行政事业性收费")
_TEN_THOUSAND = Decimal(10000)


def table_two_claims(fmt: Format, text: str, masked: str) -> Iterator[tuple[str, int | Decimal, str, str]]:
    """(quoted words, stated number, cell id, unit word) for every plain statement about table 二 in `text`."""
    if TABLE not in {t.key for t in fmt.tables}:
        return
    if "件" not in masked and not _FEE_WORDS.search(masked):
        return  # what every claim below needs in its clause: a count in 件 (a decision, a document), or the fee's words
    decisions, documents, fee = _cells(fmt)
    for s_start, s_end in sentences(masked):
        sentence = masked[s_start:s_end]
        about_documents = bool(documents and _DOCUMENTS.search(sentence) and not _REGULATIONS.search(sentence))
        for start, end in clauses(sentence):
            start, end = start + s_start, end + s_start
            clause = masked[start:end]
            yield from _decision_claims(decisions, clause, text, start)
            if about_documents:
                yield from _document_claims(documents, clause, text, start)
            if fee:
                yield from _fee_claims(fee, clause, text, start, end)


def _decision_claims(decisions: dict[str, str], clause: str, text: str, offset: int) -> Iterator[tuple]:
    for m in COUNT.finditer(clause):
        value = cn_to_int(m.group(1))
        if value is None or not m.group().rstrip().endswith("件"):
            continue
        prefix = clause[: m.start()]
        for word, cell in decisions.items():
            label = re.search(re.escape(word) + _DECISION_TAIL, prefix)
            if label:
                yield clause_text(text, offset + label.start(), offset + m.end()), value, cell, "件"
                break


def _document_claims(documents: dict[str, str], clause: str, text: str, offset: int) -> Iterator[tuple]:
    for m in COUNT.finditer(clause):
        value = cn_to_int(m.group(1))
        if value is None or not m.group().rstrip().endswith("件"):
            continue
        prefix = clause[: m.start()]
        for verb, column in _DOCUMENT_VERBS:
            label = verb.search(prefix)
            if label and column in documents:
                yield clause_text(text, offset + label.start(), offset + m.end()), value, documents[column], "件"
                break


def _fee_claims(cell: str, clause: str, text: str, start: int, end: int) -> Iterator[tuple]:
    if not _FEE_WORDS.search(clause) or _FEE_EXCLUDED.search(clause):
        return
    amounts = list(_AMOUNT.finditer(clause))
    if len(amounts) == 1:
        m = amounts[0]
        value = Decimal(m.group(1)) / (_TEN_THOUSAND if m.group(2) == "元" else 1)
        yield clause_text(text, start, end), value.normalize(), cell, "万元"
    elif not amounts and _NO_FEE.search(clause):
        yield clause_text(text, start, end), Decimal(0), cell, "万元"


@cache
def _cells(fmt: Format) -> tuple[dict[str, str], dict[str, str], str]:
    """Table 二's decision rows by their words, the 规范性文件 row's cells by column, and the fee cell."""
    table = fmt.table(TABLE)
    decisions: dict[str, str] = {}
    documents: dict[str, str] = {}
    fee = ""
    for cell in table.cells:
        row = table.row(cell.row)
        if cell.kind == "amount":
            fee = cell.id
        elif cell.col == "decisions":
            decisions[row.label] = cell.id
        elif _DOCUMENTS.search(row.label) and not _REGULATIONS.search(row.label):
            documents[cell.col] = cell.id
    return decisions, documents, fee
