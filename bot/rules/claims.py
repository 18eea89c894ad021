"""The counts the prose states, each with the table cells it must equal (R9).

R9 is an error, so a count is claimed only where its meaning is plain: the words right before it name what it counts
("予以公开3件", "不予公开（危及三安全一稳定）2件", "自然人申请5件", "已依法答复7件", "结转下年度继续办理1件"), or it is the
first count after 收到/受理 in a clause about 申请. Numbers that count anything else (热线转办、群众反映问题、培训次数) are
left alone. The vocabulary — result kinds, applicant columns, outcome columns — comes from the format's tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from ..formats import Format
from ..report import Report
from .table_two import table_two_claims
from .textscan import COUNT, clause_text, clauses, cn_to_int, mask_citations, sentences

APPLICATIONS, APPEALS = "t3", "t4"
CLAIMED_TABLES = ("t2", APPLICATIONS, APPEALS)  # the tables whose cells a count in the prose may be compared with
NEW_TOTAL = ("t3.new.total",)
CARRIED_IN_TOTAL = ("t3.carried_in.total",)
CARRY_OVER_TOTAL = ("t3.carry_over.total",)
REVIEW_TOTAL = ("t4.review.total",)
SUIT_TOTALS = ("t4.suit_direct.total", "t4.suit_after_review.total")
# where townships write about applications, and where about 复议/诉讼
APPLICATION_SLOTS = ("s1.summary", "s1.on_request")
LITIGATION_SECTIONS = ("一", "六")
DECISION_SECTIONS = ("一",)  # where 表二's decisions, documents and fees are written about

_RECEIVED = re.compile(r"收到|受理|新收|接收|接到")
_NONE_RECEIVED = re.compile(
    r"(?:未|没有|尚未)(?:收到|受理|接到|接收|发生|产生)[^，。；]{0,20}?申请"
    r"|无(?:政府)?(?:信息)?(?:公开)?(?:依申请公开|信息公开申请|申请)"
)
# carried from last year or over to next: 结转; and words that only ever carry forward (顺延至下一年答复, 延期至次年)
_CARRY = re.compile(r"结转|(?:顺延|延期|延续|转入|转至)(?=至|到|下|次|\d{4}年)")
_FORWARD_ONLY = re.compile(r"顺延|延期|延续|转入|转至")
_YEAR_NAMED = re.compile(r"(\d{4})\s*年")
# how a request arrived: a count by channel is one part of the total ("收到纸质申请36件、网上申请14件")
_CHANNEL = re.compile(r"纸质|网上|网络|在线|线上|线下|信函|邮寄|来信|当面|现场|来访|窗口|传真|电子邮件|邮件|电话")
_ALL_WORD = re.compile(r"共|合计|总计|累计|全年|全部")
_CARRIED_MENTION = re.compile(r"结转|上年|上一年|去年")
_LAST_YEAR = re.compile(r"上年|上一年|去年")
_NEXT_YEAR = re.compile(r"下年|下一年|次年")
_LITIGATION = re.compile(r"复议|诉讼")
_NONE_HAPPENED = re.compile(r"无(?!法|正当)|未(?:发生|出现|收到|接到|产生|有|涉及)|没有|不存在")
_TAIL_FILLER = re.compile(r"(?:[\s和及与或、的等]|案件|案|情况|情形|事项|事件|发生|申请|问题|纠纷)*")
_EACH = re.compile(r"各\s*$")
# words that may stand between a label and its count: "自然人提出申请5件", "予以公开的申请1件", "共办结7件"
_FILLER = r"(?:\s|申请|提出|提交|的|共|计|为|了|已|均|政府信息公开|信息公开|依申请公开)*"
_HANDLED = r"依法答复|答复|办结|办理完毕|处理完毕"
_QUOTES = str.maketrans("", "", "“”\"'‘’「」 ")
# a count right before 结转: "1件结转下年度继续办理"
# a count before the carry word: "1件结转下年度继续办理", "有1件申请因需征求第三方意见顺延至下一年答复"
_COUNT_BEFORE_CARRY = re.compile(r"(\d+|[零〇一二两三四五六七八九十百千]+)\s*件[^\d，,。；;]{0,12}$")
# table 四: which row a count is about, and which outcome column
_APPEAL_ROWS = re.compile(r"未经复议直接起诉|直接起诉|直接向人民法院起诉|复议后起诉|行政复议|复议|行政诉讼|诉讼|起诉")
_OUTCOMES = {"结果维持": "upheld", "维持": "upheld", "结果纠正": "corrected", "纠正": "corrected",
             "其他结果": "other", "尚未审结": "pending", "未审结": "pending", "正在审理": "pending"}
_OUTCOME_LABEL = re.compile("(?:" + "|".join(sorted(_OUTCOMES, key=len, reverse=True)) + r")\s*(?:的)?\s*$")


@dataclass(frozen=True)
class Claim:
    """A number the prose states, and the table cells whose sum it must equal (any of `accepts`).

    `what` names the cells in the message when they are a group (“表三「不予公开」各行「总计」列之和”)."""

    slot: str
    text: str
    stated: int | Decimal
    accepts: tuple[tuple[str, ...], ...]
    what: str = ""
    unit: str = "件"


@dataclass(frozen=True)
class _Label:
    accepts: tuple[tuple[str, ...], ...]
    what: str
    start: int = 0  # where the label begins in the clause, so the message quotes “部分公开1件”, not the clause


def claims(report: Report, fmt: Format) -> Iterator[Claim]:
    """Every count the prose plainly states about tables 二, 三 and 四."""
    for slot_id in fmt.slot_ids:
        text = report.text.get(slot_id) or ""
        if text.strip():
            yield from _slot_claims(fmt, slot_id, text, report.year)


@lru_cache(maxsize=32768)
def _slot_claims(fmt: Format, slot_id: str, text: str, year: int) -> tuple[Claim, ...]:
    """A slot's claims depend on its text alone (and the year): held, as R9 reads every slot after every answer
    while the prose rarely changes. Held for every clerk typing at once: 1,000 clerks through the script keep
    about 7,000 texts in use, and 4,096 held missed one read in two (30–90 µs each)."""
    return tuple(_claims_in(fmt, slot_id, text, year))


def _claims_in(fmt: Format, slot_id: str, text: str, year: int) -> Iterator[Claim]:
    vocab = _vocabulary(fmt)
    masked = mask_citations(text)
    section = fmt.slot(slot_id).section
    if section in DECISION_SECTIONS:
        for shown, value, cell, unit in table_two_claims(fmt, text, masked):
            yield Claim(slot_id, shown, value, ((cell,),), unit=unit)
    about_applications = slot_id in APPLICATION_SLOTS
    # a clause claims about applications in their slots only, about 复议 and 诉讼 in the sections reporting them: a
    # text of any other slot (五, the opening), or one naming neither word (in none of its clauses, then), is not cut
    if not about_applications and not (section in LITIGATION_SECTIONS and _LITIGATION.search(masked)):
        return
    for s_start, s_end in sentences(masked):
        carried_mentioned = bool(_CARRIED_MENTION.search(masked, s_start, s_end))
        for start, end in clauses(masked[s_start:s_end]):
            start, end = start + s_start, end + s_start
            clause = masked[start:end]
            if _LITIGATION.search(clause):
                if section in LITIGATION_SECTIONS:
                    yield from _litigation_claims(slot_id, clause, clause_text(text, start, end))
            elif about_applications:
                yield from _application_claims(vocab, slot_id, clause, text[start:end], carried_mentioned,
                                               year)


# --- table 三 ----------------------------------------------------------------------------------------------


def _application_claims(vocab: _Vocabulary, slot: str, clause: str, original: str, carried: bool,
                        year: int) -> Iterator[Claim]:
    shown = clause_text(original, 0, len(original))
    labelled: set[int] = set()
    for m in COUNT.finditer(clause):
        label = vocab.label_before(clause[: m.start()], carried)
        value = cn_to_int(m.group(1))
        if label is None or value is None:
            continue
        labelled.add(m.start())
        yield Claim(slot, clause_text(original, label.start, m.end()), value, label.accepts, label.what)
    yield from _received_claims(slot, clause, shown, carried, labelled)
    yield from _carry_claims(slot, clause, shown, labelled, year)


def _received_claims(slot: str, clause: str, shown: str, carried: bool, labelled: set[int]) -> Iterator[Claim]:
    """“共收到政府信息公开申请3件” is 新收; it may include 上年结转 only when the sentence speaks of 结转 or 上年."""
    if "申请" not in clause:
        return
    carry = _CARRY.search(clause)
    received = _RECEIVED.search(clause)
    if received and (carry is None or received.start() < carry.start()):
        if _NONE_RECEIVED.search(clause[: received.end() + 20]) and not COUNT.search(clause):
            yield Claim(slot, shown, 0, (NEW_TOTAL,))
            return
        m = COUNT.search(clause, received.end(), carry.start() if carry else len(clause))
        if m is None or m.start() in labelled or (value := cn_to_int(m.group(1))) is None:
            return
        if _CHANNEL.search(clause, 0, m.start()) and not _ALL_WORD.search(clause, 0, m.start()):
            return  # a count by channel (纸质申请36件) is a part, not the total
        with_carried = carried and received.group() != "新收"
        yield Claim(slot, shown, value, (NEW_TOTAL, NEW_TOTAL + CARRIED_IN_TOTAL) if with_carried else (NEW_TOTAL,))
    elif _NONE_RECEIVED.search(clause) and not COUNT.search(clause):
        yield Claim(slot, shown, 0, (NEW_TOTAL,))


def _carry_claims(slot: str, clause: str, shown: str, labelled: set[int], year: int) -> Iterator[Claim]:
    carry = _CARRY.search(clause)
    if carry is None:
        return
    m = COUNT.search(clause, carry.end())
    if m is not None and m.start() not in labelled:
        value = cn_to_int(m.group(1))
    else:
        before = _COUNT_BEFORE_CARRY.search(clause, 0, carry.start())
        value = cn_to_int(before.group(1)) if before else None
    if value is not None:
        yield Claim(slot, shown, value, _carry_cells(clause, carry, year))


def _carry_cells(clause: str, carry: re.Match[str], year: int) -> tuple[tuple[str, ...], ...]:
    """上年结转 when last year is named before the carry word (上年度结转, 2022年结转 in the 2023 report); 结转下年度
    when next year is named after it, or the word only carries forward (顺延至…); either, when nothing says."""
    before, after = clause[: carry.start()], clause[carry.end():]
    years_before = {int(y) for y in _YEAR_NAMED.findall(before)}
    years_after = {int(y) for y in _YEAR_NAMED.findall(after)}
    if _LAST_YEAR.search(before) or (year - 1 in years_before and year not in years_before):
        return (CARRIED_IN_TOTAL,)
    if _NEXT_YEAR.search(after) or year + 1 in years_after or _FORWARD_ONLY.match(carry.group()):
        return (CARRY_OVER_TOTAL,)
    return (CARRY_OVER_TOTAL, CARRIED_IN_TOTAL)


@dataclass(frozen=True)
class _Vocabulary:
    """The words that name a count of table 三, read from the format: result kinds and applicant columns."""

    pattern: re.Pattern[str]
    results: dict[str, tuple[tuple[str, str, str], ...]]  # 不予公开 → (row key, 危及三安全一稳定, 危及三安全一稳定)
    applicants: dict[str, tuple[str, ...]]  # 自然人 → (person,), 法人或其他组织 → (company, … other)
    handled: str  # the cell of （七）总计
    table_name: str

    def label_before(self, prefix: str, carried: bool) -> _Label | None:
        m = self.pattern.search(prefix)
        if m is None:
            return None
        word, detail = m.group("label"), (m.group("detail") or "").strip("（）() ")
        if word in self.applicants:
            label = None if detail else self._applicant(word, carried)
        elif word in self.results:
            label = self._result(word, detail)
        else:
            label = None if detail else _Label(((self.handled,),), "")
        return label and _Label(label.accepts, label.what, m.start())

    def _applicant(self, word: str, carried: bool) -> _Label:
        cols = self.applicants[word]
        new = tuple(f"{APPLICATIONS}.new.{c}" for c in cols)
        both = new + tuple(f"{APPLICATIONS}.carried_in.{c}" for c in cols)
        what = f"{self.table_name}「本年新收」行「{word}」" + ("各列之和" if len(cols) > 1 else "列")
        return _Label((new, both) if carried else (new,), what)

    def _result(self, word: str, detail: str) -> _Label | None:
        rows = self.results[word]
        if detail:
            wanted = detail.translate(_QUOTES)
            named = [r for r in rows if wanted in (r[1], r[2])] or [r for r in rows if wanted in r[2] or r[1] in wanted]
            if len(named) != 1:
                return None  # a remark in brackets, not a sub-kind: say nothing rather than guess
            rows = tuple(named)
        cells = tuple(f"{APPLICATIONS}.{r[0]}.total" for r in rows)
        what = "" if len(cells) == 1 else f"{self.table_name}「{word}」各行「总计」列之和"
        return _Label((cells,), what)


@cache
def _vocabulary(fmt: Format) -> _Vocabulary:
    table = fmt.table(APPLICATIONS)
    results: dict[str, list[tuple[str, str, str]]] = {}
    for row in _result_rows(fmt):
        kind, _, detail = (table.row(row).short or table.row(row).label).partition("·")
        core = re.sub(r"^\d+\.(?:属于)?", "", table.row(row).label).translate(_QUOTES)
        results.setdefault(kind, []).append((row, detail.translate(_QUOTES), core))
    applicants: dict[str, tuple[str, ...]] = {}
    for col in table.columns[:-1]:  # the last column is 总计
        applicants[col.label + col.group if col.label == "其他" else col.label] = (col.key,)
        if col.label == "其他" and col.group:
            applicants["其他组织"] = (col.key,)  # how the drafts name it
        if col.group:
            applicants[col.group] = applicants.get(col.group, ()) + (col.key,)
    applicants.pop("其他", None)
    words = sorted([*results, *applicants], key=len, reverse=True)
    pattern = re.compile(
        rf"(?<!主动)(?P<label>{'|'.join(map(re.escape, words))}|{_HANDLED})"
        rf"(?P<detail>\s*[（(][^（）()]{{1,30}}[）)])?{_FILLER}$"
    )
    return _Vocabulary(pattern, {k: tuple(v) for k, v in results.items()}, applicants,
                       f"{APPLICATIONS}.total.total", f"表{table.section}")


def _result_rows(fmt: Format) -> list[str]:
    """The rows （七）总计 adds up, in table order."""
    target = f"{APPLICATIONS}.total.total"
    sums = [s for s in fmt.sums if s.target == target and all(fmt.cell(a).col == "total" for a in s.addends)]
    return [fmt.cell(a).row for a in sums[0].addends] if sums else []


# --- table 四 ----------------------------------------------------------------------------------------------


def _litigation_claims(slot: str, clause: str, shown: str) -> Iterator[Claim]:
    counts = list(COUNT.finditer(clause))
    if counts:
        for m in counts:
            value = cn_to_int(m.group(1))
            if value is None:
                continue
            for cells in _appeal_cells_before(clause, m.start()):
                yield Claim(slot, shown, value, (cells,))
        return
    negation = _NONE_HAPPENED.search(clause)
    mentions = list(_LITIGATION.finditer(clause, negation.end() if negation else 0))
    if negation and mentions and _TAIL_FILLER.fullmatch(clause[mentions[-1].end():]):
        if any(m.group() == "复议" for m in mentions):
            yield Claim(slot, shown, 0, (REVIEW_TOTAL,))
        if any(m.group() == "诉讼" for m in mentions):
            yield Claim(slot, shown, 0, (SUIT_TOTALS,))


def _appeal_cells_before(clause: str, at: int) -> list[tuple[str, ...]]:
    """The table-四 cells a count refers to: the row named nearest before it (both after “复议和诉讼各”), and the
    outcome column when one is named right before the count (“行政复议3件（结果维持1件）”)."""
    mentions = list(_APPEAL_ROWS.finditer(clause, 0, at))
    if not mentions:
        return []
    rows = [_appeal_rows(m.group()) for m in (mentions if _EACH.search(clause[:at]) else mentions[-1:])]
    outcome = _OUTCOME_LABEL.search(clause, 0, at)
    column = _OUTCOMES[outcome.group().rstrip("的 ").strip()] if outcome else "total"
    return [tuple(f"{APPEALS}.{r}.{column}" for r in group) for group in dict.fromkeys(rows)]


def _appeal_rows(word: str) -> tuple[str, ...]:
    if word == "复议后起诉":
        return ("suit_after_review",)
    if "直接" in word:
        return ("suit_direct",)
    if "复议" in word:
        return ("review",)
    return ("suit_direct", "suit_after_review")
