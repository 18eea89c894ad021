"""Drafts for the prose slots: from the facts the user gave and the report's own numbers, or — for the descriptive
parts — last year's paragraph with the years moved forward. A part that states this year's numbers (依申请公开, 六's
信息处理费) is always drafted afresh from the tables: last year's text would state last year's numbers."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from functools import lru_cache

import templates

from .. import drafting, messages, mistyped, spoken
from ..findings import Finding
from ..formats import Format
from ..formats.questions import Question
from ..parse import normalise, parse_yes_no
from ..report import Report, whole_or_blank
from ..rules.answer import apply_fixes
from ..rules.table_two import table_two_claims
from ..rules.textscan import cn_to_int, mask_citations
from ..spoken import END_PARTICLES, decoration_replaced
from ..units import place_of_level, self_word_of, self_word_pattern, unit_kind
from . import corrections, facts
from .checks import prose_findings
from .context import DialogContext, is_people_government
from .facts import as_text as facts_as_text
from .flow import Turn, has_facts_stage, mark_answered, question, relevant_questions, unmark

# 2024年 → 2025年, but not inside 〔2020〕 or a title in 《》: those cite documents, whose years never move
_YEAR = re.compile(r"(?<!\d)(\d{4})(?=\s*年)")
_CITATION = re.compile(r"〔[^〕]*〕|《[^》]*》|\[[^\]]*\]")
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


def self_word(ctx: DialogContext, report: Report) -> str:
    kind = unit_kind(ctx.unit_kind or report.unit_kind)
    return self_word_of(kind, ctx.unit or report.unit) if kind else drafting.self_word(report)


# --- what the user typed: material for a draft, never final text as it is -----------------------------------

NOTHING = facts.NOTHING  # the one fact when the user said there is nothing particular to report
# replies that answer no facts question: shrugs, acknowledgements, command words
_NON_ANSWERS = frozenset(
    "不知道 不清楚 不晓得 不了解 不懂 不会 不确定 忘了 好 好的 好吧 行 可以 嗯 嗯嗯 哦 噢 ok 收到 明白 知道了 "
    "采用 采纳 使用 用 就这样 继续 下一步 下一题 下一个 同上 同前 如上 一样 随便 都行 啥 什么 ? 是 是的 对 1 2 否 不 "
    "不是 返回 跳过 确认 "
    # the offer's own words, typed back to see it again (要点, 看看草稿): never a note (it had been drafted 此外，要点。)
    "要点 看要点 查看要点 看看要点 要点呢 列出要点 草稿 看草稿 查看草稿 看看草稿 草稿呢".split()
)
_DEFAULT_WORDS = frozenset("默认 用默认 按默认 你写 您写 帮我写 代写 你来写 您来写".split())
# where “无” means nothing, not “nothing special”: a report must name its problems
_NOTHING_REASKED = ("problems",)
_OWN_TEXT_MIN = 60  # a reply to a draft at least this long is a paragraph of the user's own
_ENDS_SENTENCE = "。！？!?"
_MEASURE = "条期次个件篇场人家项份万余多年月日%％"
_SPACE = re.compile(r"[ \t\u3000]+")
_CJK = r"[\u3400-\u9fff“”‘’《》（）]"


def read_facts(text: str, drafter: str) -> tuple[str, str]:
    """What a facts answer is: ("facts", tidied text), ("nothing", NOTHING), ("default", "") or ("reask", why)."""
    tidy = tidy_facts(text)
    word = drafting.without_spoken_lead(tidy.strip(_TRIM)).strip(_TRIM).casefold() or tidy.strip(_TRIM).casefold()
    if not drafting.without_lead(word).strip(_TRIM):  # 还有, 嗯那个, 我们这边: only the words before an answer
        return "reask", "non_answer"
    if not word or word in _NON_ANSWERS or len(set(word)) == 1 and word[0] in "嗯哦噢好?":
        return "reask", "non_answer"
    if word in _DEFAULT_WORDS:
        return "default", ""
    if drafting.says_nothing_more(drafting.without_lead(word)):
        return ("reask", "nothing") if drafter in _NOTHING_REASKED else ("nothing", NOTHING)
    return "facts", tidy


@lru_cache(maxsize=256)
def tidy_facts(text: str) -> str:
    """Notes as prose material: no emoji or control characters, items joined by 、 or ，, no final full stop (held
    for the last few notes: one reply is tidied as a whole, then statement by statement)."""
    text = decoration_replaced(text)
    text = text.replace("\r", "\n").translate(_HALF_TO_FULL)
    lines = [_tidy_line(line) for line in text.split("\n")]
    lines = [line for line in lines if line]
    joiner = "；" if any("，" in line for line in lines) else "，"
    return joiner.join(lines).strip(_TRIM)




_HALF_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"})


def _tidy_line(line: str) -> str:
    """One line of a reply as the clerk's material, every word kept: not `drafting.clean_note`, which writes one
    note in report wording and gives "" for what states nothing. Read after this, 没有别的了 is a facts answer of
    nothing (`read_facts`) and 我问问小王 chatter to name back (`read_statements`); spaced items are joined by 、 (网站 56
    条 公众号 120 条 → 网站56条、公众号120条), where the drafting cuts them into notes."""
    line = _SPACE.sub(" ", line).strip().strip(_TRIM)
    line = _LIST_MARK.sub("", line)
    if " " in line:
        line = _SPACE_BEFORE_NUMBER.sub("", line)
        line = _SPACE_BEFORE_MEASURE.sub("", line)
        line = _SPACE_BETWEEN_ITEMS.sub(_item_break, line)
        line = _SPACE_AROUND_MARK.sub(r"\1", line)
    line = _CLAUSE_AFTER_LIST_MARK.sub("，", line)
    return _MARKS_REPEATED.sub(r"\1", line)


# compiled once: a note's every line is tidied, in every message that reads the notes
_LIST_MARK = re.compile(r"^(?:\d+[.、．]|[（(]\d+[)）]|[①-⑩]|[-*•·])\s*")
_SPACE_BEFORE_NUMBER = re.compile(rf"(?<={_CJK}) (?=\d)")  # 专栏 56 → 专栏56
_SPACE_BEFORE_MEASURE = re.compile(rf"(?<=\d) (?=[{_MEASURE}])")  # 56 条 → 56条
_SPACE_BETWEEN_ITEMS = re.compile(rf"(?<=[\d{_MEASURE}{_CJK[1:-1]}]) (?={_CJK})")  # 网站56条 公众号120条 → 、
_SPACE_AROUND_MARK = re.compile(r" ?([，。；：、！？]) ?")
_MARKS_REPEATED = re.compile(r"([，；、])[，；、]+")


# a piece that begins a clause of its own (重点为…, 修订了…) follows a comma, never a 顿号: 、 joins list items only
# (内容, 重点 also end or begin a list's item: 政治关、政策关、内容关, 重点领域)
_CLAUSE_START = (r"(?:重点(?!领域|项目|工程|人群|企业|行业|区域|工作)|主要|其中|包括|内容(?=涉及|包括|为|是|有|主要|[：:])|涉及|覆盖|并|同时|均|共|累计|全年|及时|严格|认真|进一步|"
                 r"(?:修订|制定|建立|完善|开展|组织|落实|加强|推进|做好|实现|印发|出台|更新|调整|参加|举办)了?)")
_CLAUSE_AFTER_LIST_MARK = re.compile(rf"、(?={_CLAUSE_START}|[^、，；。]*了)")


# a phrase that does something (加强政府信息管理): what follows it after a space is no item of a list with it
_DOING_PHRASE = re.compile(r"(?:进一步|持续|严格|认真|不断)?(?:加强|规范|强化|完善|健全|做好|抓好|落实|执行|实行|推进|推行|"
                           r"建立|注重|坚持)(?P<object>[\u3400-\u9fff“”]{2,})")
_PIECES = re.compile(r"[ 、，；。]")


def _item_break(m: re.Match[str]) -> str:
    rest = m.string[m.end():]
    if _STARTS_A_CLAUSE.match(rest):
        return "，"
    # 加强政府信息管理 一事一审: a measure after a phrase of doing is a second clause, not 加强…、一事一审
    before, after = _PIECES.split(m.string[: m.start()])[-1], _PIECES.split(rest, maxsplit=1)[0]
    # (落实一事一审 先审后发: two measures, both done, stay a list)
    doing = _DOING_PHRASE.fullmatch(before)
    two_clauses = doing and drafting.names_a_measure(after) and not drafting.names_a_measure(doing.group("object"))
    return "，" if two_clauses else "、"


# after a space, what opens a clause of its own: a clause's first word, a verb with 了, a connective (网站 公开栏 还有个
# 视频号…: 还有 begins the next point, never an item of the list before it)
_STARTS_A_CLAUSE = re.compile(rf"{_CLAUSE_START}|[^ 、，；。]*了|还有|另外|此外|以及")


# how a complete sentence of the user's own begins: its subject, perhaps after the year (“2025年，我局修订…”, “今年我镇…”);
# a year alone is no subject: “今年主要完成了网站改版” is a note for the draft, not a paragraph to replace it
_SUBJECT = re.compile(r"^(?:(?:(?:19|20)\d{2}\s*年度?|今年|本年度?)\s*[，,]?\s*)?"
                      r"(?:我(?:乡|镇|街道|县|区|市|局|委|办|单位)|本(?:乡|镇|街道|县|区|市|局|委|办|单位|机关))")
_OWN_SUBJECT_MIN = 8  # “我镇运营公众号” and longer: shorter replies are notes


def read_offer_reply(text: str) -> str:
    """A reply to an offered draft that is neither 采用 nor a fee: "own" (text to adopt: a complete sentence, even a
    short one, or a paragraph), "facts" (notes to merge into the draft), "nothing" (无) or "unclear"."""
    body = drafting.without_spoken_lead(" ".join(text.split())) or " ".join(text.split())
    word = body.strip(_TRIM).casefold()
    if not word or word in _NON_ANSWERS or word in _DEFAULT_WORDS or not drafting.without_lead(word).strip(_TRIM):
        return "unclear"
    if drafting.says_nothing_more(drafting.without_lead(word)):
        return "nothing"
    if facts.any_asked(body):
        return "facts"  # 公开栏更新了吗？: a question is never adopted as the paragraph; as notes, it is refused
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and all(len(line.strip()) < 30 and "。" not in line.strip()[:-1] for line in lines):
        return "facts"  # a list of notes, one a line
    closed = body.rstrip()[-1] in _ENDS_SENTENCE
    with_subject = len(word) >= _OWN_SUBJECT_MIN and bool(_SUBJECT.match(body))
    return "own" if len(body) >= _OWN_TEXT_MIN or closed or with_subject else "facts"


def own_text(text: str) -> tuple[str, bool]:
    """The user's paragraph as it will stand: control characters and emoji dropped, the spoken words before it
    (嗯，好的，补充一下：) left out, a closing 。 added when missing."""
    kept = decoration_replaced(text).strip()
    kept = drafting.without_spoken_lead(kept).strip() or kept
    kept = re.sub(r"[ \t]*\n[ \t]*", "\n", kept)
    if kept and kept[-1] not in _ENDS_SENTENCE + "”）)":
        return kept + "。", True
    return kept, False


# drafters whose paragraph states this year's numbers: last year's text would state last year's, so never reused
TABLE_DRAFTERS = ("on_request", "other")
# the tables a drafter's whole paragraph is made from: with their questions skipped, nothing is known to draft
_TABLES_DRAWN = {"on_request": ("t3", "t4")}


def waiting_on(turn: Turn, q: Question, draft: str) -> list[str]:
    """The questions an empty draft of `q` waits for: those of the tables it is made from, not answered yet (skipped)
    — an unknown figure is left out, so a paragraph made only of them is empty until they are filled."""
    if draft.strip() or q.drafter not in _TABLES_DRAWN:
        return []
    tables = _TABLES_DRAWN[q.drafter]
    return [x.code for x in relevant_questions(turn.ctx, turn.state)
            if x.table in tables and x.code not in turn.state["answered"]]


# drafters whose paragraph may state table 二's counts (制发/废止/现行有效、许可/处罚/强制决定 N件): last year's sentences
# stating them are replaced by this year's
TABLE_TWO_DRAFTERS = ("active",)
_NUMBERS = {
    "on_request": re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*件"),
    "other": re.compile(r"(?<![〔\d])\d+(?:\.\d+)?\s*(?:万元|元)"),
}


def reuses_last_year(ctx: DialogContext, q: Question, facts: str = "") -> bool:
    """Whether the draft offered for `q` is last year's paragraph (years moved forward), not a fresh one: never for a
    part that states this year's numbers, nor once the user has sent facts of this year for it."""
    # what was done about last year's problems (上年整改：…) is said before last year's 改进情况, never instead of it
    return q.drafter not in TABLE_DRAFTERS and not drafting.without_rectified(facts) and bool(
        _last_year_text(ctx, q.slot))


def last_year_had_numbers(ctx: DialogContext, q: Question) -> bool:
    """Whether last year's paragraph for `q` stated numbers that this year's tables decide (申请件数, 收费金额, 表二的
    件数): only then does the offer say that it was not reused for its numbers."""
    text = mask_citations(_last_year_text(ctx, q.slot))
    if not text:
        return False
    if q.drafter in TABLE_TWO_DRAFTERS:
        return bool(_table_two_sentences(ctx, text))
    pattern = _NUMBERS.get(q.drafter)
    return bool(pattern and pattern.search(text))


# a count a paragraph states (发布信息13条, 接受转办 290 件, 12.9 万人次): in last year's paragraph, last year's
_A_COUNT = re.compile(r"(?<![\d.〔])(\d+(?:\.\d+)?)\s*(万人次|人次|万元|元|条|期|篇|次|个|项|件|场|家|人)")
_COUNTS_SHOWN = 5


def last_years_counts(ctx: DialogContext, q: Question, text: str) -> list[str]:
    """The counts of the paragraph offered as last year's (`text`), as printed (13条): last year's figures, which the
    clerk is asked to check before adopting; [] when the paragraph offered is not last year's."""
    if not reuses_last_year(ctx, q):
        return []
    found = [f"{m.group(1)}{m.group(2)}" for m in _A_COUNT.finditer(mask_citations(text))]
    return list(dict.fromkeys(found))[:_COUNTS_SHOWN]


def _table_two_sentences(ctx: DialogContext, text: str) -> list[str]:
    """The sentences of `text` that state a count of table 二."""
    return [s for s in re.findall(r"[^。；！？]+[。；！？]?", text)
            if any(True for _ in table_two_claims(ctx.fmt, s, mask_citations(s)))]


def _last_year_refreshed(q: Question, ctx: DialogContext, report: Report) -> str:
    """Last year's paragraph, years moved forward; for 主动公开, its sentences stating table 二's counts give way to
    this year's."""
    text = move_years(_last_year_text(ctx, q.slot), report.year - ctx.previous.year)
    if q.drafter not in TABLE_TWO_DRAFTERS:
        return text
    stale = _table_two_sentences(ctx, text)
    if not stale:
        return text
    kept = "".join(s for s in re.findall(r"[^。；！？]+[。；！？]?", text) if s not in stale).strip()
    if kept and kept[-1] in "；，、":
        kept = kept[:-1] + "。"
    fresh = _from_template(q.drafter, ctx, report, "", numbers_only=True)
    return f"{kept}{fresh}"


def kept_from_last_year(ctx: DialogContext, report: Report) -> list[Question]:
    """The parts last year's report could lend this year's — its descriptive paragraphs — each kept word for word
    (years moved forward, for 主动公开 this year's counts put in): all of them, or none when any one was written
    afresh. A report that says every part as last year's did was copied, which evaluators punish (DOMAIN.md)."""
    if ctx.previous is None:
        return []
    lent = [q for q in ctx.fmt.questions if q.kind == "prose" and reuses_last_year(ctx, q)]
    kept = [q for q in lent if _same_words(report.text.get(q.slot) or "", _last_year_refreshed(q, ctx, report))
            or _same_words(report.text.get(q.slot) or "", move_years(_last_year_text(ctx, q.slot),
                                                                     report.year - ctx.previous.year))]
    return kept if kept and len(kept) == len(lent) else []


def _same_words(text: str, last_year: str) -> bool:
    return bool(text.strip()) and "".join(drafting.punctuated(text).split()) == "".join(last_year.split())


def _last_year_text(ctx: DialogContext, slot: str) -> str:
    """Last year's paragraph as this report prints its own: a PDF's spaces (2024 年, 290 件) out, its words kept."""
    text = (ctx.previous.text.get(slot) or "").strip() if ctx.previous and slot else ""
    return drafting.punctuated(text).strip() if text else ""


def voice(ctx: DialogContext, report: Report) -> drafting.Voice:
    """Who speaks in a draft: the unit of the conversation, its kind and self-word, the report's year."""
    return drafting.Voice(ctx.unit or report.unit, ctx.unit_kind or report.unit_kind, self_word(ctx, report),
                          report.year, is_people_government(ctx))


def draft(q: Question, ctx: DialogContext, report: Report, facts: str | list[str] = "",
          fees_yuan: str | None = None, known: dict[str, str] | None = None, variant: int = 0) -> str:
    """The paragraph offered for a prose question: last year's for a descriptive part, else drafted afresh from the
    facts and the tables. `facts`: the part's numbered facts (a list), or the same as one text; `known`: the other
    parts' facts by drafter, for the opening of 一; `variant`: the redraft asked for (重写)."""
    if not isinstance(facts, str):
        facts = facts_as_text(facts)
    if reuses_last_year(ctx, q, facts):
        return drafting.rectified_lead(facts, voice(ctx, report), variant) + _last_year_refreshed(q, ctx, report)
    return drafting.draft_paragraph(q.drafter, facts, report, voice(ctx, report), fees_yuan=fees_yuan, known=known,
                                    variant=variant)


def draft_for(turn: Turn, q: Question) -> str:
    """The draft of `q` as the conversation stands: its facts, the other parts' facts, the fee, the redraft count."""
    report = turn.derived()
    known = {x.drafter: facts_text(turn, x) for x in turn.fmt.questions if x.kind == "prose"}
    inputs = (q.code, facts_text(turn, q), turn.state.get("fees_yuan"), tuple(known.items()),
              (turn.state.get("variants") or {}).get(q.code, 0))
    held = turn.drafted
    if held is not None and held[0] is report and held[1] == inputs:
        return held[2]  # drafted already in this step from the same facts and figures (重写, then the offer)
    text = draft(q, turn.ctx, report, inputs[1], inputs[2], known, inputs[4])
    turn.drafted = (report, inputs, text)
    return text


def draft_preface(ctx: DialogContext, report: Report) -> str:
    last_year = _last_year_text(ctx, "preface")
    if last_year:
        return move_years(last_year, report.year - ctx.previous.year)
    return _from_template("preface", ctx, report, "")


_TOWNSHIP_SELF = re.compile(r"([我本全])(乡(?!镇)|镇|街道)")
_AREA_GOVERNMENTS = ("乡", "镇", "街道", "县", "区", "市", "省")  # where “全X” speaks of the whole area


def own_words(text: str, words: str, said: tuple[str, ...] = ()) -> str:
    """The user's notes in the unit's own voice: 我镇 in a 乡's notes becomes 我乡 (not 我乡镇, which is generic), in a
    county government's 我县, in a bureau's 我局; a unit whose kind is unknown says its own word (本单位). What its
    kind `said` for itself (a zone's 我委: `UnitKind.said_for_self`) becomes its self-word too."""
    return voiced(text, words, said)[0]


@lru_cache(maxsize=8192)  # a function of its arguments alone: each draft reads every part's facts in the unit's voice
def voiced(text: str, words: str, said: tuple[str, ...] = ()) -> tuple[str, tuple[tuple[str, str], ...]]:
    """`text` in the unit's own voice (`own_words`), and each (word as said, word as written) it changed, once."""
    area = words[1:] if words.startswith("我") else ""
    changed: dict[tuple[str, str], None] = {}

    def replaced(m: re.Match[str]) -> str:
        prefix, kind = m.group(1), m.group(2)
        if kind == area:
            return m.group()
        if prefix == "全":
            new = f"全{area}" if area in _AREA_GOVERNMENTS else m.group()
        else:
            new = f"{prefix}{area}" if area else words
        changed[(m.group(), new)] = None
        return new

    text = _TOWNSHIP_SELF.sub(replaced, text)
    for word in said:
        if word != words and (pattern := self_word_pattern(word)).search(text):
            changed[(word, words)] = None
            text = pattern.sub(words, text)
    return text, tuple(pair for pair in changed if pair[0] != pair[1])


def said_for_self(ctx: DialogContext, report: Report) -> tuple[str, ...]:
    """What a clerk of the unit's kind says for the unit that its report writes as its self-word (a zone's 我委)."""
    kind = unit_kind(ctx.unit_kind or report.unit_kind)
    return kind.said_for_self if kind else ()


def _voice(turn: Turn) -> tuple[str, tuple[str, ...]]:
    return self_word(turn.ctx, turn.report), said_for_self(turn.ctx, turn.report)


def oversight_gaps(ctx: DialogContext, slot: str, facts: str, offered: str = "") -> list[str]:
    """What a people's government's facts for `slot` and the draft on offer leave out of the results the format asks
    it to state there (监督保障: 工作考核、社会评议、责任追究), shown as a hint, never invented: a result the offered
    paragraph already states is not asked for again."""
    if not is_people_government(ctx):
        return []
    text = f"{facts or ''}\n{offered or ''}"
    prose_slot = ctx.fmt.slot(slot)
    # 纳入年度考核 names the assessment: what is missing is its result (QA32: it had asked for 工作考核情况)
    named = {name for name, pattern in prose_slot.results_only_named if re.search(pattern, text)}
    return [_RESULT_OF.get(name, name) if name in named else name for name in prose_slot.results_unstated(text)]


_RESULT_OF = {"工作考核": "考核结果"}


def _from_template(drafter: str, ctx: DialogContext, report: Report, facts: str, numbers_only: bool = False) -> str:
    return drafting.draft_paragraph(drafter, facts, report, voice(ctx, report), numbers_only=numbers_only)


# --- answering a prose question --------------------------------------------------------------------------------

_ADOPT = frozenset("1 采用 采纳 用 使用 就这样 可以 就用这个 用这个 就用这段 用这段 就这么写 这样写 就这么定 挺好 很好 "
                   "没毛病 可以的 好滴 好了 行了 同意 好嘞 好勒 好哒 妥 妥了 得嘞 嗯呐 中".split())
_ADOPT_PARTS = re.compile(r"[\s,，、。.!！~～]+")


# a particle inside a reply ends what was said before it: 行吧就这样 is 行吧 and 就这样 typed without a space
_AFTER_PARTICLE = re.compile(f"(?<=[{END_PARTICLES}])(?=[^{END_PARTICLES}])")


def _reply_parts(word: str) -> list[str]:
    pieces = (q for p in _ADOPT_PARTS.split(word) for q in _AFTER_PARTICLE.split(p))
    return [p.rstrip(END_PARTICLES) for p in pieces if p.rstrip(END_PARTICLES)]


def adopts(word: str) -> bool:
    """Whether a reply to a draft takes it as it is: 1, 采用, 好的, or such words said together as a clerk says them
    (好的 就这样吧, 嗯 可以, 行 用这个, 行吧就这样), a particle after any of them."""
    parts = _reply_parts(word)
    return bool(parts) and all(p in _ADOPT or parse_yes_no(p) is True for p in parts)


# none said bare: at a part drafted from notes it says there is nothing to report there (the notes give way to the
# usual wording), not that there is nothing to add to the draft
_BARE_NONE = frozenset("无 没有 暂无 没 均无 都没有 无此情况 无特别情况 无相关情况".split())


def adds_nothing(word: str, bare_too: bool = False) -> bool:
    """Whether a reply to a draft says there is nothing more to add, so takes the draft as it is: 没啥了哈, 没有了,
    就这些, 好的 没别的了 (adopting words may come with it). A bare 无 or 没有 counts only where it can mean nothing
    else (`bare_too`: a part with no notes of its own)."""
    rest = [p for p in _reply_parts(word) if p not in _ADOPT and parse_yes_no(p) is not True]
    return bool(rest) and all(_says_no_more(p, bare_too) for p in rest)


def _says_no_more(part: str, bare_too: bool) -> bool:
    if part in _BARE_NONE:
        return bare_too
    return drafting.says_nothing_more(drafting.without_lead(part))


# the fee as said: 200元, 收了200块钱, 收取信息处理费两百元, 收了200块钱信息处理费 (the fee's name before or after it)
_FEE_NAME = r"(?:的)?(?:信息)?处理费(?:用)?"
_YUAN = re.compile(rf"^(?:本年度?|全年|今年)?(?:共|一共)?(?:收取|收了|已收取|收|共收取)?(?:了)?(?:{_FEE_NAME})?(?:共|计)?\s*"
                   rf"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千万]+)\s*(?:元|块钱?)?(?:钱|费用?)?(?:{_FEE_NAME})?$")


def facts_code(q: Question) -> str:
    """Whose facts a question drafts from: its own, or those of the question it follows (5.2 from 5.1's)."""
    return q.facts_from or q.code


def facts_of(turn: Turn, q: Question) -> list[str]:
    return facts.stored(turn.state, facts_code(q))


def _keep_facts(turn: Turn, q: Question, items: list[str]) -> None:
    code = facts_code(q)
    # the problems first, then the improvements (改进：…), then last year's problems (上年整改：…): the numbered list
    # never puts one among the other
    items = sorted(items, key=lambda f: (facts.MARKS.index(m) + 1) if (m := facts.mark_of(f)) else 0)
    before = facts.stored(turn.state, code)
    if list(items) != before:
        _ask_dependents_again(turn, q, code)
        _tell_own_voice(turn, [f for f in items if f not in before])
    turn.state["facts"][code] = list(items)


def _tell_own_voice(turn: Turn, new_items: list[str]) -> None:
    """The clerk is told which of their words for the unit the draft writes in its own voice (a zone's 我委 → 我区, a
    乡's 我镇 → 我乡): the numbered notes and the draft show them changed."""
    words, said = _voice(turn)
    pairs = list(dict.fromkeys(pair for item in new_items for pair in voiced(item, words, said)[1]))
    if pairs:
        kind = turn.ctx.unit_kind or turn.report.unit_kind
        turn.say(messages.say("own_voice", kind=kind, words=words, pairs=pairs))


def _ask_dependents_again(turn: Turn, q: Question, code: str) -> None:
    """A part drafted from these facts and answered already (5.2 from 5.1's 改进) is asked again with a fresh draft:
    its paragraph was drafted from the facts as they were, and would keep words the clerk has since taken back."""
    for other in turn.fmt.questions:
        if other.facts_from == code and other.code != q.code and other.code in turn.state["answered"]:
            unmark(turn.state, other.code)
            turn.state["offered"].pop(other.code, None)


def shown_facts(turn: Turn, items: list[str]) -> list[str]:
    """The facts as the clerk sees them numbered: in the unit's own voice and a report's words (as drafted: the
    facts are kept in a report's words already, `facts.stored`)."""
    words, said = _voice(turn)
    return [_assessor_named(turn, own_words(f, words, said)) for f in items if f != NOTHING]


def _assessor_named(turn: Turn, text: str) -> str:
    """The county (区, 市) that assessed the unit by its name where the unit's name or area says it: 在县年度考核中 is
    在龙亭区年度考核中 in the notes shown and the draft alike."""
    unit = turn.ctx.unit or turn.report.unit
    return spoken.assessor_named(text, lambda level: place_of_level(level, unit, turn.ctx.area))


def facts_text(turn: Turn, q: Question) -> str:
    """The facts as one text for the drafter (its signature is unchanged: a string). Held on the turn
    (`Turn.facts_texts`, by question) while the state holds the same facts for its code: the text is a function of
    them alone."""
    code = facts_code(q)
    value = turn.state["facts"].get(code)
    held = turn.facts_texts.get(q.code)
    if held is not None and held[0] == value:
        return held[1]
    items = facts.stored(turn.state, code)
    if not q.facts_from:  # what was done about last year's problems is 5.2's to state: 5.1 is not drafted again for it
        items = [f for f in items if not f.startswith(facts.RECTIFIED)]
    text = _assessor_named(turn, own_words(facts.as_text(items), *_voice(turn)))  # drafted as shown (`shown_facts`)
    # a copy: a list changed in place afterwards no longer equals it
    turn.facts_texts[q.code] = (list(value) if isinstance(value, list) else value, text)
    return text


def answer(turn: Turn, q: Question, sub: int, text: str) -> bool:
    """A reply to a prose question: a facts command (删除 2 …), the facts (sub 0), or a reply to the offered draft;
    False keeps the question."""
    (turn.state.get("checked") or {}).pop(q.code, None)  # a corrected own text is on offer for one reply only
    text = corrections.corrected(text)  # 30条，不对，是32条: only the corrected words are material
    command = facts.read_command(text)
    if command is not None:
        return _run_command(turn, q, sub, command)
    if sub == 0:
        if shown_facts(turn, facts_of(turn, q)) and _keeps(text):  # 返回 to the facts listed: 1 keeps them, the draft follows
            _continue_at(turn, q, 1)
            return True
        return _answer_facts(turn, q, text)
    return _answer_offer(turn, q, text)


def _keeps(text: str) -> bool:
    """1, 保留, or nothing more to add (没有了哈, 就这些) to the facts listed: they stand; a bare 无 replaces them."""
    word = normalise(drafting.without_spoken_lead(text.strip()) or text).strip("。.!！ ")
    return adopts(word) or word == "保留" or adds_nothing(word)


def _answer_facts(turn: Turn, q: Question, text: str) -> bool:
    text = without_pasted_heading(turn.fmt, text)
    kind, tidy = read_facts(text, q.drafter)
    if kind == "reask":
        turn.log.append(f"{q.code} {text}")
        turn.say(templates.render("prose/_reask.j2", why=tidy, typed=tidy_facts(text)[:20],
                                  must_answer=q.drafter in _NOTHING_REASKED).strip())
        return False
    if kind == "facts":
        text = _checked_as_pasted(turn, q, text)
        kept, refused = read_statements(text, _has_improvements(turn, q))
        if not kept:
            return _refuse_all(turn, q, text, refused)
        _say_refused(turn, refused)
        _keep_facts(turn, q, kept)
    else:
        # nothing particular (无) or the usual wording (默认): nothing to choose, the paragraph is recorded at once
        _keep_facts(turn, q, [NOTHING] if kind == "nothing" else [])
        paragraph = _redraft(turn, q)
        _record(turn, q, paragraph)
        mark_answered(turn.state, q.code)
        turn.say(messages.say("draft_recorded", text=paragraph, code=q.code, slot=q.slot))
        return True
    turn.state.setdefault("raw", {})[q.code] = _as_typed(turn, text)
    _continue_at(turn, q, 1)
    return True


# what a paragraph pasted from another report gives away as a whole, before it is cut into notes: another unit acting
# in it (2023年，城关镇坚持…), a year of an older report
_PASTED_RULES = ("R11", "R13")


def _checked_as_pasted(turn: Turn, q: Question, text: str) -> str:
    """A paragraph sent as facts (pasted from last year's report, or another unit's), checked as a whole: what R11
    and R13 find is said, and the other unit acting in it becomes this unit (R13's fix) before the text is cut into
    notes; a stale year is shown, not changed (it may be a note's own date)."""
    if read_offer_reply(text) != "own":
        return text
    voiced = own_words(text, *_voice(turn))  # 我镇 in a 乡's notes is no other unit: its voice
    found = [f for f in answer_findings(turn, q.slot, voiced) if f.rule in _PASTED_RULES]
    if not found:
        return text
    fixed = apply_fixes(voiced, [f for f in found if f.rule == "R13"])
    turn.say(messages.say("pasted_checked", findings=[f.message for f in found], changed=fixed != voiced))
    return fixed


def read_statements(text: str, improvements: bool = True) -> tuple[list[str], list[facts.Refused]]:
    """The facts of a reply as the drafts will use them, and what was refused. Each statement is tidied as prose
    material (no emoji, items joined by 、), then kept in the form the drafter reads it (`drafting.fact_items`:
    laughter and filler off, chatter — 好的好的, 我问问小王, a phone number — left out): the numbered list the clerk
    sees, 删除 N and the draft all hold the same items. A statement that is only chatter is refused, with why.
    `improvements`: the part keeps an 改进 part and one on last year's problems (5.1 for 5.2); elsewhere “改进：” and
    “上年整改：” are only words the clerk typed."""
    statements, refused = facts.read_statements(text)
    kept = []
    for statement in statements:
        tidied = _tidy_statement(statement if improvements else facts.unmarked(statement))
        if not tidied:
            continue
        body = facts.unmarked(tidied)
        items = drafting.fact_items(body)
        if not items and not drafting.says_nothing_more(body):  # 没有别的了 among notes: said, nothing to refuse
            refused.append(facts.Refused(facts.unmarked(statement), "chatter"))
        elif items:  # 跟去年一样吧 先审后发: the clerk is told which words of the statement were not recorded
            refused += [facts.Refused(piece, why) for piece, why in drafting.left_out(body)]
        kept += [tidied[: len(tidied) - len(body)] + item for item in items]
    return drafting.with_counts_attached(kept), refused


def _has_improvements(turn: Turn, q: Question) -> bool:
    """Whether another question drafts from this part's 改进 facts (5.2 from 5.1's), or this one does."""
    return bool(q.facts_from) or any(x.facts_from == q.code for x in turn.fmt.questions)


def _tidy_statement(statement: str) -> str:
    body = facts.unmarked(statement)
    return facts.mark_of(statement) + tidy_facts(body) if tidy_facts(body) else ""


def _refuse_all(turn: Turn, q: Question, text: str, refused: list[facts.Refused]) -> bool:
    turn.log.append(f"{q.code} {text}")
    turn.say(messages.say("facts_refused", refused=refused, whole=True, numbered=bool(facts_of(turn, q))))
    return False


def _say_refused(turn: Turn, refused: list[facts.Refused]) -> None:
    if refused:
        turn.say(messages.say("facts_refused", refused=refused, whole=False, numbered=True))


def _answer_offer(turn: Turn, q: Question, text: str) -> bool:
    word = normalise(drafting.without_spoken_lead(text.strip()) or text).strip("。.!！ ")
    if adopts(word) or word in _DEFAULT_WORDS:  # 默认 at a draft: the draft on offer is the usual wording
        return _adopt(turn, q, turn.state["offered"].get(q.code) or _redraft(turn, q))
    kind = read_offer_reply(text)
    # 上年整改：已…。 answers the offer's question on last year's problems: notes, however closed, added to those given
    rectified = _has_improvements(turn, q) and bool(facts.RECTIFIED_MARK.match(text.strip()))
    if rectified:
        kind = "facts"
    elif kind == "own" and q.drafter == "other" and not _FEE_FACT.search(text):
        kind = "facts"  # 建议提案、工作要点 told at 六: notes after the 信息处理费 sentence (R10), never in its place
    if q.drafter == "other" and (fee := _fee_reply(word, kind)) is not None:
        return _answer_fee(turn, q, fee)  # 无 there may take back a fee said before
    # a bare 无 also answers the optional question asked with the draft (上年度问题整改?): none, the draft stands
    bare_too = bool(q.offer_prompt) or not has_facts_stage(turn.ctx, q) and not _offers_last_year(turn, q)
    if adds_nothing(word, bare_too=bare_too) or (
            kind == "facts" and drafting.says_none_of(drafting.without_lead(word), q.stated_by_tables)):
        return _adopt(turn, q, turn.state["offered"].get(q.code) or _redraft(turn, q))
    if kind in ("own", "facts") and _offers_last_year(turn, q) and not rectified:
        # notes sent at last year's paragraph are this year's facts, as at a first facts question: a new draft
        return _answer_facts(turn, q, text)
    if kind == "own":
        return _offer_own(turn, q, text)
    if kind == "facts":
        kept, refused = read_statements(text, _has_improvements(turn, q))
        if not kept:
            return _refuse_all(turn, q, text, refused)
        _say_refused(turn, refused)
        new = _add_facts(turn, q, kept)
        turn.state.setdefault("raw", {})[q.code] = _as_typed(turn, text)
        turn.say(messages.say("facts_added", added=[drafting.formal(f) for f in new]))
        _continue_at(turn, q, 1)
        return True  # the new draft is offered
    if kind == "nothing" and has_facts_stage(turn.ctx, q):
        _keep_facts(turn, q, [NOTHING])
        _continue_at(turn, q, 1)
        return True
    turn.log.append(f"{q.code} {text}")
    turn.say(messages.say("draft_unclear"))
    return False


def _as_typed(turn: Turn, text: str) -> str:
    """The reply kept for 用我的原文: as the clerk typed it when only a typo was read in it (依身请 → 依申请), for the
    table's reading is the bot's, never the clerk's paragraph."""
    return turn.as_typed if turn.as_typed and mistyped.meant(turn.as_typed) == text else text


def _run_command(turn: Turn, q: Question, sub: int, command: facts.Command) -> bool:
    """重写 · 删除 N · 改 N … · 清空 · 用我的原文: the list changes, a new draft is offered (or the own text)."""
    items = facts_of(turn, q)
    if command.name == "redraft" and sub == 0 and not items:
        turn.say(messages.say("facts_command", name="no_such", number=0, count=0))
        return False
    if command.name == "own":
        paragraph = command.text or (turn.state.get("raw") or {}).get(q.code, "")
        if not paragraph:
            turn.say(messages.say("facts_command", name="own_missing"))
            return False
        return _offer_own(turn, q, paragraph)
    named = tuple(sorted(command.numbers)) or (command.number,)
    missing = next((n for n in named if not 1 <= n <= len(items)), None) if command.name in ("delete", "change") else None
    if missing is not None:  # 删除 2 9 of 5: nothing deleted
        turn.say(messages.say("facts_command", name="no_such", number=missing, count=len(items), several=len(named) > 1))
        return False
    if command.name == "delete":
        removed = [items[n - 1] for n in named]
        for n in reversed(named):  # the last first: the numbers before it still point where they did
            del items[n - 1]
        # as each was listed (没培训 was shown as 未开展培训)
        shown = [(shown_facts(turn, [fact]) or [fact])[0] for fact in removed]
        turn.say(messages.say("facts_command", name="deleted", numbers=named, facts=shown))
    elif command.name == "change":
        if corrections.leaves_a_correction_unread(command.text):  # 网站30条核实后网站是36条: which count stands?
            turn.say(messages.say("facts_command", name="correction_unread", number=command.number))
            return False
        kept, refused = read_statements(command.text, _has_improvements(turn, q))
        if not kept:
            return _refuse_all(turn, q, command.text, refused)
        prefix = facts.mark_of(items[command.number - 1])
        # an improvement the new words mark (改 1 …；改进：配备专人) stays one: never listed among the problems
        written = [k if facts.mark_of(k) else prefix + k for k in kept]
        items[command.number - 1: command.number] = written
        if turn.ctx.status == "returned":  # the point a return reason found fault with is mended: not flagged again
            turn.state.setdefault("mended", {}).setdefault(q.code, []).extend(written)
            turn.state["mended_after"] = turn.ctx.return_mark
        turn.say(messages.say("facts_command", name="changed", number=command.number, fact="；".join(kept)))
    elif command.name == "clear":
        items = [f for f in items if not facts.mark_of(f)] if q.facts_from else []
        _keep_facts(turn, q, items)
        turn.state["offered"].pop(q.code, None)
        if q.drafter == "other":  # the fee said at 六 is part of what is cleared: the draft no longer states it
            turn.state["fees_yuan"] = None
        turn.say(messages.say("facts_command", name="cleared"))
        _continue_at(turn, q, 0 if has_facts_stage(turn.ctx, q) else 1)
        return True
    else:
        _next_variant(turn, q)
        turn.say(messages.say("facts_command", name="redraft"))
    _keep_facts(turn, q, items)
    turn.state["keep"] = None if turn.state.get("keep") == q.code else turn.state.get("keep")
    _continue_at(turn, q, 1)
    return True


def _offer_own(turn: Turn, q: Question, text: str) -> bool:
    """The clerk's own paragraph, cleaned; checked at once (R9, R11, R13): with a finding, the corrected text is
    offered instead of being adopted."""
    # a paragraph typed or pasted is printed as the report prints its own: a PDF's spaces (2024 年, 26 条) out
    paragraph, closed = own_text(clean_paragraph(without_pasted_heading(turn.fmt, text)))
    paragraph = clean_paragraph(paragraph)
    found = answer_findings(turn, q.slot, paragraph)
    if not found:
        turn.report.text[q.slot] = paragraph
        mark_answered(turn.state, q.code)
        turn.say(templates.render("prose/_own_text.j2", text=paragraph, closed=closed).strip())
        return True
    fixed = corrected(turn, paragraph, found)
    turn.state.setdefault("checked", {})[q.code] = fixed  # shown as the question's offer: 1 adopts it
    # what the corrections could not mend (a count the clerk must give, a statement against table 四) is said to be
    # still open: "已按上述问题改正" over a text still at odds with the tables had been taken at its word with 1
    left = answer_findings(turn, q.slot, fixed) if fixed != paragraph else found
    turn.say(messages.say("own_text_checked", findings=[f.message for f in found], changed=fixed != paragraph,
                          left=[f.message for f in left]))
    _continue_at(turn, q, 1)
    return True


_CJK_CHAR = r"[\u3400-\u9fff]"
# a heading at the head of a pasted paragraph (“(一) 主动公开情况：”, “一、总体情况：”): its ordinal, its words, a colon
_PASTED_HEADING = re.compile(r"^\s*(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*[、.．])?\s*"
                             r"(?P<words>[\u3400-\u9fff]{2,16}?)\s*[：:]\s*")


def without_pasted_heading(fmt: Format, text: str) -> str:
    """`text` without a heading of the report's own parts before it (the report prints the heading of the part once,
    above the paragraph); a heading that names no part of the format (（一）加强领导：) is the clerk's words, kept."""
    m = _PASTED_HEADING.match(text)
    if m is None or not _names_a_part(fmt, m.group("words")):
        return text
    return text[m.end():]


def _names_a_part(fmt: Format, words: str) -> bool:
    bare = re.sub(r"(?:工作)?(?:情况|方面)$", "", words)
    names = fmt._held("_part_names", lambda: _part_names(fmt))
    return bare in names or words in names


def _part_names(fmt: Format) -> frozenset[str]:
    """The names a heading may give a part of the report: sections with their aliases, slot titles, slot keywords."""
    names = {t for sec in fmt.sections for t in (sec.title, *sec.aliases)}
    names |= {re.sub(r"^（[一二三四五六七八九十]+）", "", slot.title) for slot in fmt.slots if slot.title}
    names |= {k for slot in fmt.slots for k in slot.keywords}
    return frozenset(names)


def clean_paragraph(text: str) -> str:
    """A paragraph as typed, made publishable without changing its words: the drafts' own polish
    (`drafting.punctuated`: half-width digits, no spaces between Chinese, no “：。” or “，，”), after a space between
    two clauses became a comma."""
    text = "\n".join(normalise(t) for t in text.split("\n")).translate(_HALF_TO_FULL)
    text = re.sub(rf"({_CJK_CHAR}+) +(?=({_CJK_CHAR}+))", _space_between, text)
    return drafting.punctuated(text).strip()


def _space_between(m: re.Match[str]) -> str:
    """A space between two Chinese runs: none after or before a short word (本年度 我乡), a comma between clauses."""
    return m.group(1) + ("，" if min(len(m.group(1)), len(m.group(2))) > 3 else "")


def corrected(turn: Turn, text: str, found: list[Finding]) -> str:
    """What the checks as-you-type can fix themselves (the table's number, this year, the unit's own self-word or
    county), then the unit's own voice throughout."""
    return own_words(apply_fixes(text, found), *_voice(turn))


def answer_findings(turn: Turn, slot: str, text: str) -> list[Finding]:
    """The findings of the checks run on one prose answer as it is given (R9, R11, R13)."""
    return prose_findings(turn, slot, text)


# a reply at 六 that states the fee: an amount (“200元”), or that none was collected (未收取, 0元, 无)
# (没收过费, 没有收过钱: 过 and 钱 are how it is said aloud)
_NO_FEE = re.compile(r"^(?:本年度?|全年|今年)?(?:未|没|没有|不|无|免)(?:收取?|收费|产生|发生)?过?(?:任何)?"
                     r"(?:政府信息公开)?(?:信息)?(?:处理)?(?:费用?|钱)?$|^(?:0+(?:\.0+)?|零)\s*元?$")
_FEE_FACT = re.compile(r"收取|收费|处理费|\d\s*元|未收|没收")


def _fee_reply(word: str, kind: str) -> str | None:
    """The fee a reply at 六 states: an amount in 元, "" for none, or None when it says nothing about the fee."""
    if _NO_FEE.match(word):
        return ""
    fee = _YUAN.match(word)
    if fee is None:
        return None
    amount = fee.group(1)
    if not amount[0].isdigit():
        if (count := cn_to_int(amount)) is None or not amount.endswith(("百", "千", "万", "十")) and count < 10:
            return None  # 收了一些 is no amount; 两百 and 五十 are
        amount = str(count)
    return str(Decimal(amount))


def _answer_fee(turn: Turn, q: Question, fee: str) -> bool:
    """The fee replaces what was said of it before (an amount, or a note such as 未收取): the draft states it once."""
    before = turn.state.get("fees_yuan")
    turn.state["fees_yuan"] = fee if fee and Decimal(fee) else None
    dropped = _drop_fee_facts(turn, q)
    if not fee and not before and not dropped:  # 无 at the default draft: no fee was collected, the draft stands
        return _adopt(turn, q, turn.state["offered"].get(q.code) or _redraft(turn, q))
    _continue_at(turn, q, 1)
    return True  # asked again with the fee in the draft


def _drop_fee_facts(turn: Turn, q: Question) -> bool:
    items = facts_of(turn, q)
    kept = [item for item in items if not _FEE_FACT.search(item)]
    if len(kept) != len(items):
        _keep_facts(turn, q, kept)
        return True
    return False


def _offers_last_year(turn: Turn, q: Question) -> bool:
    return reuses_last_year(turn.ctx, q, facts_text(turn, q))


def _adopt(turn: Turn, q: Question, paragraph: str) -> bool:
    if waiting_on(turn, q, paragraph):
        return False  # an empty paragraph is no answer: the question, asked again, names what it waits for
    if turn.state.get(REWRITTEN) == q.code:
        # a colleague's change rewrote the draft since the clerk saw it: shown again first, then 1 adopts it
        del turn.state[REWRITTEN]
        turn.say(messages.say("draft_rewritten_unseen"))
        return False
    _record(turn, q, paragraph)
    mark_answered(turn.state, q.code)
    turn.say(messages.say("draft_adopted"))
    return True


def _record(turn: Turn, q: Question, paragraph: str) -> None:
    """The paragraph stands in the report; when it is the draft as the conversation stands (not the clerk's own
    words, nor a model's), it is held as drafted with what it was drafted from, so a later answer it draws on
    redrafts it (`refresh_drafts`)."""
    turn.report.text[q.slot] = paragraph
    turn.redrafted.discard(q.slot)  # the clerk's choice now, whatever drafted it before in this step
    as_drafted = turn.state.setdefault("as_drafted", {})
    source = _drafted_from(turn, q)
    offered = paragraph == turn.state["offered"].get(q.code)
    if (offered and (turn.state.get("offered_from") or {}).get(q.code) == source) or paragraph == draft_for(turn, q):
        as_drafted[q.code] = [paragraph, source]
    else:
        as_drafted.pop(q.code, None)


def note_offer(turn: Turn, q: Question, drafted: bool) -> None:
    """What is on offer for `q` is a draft of what the conversation holds now (`drafted`: the template's, or a
    model's from the same facts and figures), or not (the clerk's own words): taken as offered, the draft is held as
    drafted without drafting it again to compare (`_record`), and drafted again when what it draws on changes."""
    held = turn.state.setdefault("offered_from", {})
    if drafted:
        held[q.code] = _drafted_from(turn, q)
    else:
        held.pop(q.code, None)


def held_as_drafted(turn: Turn, q: Question, text: str) -> bool:
    """Whether `text` is the paragraph held as drafted for `q`, and drafted from what the conversation holds now."""
    held = (turn.state.get("as_drafted") or {}).get(q.code)
    return bool(held) and held[0] == text and held[1] == _drafted_from(turn, q)


def drafted_from(turn: Turn, q: Question) -> str:
    """The fingerprint of what a draft of `q` is made from now (see `_drafted_from`)."""
    return _drafted_from(turn, q)


def draft_inputs(turn: Turn) -> tuple:
    """What every draft is made from: all the facts, the fee, the redraft counts and the cells (see `_drafted_from`;
    the facts' lists are replaced, never changed in place, so a shallow copy holds them)."""
    state = turn.state
    return dict(state["facts"]), state.get("fees_yuan"), dict(state.get("variants") or {}), dict(turn.report.cells)


def refresh_drafts(turn: Turn) -> None:
    """A paragraph taken as drafted and not changed since is drafted again once what it draws on has changed: the
    opening of 一 names the channels told at 1.2 after it, a count corrected at the tables reads anew in the prose.
    The clerk is told which part was brought up to date; a paragraph of their own words is never touched. Only what
    changed is drafted again (drafting is the costliest part of an answer)."""
    as_drafted = turn.state.get("as_drafted") or {}
    if not as_drafted or turn.drafts_read == draft_inputs(turn):
        return  # nothing a held paragraph was drafted from changed in this step
    figures = _figures(turn)
    for code, (drafted, source) in list(as_drafted.items()):
        q = question(turn.fmt, code)
        if q is None or code not in turn.state["answered"] or (turn.report.text.get(q.slot) or "") != drafted:
            as_drafted.pop(code)
            continue
        now = _drafted_from(turn, q, figures)
        if now == source:
            continue
        fresh = draft_for(turn, q)
        as_drafted[code] = [fresh, now]
        if fresh != drafted:
            turn.report.text[q.slot] = fresh
            turn.redrafted.add(q.slot)
            now_said, no_longer = words_changed(drafted, fresh)
            if now_said or no_longer:  # the same words in another order, or a mark: nothing the clerk would see
                turn.say(messages.say("draft_refreshed", code=q.code, title=q.title, now_said=now_said,
                                      no_longer=no_longer))


_CLAUSES_SHOWN = 2  # a notice names what changed, it does not print the paragraph again


def words_changed(before: str, after: str) -> tuple[str, str]:
    """(the clauses `after` says that `before` did not, the clauses it no longer says), each the first few joined,
    "…" after them when there are more: what a paragraph drafted again says anew (收到政府信息公开申请18件), so the
    clerk told of it reads what changed; ("", "") when the words are the same."""
    old = [c for c in re.split(r"[，。；：]", before) if c]
    new = [c for c in re.split(r"[，。；：]", after) if c]
    added = [c for c in new if c not in old]
    gone = [c for c in old if c not in new] if not added else []
    return _first_clauses(added), _first_clauses(gone)


def _first_clauses(clauses: list[str]) -> str:
    shown = "，".join(clauses[:_CLAUSES_SHOWN])
    return shown + ("…" if len(clauses) > _CLAUSES_SHOWN else "")


# the state's key for the draft on offer a colleague's change rewrote (`refresh_offer`) before its clerk saw it: kept
# only by a clerk of a unit of several, until the draft is shown
REWRITTEN = "offer_rewritten"


def refresh_offer(turn: Turn) -> str | None:
    """The draft on offer at the question asked is drafted again once what it was drafted from has changed under it
    (a colleague's answer), as `refresh_drafts` brings a paragraph taken as drafted up to date: 1 never adopts
    numbers the report no longer holds. Its code when its words changed (the clerk has not read them: `_adopt`
    shows them first). The clerk's own words on offer, and a model draft awaited, are left to the clerk."""
    state = turn.state
    cur = state["cur"]
    q = question(turn.fmt, cur[0]) if cur and cur[1] else None
    drafted = (state.get("offered_from") or {}).get(q.code) if q is not None else None
    if q is None or drafted is None or q.code not in state["offered"] or (state["drafting"] or [None])[0] == q.code:
        return None
    now = _drafted_from(turn, q)
    if now == drafted:
        return None
    fresh = draft_for(turn, q)
    state["offered_from"][q.code] = now
    if fresh == state["offered"][q.code]:
        return None
    state["offered"][q.code] = fresh
    if state.get("keep") == q.code:
        state["keep"] = None  # the paragraph kept is no longer the one on offer: asked again, the draft is shown
    state[REWRITTEN] = q.code
    return q.code


def _drafted_from(turn: Turn, q: Question, figures: str = "") -> str:
    """A fingerprint of what a draft of `q` is made from: its facts and those of the parts it draws on (declared in
    the format), the fee, its redraft count and the figures."""
    drawn = tuple(facts_text(turn, x) for code in q.draws_on if (x := question(turn.fmt, code)) is not None)
    variant = (turn.state.get("variants") or {}).get(q.code, 0)
    return _fingerprint(facts_text(turn, q), drawn, turn.state.get("fees_yuan"), variant, figures or _figures(turn))


# a step fingerprints every part held as drafted once anything a draft reads has changed, most of them as they were
# (the facts given at 1.4 change none of 1.1–1.3's): ten a clerk, 2,000 clerks typing at once
@lru_cache(maxsize=32768, typed=True)
def _fingerprint(facts: str, drawn: tuple[str, ...], fee: str | None, variant: int, figures: str) -> str:
    """The digest of what a draft is made from, held: keyed on all of it (texts, the fee as the state holds it, a
    count)."""
    source = repr((facts, list(drawn), fee, variant, figures))
    return hashlib.sha1(source.encode()).hexdigest()


def _figures(turn: Turn) -> str:
    """The typed cells in the format's order (the derived ones follow from them): read in C, not sorted and summed.
    Held on the turn while its cells stay equal to those read (`Turn.figures`)."""
    cells = turn.report.cells
    if turn.figures is not None and turn.figures[0] == cells:
        return turn.figures[1]
    text = _figures_of(turn)
    turn.figures = (dict(cells), text)
    return text


def _figures_of(turn: Turn) -> str:
    values = tuple(map(turn.report.cells.get, turn.fmt.cell_ids))
    if whole_or_blank(values):
        return _figures_written(values)
    return repr(values)  # an amount: Decimal("1.5") == Decimal("1.50") and Decimal("2") == 2, each written as it is


# keyed on the typed cells' values in the format's order, whole numbers and blanks only (`whole_or_blank`): equal
# tuples of those are written alike, so a text held is the text of the values asked about. A clerk's cells stay the
# same through most steps; 2,000 clerks typing at once
@lru_cache(maxsize=4096)
def _figures_written(values: tuple[int | None, ...]) -> str:
    return repr(values)


def _redraft(turn: Turn, q: Question) -> str:
    return draft_for(turn, q)


_REDRAFT_TRIES = 6


def _next_variant(turn: Turn, q: Question) -> None:
    """重写: the next wording of the same facts, never the paragraph on offer again (a part whose wording has no
    choice left gives up after a few tries and says the same)."""
    variants = turn.state.setdefault("variants", {})
    offered = turn.state["offered"].get(q.code) or (turn.report.text.get(q.slot) or "")
    for _ in range(_REDRAFT_TRIES):
        variants[q.code] = variants.get(q.code, 0) + 1
        if draft_for(turn, q) != offered:
            return


def _add_facts(turn: Turn, q: Question, new: list[str]) -> list[str]:
    """Facts sent at a draft join those given before (无 gives way); 5.2 takes them as 5.1's 改进 part, or as its part
    on last year's problems when marked so (上年整改：). What was new is returned."""
    items = [f for f in facts_of(turn, q) if f != NOTHING]
    if q.facts_from:
        new = [n if facts.mark_of(n) else facts.IMPROVE + n for n in new]
    fresh = facts.added(items, new)
    _keep_facts(turn, q, items + fresh)
    return [facts.unmarked(f) for f in fresh]


def _continue_at(turn: Turn, q: Question, sub: int) -> None:
    """The question goes on at `sub` (the draft after the facts), even if answered before."""
    unmark(turn.state, q.code)
    turn.state["partial"][q.code] = sub
