"""Drafts for the prose slots: from the facts the user gave and the report's own numbers, or last year's paragraph
with the years moved forward and the numbers that the tables decide written afresh."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import templates

from .. import drafting, messages
from ..formats.questions import Question
from ..parse import normalise, parse_yes_no
from ..report import Report, with_derived
from ..units import TOWNSHIP_SELF_WORDS, unit_kind
from .context import DialogContext
from .flow import Turn, has_facts_stage, mark_answered, unmark

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


# --- what the user typed: material for a draft, never final text as it is -----------------------------------

NOTHING = "无"  # stored as the facts when the user said there is nothing particular to report
# replies that answer no facts question: shrugs, acknowledgements, command words
_NON_ANSWERS = frozenset(
    "不知道 不清楚 不晓得 不了解 不懂 不会 不确定 忘了 好 好的 好吧 行 可以 嗯 嗯嗯 哦 噢 ok 收到 明白 知道了 "
    "采用 采纳 使用 用 就这样 继续 下一步 下一题 下一个 同上 同前 如上 一样 随便 都行 啥 什么 ? 是 是的 对 1 2 否 不 "
    "不是 返回 跳过 确认".split()
)
_NOTHING_WORDS = frozenset("无 没有 暂无 没 没了 没有了 都没有 没什么 没啥 无此情况 无特别情况 无其他情况 无相关情况 均无".split())
_DEFAULT_WORDS = frozenset("默认 用默认 按默认 你写 您写 帮我写 代写 你来写 您来写".split())
# where “无” means nothing, not “nothing special”: a report must name its problems
_NOTHING_REASKED = ("problems",)
_OWN_TEXT_MIN = 60  # a reply to a draft at least this long is a paragraph of the user's own
_OWN_SENTENCE_MIN = 20  # … or at least this long and ending like a sentence
_ENDS_SENTENCE = "。！？!?"
_MEASURE = "条期次个件篇场人家项份万余多年月日%％"
_SPACE = re.compile(r"[ \t\u3000]+")
_CJK = r"[\u3400-\u9fff“”‘’《》（）]"


def read_facts(text: str, drafter: str) -> tuple[str, str]:
    """What a facts answer is: ("facts", tidied text), ("nothing", NOTHING), ("default", "") or ("reask", why)."""
    tidy = tidy_facts(text)
    word = tidy.strip(_TRIM).casefold()
    if not word or word in _NON_ANSWERS or len(set(word)) == 1 and word[0] in "嗯哦噢好?":
        return "reask", "non_answer"
    if word in _DEFAULT_WORDS:
        return "default", ""
    if word in _NOTHING_WORDS:
        return ("reask", "nothing") if drafter in _NOTHING_REASKED else ("nothing", NOTHING)
    return "facts", tidy


def tidy_facts(text: str) -> str:
    """Notes as prose material: no emoji or control characters, items joined by 、 or ，, no final full stop."""
    text = "".join(ch for ch in text if _kept(ch))
    text = text.replace("\r", "\n").translate(_HALF_TO_FULL)
    lines = [_tidy_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    joiner = "；" if any("，" in line for line in lines) else "，"
    return joiner.join(lines).strip(_TRIM)


def _kept(ch: str) -> bool:
    if ch in "\n\t":
        return True
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Co", "Cs", "So", "Sk") or "\ufe00" <= ch <= "\ufe0f":
        return False
    return not ("\U0001f000" <= ch <= "\U0001faff")


_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})


def _tidy_line(line: str) -> str:
    line = _SPACE.sub(" ", line).strip().strip(_TRIM)
    line = re.sub(r"^(?:\d+[.、．]|[（(]\d+[)）]|[①-⑩]|[-*•·])\s*", "", line)  # list marks
    line = re.sub(rf"(?<={_CJK}) (?=\d)", "", line)  # 专栏 56 → 专栏56
    line = re.sub(rf"(?<=\d) (?=[{_MEASURE}])", "", line)  # 56 条 → 56条
    line = re.sub(rf"(?<=[\d{_MEASURE}]) (?={_CJK})", "、", line)  # 网站56条 公众号120条 → 、
    line = re.sub(rf"(?<={_CJK}) (?={_CJK})", "、", line)
    line = re.sub(r" ?([，。；：、！？]) ?", r"\1", line)
    return re.sub(r"([，；、])[，；、]+", r"\1", line)


def read_offer_reply(text: str) -> str:
    """A reply to an offered draft that is neither 采用 nor a fee: "own" (a paragraph to adopt), "facts" (notes to
    redraft with), "nothing" (无) or "unclear"."""
    body = " ".join(text.split())
    word = body.strip(_TRIM).casefold()
    if not word or word in _NON_ANSWERS or word in _DEFAULT_WORDS:
        return "unclear"
    if word in _NOTHING_WORDS:
        return "nothing"
    lines = [line for line in text.splitlines() if line.strip()]
    is_list = len(lines) > 1 and all(len(line.strip()) < 30 and "。" not in line.strip()[:-1] for line in lines)
    sentence = len(body) >= _OWN_SENTENCE_MIN and body.rstrip()[-1] in _ENDS_SENTENCE
    if not is_list and (len(body) >= _OWN_TEXT_MIN or sentence):
        return "own"
    return "facts"


def own_text(text: str) -> tuple[str, bool]:
    """The user's paragraph as it will stand: control characters and emoji dropped, a closing 。 added when missing."""
    kept = "".join(ch for ch in text if _kept(ch) or ch == " ").strip()
    kept = re.sub(r"[ \t]*\n[ \t]*", "\n", kept)
    if kept and kept[-1] not in _ENDS_SENTENCE + "”）)":
        return kept + "。", True
    return kept, False


def clean_facts(facts: str) -> str:
    text = tidy_facts(facts)
    return "" if text in _NOTHING_WORDS or text in ("1",) else text


def split_problems(facts: str) -> tuple[str, str]:
    """“问题…；改进：…” → (问题, 改进)."""
    parts = re.split(r"[；;。，,\s]*(?:改进措施|改进情况|改进)\s*[:：]", facts, maxsplit=1)
    problems = re.sub(r"^(?:问题|存在问题|主要问题)\s*[:：]", "", parts[0].strip())
    return clean_facts(problems), clean_facts(parts[1]) if len(parts) > 1 else ""


def with_improvements(facts: str, improvements: str) -> str:
    """The 5.1 facts with their 改进 part replaced: a reply at the 5.2 draft."""
    problems, _ = split_problems(facts)
    return messages.text("dialog", "facts_with_improvements", problems=problems, improvements=improvements)


def draft(q: Question, ctx: DialogContext, report: Report, facts: str = "", fees_yuan: str | None = None) -> str:
    """The paragraph offered for a prose question."""
    words = self_word(ctx, report)
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
        extra = own_words(clean_facts(facts), words)
        return polish(f"{fresh}{extra}。" if extra else fresh, words)
    return polish(_from_template(q.drafter, ctx, report, facts), words)


def draft_preface(ctx: DialogContext, report: Report) -> str:
    last_year = (ctx.previous.text.get("preface") or "").strip() if ctx.previous else ""
    if last_year:
        return move_years(last_year, report.year - ctx.previous.year)
    return _from_template("preface", ctx, report, "")


def own_words(text: str, words: str) -> str:
    """The user's notes in the unit's own voice: 我镇 in a 乡's notes becomes 我乡 (not 我乡镇, which is generic)."""
    own = next((kind for kind, w in TOWNSHIP_SELF_WORDS.items() if w == words), None)
    if own is None:
        return text
    for kind in TOWNSHIP_SELF_WORDS:
        if kind != own:
            text = re.sub(rf"([我本全]){kind}(?!镇)" if kind == "乡" else rf"([我本全]){kind}", rf"\g<1>{own}", text)
    return text


def polish(text: str, words: str) -> str:
    """One mention of the unit per sentence (“我乡持续加强…，我乡运营…” → “…，运营…”), and no doubled punctuation."""
    out = []
    for sentence in re.findall(r"[^。！？]*[。！？]?", text):
        first = sentence.find(words)
        if first >= 0:
            head, tail = sentence[: first + len(words)], sentence[first + len(words):]
            sentence = head + re.sub(rf"(?<=[，；、：]){re.escape(words)}", "", tail)
        out.append(sentence)
    text = "".join(out)
    text = re.sub(r"[，、；]+([。；！？])", r"\1", text)
    return re.sub(r"([，、；：。])\1+", r"\1", text)


def _fresh_numbers(q: Question, report: Report, fees_yuan: str | None) -> str:
    """The sentences the tables decide: 依申请公开 and 复议诉讼 from 三 and 四, 信息处理费 for 六."""
    if q.drafter == "on_request":
        return drafting.draft_on_request(report) + drafting.draft_appeals(report)
    if q.drafter == "other":
        return drafting.draft_fees(report, Decimal(fees_yuan) if fees_yuan else None)
    return ""


# facts the 监督保障 paragraph of a people's government must state (考核、社会评议、责任追究) and how they read
_NO_ACCOUNTABILITY = re.compile(r"(?:无|没有|未发生|未有|不存在)(?:政府信息公开)?(?:工作)?(?:的)?(?:责任追究|追责|问责)(?:情况)?")
_TRAINING = re.compile(r"^(?:组织|开展|举办|参加)?(?:政务公开)?(?:业务)?培训\s*(\d+|[一二两三四五六七八九十]+)\s*(?:次|场|期)")
OVERSIGHT_ASPECTS = {"考核": re.compile(r"考核|考评"), "社会评议": re.compile(r"评议|满意度|测评"),
                     "责任追究": re.compile(r"追究|追责|问责")}


def oversight_gaps(ctx: DialogContext, facts: str) -> list[str]:
    """What a people's government's 监督保障 facts leave out of 考核、社会评议、责任追究 (shown as a hint, never invented)."""
    if not is_people_government(ctx):
        return []
    return [name for name, pattern in OVERSIGHT_ASPECTS.items() if not pattern.search(facts or "")]


def _oversight_items(facts: str) -> str:
    items = [item for item in re.split(r"[，；、]", facts) if item]
    out = []
    for item in items:
        if _NO_ACCOUNTABILITY.fullmatch(item):
            item = "本年度未发生政府信息公开工作责任追究情况"
        elif (m := _TRAINING.match(item)) and m.end() == len(item):
            item = f"组织政务公开业务培训{m.group(1)}次"
        elif item.startswith("纳入"):
            item = f"将政务公开工作{item}"
        out.append(item)
    return "，".join(out)


def _from_template(drafter: str, ctx: DialogContext, report: Report, facts: str) -> str:
    words = self_word(ctx, report)
    problems, improvements = split_problems(facts) if drafter in ("problems", "improvements") else ("", "")
    tidy = own_words(clean_facts(facts), words)
    text = templates.render(
        f"prose/{drafter}.j2",
        unit=ctx.unit or report.unit,
        year=report.year,
        self_word=words,
        facts=_oversight_items(tidy.removeprefix(words)) if drafter == "oversight" else tidy,
        nothing=tidy_facts(facts) in _NOTHING_WORDS,
        problems=own_words(problems, words),
        improvements=re.sub(r"^(?:下一步|今后|明年)?[，,]?(?:将|要|拟)?", "", own_words(improvements, words)),
        people_government=is_people_government(ctx),
        cells=report.cells,
    )
    return "".join(line.strip() for line in text.splitlines())


# --- answering a prose question --------------------------------------------------------------------------------

_ADOPT = frozenset("1 采用 采纳 用 使用 就这样 可以".split())
_YUAN = re.compile(r"^(?:收取|收了|已收取|共收取)?\s*(\d+(?:\.\d+)?)\s*元?$")


def answer(turn: Turn, q: Question, sub: int, text: str) -> bool:
    """A reply to a prose question: the facts (sub 0), or a reply to the offered draft; False keeps the question."""
    if sub == 0:
        return _answer_facts(turn, q, text)
    return _answer_offer(turn, q, text)


def _answer_facts(turn: Turn, q: Question, text: str) -> bool:
    kind, facts = read_facts(text, q.drafter)
    if kind == "reask":
        turn.log.append(f"{q.code} {text}")
        turn.say(templates.render("prose/_reask.j2", why=facts, typed=tidy_facts(text)[:20]).strip())
        return False
    turn.state["facts"][q.code] = facts
    _continue_at(turn, q, 1)
    return True


def _answer_offer(turn: Turn, q: Question, text: str) -> bool:
    word = normalise(text).strip("。.!！ ")
    if word in _ADOPT or parse_yes_no(word) is True:
        return _adopt(turn, q, turn.state["offered"].get(q.code) or _redraft(turn, q))
    fee = _YUAN.match(word) if q.drafter == "other" else None
    if fee:
        turn.state["fees_yuan"] = str(Decimal(fee.group(1)))
        _continue_at(turn, q, 1)
        return True  # asked again with the amount in the draft
    kind = read_offer_reply(text)
    if kind == "nothing" and q.drafter == "other":  # 无 at 六: no fee was collected, the default draft stands
        had_fee = bool(turn.state.get("fees_yuan"))
        turn.state["fees_yuan"] = None
        if had_fee:
            _continue_at(turn, q, 1)
            return True
        return _adopt(turn, q, turn.state["offered"].get(q.code) or _redraft(turn, q))
    if kind == "own":
        paragraph, closed = own_text(text)
        turn.report.text[q.slot] = paragraph
        mark_answered(turn.state, q.code)
        turn.say(templates.render("prose/_own_text.j2", text=paragraph, closed=closed).strip())
        return True
    if kind == "facts" or (kind == "nothing" and has_facts_stage(turn.ctx, q)):
        _add_facts(turn, q, tidy_facts(text) if kind == "facts" else NOTHING)
        _continue_at(turn, q, 1)
        return True  # a new draft is offered
    turn.log.append(f"{q.code} {text}")
    turn.say(messages.say("draft_unclear"))
    return False


def _adopt(turn: Turn, q: Question, paragraph: str) -> bool:
    turn.report.text[q.slot] = paragraph
    mark_answered(turn.state, q.code)
    turn.say(messages.say("draft_adopted"))
    return True


def _redraft(turn: Turn, q: Question) -> str:
    facts = turn.state["facts"].get(q.facts_from or q.code, "")
    return draft(q, turn.ctx, with_derived(turn.report, turn.fmt), facts, turn.state.get("fees_yuan"))


def _add_facts(turn: Turn, q: Question, facts: str) -> None:
    """Facts sent at a draft replace those of its facts question; 5.2 takes them as the 改进 part of 5.1's."""
    if q.facts_from:
        turn.state["facts"][q.facts_from] = with_improvements(turn.state["facts"].get(q.facts_from, ""), facts)
    elif q.facts_prompt or facts == NOTHING:
        turn.state["facts"][q.code] = facts
    else:  # no facts question (开头, 依申请公开, 六): the notes are added to the drafted paragraph
        before = turn.state["facts"].get(q.code, "")
        turn.state["facts"][q.code] = f"{before}；{facts}" if before else facts


def _continue_at(turn: Turn, q: Question, sub: int) -> None:
    """The question goes on at `sub` (the draft after the facts), even if answered before."""
    unmark(turn.state, q.code)
    turn.state["partial"][q.code] = sub
