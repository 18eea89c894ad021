"""Corrections in passing: a clerk typing on a phone corrects as they would aloud (“发布了30条，不对，是32条”,
“开展培训3次，哦不，4次”, “主要是更新慢，不是，是更新不及时”). Only the corrected words are kept: the words after the
correction take the place of what they correct in the clause before it, and the correction word itself goes.

Which words they replace: a bare count (4次) replaces the clause's last count; words that begin as something in the
clause did (更新不及时 after 主要是更新慢) replace it from there; anything else replaces the whole clause (the clerk
said it again). Used wherever an answer is read — as prose material, as a paragraph of the clerk's own, and as the
numbers of a table question."""

from __future__ import annotations

import re

from ..spoken import END_PARTICLES

# the correction, standing alone between two pauses: 不对、不是、哦不、说错了、更正一下 … then 是/应该是 before the new
# words. “不是” inside a sentence (不是所有) is no correction: it must be followed by a pause or by 是
_PAUSE = r"[\s，,。.；;、！!…~～—-]"
_STRONG = (r"(?:(?:哦|噢|喔|啊|呃|额|嗯)[\s，,]*不(?:对|是)?|不对|不不|(?:我)?(?:说|打|写|记|填)错了|错了"
           r"|更正(?:一下)?|纠正(?:一下)?)")
_CORRECTION = re.compile(rf"{_PAUSE}+(?:(?:{_STRONG}{_PAUSE}*)*{_STRONG}(?:{_PAUSE}+|(?=应|是|为)|$)|不是{_PAUSE}+)")
# 不是12期，是21期: what was wrong named, then the right words
_NOT_THIS_BUT = re.compile(rf"{_PAUSE}+不是(?P<wrong>[^，,。；;\s]{{1,12}}?){_PAUSE}+(?:而)?是(?P<right>[^，,。；;\s]+)")
_NEW_WORDS_LEAD = re.compile(r"^(?:应该是|应该|应是|应为|是|为|改为|改成)\s*")
_CLAUSE_BREAK = re.compile(r"[，,。；;\n]")
# a phone's notes are parted by spaces too (32条 公众号100条); a row of numbers is not (3 0 5)
_NEW_WORDS_END = re.compile(r"[，,。；;\n]|\s+(?=[\u3400-\u9fff])")
_NUMERAL = r"[\d零〇一二两三四五六七八九十百千万]"
# what a count measures (30条, 28人次, 3万元: 万 is a numeral, so 万元 reads as 3万 and 元)
_MEASURE = r"人次|[条次期个件篇场项份家人轮批元]"
_COUNT = re.compile(rf"{_NUMERAL}+(?:\.\d+)?(?:余|多)?\s*(?:{_MEASURE})?")
_BARE_COUNT = re.compile(rf"^(?:共|共计|一共|总共)?{_COUNT.pattern}$")
_ANCHOR_MIN = 2  # the new words must begin as the old did for at least this many characters to replace from there
# a count said again as it was checked (网站30条核实后为网站36条, 培训3次，经核实为4次, 30条更正为36条, 培训3次，核实后，
# 2次): the checked words take its place. Only right after a count and before a count of the same measure, so that
# what was checked and found (经核实为不予公开信息) or counted next (培训3次，经统计，共120人) is a statement, left alone;
# after a bare pause, only a bare count (核查 and 统计 lead in to findings: 经核查，整改问题5个)
_CHECKED_SAID = r"(?:(?:后|又|再)?经?(?:核实|核对|核查|复核|查实)(?:后|过)?|更正|纠正|修正|改正|实际上?)"
_CHECKED = re.compile(
    rf"{_NUMERAL}(?:余|多)?(?P<measure>{_MEASURE})(?P<checked>{_PAUSE}*"
    rf"(?:{_CHECKED_SAID}(?:应该?|实际)?(?:为|是)\s*(?=[^，,。；;\s]{{0,12}}?{_NUMERAL}+(?P=measure))"
    rf"|(?:后|又|再)?经?(?:核实|复核|查实)(?:后|过)?{_PAUSE}+(?=(?:共|共计)?{_NUMERAL}+(?P=measure)(?:{_PAUSE}|$))))"
)
# a correction word between two counts of one thing, left once the corrections were read (网站30条核实后网站是36条):
# which words stand is not certain, and the clerk is asked for the corrected words alone. The second count bare or
# named as the first was: 受理3件，经核实为重复申请2件 and 发布信息300条，更正错误信息2条 are statements
_UNREAD_CORRECTION = re.compile(
    rf"(?P<thing>[\u3400-\u9fff]{{2}})[^，,。；;\d]{{0,6}}?\d+(?:余|多)?(?P<m>{_MEASURE}){_PAUSE}*(?:经|又|再)?"
    rf"(?:核实|复核|不对(?!外)|错了|说错了?|写错了?|填错了?|打错了?)(?:后|过)?{_PAUSE}*"
    rf"(?:(?P=thing)[^，,。；;\d]{{0,3}}?)?(?:应该?是|应为|是|为)?\d+(?P=m)"
)


# an earlier answer said to be wrong, before the right one (上面那个填错了 处罚是十一件): a remark about an answer
# already given, never an answer to the question asked now
_EARLIER_WRONG = re.compile(
    r"^(?:上面|上边|上一个|上个|上一题|上题|前面|前边|前一个|前一题|刚才|刚刚|之前)(?:的|那个|这个|那题|那道题|那项)?"
    r"(?:填的|写的|打的|报的|的)?(?:填|写|打|输|报|记|弄)?错了(?:一个|一下|点|一点)?(?:[\s，,。.!！;；:：~～]+|$)")


# a reply that opens by saying something is wrong (不对，规范性文件是2 0 3; 填错了，是15): at a question that asks for
# numbers nothing has been answered yet, so what is wrong is an earlier answer. 不是 is left out: it answers 是/否
_SAID_WRONG = r"不对|错了|(?:我)?(?:说|打|写|记|填|搞|弄)错了"
_OPENS_WRONG = re.compile(rf"^(?:{_STRONG}{_PAUSE}*)*(?:(?:哦|噢|喔|啊|呃|额|嗯){_PAUSE}*)?(?:{_SAID_WRONG})(?:{_PAUSE}+|$)")


# at a 是/否 question 不是 and 不对 are its 否 as well, unless what follows names another question's answer
_OPENS_NO = re.compile(rf"^(?:{_STRONG}{_PAUSE}*)*(?:不是|{_SAID_WRONG})(?:{_PAUSE}+|$)")


def no_and_more(text: str) -> str | None:
    """What follows a reply's opening 不是 / 不对 (“不对，收费是3500元” → “收费是3500元”); None when it opens otherwise
    or says nothing more."""
    m = _OPENS_NO.match(text.strip())
    return (text.strip()[m.end():].strip() or None) if m else None


def answer_said_wrong(text: str) -> str | None:
    """What follows a reply's opening 不对 / 填错了 (“不对，规范性文件是2 0 3” → “规范性文件是2 0 3”, “不对” → ""); None
    when the reply does not open so."""
    m = _OPENS_WRONG.match(text.strip())
    return text.strip()[m.end():].strip() if m else None


def new_words(text: str) -> str:
    """The words said in place of wrong ones without what leads them in (应该是2 → 2)."""
    return _NEW_WORDS_LEAD.sub("", text.strip())


def earlier_answer_said_wrong(text: str) -> str | None:
    """What follows a remark that an earlier answer was wrong (“上面那个填错了，处罚是11件” → “处罚是11件”, the
    remark alone → ""); None when the reply makes no such remark."""
    m = _EARLIER_WRONG.match(text.strip())
    return text.strip()[m.end():].strip() if m else None


def corrected(text: str) -> str:
    """`text` with every correction in passing applied: only the corrected words remain."""
    text = _checked_counts_replaced(_named_wrong_words_replaced(_restated_replaced(text)))
    while (m := _CORRECTION.search(text)) is not None:
        start = _clause_start(text, m.start())
        before = text[start:m.start()]
        if not before.strip():  # 不是，… at the start of a reply answers a question: no correction
            return text
        after = _NEW_WORDS_LEAD.sub("", text[m.end():].lstrip())
        end_of_new = _NEW_WORDS_END.search(after)
        new = after[: end_of_new.start() if end_of_new else len(after)].rstrip(END_PARTICLES)  # 86条吧 says 86条
        rest = after[end_of_new.start() if end_of_new else len(after):]
        text = text[:start] + (_replace(before, new) if new else before) + rest
    return text


# the right words said again later, then the wrong ones (…子栏目改成八个，视频号没有。等一下，子栏目是九个不是八个): a
# clause of its own, perhaps after 等一下, naming what it corrects; the clause that said the wrong words may be any
# clause before it, so `_NOT_THIS_BUT` (which reads only the clause right before) misses it
_WAIT = r"(?:等一下|等下|等等|稍等|哦|噢|啊|呃|嗯|不对|错了|说错了)"
_RESTATED = re.compile(
    rf"(?:^|(?<=[，,。.；;！!\s]))(?:{_WAIT}{_PAUSE}*)*(?P<thing>[\u3400-\u9fff]{{1,8}}?)(?:应该|其实|实际)?是"
    rf"(?P<right>{_NUMERAL}+(?:{_MEASURE})?){_PAUSE}*(?:而)?不是(?P<wrong>{_NUMERAL}+(?:{_MEASURE})?)"
    rf"(?P<end>{_PAUSE}*(?=$|[\u3400-\u9fff\d]))")


def _restated_replaced(text: str) -> str:
    """子栏目改成八个，…。等一下，子栏目是九个不是八个 → 子栏目改成九个，…: the right count in the place of the wrong one
    in the clause that named the thing, the restating clause gone (a restating whose thing or wrong count no clause
    before holds is a statement, left alone)."""
    at = 0
    while (m := _RESTATED.search(text, at)) is not None:
        thing, wrong = m.group("thing"), m.group("wrong")
        said = text.rfind(thing, 0, m.start())
        clause_end = _CLAUSE_BREAK.search(text, said) if said >= 0 else None
        end = min(clause_end.start() if clause_end else m.start(), m.start())
        place = text.find(wrong, said, end) if said >= 0 else -1
        if place < 0:
            at = m.end()
            continue
        rest, before = text[m.end():], text[:m.start()]
        head = before.rstrip("，,。.；;！! \t")
        pause = "。" if re.search(r"[。.；;！!]", before[len(head):] + m.group("end")) else "，"
        head = head[:place] + m.group("right") + head[place + len(wrong):]
        text = head + (pause + rest if rest else "")
        at = 0
    return text


def _named_wrong_words_replaced(text: str) -> str:
    """公开栏12期，不是12期，是21期 → 公开栏21期: the wrong words named in the clause before give way to the right ones
    (a 不是X，是Y whose X the clause before does not hold is a statement, left alone)."""
    while (m := _NOT_THIS_BUT.search(text)) is not None:
        start = _clause_start(text, m.start())
        before = text[start:m.start()]
        at = before.rfind(m.group("wrong"))
        if at < 0:
            return text
        fixed = before[:at] + m.group("right").rstrip(END_PARTICLES) + before[at + len(m.group("wrong")):]
        text = text[:start] + fixed + text[m.end():]
    return text


def _checked_counts_replaced(text: str) -> str:
    """网站30条核实后为网站36条 → 网站36条, 培训3次，经核实为4次 → 培训4次: the checked words in the place of the
    count said before them, as a correction in passing. Only a bare count or words that begin as the clause did
    (网站…) correct it: 受理3件，经核实为重复申请2件 says what the check found, and stays."""
    at = 0
    while (m := _CHECKED.search(text, at)) is not None:
        start = _clause_start(text, m.start("checked"))
        end_of_new = _NEW_WORDS_END.search(text, m.end())
        new_end = end_of_new.start() if end_of_new else len(text)
        new, before = text[m.end():new_end].rstrip(END_PARTICLES), text[start:m.start("checked")]
        if not _BARE_COUNT.match(new) and _anchor(before, new) is None:
            at = m.end()
            continue
        text = text[:start] + _replace(before, new) + text[new_end:]
        at = start
    return text


def leaves_a_correction_unread(text: str) -> bool:
    """Whether a correction word still stands between two counts of one measure once the corrections in passing were
    read (网站30条核实后网站是36条): the words to keep are not certain."""
    return bool(_UNREAD_CORRECTION.search(corrected(text)))


def _clause_start(text: str, at: int) -> int:
    """Where the clause that ends at `at` begins: after the last clause break (a comma, a full stop, a line)."""
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    return breaks[-1] if breaks else 0


def _replace(before: str, new: str) -> str:
    """The clause `before` with `new` in the place of what it corrects."""
    if _BARE_COUNT.match(new):
        counts = list(_COUNT.finditer(before))
        if counts:
            last = counts[-1]
            old_measure = re.sub(r"[\d零〇一二两三四五六七八九十百千万.\s]", "", last.group())
            new_measure = re.sub(r"[\d零〇一二两三四五六七八九十百千万.\s]|共计|一共|总共|共", "", new)
            number = re.sub(r"^(?:共计|一共|总共|共)", "", new)
            if not new_measure:
                number += old_measure
            return before[:last.start()] + number + before[last.end():]
    lead = before[: len(before) - len(before.lstrip())]
    at = _anchor(before, new)
    return before[:at] + new if at is not None else lead + new


def _anchor(before: str, new: str) -> int | None:
    """Where in `before` the new words begin as the old did (the longest such beginning, its last place), None when
    they share no beginning of `_ANCHOR_MIN` characters; never inside a number (13 is no place for 31)."""
    for size in range(len(new), _ANCHOR_MIN - 1, -1):
        head = new[:size]
        at = before.rfind(head)
        while at > 0 and before[at - 1].isdigit() and head[0].isdigit():
            at = before.rfind(head, 0, at)
        if at >= 0:
            return at
    return None
