"""One paragraph of the report's prose from the clerk's facts, the table figures and the unit.

`draft_paragraph` is the seam with the conversation: the dialog keeps the facts (a list the clerk edits), this turns
them into a paragraph. It is a plain function: the same input gives the same paragraph, so a redraft is a call.

The facts are woven into sentences whose subject is the unit's self-word (我镇、我街道、我局); the table figures are
stated as the tables show them (never summed into a number of their own); wording varies by unit (a `Chooser`), so
two units with the same facts read differently and one unit always reads the same; a `variant` (the
clerk's 重写) turns every choice of wording to its next option.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

import templates

from ..formats import GOV2021, Format
from ..report import Report, known_values
from ..units import TOWNSHIP_SELF_WORDS
from . import tables
from .wording import (
    BARE_IMPROVE_MARK,
    EVALUATION,
    RECTIFIED_MARK,
    Chooser,
    application_channels,
    clean_note,
    fact_items,
    names_an_activity,
    written,
)

Facts = str | Sequence[str]


@dataclass(frozen=True)
class Voice:
    """Who speaks in the paragraph: the unit's name (for the wording's variety only), kind, self-word and year."""

    name: str
    kind: str
    self_word: str
    year: int
    people_government: bool = False

    @property
    def township(self) -> bool:
        """A 乡, 镇 or 街道: the base of 基层政务公开, with no 政府网站 of its own to speak of."""
        return self.kind in TOWNSHIP_SELF_WORDS

    @property
    def area_word(self) -> str:
        """全镇、全乡、全街道, 全县 — or 本部门 for a department, which has no area of its own."""
        return "全" + self.self_word[1:] if self.self_word[1:] in ("乡", "镇", "街道", "县", "区", "市", "省") else "本部门"


def voice_of(report: Report, kind: str = "", self_word: str = "", people_government: bool = False) -> Voice:
    return Voice(report.unit, kind or report.unit_kind, self_word or tables.self_word(report), report.year,
                 people_government)


def draft_paragraph(
    part: str,
    facts: Facts,
    report: Report,
    voice: Voice,
    *,
    fees_yuan: Decimal | str | None = None,
    known: Mapping[str, Facts] | None = None,
    numbers_only: bool = False,
    variant: int = 0,
    fmt: Format = GOV2021,
) -> str:
    """The paragraph for `part` (a prose slot id such as ``s1.active``, or its drafter's name such as ``active``).

    `facts`: the clerk's notes for this part (a list, or a string the dialog keeps). `report`: the figures (derived
    cells included). `known`: the facts of the other parts by drafter name (the opening of 一 draws on them).
    `numbers_only`: only the sentences that state table figures (to refresh last year's paragraph). `variant`: how
    many times the clerk asked for a new draft (重写): each reads differently from the one before."""
    drafter = _drafter(part, fmt)
    items = fact_items(facts) if drafter not in ("problems", "improvements") else []
    judged: list[str] = []
    if drafter in _JUDGED_AS_A_WHOLE and items and all(_EVALUATION_ONLY.fullmatch(i) for i in items):
        judged, items = items, []  # 效果较好 alone says no work: the part's own paragraph states it, judged
    pick = Chooser(voice.name, drafter, variant)
    context: dict[str, Any] = {
        "s": voice.self_word, "year": voice.year, "unit": voice.name, "area": voice.area_word, "pick": pick,
        "people_government": voice.people_government, "township": voice.township, "fig": figures(report, fmt),
        "numbers_only": numbers_only,
        "items": items, "said_again": _said_again_in(_topics(drafter, fmt)),
    }
    if drafter in ("on_request", "other"):
        return _table_part(drafter, items, report, voice, fees_yuan, pick, variant)
    if drafter == "active":
        context.update(_active(items))
    elif drafter == "management":
        context.update(clauses=[_clause(i, "落实") for i in items])
    elif drafter == "platform":
        context.update(_platform(items))
    elif drafter == "oversight":
        context.update(_oversight(items))
    elif drafter in ("problems", "improvements"):
        problems, plans_said, improvements = _notes_of_part_five(facts)
        improvements = plans_said + improvements
        if drafter == "problems" and not problems:  # only a plan given: the problem it answers (业务培训有待加强)
            problems = [need for need in map(_need_of, plans_said) if need]
        plans = [p for p in map(_plan, improvements) if not _BARE_VERB.fullmatch(p)]
        plans = [_duty_named(p, problems, plans[:n] + plans[n + 1:]) for n, p in enumerate(plans)]
        todo = [p for p in plans if not p.startswith("已")]
        context.update(problems=problems, problem_names=[p.split("，")[0] for p in problems], improvements=plans, done=[p for p in plans if p.startswith("已")],
                       plans=todo, as_points=_as_points(todo), **_rectified_context(facts))
    elif drafter == "summary":
        known = known or {}
        # 主要是网站改版了: in the opening's list of the year's work, 主要是 would read as the reason for the clause before
        context.update(items=[re.sub(r"^主要(?:就)?是", "", i) for i in items])
        context.update(_active(fact_items(known.get("active", ()))))
        context.update(law=_law_as_named(report))
    text = "".join(line.strip() for line in templates.render(f"drafts/{drafter}.j2", **context).splitlines())
    if judged and not numbers_only:
        text = text.replace("。", "，" + "，".join(map(_as_result, judged)) + "。", 1)
    return finish(text, voice.self_word)


# the 条例 as the report's preface named it: a preface that says 以下简称《条例》 and an opening that spells the full
# title again leave the abbreviation defined and never used, which evaluators mark
_LAW = "《中华人民共和国政府信息公开条例》"
_LAW_SHORT = "《条例》"


def _law_as_named(report: Report) -> str:
    return _LAW_SHORT if f"以下简称{_LAW_SHORT}" in (report.text.get(_PREFACE) or "") else _LAW


# --- an evaluation given alone ---------------------------------------------------------------------------------

# the parts whose paragraph, drafted without notes, states the part's work in its first sentence: an evaluation given
# as their only note (效果较好 at 1.5) judges that work (…方便群众查询获取，取得较好效果。), never stands as a
# sentence of its own (我镇效果较好。)
_JUDGED_AS_A_WHOLE = ("active", "management", "platform", "oversight")
_EVALUATION_ONLY = re.compile(EVALUATION)
# 效果较好 said of the work is written as what the work achieved (取得较好效果)
_EFFECT = re.compile(r"(?:总体|整体)?效果(?:都|也|均)?(?P<how>较好|良好|明显|显著|较为明显)")


def _as_result(evaluation: str) -> str:
    """效果较好 → 取得较好效果, 效果较为明显 → 取得较为明显的效果; 群众反响良好, 受到群众好评 as they are."""
    m = _EFFECT.fullmatch(evaluation)
    if m is None:
        return evaluation
    how = m.group("how")
    return f"取得{how}{'的' if len(how) > 2 else ''}效果"


# --- a stock phrase the clerk's own words say again ---------------------------------------------------------------

# a clause that speaks of a whole part as a stock phrase does (加大监督保障力度, 加强平台建设, 规范政府信息管理): the verb
# of doing more or better, after an adverb
_GENERAL_DOING = re.compile(r"^(?:进一步|持续|不断|切实|全面|着力|认真|继续)?"
                            r"(?:加强|加大|强化|完善|健全|规范|做好|抓好|注重|提升|提高|推进|推动|优化|深化)")
# the words every stock phrase of the report shares (政务公开, 政府信息): no repetition when they come twice
_SHARED_BY_ALL = re.compile(r"政府信息公开|政务公开|政府信息|信息公开")
_RUN = 3  # this many characters of a stock phrase said again by a clause is a repetition (工作保障, 信息管理)


@cache
def _topics(drafter: str, fmt: Format) -> tuple[str, ...]:
    """The names of the part a drafter writes (its slot's keywords: 监督保障, 平台建设, 信息管理)."""
    slot = next((q.slot for q in fmt.questions if q.drafter == drafter and q.slot), None)
    return fmt.slot(slot).keywords if slot else ()


def _said_again_in(topics: tuple[str, ...]) -> Any:
    def said_again(phrase: str, clauses: Sequence[str]) -> bool:
        """Whether one of the clerk's `clauses` says the stock `phrase` again, in its words or its own (加强政务公开
        监督保障，加大监督保障力度): the template then leaves the phrase out, and the clerk's words stand."""
        return any(restates(phrase, clause, topics) for clause in clauses)
    return said_again


def restates(phrase: str, clause: str, topics: tuple[str, ...] = ()) -> bool:
    """Whether `clause` says what the stock `phrase` says: it does more or better for the whole part, naming the part
    (`topics`) or three characters of the phrase beyond the words every phrase shares; a clause with a figure states a
    fact, never a repetition."""
    m = _GENERAL_DOING.match(clause)
    if m is None or re.search(r"\d", clause):
        return False
    body = _SHARED_BY_ALL.sub("", clause[m.end():])
    if any(topic in clause for topic in topics if len(topic) >= 2):
        return True
    stock = _SHARED_BY_ALL.sub("", phrase)
    return any(body[i: i + _RUN] in stock for i in range(len(body) - _RUN + 1))


def finish(text: str, self_word: str) -> str:
    """One mention of the unit per sentence (“我乡持续…，我乡运营…” → “…，运营…”), and none at the opening of a
    sentence that follows one opened by it (“我乡…。此外，我乡…” → “我乡…。此外，…”: an evaluator reads 我乡 我乡 as
    a draft nobody read), then the punctuation polish."""
    out: list[str] = []
    subject_before = False
    for sentence in _year_said_once(re.findall(r"[^。！？]*[。！？]?", text), self_word):
        first = sentence.find(self_word)
        if first >= 0:
            head, tail = sentence[: first + len(self_word)], sentence[first + len(self_word):]
            sentence = head + _own_place_said_once(_without_self_after_marks(tail, self_word), self_word)
        if subject_before and _opened_by(sentence, self_word):
            sentence = sentence.replace(self_word, "", 1)
        subject_before = _speaks_of_itself(sentence, self_word) or subject_before and not sentence.strip()
        out.append(sentence)
    text = _EVALUATION_ALONE.sub(r"，\g<judged>", "".join(out))
    if self_word == "我街道":  # 我街道街道政务服务中心 → 我街道政务服务中心
        text = text.replace("我街道街道", "我街道")
    return written(_ACCOUNT_UNNAMED.sub("微信公众号", text))


# 公众号 as a clerk says it: published reports write 微信公众号 (27 times in tests/fixtures/corpus, 政务公众号 and
# a bare 公众号 in running prose almost never); an account the clerk named (政务公众号, 公众号“城关发布”, “城关发布”公众号)
# stays as named
_ACCOUNT_UNNAMED = re.compile(r"(?<!微信)(?<!政务)(?<![”」])公众号(?![“「])")


def _own_place_said_once(text: str, self_word: str) -> str:
    """The unit's own place after its self-word opened the sentence as 本镇, not 我镇 again: 我镇在我镇大厅设置公开栏
    (a note 在我镇大厅设置公开栏 drafted after 我镇) → 我镇在本镇大厅设置公开栏."""
    if not self_word.startswith("我"):
        return text
    return re.sub(f"(?<=[在于向到从])({re.escape(self_word)})", "本" + self_word[1:], text)


def _without_self_after_marks(text: str, self_word: str) -> str:
    """`text` without the self-word right after a comma, 顿号, semicolon or colon (…，我乡运营… → …，运营…)."""
    for mark in "，；、：":  # a replace a mark, not a pattern whose lookbehind is tried at every character
        text = text.replace(mark + self_word, mark)
    return text


# a bare evaluation drafted as a sentence of its own (…56条。此外，效果较好。): it judges the point before it, and
# ends that sentence (…56条，效果较好。); a connective before it joins nothing
_EVALUATION_ALONE = re.compile(rf"。(?:(?:此外|另外|同时|除此之外)，)?(?:我[\u3400-\u9fff]{{1,2}}?)?还?(?P<judged>{EVALUATION})"
                               r"(?=[，。]|$)")


# the year the report is about, said of a sentence's whole (本年度未收取…, 全年办理…): said once in a row is enough
_YEAR_WORD = re.compile(r"本年度|全年|年内")
# (a matter named before it is a lead too: 人大代表建议和政协委员提案办理方面，我乡全年…)
_OPENED_BY_YEAR = (r"^((?:此外|另外|同时|除此之外|除上述情况外|[^，。]{{2,24}}方面)，)?({self})?(?:本年度内?|全年|年内)，?"
                   r"(?=[^，。])")


def _year_said_once(sentences: list[str], self_word: str) -> list[str]:
    """A sentence that opens with the year (本年度无其他…, 此外，我乡全年办理…) right after one that said it already
    opens without it: 本年度 twice in a row reads as a draft nobody read."""
    opened_by_year = _opened_by_year(self_word)
    out: list[str] = []
    for sentence in sentences:
        if out and _YEAR_WORD.search(out[-1]):
            sentence = opened_by_year.sub(r"\1\2", sentence)
        out.append(sentence)
    return out


@cache  # one of a few self-words: compiled once, not looked up in re's cache for every paragraph
def _opened_by_year(self_word: str) -> re.Pattern[str]:
    return re.compile(_OPENED_BY_YEAR.format(self=re.escape(self_word)))


def _opened_by(sentence: str, self_word: str) -> bool:
    """Whether the unit is the sentence's subject at its opening: 我乡…, or after a short lead (全年，我乡…
    此外，我乡… 2025年，我乡…)."""
    return bool(_self_subject(self_word)[0].match(sentence))


def _speaks_of_itself(sentence: str, self_word: str) -> bool:
    """Whether the unit is the subject of a clause of the sentence (依据…规定，我镇全年未收取…)."""
    return bool(_self_subject(self_word)[1].search(sentence))


@cache  # asked of every sentence drafted, for one of a few self-words
def _self_subject(self_word: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The unit as a subject (我乡, not 我乡政府): at a sentence's opening, and at a clause's."""
    subject = rf"{re.escape(self_word)}(?!政府|人民政府|政务服务中心|便民服务中心)"
    return re.compile(rf"(?:[^，。；]{{1,5}}，)?{subject}"), re.compile(rf"(?:^|，){subject}")


# --- the figures ----------------------------------------------------------------------------------------------


def figures(report: Report, fmt: Format = GOV2021) -> dict[str, Any]:
    """The table figures a paragraph may state, by role (see `Format.roles`); None for a figure not known yet (its
    question skipped), which a paragraph leaves out rather than state as none."""
    return dict(zip(fmt.roles, known_values(report, fmt, fmt.roles.values()), strict=True))


# --- the facts, sorted by what they say ------------------------------------------------------------------------

# a platform's count as a clerk says it: 在/通过 before the platform and 也/还 after it are the sentence's, not the
# platform's (在政府网站发布, 公众号也发布); what was published after the count (发布120条信息) is the same count
_COUNT = re.compile(r"^(?:(?:在|通过)(?!线))?(?P<channel>.+?)(?:也|还|都|又|共计|共|累计)?"
                    r"(?P<verb>发布|公开|更新|推送|张贴|刊发|上传)?(?P<info>政府信息|信息)?"
                    r"(?P<n>约?\d+(?:\.\d+)?)(?P<m>(?:余|多)?[条期篇次个项份])(?P<after>政府信息|信息)?$")
_FOCUS = re.compile(r"^(?:重点|主要|着重)(?:公开|发布)?(?:了|为|是)?(?:公开)?")
# how a clause begins: with a verb or an adverb of time or manner; an item that does not is a thing (公开栏)
_VERB = re.compile(
    r"^(?:已|已经|未|不|暂|尚未|新|再|均|都|并|及时|定期|按时|按月|每[日周月季年]|全年|累计|共|严格|认真|积极|持续|进一步|不断|"
    r"坚持|落实|执行|实行|实施|建立|健全|完善|修订|修改|制定|出台|印发|开展|组织|举办|参加|召开|推进|加强|强化|做好|"
    r"规范|运营|运行|更新|开设|开通|设立|设置|调整|优化|发布|公开(?![栏板墙])|利用|依托|通过|借助|纳入|明确|安排|配备|落实|"
    r"对|将|把|由|在|向|为|按照|依照|根据|围绕|聚焦|结合|针对|实现|提高|提升|增加|丰富|拓展|扩大|加大|畅通|"
    r"维护|管理|审核|审查|核查|清理|梳理|整理|编制|更换|张贴|制作|录制|培训|考核|评议|督查|检查|公示|整合|上线|建成|"
    r"推行|推广|完成|办理|受理|回应|解读|发放|印制|召开|邀请|接受|增设)")
_SHORT_FIRST_REVIEW = re.compile(r"^(?:严格)?(?:坚持|落实|执行|实行)?“?先审(?:查|核)?、?(?:后|再)(?:发|公开|发布)”?(?:制度|原则|机制)?$")


_JUDGED = re.compile(r"不够|不足|不高|不强|较低|较少|较弱|滞后|有待|欠缺|单一|不及时|不到位|不规范|不完善")


# what each part's verb fits: 落实 a rule (制度, 机制, 一事一审), 建设 a platform, 公开 what information was published;
# a thing it does not fit (分管领导, 档案) is left as the clerk typed it, never given a verb that misstates it
_THING_VERBS = {
    "落实": re.compile(r"(?:制度|机制|责任制|审制|责任|要求|规定|原则|措施|办法|流程|程序|清单|台账|一事一审|三审三校|先审后发"
                     r"|工作法|规范|标准)”?$"),
    "建设": re.compile(r"(?:平台|网站|专栏|栏目|专区|系统|阵地|查阅点|查阅室|公开栏|公示栏|服务中心|矩阵|新媒体|公众号|视频号"
                     r"|客户端|小程序|APP|终端|显示屏|电子屏|大厅|窗口|热线)$", re.I),
    "公开": re.compile(r"(?:信息|文件|政策|预算|决算|预决算|补贴|补助|名单|结果|情况|事项|标准|规划|计划|公告|通知|项目|资金"
                     r"|清单|目录|指南|流程|数据|名录|方案|报告|政策措施|惠民政策|办事指南|工程|征收|采购|招标|任免|收费|救助"
                     r"|低保|帮扶|资助|奖励|处罚|许可|审批|财务|账目|村务|党务|政务)$"),
}


def _clause(item: str, thing_verb: str) -> str:
    """The item as a clause of a sentence whose subject is the unit: an activity named bare is 开展…, a thing gets
    the part's verb (`thing_verb`) only when the verb fits it; anything else stands as the clerk typed it."""
    if _SHORT_FIRST_REVIEW.match(item) and not re.search(r"先审查、?后公开", item):  # as written: kept
        return "坚持“先审查、后公开”"
    if _VERB.match(item) or re.search(r"\d|%|％", item):  # a figure (满意率98%) qualifies the clause before it
        return item
    if _JUDGED.search(item):  # 信息更新不够及时: a statement of its own, not a thing to be done
        return item
    if names_an_activity(item):  # 保密审查, 政策解读: done, not 落实 or 公开
        return f"开展{item}"
    if thing_verb in item:  # 精准、规范公开政府信息: the verb is there, after its adverbs
        return item
    fits = _THING_VERBS.get(thing_verb)
    return f"{thing_verb}{item}" if fits is None or fits.search(item) else item


_CHANNEL_PREPOSITION = re.compile(r"^(?:在|通过|于|依托|利用|借助)")
_BOARD = re.compile(r"(?:栏|板|墙)$")
# a board named with the pace it is kept up at (公开栏每月更新): said in a report as what the unit did to it
_BOARD_KEPT_UP = re.compile(
    r"^(?P<board>[\u3400-\u9fff]{1,6}?[栏板墙])(?:都|也)?(?P<pace>每(?:[两三四半]?(?:[日周年]|个月)|月|季度?)|定期|按月|按季度?|及时)"
    r"(?:都|均)?更新$")  # a board on a wall: 公开栏, 公示板, 信息公开墙
# a carrier said with the setting up of it (弄了宣传栏12期, read as 设置了宣传栏): the count is of what it carried, so
# the channel is the carrier alone, never “通过设置了宣传栏更新12期”
_SET_UP = re.compile(r"^(?:(?:设置|开设|设立|制作)了?|(?:出|办|做|搞|弄)了)(?=..)")


def _active(items: list[str]) -> dict[str, Any]:
    counts, focus, published, clauses, places, products = [], [], [], [], [], []
    for item in items:
        if _is_place(item):
            places.append(item)  # 公开栏: where information was published, without a count
        elif (m := _COUNT.match(item)) and (_NO_PLACE.match(m.group("channel")) or _ONLY_PUBLISHED.match(m.group("channel"))):
            clauses.append(f"主动公开政府信息{m.group('n')}{m.group('m')}")  # 是25条, 发布信息1000余条: no platform named
        elif m and _A_SPAN_OF_TIME.match(m.group("channel")):
            clauses.append(item)  # 上月发布8条: when, not where (never 通过上月发布…)
        elif m and (p := _PRODUCT.match(m.group("channel"))):
            products.append(f"{p.group('what')}{m.group('n')}{m.group('m')}")  # 政策解读3篇: what was made, no channel
        elif m and _is_channel(m.group("channel")):
            info = m.group("info") or m.group("after") or ""
            channel, verb = _split_object(m.group("channel"), m.group("verb"), m.group("m"), info)
            # 在公众号发布…: the paragraph says 通过/在 before its channels itself
            channel = _CHANNEL_PREPOSITION.sub("", channel) or channel
            channel = _SET_UP.sub("", channel) if _CARRIER.search(channel) else channel
            if m.group("m") == "期" and verb == "发布" and _BOARD.search(channel):
                verb = "更新"  # a 公开栏 is brought up to date in issues (更新12期), not published
            counts.append({"channel": channel, "verb": verb, "n": m.group("n"), "m": m.group("m")})
        elif b := _BOARD_KEPT_UP.match(item):
            clauses.append(f"{b['pace']}更新{b['board']}")  # 公开栏每月更新 → 每月更新公开栏, a verb's clause
        elif _FOCUS.match(item):
            focus.append(_FOCUS.sub("", item))
        elif _clause(item, "公开") == f"公开{item}" or _NAMES_A_THING.fullmatch(item) and not (
                _VERB.match(item) or _JUDGED.search(item) or names_an_activity(item) or _SAYS_OF_IT.search(item)):
            # 财政预决算, 医保缴费: at 主动公开 a name is what was published, an item of the list of it, never a
            # sentence of its own (此外，公开财政预决算。 此外，医保缴费。)
            published.append(item)
        else:
            clauses.append(_clause(item, "公开"))
    if focus:  # 重点是低保和惠农补贴 还有那个财政预决算: what else was published continues the list of the focus
        focus, published = focus[:-1] + [_one_list([*focus[-1].split("、"), *published])], []
    # a clause after the sentence the unit opened goes on with 还 (此外，还开展政策解读3次) when it opens on a verb
    goes_on = bool(products) or bool(clauses) and bool(_VERB.match(clauses[0])) and clauses[0][:1] not in "还也并"
    return {"counts": counts, "focus": "，".join(map(_as_information, focus)), "published": _one_list(published),
            "clauses": clauses, "places": places, "goes_on": goes_on, "products": products}


_NAMES_A_THING = re.compile(r"[\u3400-\u9fff、]{2,12}")  # a name of a few words, no figure, no mark of a clause
# what says something of a thing rather than names it (专人负责, 政策解读有, 公众号没有): no item of what was published
# (宣传深入千家万户, 做到应公开尽公开, 群众办事零距离: what the work reached or achieved, a clause of its own)
_SAYS_OF_IT = re.compile(
    rf"专人|负责|[有了过着]$|没有?|未|无|不|好|{EVALUATION}|深入|做到|实现|覆盖|零距离|尽公开|一站式|到位|均已|遗漏")
# what a count of items was made of rather than where it was published (政策解读3篇, 图解2个): no channel, never
# 通过图解设置2个
_PRODUCT = re.compile(r"^(?:制作|发布|推出|编制|撰写)?(?:了)?(?P<what>(?:政策)?(?:解读|图解|解读文章|解读材料|动漫|长图|海报|短视频|视频|H5))"
                      r"(?:都|也|共|共计)?(?:发布|制作)?$")
_A_SPAN_OF_TIME = re.compile(r"^(?:当|上|本|下|前|去)(?:月|季|季度|周|年)(?:度)?$")
# a count said with only the verb of publishing (发布信息1000余条): the unit's information, no platform named
_ONLY_PUBLISHED = re.compile(r"^(?:共|共计|全年|累计)?(?:发布|公开|主动公开|推送)(?:了)?$")


def _as_information(named: str) -> str:
    """What was published, named as information: 重点公开低保、救助等信息 (…等。 leaves the object unsaid)."""
    return named if re.search(r"(?:信息|内容|事项|情况)$", named) else re.sub(r"等?$", "等信息", named, count=1)


# a 和 between two short names (低保和惠农补贴): two items of a list, joined as the list's last two are
_TWO_NAMES = re.compile(r"^(?P<a>[\u3400-\u9fff]{2,6})和(?P<b>[\u3400-\u9fff]{2,6})$")


def _one_list(parts: list[str]) -> str:
    """Names said in several goes as one list, 和 before its last when the clerk said 和 (低保和惠农补贴 + 财政预决算 →
    低保、惠农补贴和财政预决算); a single part as it was said."""
    if len(parts) < 2:
        return "".join(parts)
    # (乡村振兴的: the clerk's “the ones about”, no word of the name)
    names = [re.sub(r"(?:相关)?的$", "", n) for part in parts for n in part.rstrip("等").split("、") if n]
    if not any(_TWO_NAMES.match(n) for n in names):
        return "、".join(names)
    names = [x for n in names for x in _TWO_NAMES.sub(r"\g<a>、\g<b>", n).split("、")]
    return "、".join(names[:-1]) + "和" + names[-1]


_CARRIER = re.compile(r"(?:栏|专栏|网站|网|公众号|视频号|号|平台|屏|微博|群|APP|客户端|媒体|专区|板|墙|站|册|报)$", re.I)


# words that link or hedge a count and name nothing (是25条, 有25条, 共25条): no place where information was published
_NO_PLACE = re.compile(r"^(?:是|为|有|共|共计|一共|总共|计|约|大概|大约|累计|合计|主动)*$")  # 主动公开了2000余条


def _is_channel(words: str) -> bool:
    """Where information was published (网站, 公众号, 公开栏), not a clause (开展培训) nor a linking word (是)."""
    if _NO_PLACE.match(words):
        return False
    return bool(_CARRIER.search(words)) or not _VERB.match(words)


def _is_place(item: str) -> bool:
    """公开栏, 村务公开栏, 政务公众号, 公众号“青山发布”, 网站、公众号: carriers named without a verb or a count (an
    account's quoted name is no part of what it is: 公众号“青山发布” had been drafted as a clause of its own, the
    paragraph printing 不断完善政府信息公开平台，网站、公众号“青山发布”，… with no verb)."""
    unnamed = _QUOTED_NAME.sub("", item)
    return all(_CARRIER.search(piece) for piece in unnamed.split("、")) and not re.search(r"\d", item) and (
        not _VERB.match(item) or bool(re.match(r"公开(?:栏|专栏|板|墙)", item)))


_QUOTED_NAME = re.compile(r"“[^”]*”")


# the verb is looked for outside a quoted name: 公众号“城关发布” is an account, not 公众号“城关 + 发布”
_VERB_AND_OBJECT = re.compile(r"^(?P<channel>(?:[^“”]|“[^”]*”)+?)(?P<verb>发布|公开|更新|推送|张贴|刊发|上传)(?P<what>.+)$")


def _split_object(channel: str, verb: str | None, measure: str, info: str = "") -> tuple[str, str]:
    """(where, what was done) of a count: 网站发布政策文件30条 → 网站 + 发布政策文件 (not 网站发布政策文件 + 发布信息);
    a carrier after the verb stays in its name (政府网站信息公开专栏 56 条)."""
    m = None if verb else _VERB_AND_OBJECT.match(channel)
    if m and not _CARRIER.search(m.group("what")) and _is_channel(m.group("channel")):
        return m.group("channel"), m.group("verb") + m.group("what") + info
    return channel, _verb_of_count(verb, measure)


def _verb_of_count(verb: str | None, measure: str) -> str:
    """发布信息56条, 推送信息80条, 更新12期: a count of items names what was counted (发布200余条 says nothing)."""
    if not verb:
        return _count_verb(measure)
    return f"{verb}信息" if measure[-1] in "条篇" else verb


def _count_verb(measure: str) -> str:
    return {"期": "更新", "次": "开展", "个": "设置"}.get(measure, "发布信息")


def _platform(items: list[str]) -> dict[str, Any]:
    """Things (公开栏, 微信群) are where information is published; everything else is a clause as the clerk said it."""
    things = [i for i in items if _is_place(i)]
    return {"clauses": [_clause(i, "建设") for i in items if i not in things], "things": things}


_TRAINING = re.compile(r"^(?:组织|开展|举办|参加)?(?:了)?(?:政务公开|信息公开)?(?:业务)?培训(?:了)?(\d+)(次|场|期)$")
_NO_ACCOUNTABILITY = re.compile(
    r"^(?:无|没有|未发生|未有|不存在)(?:政府信息公开)?(?:工作)?(?:的)?(?:责任追究|追究|追责|问责)(?:情况)?$")


# 考核 and 评议 said bare (考核有, 评议没搞 → 已开展考核, 未开展评议): the format asks for 工作考核 and 社会评议
_BARE_CHECK = re.compile(r"^(?:(?P<no>未)|已)?开展(?P<what>考核|考评|评议|社会评议)$")
_CHECK_NAMES = {"考核": "工作考核", "考评": "工作考核", "评议": "社会评议", "社会评议": "社会评议"}


# the result of the assessment a clause before names (纳入年度考核，考核结果为优秀): 考核 is said once
_RESULT_OF_CHECK = re.compile(
    r"^(?:年度|年终)?(?:考核|考评)(?:(?P<got>获评|被?评为)|(?:结果|等次)*(?:为|是)?)"
    r"(?P<grade>(?:优秀|良好|基本合格|合格|称职|先进|较好|好)(?:等次|等级)?|第[\d一二三四五六七八九十]+名?|[\d.]+分)$")
_RESULT_NOT_OUT = re.compile(r"^(?:考核|考评)结果尚未公布$")  # as wording writes 考核结果县里还没出
_INTO_CHECK = re.compile(r"^将政务公开工作纳入.*(?:考核|考评)(?:体系|内容|范围|指标)?$")


# 今年没考核也没评议 (noted 未开展考核也未开展评议): neither held, each named as 监督保障 names it
_NEITHER_CHECK = re.compile(r"^(未开展(?:考核|考评|评议|社会评议))(?:也|和|及|、)(未开展(?:考核|考评|评议|社会评议))$")


def _result_apart(item: str) -> list[str]:
    """纳入年度绩效考核、考核获评优秀 (said with a space between) → the inclusion and its result, each a clause;
    未开展考核也未开展评议 → each check not held."""
    if m := _NEITHER_CHECK.match(item):
        return [m.group(1), m.group(2)]
    into, _, result = item.rpartition("、")
    said = _RESULT_OF_CHECK.match(result) or _RESULT_NOT_OUT.match(result)  # 纳入年度考核、考核结果尚未公布 alike
    return [into, result] if into.startswith("纳入") and said else [item]


def _assessment_without_result(clauses: list[str]) -> int | None:
    """Where the last clause that puts the work into an assessment stands, when no result follows it yet."""
    for n in range(len(clauses) - 1, -1, -1):
        if _INTO_CHECK.match(clauses[n]):
            after = clauses[n + 1] if n + 1 < len(clauses) else ""
            return None if after.startswith(("获评", "结果")) else n
    return None


def _check_result(got: bool = False, grade: str = "", not_out: bool = False) -> str:
    """The result of the assessment named in the clause before (获评优秀, 结果为良好, 结果尚未公布)."""
    return templates.render("drafts/check_result.j2", what="", got=got, grade=grade, not_out=not_out).strip()


def _oversight(items: list[str]) -> dict[str, Any]:
    clauses: list[str] = []
    no_accountability = False
    for item in (p for i in items for p in _result_apart(i)):
        # the result follows its assessment's clause wherever the clerk said it (a note added later, after 评议…,
        # had been drafted 「…满意度调查1次，考核结果为良好」)
        into = _assessment_without_result(clauses)
        if into is not None and (m := _RESULT_OF_CHECK.match(item)):
            clauses.insert(into + 1, _check_result(got=bool(m.group("got")), grade=m.group("grade")))
            continue
        if into is not None and _RESULT_NOT_OUT.match(item):  # 考核结果尚未公布: its assessment is named just before
            clauses.insert(into + 1, _check_result(not_out=True))
            continue
        if _NO_ACCOUNTABILITY.match(item) or item == "未发生责任追究":
            no_accountability = True
        elif m := _TRAINING.match(item):
            clauses.append(f"组织政务公开业务培训{m.group(1)}{m.group(2)}")
        elif item.startswith("纳入"):
            clauses.append(f"将政务公开工作{item}")
        elif m := _BARE_CHECK.match(item):  # 考核有 → 已开展考核: which work was assessed or appraised, as 监督保障 says it
            clauses.append(f"{'未' if m.group('no') else ''}开展政务公开{_CHECK_NAMES[m.group('what')]}")
        else:
            clauses.append(_clause(item, "落实"))
    # 未开展考核和社会评议 alone: nothing was strengthened, and the lead claiming it goes (QA32)
    return {"clauses": clauses, "no_accountability": no_accountability,
            "negatives_only": bool(clauses) and all(_NOT_HELD.match(c) for c in clauses)}


_NOT_HELD = re.compile(r"^(?:本年度|全年|年内)?(?:未|暂未|尚未|没有|无)")


# --- 五: problems and what is done about them -------------------------------------------------------------------

_IMPROVE_MARK = re.compile(r"[；;。，,\s]*(?:改进措施|改进情况|改进打算|整改措施|改进|措施)\s*[:：]|" + BARE_IMPROVE_MARK.pattern)
_FIRST_PLAN = re.compile(r"(?:^|[、，,；;。\s])(?=(?:我(?:乡|镇|街道|县|局|委|办)|本单位)?(?:明年|下一年|下一步|下步|今后|准备|计划|拟|打算|争取))")
# the clerk's own label of the part (问题：…, 问题是…, 存在的不足主要是…): the paragraph says 主要是 itself
_PROBLEM_MARK = re.compile(r"^(?:存在的?|主要)?(?:问题|不足)(?:之处)?(?:主要)?(?:[:：]|是|在于|为)\s*[:：]?")


# 没啥大问题，就是…: a shrug before the problem, never a problem of its own
_NO_REAL_PROBLEM = re.compile(r"(?:暂无|没有?|无)(?:啥|什么)?大?的?(?:问题|困难|毛病)")


def split_problems(facts: Facts) -> tuple[list[str], list[str]]:
    """(problems, improvements): the improvements follow “改进：” (or begin with the first plan: 明年…、下一步…); a
    note that states only a plan (加强业务培训) is an improvement wherever it was said."""
    problems, plans_said, improvements = _notes_of_part_five(facts)
    return problems, plans_said + improvements + _rectified_of(facts)


def _notes_of_part_five(facts: Facts) -> tuple[list[str], list[str], list[str]]:
    """(problems, plans said among the problems, improvements after their mark); what was done about last year's
    problems (上年整改：…) is none of them (`_rectified_of`)."""
    text, _ = _rectified_apart(facts)
    head, mark, tail = _partition(text)
    if not mark and (plan := _FIRST_PLAN.search(head)):
        head, tail = head[: plan.start()], head[plan.end():]
    head = head.strip(" 、，,；;。\n")  # …更新慢、改进、明年…: the pause before a bare 改进 is the problems' end
    notes = [p for p in fact_items(_PROBLEM_MARK.sub("", head)) if not _NO_REAL_PROBLEM.fullmatch(p)]
    plans = [n for n in notes if states_only_a_plan(n)]
    return _instances_joined([_with_subject(n) for n in notes if n not in plans]), plans, fact_items(tail)


# a problem said without what it is about (更新不及时, 公开不够全面, 解读形式单一): the work of 政府信息公开 it names is
# information's (信息更新不及时) or a policy's (政策解读形式单一), as a report's 五 states it — never a bare verb
# (each of a list said with pauses too: 人员少、更新慢 → 人员少、信息更新慢)
_SUBJECTLESS = re.compile(r"(?:^|(?<=[、，；]))(?:(?P<info>更新|发布|公开|上传|报送|维护)|(?P<policy>解读))"
                          r"(?=[不未没慢滞较有形方内时及质效频力])")


def _with_subject(problem: str) -> str:
    return _SUBJECTLESS.sub(lambda m: ("信息" if m.group("info") else "政策") + m.group(), problem)


# where a problem was found, told of a part (部分村两个月未更新, 个别社区未公开): what was not done is named after 未
_INSTANCE = re.compile(r"^(?:部分|个别|少数|有的|有些|一些)[^，；]{0,12}?(?:未|没有?|不)(?:及时|按时|按期)?"
                       r"(?P<undone>[\u3400-\u9fff]{2})")


def _instances_joined(problems: list[str]) -> list[str]:
    """The problems, each instance of one said before (部分村两个月未更新 after 信息更新不够及时) told after it as its
    extent (信息更新不够及时，部分村两个月未更新), not numbered as a problem of its own: a return reason the clerk
    adds in answer names where the problem was seen, not a second problem."""
    out: list[str] = []
    for problem in problems:
        m = _INSTANCE.match(problem)
        shown = next((i for i in range(len(out) - 1, -1, -1) if m and m.group("undone") in out[i]), None)
        if shown is None:
            out.append(problem)
        else:
            out[shown] += f"，{problem}"
    return out


# a plan as a clerk states it: a verb of doing more or better first (加强业务培训, 提高时效性, 对照标准目录规范栏目)
_PLAN_VERB = re.compile(r"^(?:进一步|持续|不断|切实|全面|着力|认真|继续|及时|尽快)?(?:加强|加大|强化|完善|健全|规范|做好|抓好|"
                        r"提升|提高|推进|推动|优化|深化|增加|丰富|拓展|扩大|明确|配备|安排|统一|对照|定期|每[日周月季年])")
# what finds fault (不够及时, 较少, 单一, 有待加强): a problem, even when a verb of doing opens it (规范程度不高)
_FAULT = re.compile(r"不|未|没|无|缺|欠|差|弱|低|少|慢|难|滞后|有待|单一|问题|困难|薄弱|偏")
# the verbs whose plan turns into the problem it answers (加强业务培训 → 业务培训有待加强)
_NEED_OF = re.compile(r"^(?:进一步|持续|不断|切实|全面|着力)?(?P<verb>加强|完善|健全|提高|提升|规范|丰富|拓展|优化|强化|加大)"
                      r"(?P<what>[\u3400-\u9fff“”]{2,12})$")


def states_only_a_plan(note: str) -> bool:
    """加强业务培训, 提高时效性: what will be done, with no fault found; a problem names what is wrong."""
    return bool(_PLAN_VERB.match(note)) and not _FAULT.search(note)


def _need_of(plan: str) -> str:
    """The problem a plan answers (加强业务培训 → 业务培训有待加强), or "" when the plan does not say it."""
    m = _NEED_OF.match(plan)
    return f"{m.group('what')}有待{m.group('verb')}" if m else ""


def _rectified_apart(facts: Facts) -> tuple[str, str]:
    """(the facts of 五 without the part on last year's problems, that part): it runs from its mark (上年整改：) to
    the improvements' mark, or to the end."""
    text = facts if isinstance(facts, str) else "；".join(facts)
    m = RECTIFIED_MARK.search(text)
    if m is None:
        return text, ""
    rest = text[m.end():]
    end = _IMPROVE_MARK.search(rest)
    told, after = (rest[: end.start()], rest[end.start():]) if end else (rest, "")
    return text[: m.start()] + after, told


def without_rectified(facts: Facts) -> str:
    """The facts of 五 as 5.1 reads them, and as they decide whether last year's paragraph is offered: without what
    was done about last year's problems (上年整改：…), which only 5.2 states."""
    return _rectified_apart(facts)[0]


def rectified_lead(facts: Facts, voice: Voice, variant: int = 0) -> str:
    """The sentence on what was done about last year's problems alone (before last year's 改进情况 offered again);
    "" when the clerk said nothing of it."""
    rectified = _rectified_of(facts)
    if not rectified:
        return ""
    pick = Chooser(voice.name, "improvements", variant)
    text = templates.render("drafts/rectified.j2", s=voice.self_word, pick=pick, **_rectified_context(facts))
    return finish("".join(line.strip() for line in text.splitlines()), voice.self_word)


# the problem named at the head of the first note (针对公开栏更新慢的问题，已督促…): the sentence's lead names it, as
# last year's report's (针对上年度报告指出的公开栏更新慢的问题，我乡已督促…), never 对上年度…问题，我乡针对…问题
_NAMED_PROBLEM = re.compile(r"^(?:针对|对于?|关于)(?:上一?年度?报告(?:中)?(?:指出|所列|提出)的)?(?P<problem>[^，]{2,30}?)的?问题[，,]"
                            r"(?P<rest>.+)$")


_A_PROBLEM = re.compile(r"(?:不全|不够|不足|不及时|不到位|不规范|不完善|不健全|不细|滞后|较少|偏少|缓慢|较慢|单一|薄弱)$")


def _rectified_context(facts: Facts) -> dict[str, Any]:
    """The notes on last year's problems for drafts/rectified.j2, and the problem the first one names (or "")."""
    rectified = _rectified_of(facts)
    m = _NAMED_PROBLEM.match(rectified[0]) if rectified else None
    if m is None and len(rectified) > 1 and _A_PROBLEM.search(rectified[0]):
        # 上年整改：栏目不全，补了三个栏目: the first note names last year's problem, the rest what was done about it
        # (it had been drafted 「我镇栏目不全，补3个栏目」, the problem stated as this year's deed)
        return {"rectified": rectified[1:], "named_problem": rectified[0]}
    if m is None:
        return {"rectified": rectified, "named_problem": ""}
    return {"rectified": [m.group("rest"), *rectified[1:]], "named_problem": m.group("problem")}


def _rectified_of(facts: Facts) -> list[str]:
    """What the clerk said was done this year about the problems last year's report named (上年整改：…), as notes;
    [] when nothing was said: a 五（二） never states it unless told."""
    return [_done(item) for item in fact_items(_rectified_apart(facts)[1])]


def _done(item: str) -> str:
    """已经规范了网站栏目 → 已规范网站栏目: what was done, as a report says it."""
    return re.sub(r"^已([\u3400-\u9fff]{2})了", r"已\1", re.sub(r"^已经", "已", item))


def _partition(text: str) -> tuple[str, str, str]:
    m = _IMPROVE_MARK.search(text)
    return (text[: m.start()], m.group(), text[m.end():]) if m else (text, "", "")


def _as_points(plans: list[str]) -> bool:
    """Whether the plans read as points (一是…；二是…): four or more, or three that would make a long sentence; three
    short ones (安排专人负责，做到每周更新，多制作图解) are one piece of work and stay one sentence."""
    return len(plans) >= 4 or len(plans) == 3 and sum(map(len, plans)) > _SHORT_SENTENCE


_SHORT_SENTENCE = 24  # characters of three plans that still read as one sentence


def _plan(item: str) -> str:
    """A plan without its plan word (下一步将…): the paragraph says it once for all."""
    stripped = re.sub(r"^(?:明年|下一年|下一步|下步|今后)?[，,]?(?:将|要|拟|准备|计划|打算|争取)*(?:进一步)?", "", item)
    plan = clean_note(stripped) or item
    plan = re.sub(r"^已经?([\u3400-\u9fff]{2})了", r"已\1", re.sub(r"^已经", "已", plan))  # 已经制定了 → 已制定
    if plan == "增加图解":  # charts of nothing named (QA32): a report plans charts of its policy readings
        return "增加图解式政策解读"
    if _OFFICES_OF_THE_UNIT.match(plan):
        return f"督促{plan}"  # 各办明确一名信息员: what its offices are to do, the unit sees to (将做到各办… is no sentence)
    if m := _PERSON_NAMED.match(plan):
        # 专人负责 names who will do the work: a report assigns them (安排专人负责, 安排专人每周更新) and states what
        # is reached after (安排专人负责，做到每周更新); 将做到专人负责 is read in no published report
        rest = m.group("rest")
        assigned = (m.group("verb") or "安排") + m.group("who")
        return assigned + (f"，{_as_state(rest, kept=bool(_KEPT_BY_THE_PERSON.match(rest)))}" if rest else "")
    return _as_state(plan)


# a plan whose subject is the unit's own offices or villages (各办明确一名信息员, 各村每月更新公开栏)
_OFFICES_OF_THE_UNIT = re.compile(r"^各(?:办|站所|科室|股室|部门|单位|中心|村|社区|村（社区）|村居)(?=[\u3400-\u9fff])")


# a plan that opens on the person who will do the work, assigned (明确专人负责) or with no verb (专人负责, 专人每周更新,
# 专人负责、每周更新)
_PERSON_NAMED = re.compile(r"^(?P<verb>安排|明确|落实|确定|指定|配备)?(?P<who>专人(?:专岗)?[^，、；]*)(?:[，、](?P<rest>.+))?$")


# a person assigned with nothing named to be responsible for (专人负责, 专人专岗负责): 负责 needs its object
# (配备专人 said bare, QA32: 「将配备专人，增加图解」 named no work either)
_DUTY_UNNAMED = re.compile(r"^(?P<assigned>(?:安排|明确|落实|确定|指定|配备)专人(?:专岗)?)(?:负责|管理|跟进|(?=，)|$)(?P<rest>，.+)?$")
# the work a problem names and what is wrong with it (信息更新不及时, 公开栏更新慢, 栏目设置不规范)
_WORK_AT_FAULT = re.compile(r"(?P<what>[\u3400-\u9fff]{0,6}?)(?P<verb>更新|发布|公开|解读|维护|上传|报送|设置|管理|审核)"
                            r"(?:工作)?(?:还|仍|也|有时)?(?P<fault>不够及时|不及时|较慢|偏慢|慢|滞后|不够规范|不规范|不够全面|不全面|"
                            r"不到位|不够到位)")
_WHAT_IS_REACHED = {"及时": "及时", "慢": "及时", "滞后": "及时", "规范": "规范", "全面": "全面", "到位": "到位"}


def _duty_named(plan: str, problems: Sequence[str], others: Sequence[str] = ()) -> str:
    """A person assigned with no work named (安排专人负责) is made responsible for the work the problems of 五（一）
    name, and the plan says what is reached by it: 更新不及时 → 安排专人负责信息更新，确保信息及时更新; with no work
    named among the problems (人手不够), for the part's whole work. A pace the clerk named (，做到每周更新) stands; one
    that names the same thing again (每月更新公开栏) makes the person keep the thing (负责公开栏日常管理). The words
    are drafts/duty.j2's."""
    m = _DUTY_UNNAMED.match(plan)
    if m is None:
        return plan
    found = next((w for w in map(_WORK_AT_FAULT.search, problems) if w), None)
    rest = m.group("rest") or ""
    said = [rest, *others]
    what, verb = (found.group("what"), found.group("verb")) if found else ("", "")
    paced = bool(found) and any(verb in other for other in said)
    context = {"assigned": m.group("assigned"), "what": what, "verb": verb, "rest": rest, "found": bool(found),
               "keeps_the_thing": paced and bool(what) and any(what in other for other in said),
               "reached": "" if rest or paced or not found else next(
                   v for k, v in _WHAT_IS_REACHED.items() if k in found.group("fault"))}
    return "".join(line.strip() for line in templates.render("drafts/duty.j2", **context).splitlines())


# how often or how soon the person assigned keeps the work (每周更新, 及时发布): after 安排专人负责 it is a state the
# person keeps (安排专人负责，做到每周更新), not an action of the unit's own
_KEPT_BY_THE_PERSON = re.compile(r"^(?:每[日周月季年]|及时|定期|按时|按月|按季|按期)")


def _as_state(plan: str, kept: bool = False) -> str:
    """信息及时更新 is a state to reach, not an action: 将做到信息及时更新 (将切实信息及时更新 is no sentence);
    常态化做好主动公开 holds its verb after an adverb: an action already (将做到常态化做好… is no sentence). `kept`: the
    plan is what an assigned person keeps (每周更新), a state even though it opens on an adverb."""
    reached = _STATE_TO_REACH.search(plan) and not _DOING.search(plan)
    return f"做到{plan}" if (kept or not _VERB.match(plan)) and reached else plan


# a plan that names no work (明年要加强 → 加强): the paragraph would end on a verb without its object
_BARE_VERB = re.compile(r"(?:进一步)?(?:加强|改进|完善|提高|提升|整改|努力|注意|改正|解决|落实|推进|重视|抓紧)(?:一下|起来)?")


_DOING = re.compile(r"做好|做实|做细|抓好|抓实|加强|推进|推动|提升|提高|强化|完善|开展|加大|深化")
_STATE_TO_REACH = re.compile(r"(?:更新|发布|公开|审核|办理|答复|解读|维护|整改|到位|落实|规范)$")


# --- the parts the tables decide ---------------------------------------------------------------------------------


def _table_part(drafter: str, items: list[str], report: Report, voice: Voice, fees_yuan: Any,
                pick: Chooser, variant: int) -> str:
    extra = ""
    if drafter == "on_request":
        channels, items = application_channels(items)
        if tables.none_handled(report):  # 都按时答复了 with no application: table 三 says there was none to answer
            channels, items = "", [i for i in items if not _OF_THE_APPLICATIONS.search(i)]
        text = tables.draft_on_request(report, {"channels": channels}, variant=variant)
        # what the clerk adds about the applications (有1件以信函方式提出, 均按时答复) follows the applications, before
        # the 复议/诉讼 sentence; 均… after another note speaks of all of them (上述申请均…), not of the one before
        # with one carried over, not all were answered: 上述申请均… would speak of it too (QA32)
        answered = "已办结的申请" if tables.carried_over(report) else "上述申请"
        text += _about_the_applications(items, voice, pick, answered) + tables.draft_appeals(report, variant=variant)
    else:
        text = tables.draft_fees(report, Decimal(fees_yuan) if fees_yuan else None, variant)
        items = [i for i in items if not re.search(r"收取|收费|处理费|\d\s*元|未收|没收", i)]
        matters = _matters_of_part_six(items)
        # 按照县年度政务公开工作要点，… names its matter itself: no lead saying it before
        extra = _remarks(drafter, voice, pick, key_points_named=bool(matters["key_points"]) and bool(
            _NAMES_KEY_POINTS.match(matters["key_points"][0])), **matters)
    return finish(text + extra, voice.self_word)


# the matters 六 reports besides the 信息处理费, as published reports name them: 人大代表建议和政协委员提案办理, and
# 年度政务公开工作要点落实; a note naming neither is a remark of its own
_PROPOSALS = re.compile(r"人大|政协|代表建议|委员提案|议案|提案")  # not 建议 alone: 群众意见建议 are no proposals
_KEY_POINTS = re.compile(r"工作要点")
# a note that goes on from the one before (…建议2件，均按期办结): it belongs to the same matter
_GOES_ON = re.compile(r"^(?:均|全部|都|并|且|其中|已全部|已按期|按期|按时|办结|答复)")
# a note that only leads in to the next (按照县年度政务公开工作要点，完成…): the next belongs to its matter
_LEADS_IN = re.compile(r"^(?:按照|根据|对照|围绕|结合|依据|落实)[^，；。]*要点$")
_NAMES_KEY_POINTS = re.compile(r"^(?:按照|根据|对照|围绕|结合|依据|落实)[^，；。]*工作要点")


def _matters_of_part_six(items: list[str]) -> dict[str, list[str]]:
    """The notes of 六 by matter: proposals (人大代表建议、政协委员提案), key_points (年度工作要点) and the other
    remarks; a note naming no matter goes with the one before when it goes on from it. Nothing is stated of a
    matter the clerk did not name."""
    matters: dict[str, list[str]] = {"proposals": [], "key_points": [], "items": []}
    current, before = "items", ""
    for item in items:
        if item == _NO_FEE:  # 没收钱: the fee sentence of 六 states it already
            continue
        if _PROPOSALS.search(item):
            current = "proposals"
        elif _KEY_POINTS.search(item):
            current = "key_points"
        elif not (_GOES_ON.match(item) or _LEADS_IN.match(before)):
            current = "items"
        counts = matters[current]
        if current == "proposals" and counts and _COUNTED.search(counts[-1]) and _A_PROPOSAL_COUNT.match(item):
            counts[-1] += f"、{item}"  # 承办县人大代表建议2件、政协委员提案1件: one count after another
        else:
            matters[current].append(item)
        before = item
    return matters


_COUNTED = re.compile(r"\d+件$")
_NO_FEE = "未收取信息处理费"  # a note saying no fee was charged (wording's 没收钱), which 六's fee sentence states
_A_PROPOSAL_COUNT = re.compile(r"^(?:省|市|县|区|镇|乡)?(?:人大|政协)[^，；]*?\d+件$")


_SOME_APPLICATIONS = re.compile(r"^有\d+件申请")
_TOLD_THE_APPLICANT = re.compile(r"^(?:已|均已|并)?(?:告知|引导|指导|答复)申请人")
# a note about how the applications came in or were answered: none of it holds when table 三 has no application
_OF_THE_APPLICATIONS = re.compile(r"^有\d+件申请|^均|法定期限|按时|超期|逾期|答复|办结|提交|提出|申请")


def _about_the_applications(items: list[str], voice: Voice, pick: Chooser, answered: str = "上述申请") -> str:
    """The clerk's notes on the applications as a sentence whose subject is the applications, not the unit
    (有1件申请以信函方式提出，上述申请均在法定期限内予以答复); other notes as remarks of the unit."""
    # 已告知申请人… right after 有1件申请涉及…: what that applicant was told, part of its sentence (it had been drafted
    # 「另外，我镇已告知申请人…」, a remark of its own)
    joined: list[str] = []
    for i in items:
        if joined and _SOME_APPLICATIONS.match(joined[-1]) and _TOLD_THE_APPLICANT.match(i):
            joined[-1] += f"，{i}"
        else:
            joined.append(i)
    items = joined
    told = [i if _SOME_APPLICATIONS.match(i) else f"{answered}{i}" if i.startswith("均") else None for i in items]
    said = [t for t in told if t]
    # 上述申请均…，其中1件申请涉及…: one of the applications just spoken of, not another
    said = [f"其中{t[1:]}" if n and said[n - 1].startswith(answered) and t.startswith("有") else t
            for n, t in enumerate(said)]
    rest = [i for i, t in zip(items, told, strict=True) if not t]
    return ("，".join(said) + "。" if said else "") + _remarks("on_request", voice, pick, items=rest)


def _remarks(drafter: str, voice: Voice, pick: Chooser, key_points_named: bool = False, **matters: list[str]) -> str:
    """The notes a part drafted from the tables adds (`items`), and 六's matters told apart (`_matters_of_part_six`)."""
    context = {"items": [], "proposals": [], "key_points": [], "key_points_named": key_points_named, **matters}
    text = templates.render("drafts/remarks.j2", s=voice.self_word, drafter=drafter, pick=pick, **context)
    return "".join(line.strip() for line in text.splitlines())


_PREFACE = "preface"


def _drafter(part: str, fmt: Format) -> str:
    if part == _PREFACE or "." not in part:
        return part
    drafter = next((q.drafter for q in fmt.questions if q.slot == part and q.drafter), None)
    if drafter is None:
        raise LookupError(f"no drafter for slot {part}")
    return drafter
