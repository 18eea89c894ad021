"""A prose part's facts: a numbered list of statements the clerk controls (删除 2, 改 2 …, 清空, 重写), kept in the
conversation state as plain strings. What is no statement — a number alone, 是/否, a command word, a fragment that
says nothing — is refused with the reason, never stored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .. import messages
from ..drafting.wording import (
    BARE_IMPROVE_MARK,
    CONSEQUENCE,
    POINT_MARK,
    RECTIFIED_MARK,
    formal,
    numbered_points,
    says_unknown,
    topics_joined,
    without_lead,
)
from ..parse import normalise, parse_yes_no

IMPROVE = messages.text("dialog", "improve_mark")  # the mark of a 5.1 fact that is an improvement, not a problem
# the mark of a 5.1 fact that tells what was done this year about last year's problems (5.2 states it apart)
RECTIFIED = messages.text("dialog", "rectified_mark")
MARKS = (IMPROVE, RECTIFIED)
NOTHING = "无"  # the one fact of a part with nothing particular to report

_SPLIT = re.compile(rf"[\n；;。！!？?]+|[，,](?![^“”]*”)(?!\s*{CONSEQUENCE})")
_IMPROVE_MARK = re.compile(r"(?:改进措施|改进情况|改进|整改)\s*[:：]|" + BARE_IMPROVE_MARK.pattern)
# a count with nothing said of what it counts: the words before it only link or hedge (是25条, 一共12期, 大概是二十条)
_NUMBER_ONLY = re.compile(r"(?:今年|本年度?|全年)?(?:共计|一共|总共|大概|大约|差不多|约|共|计|是|为|有)*"
                          r"[\d零〇一二两三四五六七八九十百千万.\s、,]+(?:余|多)?(?:件|条|次|个|项|期|篇|万元|元)?(?:左右)?")
_TRIM = " \t\r\n。；;，,、.！!：:"
_CJK = re.compile(r"[\u3400-\u9fff]")
# the words of a request to the bot, not a statement about the year's work
_INSTRUCTION = re.compile(
    r"^(?:请|帮我|麻烦)?(?:改成|改为|换成|换为|改一下|重写|重新草拟|重新写|重新生成|再写|再来|删掉|去掉|不要写|不要这|"
    r"采用|用我的|用原文|清空|撤回|返回|跳过|确认|提交|预览|取消|草拟|生成|写一下|写一段)|^(?:修改|删除|改)\s*\d*$"
)
# a statement that ends as a question asks, it states nothing (公开栏更新了吗, 我镇啥意思, 这段要写哪些): its last words
# only, so a fact that holds such words (解读了什么是政务公开, 开展“啥是政务公开”宣传) stays one
_ASKED = re.compile(r"(?:什么意思|啥意思|是啥|(?:怎么|咋|如何)(?:写|填)|(?:写|填)(?:些)?(?:什么|啥|哪些)(?:内容)?|吗)"
                    r"[啊呀呢哦嘛啦哈]*$"
                    # a question word, the statement ending on a particle that asks (一般写多少字啊, 哪个栏目呢)
                    r"|(?:多少|几[个条次件字]|怎么|咋|如何|什么|啥|哪)[^，。；“”]*[啊呀呢嘛]$"
                    # a yes-or-no question said as 是不是, wherever it stands (依申请公开是不是就是上面填的那些)
                    r"|^[^“”]*(?:是不是|要不要|能不能|可不可以|对不对|行不行|用不用|需不需要|算不算)")
# a word every question `_ASKED` finds holds: a text without one asks nothing, and is not split to find out
_ASK_WORD = re.compile(r"意思|是啥|怎么|咋|如何|什么|啥|哪|吗|多少|几|不[是要能可对行用需算]")
# what says nothing on its own
_FRAGMENTS = frozenset(
    "还有 另外 其他 其它 等等 等 略 同上 如上 见上 一样 同去年 跟去年一样 和去年一样 没啥 不知道 不清楚 好的 好 嗯 "
    "可以 行 收到 明白 ok 对 对的 有 有的 都有 全部 以上 其余 无特别 没什么".split()
)


@dataclass(frozen=True)
class Refused:
    text: str  # what was typed
    why: str  # number · yes_no · command · question · unknown · fragment


def split_statements(text: str) -> list[str]:
    """The statements of a reply, in order: cut at line breaks, full stops, semicolons and commas (not inside
    quotation marks); a 5.1 reply's part after 改进： keeps that mark on each of its statements, its part after
    上年整改： (wherever it stands) that one."""
    text = normalise(text)
    rectified: list[str] = []
    if m := RECTIFIED_MARK.search(text):
        # the last year's problems are told last, or before the improvements: their part runs to the next mark
        rest = text[m.end():]
        end = _IMPROVE_MARK.search(rest)
        told, after = (rest[: end.start()], rest[end.start():]) if end else (rest, "")
        rectified = [RECTIFIED + _tidy(p) for p in _pieces(told) if _tidy(p)]
        text = text[: m.start()] + ("；" if after else "") + after
    return _split_improvements(text) + rectified


def _split_improvements(text: str) -> list[str]:
    parts = _IMPROVE_MARK.split(text, maxsplit=1)
    out = [_tidy(p) for p in _pieces(parts[0])]
    if len(parts) > 1:
        out += [IMPROVE + _tidy(p) for p in _pieces(parts[1]) if _tidy(p)]
    return [s for s in out if s and s != IMPROVE]


def _pieces(text: str) -> list[str]:
    """A numbered list's points whole (一是…；二是…: pasted from a report, each point is one), else the clauses."""
    points = numbered_points(text)
    if points is None:
        return topics_joined(_SPLIT.split(text))  # 对…的信息，告知…: one statement
    return [piece for point in points
            for piece in ([point] if re.match(POINT_MARK, point) else topics_joined(_SPLIT.split(point)))]


def _tidy(piece: str) -> str:
    """One statement: spaces collapsed, no lead-in (还有公开栏 → 公开栏, 嗯 那个 我们这边网站… → 网站…: a statement
    that was only a lead-in is gone without a word), no punctuation around it."""
    return without_lead(" ".join(piece.split()).strip(_TRIM)).strip(_TRIM)


def refusal(statement: str) -> str | None:
    """Why `statement` is no fact (number, yes_no, command, question, fragment), None when it is one."""
    word = unmarked(statement).strip(_TRIM).casefold()
    if not word:
        return "fragment"
    if word in ("0", "1", "2") or parse_yes_no(word) is not None and len(word) <= 3:
        return "yes_no"
    if _NUMBER_ONLY.fullmatch(word):
        return "number"
    if _INSTRUCTION.match(word):
        return "command"
    if asks(word):
        return "question"
    if says_unknown(word):
        return "unknown"  # 评议不清楚: not known is no fact, and never reads as the thing stated
    if word in _FRAGMENTS or len(_CJK.findall(word)) < 2:
        return "fragment"
    return None


def asks(statement: str) -> bool:
    """Whether a statement ends as a question (公开栏更新了吗, 这个啥意思): it is asked, never a fact."""
    return bool(_ASKED.search(normalise(statement).strip(_TRIM + "?？")))


def any_asked(text: str) -> bool:
    """Whether a statement of `text` ends as a question (`asks`)."""
    return _ASK_WORD.search(text) is not None and any(asks(s) for s in split_statements(text))


def read_statements(text: str) -> tuple[list[str], list[Refused]]:
    """(the facts in a reply, what in it was refused)."""
    kept, refused = [], []
    marked = normalise(text).replace("?", "？")
    for statement in split_statements(text):
        why = refusal(statement)
        if not why and _ends_on_question_mark(marked, statement):
            why = "question"  # 公开栏也弄了？: a question mark asks, whatever the words
        if why:
            refused.append(Refused(statement, why))
        else:
            kept.append(statement)
    return kept, refused


def _ends_on_question_mark(text: str, statement: str) -> bool:
    at = text.find(statement)
    return at >= 0 and text[at + len(statement):].lstrip(" 啊呀呢吗嘛").startswith("？")


def added(before: list[str], new: list[str]) -> list[str]:
    """The facts of `new` not already among `before` (nor inside one of them)."""
    out: list[str] = []
    for fact in new:
        if not any(fact == old or fact in old for old in before + out):
            out.append(fact)
    return out


def unmarked(fact: str) -> str:
    """A fact without the mark of the part of 五 it belongs to (改进：, 上年整改：)."""
    return fact[len(mark_of(fact)):]


def mark_of(fact: str) -> str:
    # a loop, not next() over a generator: every fact of every part is read through it on each message
    for mark in MARKS:
        if fact.startswith(mark):
            return mark
    return ""


def as_text(facts: list[str]) -> str:
    """The facts as the drafter reads them: problems, then “改进：” and the improvements, then “上年整改：” and what was
    done about last year's problems; 无 alone as 无."""
    by_mark: dict[str, list[str]] = {"": []}
    for fact in facts:
        mark = mark_of(fact)
        by_mark.setdefault(mark, []).append(fact[len(mark):])
    text = _joined(by_mark[""])
    for mark in MARKS:
        marked = _joined(by_mark[mark]) if mark in by_mark else ""
        if marked:
            text = f"{text}；{mark}{marked}" if text else mark + marked
    return text


_ORDINALS = "一二三四五六七八九十"


def _joined(items: list[str]) -> str:
    """Facts joined as the drafter reads them: by commas; a list holding a point with commas of its own (pasted as
    一是…，…) as the numbered list it was, so that each point is read whole again."""
    if 1 < len(items) <= len(_ORDINALS) and any("，" in i or "。" in i for i in items):
        return "；".join(f"{_ORDINALS[n]}是{item}" for n, item in enumerate(items))
    return "，".join(items)


def stored(state: dict[str, Any], code: str) -> list[str]:
    """The facts kept for `code`, in a report's words (a list; a state stored before facts were a list holds one
    string, as typed)."""
    value = state["facts"].get(code)
    if isinstance(value, str):
        return [formal(s) for s in split_statements(value)] if value and value != NOTHING else (
            [NOTHING] if value else [])
    return list(value or [])


# --- commands ----------------------------------------------------------------------------------------------------

_NUMBER = r"(?:第\s*)?(\d+|[一二两三四五六七八九十])\s*(?:条|项|点)?"
_REDRAFT = re.compile(r"^(?:重写|重新草拟|重新写|重新生成|再写一遍|换个写法|重拟)(?:一下|一遍|一次)?$")
_DELETE = re.compile(rf"^(?:删除|删掉|删去|去掉|删)\s*{_NUMBER}(?:\s*[,，、和及与]?\s*{_NUMBER})*$")
_ONE_NUMBER = re.compile(_NUMBER)
_CHANGE = re.compile(rf"^(?:改|修改|更改|改为)\s*{_NUMBER}\s*(?:为|成|改为|改成)?\s*[:：,，]?\s*(.+)$", re.S)
_CLEAR = re.compile(r"^(?:清空|全部删除|全部清空|重新开始这一段|清空重填)$")
_OWN = re.compile(r"^(?:用我的原文|用原文|采用原文|用我写的|用我自己的|用我的文字)\s*[:：,，]?\s*(.*)$", re.S)
_CN = dict(zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True))


@dataclass(frozen=True)
class Command:
    name: str  # redraft · delete · change · clear · own
    number: int = 0  # the fact's number, 1-based
    text: str = ""  # the new fact (change) or the paragraph (own)
    numbers: tuple[int, ...] = ()  # delete: every fact's number named (删除 2 5), in the order typed


def read_command(text: str) -> Command | None:
    """A facts command typed at a prose question, None when the reply is no command."""
    plain = normalise(text).strip("。.!！ ")
    if _REDRAFT.match(plain):
        return Command("redraft")
    if _CLEAR.match(plain):
        return Command("clear")
    m = _DELETE.match(plain)
    if m:  # 删除 2 5, 删除第2和第5条: every number named
        numbers = tuple(dict.fromkeys(_index(n.group(1)) for n in _ONE_NUMBER.finditer(plain)))
        return Command("delete", numbers[0], numbers=numbers)
    m = _CHANGE.match(plain)
    if m and not re.match(r"^\d+\.\d", plain[plain.find(m.group(1)):]):  # 修改 2.1 is a question code
        return Command("change", _index(m.group(1)), m.group(2).strip())
    m = _OWN.match(text.strip())
    if m:
        return Command("own", text=m.group(1).strip())
    return None


def writes_own_paragraph(text: str) -> bool:
    """用我的原文：… — the clerk's own paragraph, taken as written (no typo of it read as another word)."""
    return _OWN.match(text.strip()) is not None


def _index(token: str) -> int:
    return int(token) if token.isdigit() else _CN[token]


def words_shared(reason: str, fact: str, least: int = 3) -> str:
    """The longest run of at least `least` characters a return reason and a fact share (市长热线), else ""."""
    fact = unmarked(fact)
    best = ""
    for i in range(len(fact)):
        for j in range(i + max(least, len(best) + 1), len(fact) + 1):
            piece = fact[i:j]
            if not _CJK.search(piece) or piece not in reason:
                break
            best = piece
    return best
