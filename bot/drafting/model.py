"""A language model's draft, held to the numbers: what it is asked, and the check its answer must pass.

The model gets the unit, its kind and self-word, the year, the part, the clerk's facts (numbered) and the table
figures, and answers JSON: {"draft": "…", "facts_used": [1, 3]}. Its draft is shown only if `check_model_draft`
finds nothing: every number is among the facts or the figures, every fact it says it used exists, it names no other
unit and no other year, speaks with the unit's own self-word, keeps within the length the format allows, numbers its
points as the built-in drafts do (一是 … at most 五是, in order, no more points than the clerk gave) and passes the
checks a clerk's own answer gets (R9, R11, R13) — otherwise the template draft is used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import templates

from ..formats import GOV2021, Format
from ..report import Report
from ..units import TOWNSHIP_SELF_WORDS, UNIT_KINDS, core_name, zone_forms
from .parts import Voice, figures, split_problems
from .wording import fact_items, half_width

# 一's five parts together stay near 1,000 characters (DOMAIN.md): a part may take a good share of it, no more
MAX_CHARS = {"summary": 300, "active": 400, "on_request": 400, "management": 300, "platform": 300,
             "oversight": 300, "problems": 300, "improvements": 300, "other": 300}
_CITED = re.compile(r"《[^》]*》|〔[^〕]*〕|（[^（）]*号）")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")
# a point's ordinal (一是…；二是…, also run on after the subject: 我镇一是…): the built-in drafts count up to 五是, then
# number (1)…(6); not the 一 of a word (统一是, 唯一是, 第一是)
_ORDINAL = re.compile(r"(?<![第统唯同单不万划专])([一二三四五六七八九十])是(?![的否])")
_ORDINALS = "一二三四五六七八九十"
_MOST_IS_POINTS = 5


@dataclass(frozen=True)
class ModelDraft:
    draft: str
    facts_used: tuple[int, ...]


def model_facts(part: str, facts: str | Sequence[str]) -> list[str]:
    """The facts as the model sees them, numbered from 1 (5.2 gets the 改进 points of 5.1)."""
    if part in ("problems", "improvements"):
        problems, improvements = split_problems(facts)
        return improvements if part == "improvements" else problems
    return fact_items(facts)


def model_messages(part: str, facts: list[str], report: Report, voice: Voice, fmt: Format = GOV2021) -> list[dict]:
    """The chat-completions messages for one part (templates/drafts/model_*.j2)."""
    heading = next((q.prompt for q in fmt.questions if q.drafter == part), part)
    known = figures(report, fmt)
    stated = {_label(fmt, fmt.roles[k]): str(v) for k, v in known.items() if v}
    # a figure whose question was skipped is unknown: the model is told so, never that the tables are all 0
    unknown = [_label(fmt, fmt.roles[k]) for k, v in known.items() if v is None]
    context = {"part": part, "heading": heading, "facts": facts, "figures": stated, "unknown": unknown, "voice": voice,
               "max_chars": MAX_CHARS.get(part, 300), "kind": voice.kind}
    return [{"role": "system", "content": templates.render("drafts/model_system.j2", **context).strip()},
            {"role": "user", "content": templates.render("drafts/model_user.j2", **context).strip()}]


def _label(fmt: Format, cell_id: str) -> str:
    cell = fmt.cell(cell_id)
    table = fmt.table(cell.table)
    return f"表{table.section}·{table.row(cell.row).label}·{table.column(cell.col).label}"


def parse_model_reply(content: str) -> ModelDraft | None:
    """The model's JSON answer (perhaps inside a ```json fence), or None when it is not one."""
    m = re.search(r"\{.*\}", content or "", re.S)
    if not m:
        return None
    try:
        data = json.loads(m.group())
    except ValueError:
        return None
    draft, used = data.get("draft"), data.get("facts_used", [])
    if not isinstance(draft, str) or not isinstance(used, list) or not all(isinstance(i, int) for i in used):
        return None
    return ModelDraft(" ".join(draft.split()), tuple(used))


def check_model_draft(answer: ModelDraft, part: str, facts: list[str], report: Report, voice: Voice,
                      other_units: Sequence[str] = (), fmt: Format = GOV2021) -> list[str]:
    """What is wrong with a model's draft (empty: it may be shown). Each problem is one line for the operator."""
    text = half_width(answer.draft)
    problems = []
    if not text.strip():
        return ["empty draft"]
    if len(text) > MAX_CHARS.get(part, 300):
        problems.append(f"too long: {len(text)} characters")
    if any(i < 1 or i > len(facts) for i in answer.facts_used):
        problems.append(f"facts_used names facts that do not exist: {list(answer.facts_used)}")
    if facts and not answer.facts_used:
        problems.append("facts_used is empty although the clerk gave facts")
    allowed = _allowed_numbers(facts, report, fmt)
    invented = [n for n in _NUMBER.findall(_years_out(_CITED.sub("", text))) if _canonical(n) not in allowed]
    if invented:
        problems.append(f"numbers not among the facts or the tables: {invented}")
    stale = [y for y in _YEAR.findall(_CITED.sub("", text)) if int(y) not in _allowed_years(part, voice.year)]
    if stale:
        problems.append(f"another year: {stale}")
    problems += _voice_problems(text, voice, other_units)
    problems += _point_problems(text, facts)
    problems += _rule_problems(text, part, report, voice, other_units, fmt)
    return problems


def _point_problems(text: str, facts: list[str]) -> list[str]:
    """The points' ordinals as the built-in drafts write them: 一是, 二是 … in order, at most 五是 (more points are
    numbered （1）…（6）), and no more points than the clerk gave facts (a 六是 after five facts is a point made up)."""
    ordinals = [_ORDINALS.index(m.group(1)) + 1 for m in _ORDINAL.finditer(text)]
    if not ordinals:
        return []
    problems = []
    if ordinals != list(range(1, len(ordinals) + 1)):
        problems.append(f"points out of order: {[_ORDINALS[n - 1] + '是' for n in ordinals]}")
    if max(ordinals) > _MOST_IS_POINTS:
        problems.append(f"points past 五是 ({_ORDINALS[max(ordinals) - 1]}是): more than five are numbered （1）…")
    if facts and max(ordinals) > len(facts):
        problems.append(f"{max(ordinals)} points from {len(facts)} facts: a point the clerk did not give")
    return problems


def _allowed_numbers(facts: list[str], report: Report, fmt: Format) -> set[str]:
    numbers = {_canonical(str(v)) for v in report.cells.values() if v is not None}
    numbers |= {_canonical(n) for f in facts for n in _NUMBER.findall(half_width(f))}
    return numbers


def _canonical(number: str) -> str:
    return number.rstrip("0").rstrip(".") if "." in number else str(int(number))


def _years_out(text: str) -> str:
    return _YEAR.sub("", text)


def _allowed_years(part: str, year: int) -> set[int]:
    return {year, year + 1} if part == "improvements" else {year}  # plans may name next year


def _voice_problems(text: str, voice: Voice, other_units: Sequence[str]) -> list[str]:
    problems = []
    if voice.self_word not in text:
        problems.append(f"the unit's self-word {voice.self_word} is missing")
    wrong = {w for w in {k.self_word for k in UNIT_KINDS.values()} | set(TOWNSHIP_SELF_WORDS.values())
             if w != voice.self_word and w in text}
    if wrong:
        problems.append(f"speaks as another kind of unit: {sorted(wrong)}")
    names = [n for n in other_units if n and (n in text or len(core_name(n)) >= 2 and core_name(n) in text
                                              or any(form in text for form in zone_forms(n)))]  # 舒城经开区
    if names:
        problems.append(f"names another unit: {names}")
    return problems


def _rule_problems(text: str, part: str, report: Report, voice: Voice, other_units: Sequence[str],
                   fmt: Format) -> list[str]:
    """R9, R11 and R13 on the draft as an answer to its slot (the checks a clerk's own answer gets)."""
    # the rules read drafts too: imported here, so that drafting stays below them
    from ..rules.answer import check_answer

    slot = next((q.slot for q in fmt.questions if q.drafter == part), "")
    if not slot:
        return []
    return [f"{f.rule}: {f.message}" for f in check_answer(slot, text, report, other_units=other_units, fmt=fmt)]


def model_inputs(part: str, facts: Any, report: Report, voice: Voice) -> dict[str, Any]:
    """What a model-draft job needs, as JSON (the job runs later, in another task)."""
    return {"part": part, "facts": facts if isinstance(facts, str) else list(facts), "report": report.to_dict(),
            "voice": {"name": voice.name, "kind": voice.kind, "self_word": voice.self_word, "year": voice.year,
                      "people_government": voice.people_government}}
