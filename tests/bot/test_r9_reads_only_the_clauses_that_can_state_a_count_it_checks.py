"""R9 cuts into clauses only the texts that can claim something there (applications in their slots, 复议 and 诉讼 in
the sections reporting them), and reads table 二's claims only in a text holding a count in 件 (or 规范性文件), a 决定
or the fee's words, and its "none" statements only in a clause naming 决定 or 规范性文件: over the seeds, the drafts
and random edits of them, in every slot and year, the claims are exactly those of reading every clause of every text."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021
from bot.rules import claims as claims_module
from bot.rules import table_two
from bot.rules.claims import (
    _CARRIED_MENTION,
    _LITIGATION,
    APPLICATION_SLOTS,
    DECISION_SECTIONS,
    LITIGATION_SECTIONS,
    Claim,
    _application_claims,
    _litigation_claims,
    _vocabulary,
)
from bot.rules.textscan import clause_text, clauses, mask_citations, sentences
from tests.bot.draft_samples import demo_drafts, seed_drafts
from tests.bot.test_rules import GOOD_TEXT, seed_report
from tests.bot.text_edits import edited_texts


def _table_two_every_clause(text: str, masked: str) -> Iterator[tuple]:
    """Table 二's claims, every clause of every sentence read."""
    decisions, documents, fee = table_two._cells(GOV2021)
    for s_start, s_end in sentences(masked):
        sentence = masked[s_start:s_end]
        about_documents = bool(documents and table_two._DOCUMENTS.search(sentence)
                               and not table_two._REGULATIONS.search(sentence))
        for start, end in clauses(sentence):
            start, end = start + s_start, end + s_start
            clause = masked[start:end]
            yield from table_two._decision_claims(decisions, clause, text, start)
            yield from table_two._no_decision_claims(GOV2021, clause, text, start)
            if about_documents:
                yield from table_two._document_claims(documents, clause, text, start)
            yield from table_two._no_document_claims(documents, clause, text, start)
            if fee:
                yield from table_two._fee_claims(fee, clause, text, start, end)


def _every_clause(slot_id: str, text: str, year: int) -> list[Claim]:
    """A slot's claims as R9 read them before: every clause of every text."""
    out = []
    masked = mask_citations(text)
    section = GOV2021.slot(slot_id).section
    if section in DECISION_SECTIONS:
        out += [Claim(slot_id, shown, value, ((cell,),), unit=unit)
                for shown, value, cell, unit in _table_two_every_clause(text, masked)]
    for s_start, s_end in sentences(masked):
        carried = bool(_CARRIED_MENTION.search(masked, s_start, s_end))
        for start, end in clauses(masked[s_start:s_end]):
            start, end = start + s_start, end + s_start
            clause, shown = masked[start:end], clause_text(text, start, end)
            if _LITIGATION.search(clause):
                if section in LITIGATION_SECTIONS:
                    out += _litigation_claims(slot_id, clause, shown)
            elif slot_id in APPLICATION_SLOTS:
                out += _application_claims(_vocabulary(GOV2021), slot_id, clause, text[start:end], carried, year)
    return out


TEXTS = sorted({
    *GOOD_TEXT.values(), *(t for n in range(5) for t in seed_report(n).text.values() if t.strip()),
    *(t for drafts in (demo_drafts(), seed_drafts()) for part in drafts.values() for t in part.values() if t.strip()),
})
# what a claim turns on: counts, the words of 复议 and 诉讼, of table 二 and of carrying over, citations and breaks
PIECES = ["件", "3件", "十二件", "复议", "行政诉讼", "行政复议1件（结果维持1件）", "无因政府信息公开引起的行政复议和行政诉讼",
          "行政事业性收费", "收取行政事业性收费2.5万元", "信息处理费", "作出行政许可决定54件", "印发规范性文件2件", "规章",
          "未作出行政强制决定", "未作出行政许可、行政处罚和行政强制决定", "本年未制发、废止行政规范性文件", "决定",
          "收到申请", "共收到政府信息公开申请3件", "上年结转1件", "结转下年度继续办理1件", "自然人申请5件", "予以公开2件",
          "〔2021〕30号", "《条例》", "，", "。", "；", "\n", " ", "2024年", "１２件"]


def edited() -> st.SearchStrategy[str]:
    return edited_texts(TEXTS, PIECES, longest_cut=12)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(GOV2021.slot_ids), edited(), st.sampled_from([2020, 2023, 2024, 2025]))
def test_the_claims_of_a_text_are_those_of_reading_every_clause(slot_id: str, text: str, year: int) -> None:
    assert list(claims_module._claims_in(GOV2021, slot_id, text, year)) == _every_clause(slot_id, text, year)


def test_every_text_of_the_seeds_and_drafts_in_every_slot() -> None:
    for text in TEXTS:
        for slot_id in GOV2021.slot_ids:
            assert list(claims_module._claims_in(GOV2021, slot_id, text, 2024)) == _every_clause(slot_id, text, 2024)
