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
_COUNT = re.compile(r"[\d零〇一二两三四五六七八九十百千万]+(?:\.\d+)?\s*(?:[条次期个件篇场项份家人轮批]|万元|元)?")
_BARE_COUNT = re.compile(rf"^(?:共|共计|一共|总共)?{_COUNT.pattern}$")
_ANCHOR_MIN = 2  # the new words must begin as the old did for at least this many characters to replace from there


# an earlier answer said to be wrong, before the right one (上面那个填错了 处罚是十一件): a remark about an answer
# already given, never an answer to the question asked now
_EARLIER_WRONG = re.compile(
    r"^(?:上面|上边|上一个|上个|上一题|上题|前面|前边|前一个|前一题|刚才|刚刚|之前)(?:的|那个|这个|那题|那道题|那项)?"
    r"(?:填的|写的|打的|报的|的)?(?:填|写|打|输|报|记|弄)?错了(?:一个|一下|点|一点)?(?:[\s，,。.!！;；:：~～]+|$)")


def earlier_answer_said_wrong(text: str) -> str | None:
    """What follows a remark that an earlier answer was wrong (“上面那个填错了，处罚是11件” → “处罚是11件”, the
    remark alone → ""); None when the reply makes no such remark."""
    m = _EARLIER_WRONG.match(text.strip())
    return text.strip()[m.end():].strip() if m else None


def corrected(text: str) -> str:
    """`text` with every correction in passing applied: only the corrected words remain."""
    text = _named_wrong_words_replaced(text)
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
