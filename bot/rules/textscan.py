"""Small tools for reading report prose: numerals, citations, clauses and quotes.

Positions matter (findings quote the original text around a hit), so masking keeps the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_ANY_FULLWIDTH = re.compile("[０-９]")  # str.translate walks a CJK text char by char: 20 times a search for one
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_CHARS = "".join(_CN_DIGITS) + "".join(_CN_UNITS)

# a count with its measure word: "1 件", "十二条"; not "第十三条", "12.9万", "条例", "条件", "件数"
COUNT = re.compile(
    rf"(?<![\d.第{_CN_CHARS}])(\d+|[{_CN_CHARS}]+)\s*(?:件|条|个|份|起|宗)(?!例|件|数|款)"
)

# a person called by a familiar name, as a clerk writes of a colleague or an applicant: 小王负责, 问老李, …的小张 (the
# surnames that make no everyday word after 小/老: 小程序, 老方法, 小金库 and 老龙头 are no one)
FAMILIAR_NAME = re.compile(
    "[小老][王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董曹袁邓许沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪"
    "田任姜姚谭廖邹熊陆郝孔崔毛邱秦史顾侯邵孟段雷钱汤尹黎易乔贺赖龚](?=负责|说|讲|问|管|弄|办|打|写|做|的|一个人|一人|自己|同志|那边|他们|她们|[，。；、]|$)"
)

# citations whose years and numbers say nothing about this report: 《…》, 〔…〕, [2020], （…号）
_CITATIONS = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|［[^［］]*］|\[[^\[\]]*\]|[（(][^（）()]*号[）)]")
_MASK = "\x00"

_BREAKS = "，。；！？：,;!?\n"  # where a quote may begin or end
_REACH = 20  # how much further a quote reaches for one of them

_CLAUSE = re.compile(r"[^，,。；;！!？?：:\n]+")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")


def normalize(text: str) -> str:
    """Full-width digits as ASCII; same length, so positions still match the original."""
    return text.translate(_FULLWIDTH) if _ANY_FULLWIDTH.search(text) else text


@lru_cache(maxsize=256)
def mask_citations(text: str) -> str:
    """The text with the inside of citations blanked out (same length). Held, keyed on the text (all it reads): a new
    answer or draft is masked by R9, R11 and R17 one after the other (`check_answer`)."""
    return _CITATIONS.sub(lambda m: _MASK * len(m.group()), normalize(text))


def cn_to_int(numeral: str) -> int | None:
    """'12', '十二', '两', '一百零五' → int; None for things like '二〇二四' that are not a count."""
    if numeral.isdigit():
        return int(numeral)
    total, digit = 0, None
    for ch in numeral:
        if ch in _CN_DIGITS:
            if digit:  # two digits in a row: a year or a code, not a count
                return None
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def clauses(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the clauses of a text: the pieces between commas, full stops, semicolons and line breaks."""
    for m in _CLAUSE.finditer(text):
        yield m.span()


def sentences(text: str) -> Iterator[tuple[int, int]]:
    for m in _SENTENCE.finditer(text):
        yield m.span()


def quote(text: str, start: int, end: int, width: int = 10) -> str:
    """The hit with about `width` characters either side, on one line, with … where it was cut.

    A cut falls at punctuation where there is some within `_REACH` more characters (“…我镇严格执行保密审查制度，” rather
    than “…我镇严格执行保密审…”), and never inside a number."""
    s, e = max(0, start - width), min(len(text), end + width)
    if 0 < s and text[s - 1] not in _BREAKS:
        inside = max(text.rfind(p, s, start) for p in _BREAKS)  # the hit's own clause begins inside the window
        before = max(text.rfind(p, max(0, s - _REACH), s) for p in _BREAKS)
        s = inside + 1 if inside >= 0 else before + 1 if before >= 0 else s
    if e < len(text) and text[e - 1] not in _BREAKS:
        after = [i for p in _BREAKS if (i := text.find(p, e, e + _REACH)) >= 0]
        e = min(after) + 1 if after else e
    while 0 < s < start and _is_number_char(text, s - 1) and _is_number_char(text, s):
        s -= 1  # never “…2条”: a number is quoted whole
    while end < e < len(text) and _is_number_char(text, e - 1) and _is_number_char(text, e):
        e += 1
    body = clause_text(text, s, e)
    if e < len(text):
        body = body.rstrip("，；：,;:")
    body = body.rstrip("。.")  # the message closes the quote: “…制度”。, never “…制度。”。
    return ("…" if s > 0 else "") + body + ("…" if e < len(text) else "")


def _is_number_char(text: str, at: int) -> bool:
    ch = normalize(text[at])
    return ch.isdigit() or ch in _CN_CHARS or (ch == "." and 0 < at < len(text) - 1 and normalize(text[at + 1]).isdigit())


def clause_text(text: str, start: int, end: int) -> str:
    """The clause as a message quotes it: runs of white space as one space (split and joined in C; the same white
    space as a regular expression's; a regular expression was called for every number a text claims)."""
    return " ".join(text[start:end].split())
