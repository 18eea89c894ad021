"""Drafts for the prose slots: from the facts the user gave and the report's own numbers, or last year's paragraph
with the years moved forward and the numbers that the tables decide written afresh."""

from __future__ import annotations

import re
from decimal import Decimal

import templates

from .. import drafting
from ..formats.questions import Question
from ..report import Report
from ..units import unit_kind
from .context import DialogContext

# 2024年 → 2025年, but not inside 〔2020〕 or a title in 《》: those cite documents, whose years never move
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
_CITATION = re.compile(r"〔[^〕]*〕|《[^》]*》|\[[^\]]*\]")
_SENTENCE = re.compile(r"[^。！？；]*[。！？；]?")
# a sentence of last year's that states what the tables now decide: a count of requests or cases, or a fee
_APPLICATION_CLAIM = re.compile(r"(?:申请|复议|诉讼).*?(?:\d+\s*(?:件|起|宗|条)|未收到|没有收到|未发生|未产生|无上年)"
                                r"|(?:\d+\s*(?:件|起|宗|条)|未收到|没有收到|未发生|无依申请|无政府信息公开申请)"
                                r".*?(?:申请|复议|诉讼)")
_FEE_CLAIM = re.compile(r"(?:信息处理费|费用).*?(?:\d+(?:\.\d+)?\s*元|未收取|不收取|没有收取|未产生)"
                        r"|(?:未收取|没有收取|收取).*?(?:信息处理费|费用)")
_TRIM = " \t\r\n。；;，,、.！!"


def move_years(text: str, by: int) -> str:
    """Every year moved forward by `by`, except inside citations of documents."""
    if not by:
        return text
    out, last = [], 0
    for m in _CITATION.finditer(text):
        out.append(_shift(text[last:m.start()], by))
        out.append(m.group())
        last = m.end()
    out.append(_shift(text[last:], by))
    return "".join(out)


def _shift(text: str, by: int) -> str:
    return _YEAR.sub(lambda m: str(int(m.group(1)) + by), text)


def replace_sentences(text: str, claim: re.Pattern[str], fresh: str) -> str:
    """Last year's paragraph without its sentences that make a `claim` the tables decide, followed by `fresh`."""
    kept = [s for s in _SENTENCE.findall(text) if s.strip() and not claim.search(s)]
    body = "".join(kept).strip()
    if body and body[-1] not in "。！？；":
        body += "。"
    return f"{body}{fresh}" if body else fresh


def self_word(ctx: DialogContext, report: Report) -> str:
    kind = unit_kind(ctx.unit_kind or report.unit_kind)
    return kind.self_word if kind else drafting.self_word(report)


def is_people_government(ctx: DialogContext) -> bool:
    kind = unit_kind(ctx.unit_kind)
    return bool(kind and kind.people_government) or ctx.unit_kind in ctx.fmt.people_government_kinds


def clean_facts(facts: str) -> str:
    text = " ".join(facts.split()).strip(_TRIM)
    return "" if text in ("无", "没有", "暂无", "1") else text


def split_problems(facts: str) -> tuple[str, str]:
    """“问题…；改进：…” → (问题, 改进)."""
    parts = re.split(r"[；;。，,\s]*(?:改进措施|改进情况|改进)\s*[:：]", facts, maxsplit=1)
    problems = re.sub(r"^(?:问题|存在问题|主要问题)\s*[:：]", "", parts[0].strip())
    return clean_facts(problems), clean_facts(parts[1]) if len(parts) > 1 else ""


def draft(q: Question, ctx: DialogContext, report: Report, facts: str = "", fees_yuan: str | None = None) -> str:
    """The paragraph offered for a prose question."""
    fresh = _fresh_numbers(q, report, fees_yuan)
    last_year = (ctx.previous.text.get(q.slot) or "").strip() if ctx.previous else ""
    if last_year:
        moved = move_years(last_year, report.year - ctx.previous.year)
        if q.drafter == "on_request":
            return replace_sentences(moved, _APPLICATION_CLAIM, fresh)
        if q.drafter == "other":
            return replace_sentences(moved, _FEE_CLAIM, fresh)
        return moved
    if fresh:
        return fresh
    return _from_template(q.drafter, ctx, report, facts)


def draft_preface(ctx: DialogContext, report: Report) -> str:
    last_year = (ctx.previous.text.get("preface") or "").strip() if ctx.previous else ""
    if last_year:
        return move_years(last_year, report.year - ctx.previous.year)
    return _from_template("preface", ctx, report, "")


def _fresh_numbers(q: Question, report: Report, fees_yuan: str | None) -> str:
    """The sentences the tables decide: 依申请公开 and 复议诉讼 from 三 and 四, 信息处理费 for 六."""
    if q.drafter == "on_request":
        return drafting.draft_on_request(report) + drafting.draft_appeals(report)
    if q.drafter == "other":
        return drafting.draft_fees(report, Decimal(fees_yuan) if fees_yuan else None)
    return ""


def _from_template(drafter: str, ctx: DialogContext, report: Report, facts: str) -> str:
    problems, improvements = split_problems(facts) if drafter in ("problems", "improvements") else ("", "")
    text = templates.render(
        f"prose/{drafter}.j2",
        unit=ctx.unit or report.unit,
        year=report.year,
        self_word=self_word(ctx, report),
        facts=clean_facts(facts),
        problems=problems,
        improvements=improvements,
        people_government=is_people_government(ctx),
        cells=report.cells,
    )
    return "".join(line.strip() for line in text.splitlines())
