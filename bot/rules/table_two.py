"""The counts the prose of 一 states about table 二 (R9): decisions, 行政规范性文件, 行政事业性收费.

Only plain statements are claims: a decision count needs the word 决定 ("作出行政许可决定54件"; "办理行政许可事项54件"
may count something else), or the row's label and a colon before the column's own verb 处理 ("行政许可：共处理600件", as a
summary's bullets print it); a 规范性文件 count needs a verb that names its column (制发/印发, 废止, 现行有效) in a sentence
about 规范性文件 and not about 规章; a fee needs the words 行政事业性收费 and no 信息处理费 in its clause. The row words
come from the format's table 二.

A "none" is a claim of 0 on the same terms: the negation right before the verb and the row's own words ("未作出行政强制
决定", "全年未作出行政许可、行政处罚和行政强制决定", "本年未制发、废止行政规范性文件", "未收取行政事业性收费"); a none
about part of a row ("未制发涉及…的规范性文件", "未制发规章"), or a condition ("逾期未作出行政许可决定的"), is none.
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
# "none this year" for the 规范性文件 row: the negation, the verbs (each naming a column, or none: 修订), and the row
# right after them — 规章 only as the other half of a pair ("未制发规章和行政规范性文件")
_NEGATION = r"(?:未|没有|无|不存在)(?<!逾期未)(?<!逾期没有)"
_NONE_VERBS = {"制发": "issued", "印发": "issued", "出台": "issued", "制定": "issued", "发布": "issued",
               "废止": "abolished", "修订": None, "现行有效": "in_force"}
_NONE_VERB = "|".join(_NONE_VERBS)
_NONE_VERB_WORD = re.compile(_NONE_VERB)
# "none this year" for decisions: the negation, a verb, the rows' words (行政许可、行政处罚和行政强制, 行政 said once or
# each time) and 决定; not a condition ("逾期未作出行政许可决定的，…"), which states no count
_NO_DECISIONS = (
    rf"{_NEGATION}(?:作出|做出|产生|有)?(?:任何)?(?P<rows>(?:行政)?(?:{{rows}})(?:(?:[、和及与或]|以及)?(?:行政)?(?:{{rows}}))*)"
    r"(?:类|方面)?的?(?:处理)?决定(?!的(?!情况|情形)|之?前|时)"
)
_NO_DOCUMENTS = re.compile(
    rf"{_NEGATION}(?:新)?(?P<verbs>(?:{_NONE_VERB})(?:(?:[、和及与或]|以及)?(?:{_NONE_VERB}))*)了?(?:任何)?(?:新的?)?的?"
    r"(?:规章[和及与、或])?(?:行政)?规范性文件(?!的?(?:备案|审查|审核|清理|解读|合法性))"
)
_DOCUMENTS = re.compile(r"规范性文件")
_REGULATIONS = re.compile(r"规章")
_DECISION_TAIL = r"(?:处理)?决定(?:数量|数)?(?:共|计|为)?\s*$"
# a row's label, a colon and the column's verb (本年处理决定数量): "· 行政许可：共处理600件"
_LABELLED_TAIL = r"\s*[:：]\s*(?:本年度?|全年)?(?:共|累计)?(?:处理|作出|做出)(?:决定)?(?:共|计|为)?\s*"
_FEE_WORDS = re.compile(r"行政事业性收费")
_FEE_EXCLUDED = re.compile(r"信息处理费|处理费")
_AMOUNT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(万元|元)")
_NO_FEE = re.compile(r"(?:未|没有|无|不存在)(?:收取|产生|发生|涉及)?(?:任何)?(?:的)?行政事业性收费")
_TEN_THOUSAND = Decimal(10000)


def table_two_claims(fmt: Format, text: str, masked: str) -> Iterator[tuple[str, int | Decimal, str, str]]:
    """(quoted words, stated number, cell id, unit word) for every plain statement about table 二 in `text`."""
    if TABLE not in {t.key for t in fmt.tables}:
        return
    if "件" not in masked and "决定" not in masked and not _FEE_WORDS.search(masked):
        return  # what every claim below needs in its clause: a count in 件 or a 规范性文件, a 决定, or the fee's words
    decisions, documents, fee = _cells(fmt)
    for s_start, s_end in sentences(masked):
        sentence = masked[s_start:s_end]
        about_documents = bool(documents and _DOCUMENTS.search(sentence) and not _REGULATIONS.search(sentence))
        yield from _labelled_decision_claims(decisions, sentence, text, s_start)
        for start, end in clauses(sentence):
            start, end = start + s_start, end + s_start
            clause = masked[start:end]
            yield from _decision_claims(decisions, clause, text, start)
            if "决定" in clause:
                yield from _no_decision_claims(fmt, clause, text, start)
            if about_documents:
                yield from _document_claims(documents, clause, text, start)
            if documents and "规范性文件" in clause:
                yield from _no_document_claims(documents, clause, text, start)
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


def _labelled_decision_claims(decisions: dict[str, str], sentence: str, text: str, offset: int) -> Iterator[tuple]:
    """A count after a row's label and a colon, with the column's verb: "行政许可：共处理600件" (the colon parts the
    clauses, so the clause alone never holds both)."""
    for word, cell in decisions.items():
        if word not in sentence:  # most sentences name no decision: no pattern is looked up for them
            continue
        for label in re.finditer(re.escape(word) + _LABELLED_TAIL, sentence):
            m = COUNT.match(sentence, label.end())
            value = cn_to_int(m.group(1)) if m and m.group().rstrip().endswith("件") else None
            if value is not None:
                yield clause_text(text, offset + label.start(), offset + m.end()), value, cell, "件"


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


def _no_decision_claims(fmt: Format, clause: str, text: str, offset: int) -> Iterator[tuple]:
    """0 for each decision row a "none" names: “未作出行政许可、行政处罚和行政强制决定” claims all three."""
    pattern, row_word, cell_of = _none_decisions(fmt)
    for m in pattern.finditer(clause):
        shown = clause_text(text, offset + m.start(), offset + m.end())
        for word in dict.fromkeys(row_word.findall(m.group("rows"))):
            yield shown, 0, cell_of[word], "件"


def _no_document_claims(documents: dict[str, str], clause: str, text: str, offset: int) -> Iterator[tuple]:
    """0 for each column a "none" names: “本年未制发、废止行政规范性文件” claims 制发 and 废止."""
    for m in _NO_DOCUMENTS.finditer(clause):
        shown = clause_text(text, offset + m.start(), offset + m.end())
        columns = (_NONE_VERBS[verb] for verb in _NONE_VERB_WORD.findall(m.group("verbs")))
        for column in dict.fromkeys(c for c in columns if c in documents):
            yield shown, 0, documents[column], "件"


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
def _none_decisions(fmt: Format) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The "none" of table 二's decision rows, read from the format: the pattern, the row words as said after 行政
    (许可, 处罚, 强制), and each such word's cell."""
    cell_of = {label.removeprefix("行政"): cell for label, cell in _cells(fmt)[0].items()}
    words = "|".join(map(re.escape, sorted(cell_of, key=len, reverse=True)))
    return re.compile(_NO_DECISIONS.format(rows=words)), re.compile(words), cell_of


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
