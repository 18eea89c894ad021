"""What a person types on a phone → numbers, rows of numbers, 是/否 and menu choices.

Every parser returns either the value or a `ParseError` (never raises on user input), so that the caller can keep the
text in the log, explain precisely what was expected with `explain(...)`, and ask the same question again.

Accepted forms, all after `normalise` (full-width → half-width):
- arabic digits (`3`, `０．３５`), Chinese numerals (`三`, `十二`, `一百零五`, `两万`, `一万二`, `一〇五`, `壹佰`,
  `零点三五`), `共3件`-style prefixes and units after the number (件 条 个 次 …);
- 无 / 没有 / 没 / 暂无 / 零 / 〇 / — / 0 as 0;
- amounts (kind "amount") are in 万元, the unit of 信息处理费: a bare number or one ending in 万 / 万元 is 万元 as typed,
  one ending in 元 / 块 is in 元 and is converted to 万元 (`3500元` → `Decimal("0.35")`). A bare large number is
  *not* guessed to be 元: `3500` stays 3500 万元, so callers should echo amounts back for confirmation.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Literal

import templates

from .spoken import END_PARTICLES

Number = int | Decimal
Kind = Literal["count", "amount"]
Want = Literal["number", "row", "choices"]


@dataclass(frozen=True)
class ParseError:
    """Why a reply could not be read. `code` is one of:

    empty · not_a_number (token, position) · approximate (token, position: 230多, 十几, 约50) ·
    not_known (token: the reply that says its number is not known yet: 不清楚, 还没统计) ·
    same_as_above (token: 同上, 和上面一样 — the numbers of another row pointed at, none given) ·
    negative (token, position) · not_whole (token, position) · count_mismatch (expected, got) ·
    out_of_range (token, maximum) · ambiguous (token, options and their names: a menu name that fits several) ·
    too_large (token: the value as read, position, maximum: the cell's plausible bound).

    `want` and `kind` say what was being asked, so `explain` can repeat the request with an example.
    `position` is 1-based within a row, None for a single number.
    """

    code: str
    token: str = ""
    position: int | None = None
    expected: int | None = None
    got: int | None = None
    maximum: int | Decimal | None = None
    want: Want = "number"
    kind: Kind = "count"
    options: tuple[int, ...] = ()  # ambiguous: the menu numbers a typed name could mean
    # ambiguous: those options' names, in the same order; count_mismatch: the columns one number could be of
    named: tuple[str, ...] = ()


# --- normalising -------------------------------------------------------------------------------------------------

_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({0x3000: " ", 0x00A0: " ", 0x200B: None, 0x200C: None, 0x200D: None, 0xFEFF: None})


def normalise(text: str) -> str:
    """Full-width digits, letters, punctuation and spaces → half-width; strip; every run of whitespace → one space."""
    return " ".join(text.translate(_FULL_WIDTH).split())


# --- Chinese numerals ----------------------------------------------------------------------------------------------

# spellings cn2an does not read, as the characters it does
# (俩 and 仨 are two and three said aloud: 俩 一个 is 2 1)
_NUMERAL_SPELLINGS = str.maketrans({"○": "〇", "參": "叁", "仟": "千", "拾": "十", "佰": "百", "俩": "两", "仨": "三"})
_NUMERAL_CHARS = frozenset("零〇○一壹幺二贰貳两兩俩三叁參仨四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億")


def chinese_to_int(text: str) -> int | None:
    """A whole Chinese numeral as an int, None when it is not one: 十二, 一百零五, 一万二千, 两亿, the spoken
    abbreviations (一百五 = 150, 一万二 = 12000) and digit-by-digit readings (一〇五 = 105), read by cn2an."""
    if not text or not set(text) <= _NUMERAL_CHARS:
        return None
    value = _cn2an(text)
    return int(value) if value is not None and value == value.to_integral_value() else None


def _cn2an(text: str) -> Decimal | None:
    import cn2an  # 0.2 s to import: paid by the first numeral in words a process reads, not by every command

    try:
        value = cn2an.cn2an(text.translate(_NUMERAL_SPELLINGS), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return Decimal(str(value))


def _chinese_decimal(text: str) -> Decimal | None:
    """零点三五 → 0.35; a numeral with no 点 as a whole number."""
    whole, dot, fraction = text.partition("点")
    if not set(whole + fraction) <= _NUMERAL_CHARS or (dot and not fraction):
        return None
    value = _cn2an(text or "零")
    return value if value is not None and value >= 0 else None


# --- one token → one number ----------------------------------------------------------------------------------------

ZERO_WORDS = frozenset(
    {"无", "没有", "没", "暂无", "零", "〇", "/", "没有的", "都没有", "均无", "全无", "空"}
)
_DASHES = "-—–―‐‑−﹣"
_COUNT_UNITS = tuple(
    "人次 件次 件 条 个 次 项 份 人 家 起 场 篇 期 批 宗 例 名 位 部 本".split()
)  # longest first
_YUAN = Decimal("0.0001")  # 1 元 in 万元
_AMOUNT_UNITS = (("万元", 1), ("万", 1), ("块钱", _YUAN), ("元", _YUAN), ("块", _YUAN))
_PREFIXES = ("共计", "合计", "总计", "共", "计")
_TRAILING = "。.!！?？~～"
# a number said roughly (230多, 十几, 约50, 100左右): no figure for a published table, asked for the exact one
_APPROXIMATE = re.compile(r"^(?:约|大约|大概|差不多|估计)|[\d十百千万][多余来]|十几|几十|几百|好几|左右$|上下$")
_ARABIC = re.compile(r"(\d+\.?\d*|\.\d+)([千万亿]?)")
_ARABIC_MULTIPLIERS = {"": 1, "千": 1000, "万": 10**4, "亿": 10**8}


def _read_token(token: str, kind: Kind) -> Number | ParseError:
    """One typed number with its unit. Errors carry the token but no position: the caller knows it."""
    text = _strip_prefix(token.rstrip(_TRAILING))
    if text in ZERO_WORDS or (text and set(text) <= set(_DASHES)):
        return _zero(kind)
    negative = text[:1] in _DASHES or text.startswith("负")
    if negative:
        text = text[1:]
    text, factor = _strip_unit(text, kind)
    value = _numeral(re.sub(r"(?<=\d)。(?=\d)", ".", text))
    if value is None:
        return ParseError("approximate" if _APPROXIMATE.search(text) else "not_a_number", token=token, kind=kind)
    if negative and value != 0:
        return ParseError("negative", token=token, kind=kind)
    if kind == "amount":
        return _tidy(value * factor)
    if value != value.to_integral_value():
        return ParseError("not_whole", token=token, kind=kind)
    return int(value)


def _strip_prefix(text: str) -> str:
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix) :]
    return text


def _strip_unit(text: str, kind: Kind) -> tuple[str, Decimal | int]:
    if kind == "amount":
        for unit, factor in _AMOUNT_UNITS:
            if text.endswith(unit) and len(text) > len(unit):
                return text[: -len(unit)], factor
        return text, 1
    for unit in _COUNT_UNITS:
        if text.endswith(unit) and len(text) > len(unit):
            return text[: -len(unit)], 1
    return text, 1


def _numeral(text: str) -> Decimal | None:
    """Arabic (optionally with 千/万/亿 after it, as in 1.2万) or Chinese; None for anything else."""
    match = _ARABIC.fullmatch(text)
    if match:
        try:
            return Decimal(match[1]) * _ARABIC_MULTIPLIERS[match[2]]
        except InvalidOperation:
            return None
    return _chinese_decimal(text) if text else None


def _zero(kind: Kind) -> Number:
    return Decimal(0) if kind == "amount" else 0


def _tidy(value: Decimal) -> Decimal:
    """0.3500 → 0.35 and 1E+1 → 10: the plain form a clerk would write."""
    value = value.normalize()
    return Decimal(int(value)) if value.as_tuple().exponent > 0 else value


# --- splitting replies -------------------------------------------------------------------------------------------

_SEPARATORS = re.compile(r"[\s,;、|]+")
_THOUSANDS = re.compile(rf"(?:{'|'.join(_PREFIXES)})?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?[^\d,;、\s]*")
_PREFIX_APART = re.compile(rf"^(?:{'|'.join(_PREFIXES)})\s+(?=\S)")
_UNIT_WORDS = frozenset(_COUNT_UNITS) | {unit for unit, _ in _AMOUNT_UNITS}


def _tokens(text: str) -> list[str]:
    """The reply split at separators, with a unit typed apart from its number ("3 件") joined back to it."""
    tokens: list[str] = []
    text = _PREFIX_APART.sub("", text.rstrip(_TRAILING + " "))
    for part in _SEPARATORS.split(text):
        if not part:
            continue
        if tokens and part.rstrip(_TRAILING) in _UNIT_WORDS:
            tokens[-1] += part
        else:
            tokens.append(part)
    return tokens


def parse_number(text: str, kind: Kind = "count") -> Number | ParseError:
    """One number. kind "count" → int ≥ 0; kind "amount" → Decimal ≥ 0 in 万元 (元 converted, see the module doc).

    A single number may use thousands separators ("1,200"); in a row the comma separates numbers.
    """
    text = normalise(text)
    if _THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    tokens = _tokens(text)
    if not tokens:
        return ParseError("empty", kind=kind)
    if is_zero_statement(text):
        return _zero(kind)
    if _says_not_known(text):
        return ParseError("not_known", token=text.rstrip(_TRAILING), kind=kind)
    if SAME_AS_ABOVE.match(text):
        return ParseError("same_as_above", token=text.rstrip(_TRAILING), kind=kind)
    if len(tokens) != 1:
        return ParseError("count_mismatch", expected=1, got=len(tokens), kind=kind)
    return _read_token(tokens[0], kind)


def parse_row(text: str, n: int, kind: Kind = "count", with_total: bool = False,
              named: Collection[str] = ()) -> list[Number] | ParseError:
    """Exactly n numbers separated by spaces, commas, 、, semicolons, tabs or newlines.

    A zero word alone (无, 没有, 零 …, but not the digit 0, which may be a first number typed by mistake) is a row
    of n zeros, and so is a run of exactly n zeros typed together (零零零, 000). A bad token is reported before a wrong
    count, with its 1-based position. `with_total`: the row as printed, its 总计 last — n + 1 numbers whose last is the
    sum of the others — is read as the n numbers. Words before or after exactly n numbers are set aside when they are
    chatter (没有发过啊 0 0 0); never a word of `named` (the form's rows and columns: 规章 1 0 3 is another row's).
    The rest said to be none after fewer numbers (五个 一个 其他都没有) makes the columns not typed 0.
    """
    text, rest_zero = rest_said_zero(normalise(text))
    tokens = _tokens(text)
    if not tokens:
        return ParseError("empty", want="row", expected=n, kind=kind)
    if n > 1 and len(tokens) == 1 and _is_zero_run(tokens[0], n) or is_zero_statement(text):
        return [_zero(kind)] * n
    if _says_not_known(text):
        return ParseError("not_known", token=normalise(text).rstrip(_TRAILING), expected=n, want="row", kind=kind)
    if SAME_AS_ABOVE.match(normalise(text)):
        return ParseError("same_as_above", token=normalise(text).rstrip(_TRAILING), expected=n, want="row", kind=kind)
    tokens = _without_words_around(tokens, n, kind, named)
    values: list[Number] = []
    for position, token in enumerate(tokens, 1):
        value = _read_token(token, kind)
        if isinstance(value, ParseError):
            return ParseError(value.code, token=token, position=position, expected=n, want="row", kind=kind)
        values.append(value)
    if rest_zero and 0 < len(values) < n:
        values += [_zero(kind)] * (n - len(values))
    if with_total and len(values) == n + 1 and sum(values[:n]) == values[n]:
        return values[:n]
    if len(values) != n:
        # one number alone keeps its token: the message shows how to type it as the first column's
        token = str(values[0]) if len(values) == 1 else ""
        return ParseError("count_mismatch", token=token, expected=n, got=len(values), want="row", kind=kind)
    return values


# a word that holds a numeral, or asks something (规章是啥 0 0 0 吗), is never set aside as chatter around a row
_NUMERAL_IN = re.compile(r"[\d零〇○一壹二贰两俩三叁仨四肆五伍六陆七柒八捌九玖十拾百佰千万亿]")
QUESTION_SAID = re.compile(r"[?？]|啥|什么|怎么|咋|吗|哪|如何")
# words that make the numbers beside them another year's, or a guess: never chatter (去年 1 0 3, 可能 2 0 0)
_NOT_THIS_YEARS = re.compile(r"去年|上年|前年|明年|往年|上半年|下半年|可能|好像|也许|或许|不确定|不知道|不清楚|记不清")


def _without_words_around(tokens: list[str], n: int, kind: Kind, named: Collection[str]) -> list[str]:
    """The row's numbers without the words said before or after them (没有发过啊 0 0 0): set aside only when they
    hold no numeral, ask nothing, name nothing of `named` and are no number, and exactly the n numbers asked for
    remain."""
    start, end = 0, len(tokens)
    while start < end and _is_chatter(tokens[start], kind, named):
        start += 1
    while end > start and _is_chatter(tokens[end - 1], kind, named):
        end -= 1
    kept = tokens[start:end]
    return kept if len(kept) == n and len(kept) < len(tokens) else tokens


def _is_chatter(token: str, kind: Kind, named: Collection[str]) -> bool:
    if _NUMERAL_IN.search(token) or QUESTION_SAID.search(token) or _NOT_THIS_YEARS.search(token):
        return False
    if any(token in name or name in token for name in named):  # 许可 1 0 3 at 规范性文件: said of another row
        return False
    read = _read_token(token, kind)
    return isinstance(read, ParseError) and read.code == "not_a_number"


def _is_zero_run(token: str, n: int) -> bool:
    word = token.rstrip(_TRAILING)
    return len(word) == n and set(word) <= set("0零〇○")


# “都是0”, “全部为零”, “许可也是0”, “没有收费”: a reply that states nothing but zero, whatever it names
_ZERO_FILLER = re.compile(rf"都|全部|全都|全|均|各项|每项|各|统统|一律|也|就|是|为|了|的|[{END_PARTICLES}]|都是|件|个|项|条|次")
_ZERO_TOKEN = re.compile(r"0+(?:\.0+)?|零+|〇+|无|没有|没|暂无|均无|全无|空|/|[-—–―]+")
# a negation before a few words and no number: 没有收费, 无此类情况, 未发生 — but not 没看懂, 不知道
# …but not a count not made (没统计, 没数过, 无法统计, 还没核对): that number is unknown, never 0
# the counting verb is a word right after the negation and ends the reply or its clause (没查, 还没数, 没统计完呢):
# 没有查处, 没有核发, 没有复核, 没有检查, 没打算 deny the things themselves and stay 0
_COUNTING_VERB = r"(?:统计|汇总|整理|核实|核对|核查|确认|来得及|数一?下|数过?|查(?:过|一下|看)?|算(?:过|一下)?|填(?:写|报)?)"
_NOT_COUNTED = (rf"有?(?:来得及|时间|空|顾上|人|开始|进行|去|再|仔细|具体|好好|认真|详细|专门|还)*{_COUNTING_VERB}"
                r"(?:完|好|出来|清楚|过)?[了呢啊吧呀哦嘛的哈]*(?=$|[\s,，。.;；!！?？、…~])")
_NEGATED = re.compile(r"^(?:本年度?|全年|今年|上年度?|去年|我们|我镇|我乡|我单位|好像|应该|可能)?(?:没有|没|无(?!法)|暂无|未|均未|都没有|都没|从未)"
                      rf"(?!.*(?:懂|知道|明白|清楚|确定|理解|听|看到))(?!{_NOT_COUNTED})"
                      r"[^\d零〇一二两三四五六七八九十百千万]{0,12}$")
# a reply that says the number is not known yet (不清楚, 待定, 还没统计, 记不清了): asked again, with how to come back
NOT_KNOWN_SAID = re.compile(rf"不清楚|不知道|不确定|待定|待核实|待统计|记不清|说不准|不好说|(?:没有?|未|无法|来不及)(?:{_NOT_COUNTED})")
_NAME_BEFORE = re.compile(r"^(?:(?![零〇○一二两三四五六七八九十百千万亿点])[\u3400-\u9fff]){2,8}(?=[0零〇])")


# a reply that points at the row above for its numbers (同上, 和上面一样): never read as any number, asked for its own
SAME_AS_ABOVE = re.compile(r"^\s*(?:也|都|还是)?(?:同上(?:面|一题|一项|一行)?|同前|(?:和|跟|与)(?:上面|上一题|上一项|上一行|前面)的?(?:一样|相同)"
                           r"|一样|相同)的?\s*[。.!！~～]*\s*$")


def is_zero_statement(text: str, names: Sequence[str] = ()) -> bool:
    """Whether a reply says that every number asked for is 0: 0, 无, 没有, 都是0, 全部为零, 没有收费, 许可也是0 …
    `names` are words the reply may name the question or its columns by (removed before reading)."""
    if _says_not_known(text):  # 没查呢，回头告诉你: read before the commas go
        return False
    plain = normalise(text).rstrip(_TRAILING).replace("，", " ").replace(",", " ")
    if _NEGATED.match(plain.replace(" ", "")):
        return True
    for name in sorted(names, key=len, reverse=True):
        plain = plain.replace(name, " ")
    rest = [_ZERO_FILLER.sub("", word) for word in _SEPARATORS.split(plain)]
    rest = [word for word in rest if word]
    # a name may remain before its zero (许可0 when the names were not given): only the zero matters
    return bool(rest) and all(_ZERO_TOKEN.fullmatch(_NAME_BEFORE.sub("", word)) for word in rest)


def _says_not_known(text: str) -> bool:
    """The reply says its number is not known yet and gives none (不清楚, 还没统计)."""
    plain = normalise(text)
    return bool(NOT_KNOWN_SAID.search(plain)) and not _NUMERAL_IN.search(NOT_KNOWN_SAID.sub("", plain))


def _is_zero_word(token: str) -> bool:
    word = token.rstrip(_TRAILING)
    return word in ZERO_WORDS or bool(word) and set(word) <= set(_DASHES)


# --- plausible bounds ---------------------------------------------------------------------------------------------


def beyond_bounds(
    values: Sequence[Number], maxima: Sequence[int | Decimal | None], want: Want = "row", kind: Kind = "count"
) -> ParseError | None:
    """The first value above its cell's plausible bound (`Cell.maximum`), as an error that says what was read (the
    number with its thousands grouped, so a digit held down shows); None when every value is plausible."""
    for position, (value, maximum) in enumerate(zip(values, maxima, strict=True), 1):
        if maximum is not None and value > maximum:
            return ParseError("too_large", token=f"{value:,}", position=position if want == "row" else None,
                              expected=len(values), maximum=maximum, want=want, kind=kind)
    return None


# --- labelled rows -----------------------------------------------------------------------------------------------

# everyday names of printed column labels (the label itself, its core and its unambiguous prefixes need no entry)
LABEL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "自然人": ("个人", "群众", "公民", "居民", "村民", "老百姓"),
    "商业企业": ("企业", "公司"),
    "科研机构": ("高校", "研究所", "科研院所"),
    "社会公益组织": ("公益组织", "社会组织"),
    "法律服务机构": ("律所", "律师事务所", "律师"),
    "其他": ("其他组织", "其他单位", "其它"),
    "尚未审结": ("未审结", "未结", "还没判", "没判", "未判", "审理中", "还在审", "没审完", "未审完", "还没审完", "没审结", "没结案", "未结案"),
    # how clerks say what their office did with its documents this year (发了2个, 新出台1件, 搞了2个, 作废1个, 有效的5个)
    "本年制发件数": ("印发", "出台", "新出台", "发了", "新发", "发文", "制定", "新制定", "发布", "搞了", "出了", "弄了"),
    "本年废止件数": ("废除", "作废", "废了", "废掉", "失效", "取消"),
    "现行有效件数": ("有效", "在用", "仍有效"),
}
_CORE_PREFIXES = ("本年", "行政", "结果")
_CORE_SUFFIXES = ("件数", "数量", "结果")
_LINK = re.compile(r"^[\s,;、|:：]*了?(?:的话|的)?[\s,;、|:：]*(?:为|是|有|共)?")
# words around a row's names that change none of its numbers: when, who, how many in all (今年发了3个，现在有效的5个)
_ASIDE = r"今年|本年度|本年|全年|现在|目前|我们|我单位|一共|总共|共计|还有|另外|嗯|呃|法院判了|法院|判了"
_ASIDES_AT_ENDS = re.compile(rf"^(?:{_ASIDE}|[\s,;、|])+|(?:{_ASIDE}|[\s,;、|])+$")
# one case, pointed at, before its outcome (那件还没判, 这一件维持了, 那个案子还在审)
_ONE_CASE = re.compile(r"^(?:就|只有|只)?(?:那|这)一?(?:件|个|起|宗)(?:案子|案件|复议|诉讼|官司)?[\s,，]*")
# all of them, with no count (都维持了, 全部维持): the column named, its count still to be said
_ALL_OF_THEM = re.compile(r"^(?:都|全都|全部|全|均)")
# a column said to be nothing before or after its name: 没有废止, 废止的没有, 无作废 — that column is 0
_NEGATION = "没有|没|无|未|暂无"


def _label_core(label: str) -> str:
    """本年制发件数 → 制发, 行政许可 → 许可, 结果维持 → 维持: the word a person would type for the column."""
    core = label
    for prefix in _CORE_PREFIXES:
        if core.startswith(prefix) and len(core) > len(prefix) + 1:
            core = core[len(prefix):]
    for suffix in _CORE_SUFFIXES:
        if core.endswith(suffix) and len(core) > len(suffix) + 1:
            core = core[: -len(suffix)]
    return core


def label_words(labels: Sequence[str]) -> dict[str, int]:
    """Every word that names exactly one of `labels` → its index: the label, its core, their prefixes, synonyms."""
    return dict(_label_words(tuple(labels)))


@lru_cache(maxsize=512)
def _label_words(labels: tuple[str, ...]) -> dict[str, int]:
    """`label_words`, held per set of labels (a question's labels are read on every answer to it)."""
    owners: dict[str, set[int]] = {}
    for i, label in enumerate(labels):
        words = {label, *LABEL_SYNONYMS.get(label, ())}
        for whole in (label, _label_core(label)):
            words.update(whole[:k] for k in range(2, len(whole) + 1))
        for word in words:
            owners.setdefault(normalise(word), set()).add(i)
    return {word: next(iter(found)) for word, found in owners.items() if len(found) == 1 and word}


def parse_labelled(text: str, labels: Sequence[str], kind: Kind = "count",
                   base: Sequence[Number] | None = None, own: Sequence[str] = ()) -> list[Number] | ParseError | None:
    """A row typed by name: "自然人3件，企业1件" → the named columns, the others 0 — or, given the row as it stands
    (`base`), the others as they were: a named correction (处罚是11件) changes what it names only. None when the reply
    names no column.

    Each name must be followed by its number; a name given twice, or words before the first name, make it no labelled
    row (None), so that the caller reads the reply as it would any other. `own`: the row's own names, which may follow
    a column's count (发了2个规范性文件: the 规范性文件 issued are 2). A count said before its name (还有1个没审完) is
    read as after it when the reply cannot be read as typed; the rest said to be none (别的没有) makes the others 0.
    """
    as_typed = _labelled(text, labels, kind, base, own)
    if isinstance(as_typed, list):
        return as_typed
    moved = _counts_after_names(normalise(text), tuple(labels))
    again = _labelled(moved, labels, kind, base, own) if moved != normalise(text) else None
    return again if isinstance(again, list) else as_typed


def _labelled(text: str, labels: Sequence[str], kind: Kind, base: Sequence[Number] | None,
              own: Sequence[str]) -> list[Number] | ParseError | None:
    words = _label_words(tuple(labels))
    if not words or len(labels) < 2:
        return None
    text, rest_zero = rest_said_zero(normalise(text).rstrip(_TRAILING))
    base = None if rest_zero else base
    pattern = _labels_pattern(tuple(labels))
    text = _negated_names(tuple(labels)).sub(lambda m: f"{m['before'] or m['after']}0", text)
    found = list(pattern.finditer(text))
    if not found or _ASIDES_AT_ENDS.sub("", text[: found[0].start()]):
        return None
    values: list[Number] = list(base) if base is not None and len(base) == len(labels) else [_zero(kind)] * len(labels)
    named: set[int] = set()
    for m, after in zip(found, found[1:] + [None], strict=True):
        index = words[m.group()]
        if index in named:
            return None
        named.add(index)
        token = _ASIDES_AT_ENDS.sub("", _LINK.sub("", text[m.end(): after.start() if after else len(text)]))
        token = _without_own_name(token, own)
        value = parse_number(token, kind) if token else ParseError("empty", kind=kind)
        if isinstance(value, ParseError):  # several words after one name (许可 12件 3件) are no number either
            code = "not_a_number" if value.code == "count_mismatch" else value.code
            return ParseError(code, token=token or m.group(), position=index + 1, expected=len(labels),
                              want="row", kind=kind)
        values[index] = value
    return values


def label_alone(text: str, labels: Sequence[str]) -> int | None:
    """The one column a reply names with no number and nothing else (还没判, 判了维持, 审理中呢, 都维持了) → its
    index; None when it names none, several, or gives a number. How many it stands for is not said."""
    plain = _ASIDES_AT_ENDS.sub("", normalise(text).rstrip(_TRAILING + END_PARTICLES)).rstrip("了的")
    plain = _ALL_OF_THEM.sub("", plain)
    return _label_words(tuple(labels)).get(plain) if plain and len(labels) > 1 else None


def label_of_one_case(text: str, labels: Sequence[str]) -> int | None:
    """The one column a reply names of one case said as one (那件还没判, 这件维持了, 那个案子还在审) → its index;
    None for a column named alone (维持: how many is not said) or anything else."""
    one = _ONE_CASE.match(normalise(text))
    return label_alone(text[one.end():], labels) if one and one.end() else None


def _without_own_name(token: str, own: Sequence[str]) -> str:
    """A column's count with the row's own name after it (2个规范性文件) as the count alone (2个)."""
    for name in sorted(own, key=len, reverse=True):
        if token.endswith(name) and len(token) > len(name) and _NUMERAL_IN.search(token[: -len(name)]):
            return token[: -len(name)].rstrip(" 的")
    return token


@lru_cache(maxsize=512)
def _negated_names(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A column name with a negation right before it (没有废止) or as its whole answer (废止没有, 废止的无)."""
    names = _label_alternation(labels)
    return re.compile(rf"(?:{_NEGATION})(?P<before>{names})|(?P<after>{names})的?(?:{_NEGATION})(?![\u3400-\u9fff])")


@lru_cache(maxsize=512)
def _labels_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    """Any word of `label_words(labels)`, longest first."""
    return re.compile(_label_alternation(labels))


def _label_alternation(labels: tuple[str, ...]) -> str:
    """The words of `label_words(labels)` as one alternation, longest first (a longer name wins over its prefix)."""
    return "|".join(re.escape(w) for w in sorted(_label_words(labels), key=len, reverse=True))


# --- what is said around the numbers ------------------------------------------------------------------------------

# words a clerk says on a phone around numbers that are no number: a word alone (嗯, 那个, 吧), one opening the reply
# (嗯维持2个) and the particles ending a word (都是零吧, 2个吧, 收费嘛); 那个 before a word points at it (那个案子还在审)
_FILLER = rf"嗯+|呃+|额+|啊+|哦+|噢+|唔+|那个|[{END_PARTICLES}]+"
_FILLER_ALONE = re.compile(rf"(?:^|(?<=[\s,;、|，。]))(?:{_FILLER})(?=$|[\s,;、|，。])")
_FILLER_OPENING = re.compile(r"^(?:嗯+|呃+)(?=\S)")
_PARTICLES_ENDING = re.compile(rf"(?<=[^\s,;、|，。{END_PARTICLES}])[{END_PARTICLES}]+(?=$|[\s,;、|，。])")


def without_fillers(text: str) -> str:
    """A reply to a number question without the words said around its numbers (嗯 都是零吧 → 都是零, 1 11 吧 → 1 11,
    收费嘛 零点五万 → 收费 零点五万); the reply as typed when nothing else is in it (嗯 alone is a yes elsewhere)."""
    plain = normalise(text)
    kept = _kept_of(plain)
    return kept if kept and kept != plain else text


def only_fillers(text: str) -> bool:
    """Whether a piece of a reply holds nothing but fillers and pauses (那个, 嗯，): no answer to anything."""
    return not _kept_of(normalise(text))


def _kept_of(plain: str) -> str:
    kept = _PARTICLES_ENDING.sub("", _FILLER_OPENING.sub("", _FILLER_ALONE.sub("", plain)))
    return normalise(re.sub(r"^[\s,;、|，。]+|[\s,;、|，。]+$", "", kept))


# the rest said to be none after the numbers typed (其他都没有, 别的没有, 其余为0, 剩下的都是零): 其他/其它 is also a
# column (其他 applicants), so it means the rest only with 都/全/均 (其他都没有); 其他没有 is that column's 0
_REST = r"(?:(?:其他|其它)的?(?:都|全都|全部|全|均|也都)|(?:别的|其余|剩下|剩余)的?(?:都|全都|全部|全|均|也都|也)?)"
_REST_ZERO = re.compile(rf"(?:^|[\s,;、|，。]+|(?<=[个件条次项]))(?:{_REST})(?:是|为)?(?:没有|没|无|0|零)了?的?"
                        rf"[{END_PARTICLES}]*[{_TRAILING}]*$")


def rest_said_zero(text: str) -> tuple[str, bool]:
    """The reply without a closing 'the rest are none' (五个 一个 其他都没有 → 五个 一个), and whether it said so."""
    found = _REST_ZERO.search(text)
    if found is None or not found.start():
        return text, False
    return text[: found.start()], True


# a count right before a column's name, at the reply's start or after a pause or 还有 (还有1个没审完, 2个维持)
_COUNT_BEFORE = r"(?P<count>(?:\d+|[零〇一二两俩三仨四五六七八九十百]+)[件个起宗条项]?的?)"


def _counts_after_names(text: str, labels: tuple[str, ...]) -> str:
    """还有1个没审完 → 还有没审完1个: each count said before its column's name moved after it, as names are read."""
    before = re.compile(rf"(?P<lead>^|[\s,;、|，。]|还有|另外|另有){_COUNT_BEFORE}(?P<name>{_label_alternation(labels)})")
    # the word leading the count (还有, 另有) goes with it: 维持2个，另有1个没结案 → 维持2个， 没结案1个
    return before.sub(lambda m: (m["lead"] if m["lead"] in ("", " ") else " ") + m["name"] + m["count"].rstrip("的"), text)


# --- menus ---------------------------------------------------------------------------------------------------------

_ALL_WORDS = frozenset({"全部", "全选", "都有", "以上都有", "以上全部", "所有", "全都有"})
_RANGE = re.compile(r"(.+?)(?:[-~—–至到])(.+)")
_CHOICE_NOISE = re.compile(r"^第|[项种类个条号]$")


def parse_choices(
    text: str, maximum: int, names: Sequence[str] = (), explains: Sequence[str] = (),
    said: Sequence[Sequence[str]] = (),
) -> list[int] | ParseError:
    """Menu numbers 1..maximum, sorted and without repeats: "1 3 5", "1、3", "1,3", "1-3", "第1项", "一、三".

    无 / 没有 / 0 → [] (none of them); 全部 / 都有 → all of them. With the options' `names` (in menu order), a
    token that is no number may name an option: the whole name, a part after “·”, or a piece of only one name, also
    said as a clerk says it (全部予以公开, 5个都公开了: `said` holds each option's everyday names); failing that, a word
    found in only one option's `explains` (撤回 → 其他处理·其他, “申请人撤回申请等其他情形”).
    """
    read = _choices_read(text, maximum, names, explains, said)
    if isinstance(read, ParseError):
        return read
    return sorted({n for numbers, _ in read for n in numbers})


def counts_said_with_choices(
    text: str, maximum: int, names: Sequence[str] = (), explains: Sequence[str] = (),
    said: Sequence[Sequence[str]] = (),
) -> dict[int, Number]:
    """The count said with an option named in words (5个都公开了, 予以公开2件, 公开了5个): option → count. An option
    typed by its number or named without a count has none, and so has one named twice with counts (which is meant
    is asked)."""
    read = _choices_read(text, maximum, names, explains, said)
    counts: dict[int, list[Number]] = {}
    for numbers, count in read if not isinstance(read, ParseError) else []:
        if count is not None and len(numbers) == 1:
            counts.setdefault(numbers[0], []).append(count)
    return {n: said_counts[0] for n, said_counts in counts.items() if len(said_counts) == 1}


def _choices_read(
    text: str, maximum: int, names: Sequence[str], explains: Sequence[str], said: Sequence[Sequence[str]],
) -> list[tuple[list[int], Number | None]] | ParseError:
    """Each token of a menu reply as (the options it chooses, the count said with an option named in words)."""
    text = _CIRCLED.sub(lambda m: f" {ord(m.group()) - ord('①') + 1} ", normalise(text))
    tokens = _tokens(text)
    if not tokens:
        return ParseError("empty", want="choices", maximum=maximum)
    if len(tokens) == 1 and (tokens[0].rstrip(_TRAILING) == "0" or _is_zero_word(tokens[0])):
        return []
    if len(tokens) == 1 and tokens[0].rstrip(_TRAILING) in _ALL_WORDS:
        return [(list(range(1, maximum + 1)), None)]
    read: list[tuple[list[int], Number | None]] = []
    for token in tokens:
        numbers: Sequence[int] | ParseError = _read_choice(token, maximum)
        count = None
        if isinstance(numbers, ParseError) and names and numbers.code == "not_a_number":
            numbers = _read_choice_name(token, names[:maximum], numbers, explains[:maximum], said[:maximum])
            count = _count_said_with_name(token)
        if isinstance(numbers, ParseError):
            return numbers
        read.append((list(numbers), count))
    return read


# ①–⑳, as a phone's keyboard offers them for a list's numbers: each an option's number (①⑬ is 1 and 13)
_CIRCLED = re.compile("[①-⑳]")
_COUNT_AFTER_NAME = re.compile(r"(?<=[\u3400-\u9fff])(\d+|[一二两三四五六七八九十]+)[件个份条]?$")


# how a clerk says that a kind applies to all of them: 5个都…了, 全部…, 均已…; or that one more kind applies (还有个…)
_CHOICE_SAID_AROUND = re.compile(
    r"^(?:(?:还有|另有|另外还?有)一?[个件])?(?:(\d+|[一二两三四五六七八九十]+)\s*[个件份条]?(?:申请)?)?(?:全部|全都|都|均|全)?(?:是|已经|已|被)?(?=\S)"
    r"|(?<=\S)(?:了的?|的|啦)$")


def _count_said_with_name(token: str) -> Number | None:
    """The count typed after an option's name (予以公开1, 公开了5个) or before it (5个都公开了), if any."""
    word = token.rstrip(_TRAILING)
    found = _COUNT_AFTER_NAME.search(word) or _CHOICE_SAID_AROUND.match(word)
    if found is None or found.group(1) is None:
        return None
    count = parse_number(found.group(1))
    return None if isinstance(count, ParseError) else count


def _read_choice_name(
    token: str, names: Sequence[str], error: ParseError, explains: Sequence[str] = (),
    said: Sequence[Sequence[str]] = (),
) -> list[int] | ParseError:
    """An option named instead of numbered: 予以公开, 复议, 国家秘密; ambiguous pieces (不予公开) are asked back.

    A word of two characters or more that only one option's explanation holds names that option. A count typed
    after the name (予以公开1, 本机关不掌握2件) is the next question's business: the name alone chooses, and so do the
    words a clerk puts around it (全部予以公开, 5个都公开了).
    """
    word = _COUNT_AFTER_NAME.sub("", token.rstrip(_TRAILING))
    word = _CHOICE_SAID_AROUND.sub("", word) or word
    found = options_named(word, names, said)
    if len(found) > 1:
        return ParseError("ambiguous", token=token, want="choices", maximum=len(names), options=tuple(found),
                          named=tuple(names[n - 1] for n in found))
    if found:
        return found
    return option_explained(word, explains) or error


def option_explained(word: str, explains: Sequence[str]) -> list[int]:
    """The one option (numbered from 1) whose explanation alone holds `word` of two characters or more (撤回 → 其他处理·
    其他：申请人撤回申请…); [] when none or several do."""
    explained = [n for n, explain in enumerate(explains, 1) if len(word) >= 2 and word in explain]
    return explained if len(explained) == 1 else []


def options_named(word: str, names: Sequence[str], said: Sequence[Sequence[str]] = (), piece_least: int = 1) -> list[int]:
    """The options (numbered from 1) a word names: an everyday name of one or more (公开), else the first of these that
    fits any: the whole name or a part after “·” (国家秘密), the end of a name (复议 → 行政复议, not 复议后起诉), a
    piece of a name of at least `piece_least` characters (直接起诉). More than one: the word is ambiguous (起诉);
    none: it names no option."""
    everyday = [n for n, words in enumerate(said, 1) if word in words]
    if everyday:  # the everyday name of one, or of several (结转: 上年结转 or 结转下年度), which is asked back
        return everyday
    numbered = list(enumerate(names, 1))
    for fits in (
        lambda name: word == name or word in name.split("·"),  # the whole name, or one part of it
        lambda name: name.endswith(word),  # 复议 → 行政复议, not 复议后起诉
        lambda name: len(word) >= piece_least and word in name,
    ):
        found = [n for n, name in numbered if fits(name)]
        if found:
            return found
    return []


def _read_choice(token: str, maximum: int) -> range | ParseError:
    match = _RANGE.fullmatch(token)
    ends = [match[1], match[2]] if match else [token]
    values = []
    for end in ends:
        value = _read_token(_CHOICE_NOISE.sub("", end.rstrip(_TRAILING)) or end, "count")
        if isinstance(value, ParseError) and value.code != "negative":
            return ParseError(value.code, token=token, want="choices", maximum=maximum)
        if isinstance(value, ParseError) or not 1 <= value <= maximum:
            return ParseError("out_of_range", token=token, want="choices", maximum=maximum)
        values.append(value)
    return range(min(values), max(values) + 1)


# --- 是/否 ---------------------------------------------------------------------------------------------------------

# "1"/"2" are yes/no because every yes/no question is asked as "回复 1 是，2 否"; "0" stays unknown, since it means
# "none" to a gate but nothing to a question like "使用此草稿？".
YES_WORDS = frozenset(
    "是 是的 对 对的 有 有的 有过 有收到 收到过 好 好的 确认 确定 同意 可以 行 没问题 正确 嗯 收到 收到了 yes y ok 1 ✔ ✓ √ 👍 👌".split()
)
NO_WORDS = frozenset(
    "否 不 不是 不对 没有 没 无 暂无 没有的 没有过 没收到 未收到 没有收到 没收到过 不用 不要 不需要 不同意 错 no n 2 ✘ ✗ × ❌ ✖".split()
)


def parse_yes_no(text: str) -> bool | None:
    """True for 是 and its everyday synonyms, False for 否 and its synonyms, None when the reply is neither."""
    word = normalise(text).replace("\ufe0f", "").strip(_TRAILING + ",、 ").casefold()
    if len(word) > 1 and len(set(word)) == 1 and not word.isdigit():  # 嗯嗯, 对对对, 好好
        word = word[0]
    for said in dict.fromkeys((word, word.rstrip(END_PARTICLES))):
        if said in YES_WORDS:
            return True
        if said in NO_WORDS:
            return False
    return None


# --- explaining --------------------------------------------------------------------------------------------------


def explain(error: ParseError, expected_labels: list[str] | None = None, example: str | None = None) -> str:
    """The polite sentence that says what was wrong and what is expected, with an example.

    `expected_labels` names the columns of a row in order (自然人、商业企业 …); `example` replaces the default one.
    """
    text = templates.render(
        "messages/parse_errors.j2",
        error=error,
        labels=list(expected_labels or []),
        example=example or _default_example(error),
    )
    # the template is laid out in lines for reading; the message is one paragraph
    return "".join(line.strip() for line in text.splitlines())


def _default_example(error: ParseError) -> str:
    if error.want == "row":
        return " ".join(["1"] + ["0"] * max((error.expected or 1) - 1, 0))
    if error.want == "choices":
        return "1 3" if (error.maximum or 0) >= 3 else "1"
    return "0.35" if error.kind == "amount" else "3"
