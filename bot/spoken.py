"""What a clerk types on a phone that carries nothing a report prints: the particles that close a spoken clause
(没有吧, 跳过吧, 80多条哈) and the decoration a keyboard adds (emoji, their joiners and variation selectors, symbols).

One declaration for every reader: the reply parser, the dialog, the drafting of notes, the rules that flag spoken
words in a final text (R17) and the supervisor's commands all strip or flag the same characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import templates

END_PARTICLES = "吧啊呀啦哦嘛呢哈"  # said after a word without changing it: 没有吧, 跳过吧, 提交啦, 就这些哈
LAUGHING_PARTICLE = "哈"  # also laughter (哈哈): a closing particle only right after a word

# Unicode categories of characters a published text never prints: controls, format characters (the zero-width
# joiner of an emoji), private use, surrogates, other symbols (emoji, ★, ✔), modifier symbols (skin tones) and
# enclosing marks (the keycap of 1️⃣, which leaves the digit it encloses)
_NOT_PRINTED = frozenset({"Cc", "Cf", "Co", "Cs", "So", "Sk", "Me"})
_KEPT_SYMBOLS = frozenset("○")  # some type ○ for 〇 in a year (二○二五年)


def is_decoration(ch: str) -> bool:
    """Whether `ch` is decoration, not text: an emoji (or a piece of one: joiner, variation selector, skin tone), a
    symbol, a control character. Line breaks and tabs are text; so is ○."""
    if ch in "\n\t" or ch in _KEPT_SYMBOLS:
        return False
    if "\ufe00" <= ch <= "\ufe0f" or "\U0001f000" <= ch <= "\U0001faff":
        return True
    return unicodedata.category(ch) in _NOT_PRINTED


def _plain_text() -> re.Pattern[str]:
    """The characters of most messages that are never decoration (ASCII, CJK and its punctuation, full-width forms),
    as one class: a message made of them only is not looked at character by character."""
    ranges = ((0x20, 0x7E), (0x2010, 0x2027), (0x3000, 0x303F), (0xFF00, 0xFFEF))  # with symbols among them
    kept = [c for low, high in ranges for c in range(low, high + 1) if not is_decoration(chr(c))]
    runs, start = ["\\u3400-\\u4dbf", "\\u4e00-\\u9fff"], kept[0]  # the CJK ideographs: letters, every one
    for before, c in zip(kept, kept[1:] + [-1], strict=True):
        if c != before + 1:
            runs.append(f"\\u{start:04x}-\\u{before:04x}" if before > start else f"\\u{start:04x}")
            start = c
    return re.compile(f"[\\n\\t{''.join(runs)}]*")


_PLAIN_TEXT = _plain_text()


def decoration_replaced(text: str, by: str = "") -> str:
    """`text` with each character of decoration replaced by `by` (taken off by default)."""
    if _PLAIN_TEXT.fullmatch(text):  # most messages: nothing to look at character by character
        return text
    return "".join(by if is_decoration(ch) else ch for ch in text)


def without_decoration(text: str) -> str:
    """The text without its decoration (是的😊 → 是的, 帮助🙏 → 帮助, 12件👍 → 12件), unless it is nothing else (👍 alone
    is a yes)."""
    return decoration_replaced(text).strip() or text


# what is said aloud where a report writes another word, wherever it stands: the drafting writes the report's word in
# the clerk's notes (`drafting.formal`, each where its table needs it), and R17 offers the same word as the fix in a
# final text (all of `ASIDES`) — one declaration for both
Replacement = str | Callable[[re.Match[str]], str]
Aside = tuple[re.Pattern[str], Replacement]
# 公众号的话两百条 → 公众号两百条: a topic said aloud before its figure
TOPIC_BEFORE_FIGURE: Aside = (re.compile(r"(?<=[\u3400-\u9fff])的话(?=[\s，、\d\u3400-\u9fff]|$)"), "")
# 低保、救助那些 → 低保、救助等: the end of a list said aloud
LIST_END: Aside = (re.compile(r"(?:那些|这些|那种|那类|之类的?)(?=$|[，、；。])"), "等")
# 大概两百条, 差不多有80条, 大概网站两百条 → 约两百条, 网站约两百条: a count said roughly is 约, before the figure
# (大约 alone is written Chinese too; 大约有 is said)
ROUGH_COUNT: Aside = (
    re.compile(r"(?:大概|差不多|估计|大致|大约(?=有))有?([^\d，、；]{0,4}?)(?=[\d一二两三四五六七八九十百千])"), r"\1约"
)
# 网站这块、网站这一块的话: the topic said aloud before what is said of it
THIS_PART: Aside = (re.compile(r"(?:(?<=[\u3400-\u9fff])|^)这一?块(?:的话)?(?=[\u3400-\u9fff])"), "")
# 挺好、蛮多 → 较好、较多: a degree said aloud
DEGREE: Aside = (re.compile(r"挺(?=好|多|快|高)|蛮(?=好|多)"), "较")
# the whole duty in a shrug, as a report says it
WHOLE_DUTY: Aside = (
    re.compile(r"(?:该|应该|应当)公开的(?:都|全|全部|均|也都)(?:已经?)?(?:公开|公布|发布)了"), "做到应公开尽公开"
)

# --- an assessment's result said aloud (年底县里考核政务公开得了优秀) and how a report states it -----------------------
# 得了 before a grade is 获评 (得了优秀 → 获评优秀), before a place 位列 (得了第一 → 位列第一); never the 得了 of a
# written word: 获得了、取得了、赢得了 stay as written
_GOT = r"(?<![获取赢博求夺荣懂记觉值使显难舍晓习争分落])得了"
_GRADE = r"优秀|良好|合格|称职|先进"
_PLACE = r"第[\d一二三四五六七八九十]+(?:名|(?=[，,。；;、\s]|$))"  # not 第一批资金, 第二次
GOT_A_GRADE: Aside = (re.compile(rf"{_GOT}个?(?=(?:{_GRADE}))"), "获评")  # 得了个优秀 alike
# 考核排第三 is a place too (排名第三 is written Chinese and stays)
_RANKED = r"(?<=[核评议比估])排在?(?=第)"
GOT_A_PLACE: Aside = (re.compile(rf"(?:{_GOT}|{_RANKED})(?={_PLACE})"), "位列")


def _assessed(m: re.Match[str]) -> str:
    """年底县里考核政务公开得了优秀 → 在县年度考核中政务公开工作获评优秀 (templates/drafts/assessed.j2)."""
    return templates.render(
        "drafts/assessed.j2", who=m.group("who"), said_year=bool(m.group("when") or m.group("when_after")),
        what=m.group("what") or "", kind=m.group("kind"), topic=m.group("topic") or "", grade=m.group("grade"),
        named=False,
    ).strip()


# 县里 and 得了 in one clause of an assessment's result: the clause as a report states it (a rank or a grade is never
# added: only what was said is written)
ASSESSED: Aside = (
    re.compile(r"(?P<when>年底|年终|年度|全年)?的?在?(?<![社城全郊园辖街小片景都超上地])(?P<who>县|区|市)里(?:的|对我们的?)?"
               r"(?P<when_after>年度|年终)?"
               r"(?P<what>政务公开(?:工作)?)?(?P<kind>考核|考评|评议|测评|评比|评估)(?:中|里)?(?:对)?"
               r"(?P<topic>政务公开(?:工作)?|信息公开(?:工作)?)?(?:我们|我[乡镇局]|我街道)?(?:都|也|还)?"
               rf"(?:{_GOT}个?|{_RANKED})(?P<grade>{_GRADE}|{_PLACE})"),
    _assessed,
)
# such a clause as drafted, the body that assessed by its level alone (在县年度考核中…): named by its place at drafting
_ASSESSED_BY_LEVEL = re.compile(
    rf"在(?P<who>[县区市])(?P<when>年度|级)(?P<what>政务公开(?:工作)?)?(?P<kind>考核|考评|评议|测评|评比|评估)中"
    rf"(?P<topic>(?:政务|信息)公开工作)?(?:获评|位列)(?P<grade>{_GRADE}|{_PLACE})")


def assessor_named(text: str, place_of: Callable[[str], str]) -> str:
    """`text` with the body of each assessment drafted by its level (在县年度考核中) named by its place, `place_of`
    the level said (县) → the unit's place of that level (龙亭区, or '' when not known: the level stays)."""
    def named(m: re.Match[str]) -> str:
        place = place_of(m.group("who"))
        if not place:
            return m.group()
        return templates.render(
            "drafts/assessed.j2", who=place, said_year=m.group("when") == "年度", what=m.group("what") or "",
            kind=m.group("kind"), topic=m.group("topic") or "", grade=m.group("grade"), named=True,
        ).strip()
    return _ASSESSED_BY_LEVEL.sub(named, text) if "考" in text or "评" in text else text


# the words of such a clause that are said aloud, as a reader is told them (the rest of the clause is written Chinese)
SAID_IN_ASSESSED = re.compile(r"[县区市]里|得了")
ASIDES: tuple[Aside, ...] = (TOPIC_BEFORE_FIGURE, LIST_END, ROUGH_COUNT, THIS_PART, DEGREE, WHOLE_DUTY, ASSESSED,
                             GOT_A_GRADE, GOT_A_PLACE)


# --- the spoken verbs of doing (搞, 弄, 整 …) and the verbs a report uses for them ------------------------------------
# One table: the drafting writes the report's verb in the clerk's notes (`drafting.formal`), and R17 offers the same
# verb as the fix of 搞/弄 in a final text; where no entry says which verb the thing done takes, no verb is guessed.

ACCOUNTABILITY = "追究|追责|问责"
ACTIVITY = f"(?:培训|考核|考评|评议|检查|督查|督导|测评|演练|审查|评估|调研|宣传|解读|自查|整改|{ACCOUNTABILITY})"

# the spoken verbs, each never the second character of a written word: 调整了3个子栏目 is no 整了 (it had drafted
# 调设置了), 安装了电子屏 no 装了, 推出了5条 no 出了, 叫做 no 做
_ZHENG = r"(?<![调完修规平统重齐严整休])整"
_ZUO = r"(?<![叫看当])做"
_ZHUANG = r"(?<![安包改假伪武服组])装"
_CHU = r"(?<![推提指支输付演突作做发拿列选评印产杰])出"

# 整了个台账 is 建立了台账, 弄了个公众号 开通了公众号 — only where the thing done says which verb a report uses
_MADE = rf"(?:搞|弄|{_ZHENG}|{_ZUO})(?P<done>了)?(?:一个|一套|个|套)"
_MADE_THINGS = (
    (r"制度|机制|台账|清单|目录|方案|规定|办法|流程|规程|档案", "建立"),
    (r"领导小组|工作小组|小组|专班|工作组", "成立"),
    (r"专栏|专区|栏目|公开栏|公示栏|宣传栏|信息栏|展板", "开设"),
    (r"公众号|微信群|工作群|群|微博|抖音号|视频号|小程序|热线|咨询电话|邮箱", "开通"),
    (r"活动|宣传|讲座|培训班|培训|解读|自查|检查|评议|测评|演练", "开展"),
    (r"会议|座谈会|推进会|培训会|会", "召开"),
)


def _made(verb: str) -> Callable[[re.Match[str]], str]:
    """整了个台账 → 建立了台账, and a plan (打算搞个台账) → 建立台账: 了 only where it was said."""
    return lambda m: verb + ("了" if m.group("done") else "")


def _did_activity(m: re.Match[str]) -> str:
    """搞了培训 → 开展了培训; 搞了两次培训 → 开展2次培训 (a count after the verb takes no 了)."""
    return "开展" if m.group("count") or not m.group("done") else "开展了"


VERBS_OF_DOING: tuple[tuple[re.Pattern[str], Replacement], ...] = (
    *((re.compile(rf"{_MADE}(?=[^，；、。]{{0,8}}?(?:{things}))"), _made(verb)) for things, verb in _MADE_THINGS),
    # 做了网站改版 → 完成了网站改版; 搞了/弄了/做了 an activity → 开展了
    (re.compile(rf"(?:搞|弄|{_ZUO}|{_ZHENG})了(?=[^，；、。]{{0,8}}?(?:改版|升级|改造|建设|修订|梳理|清理|备案)(?!{ACTIVITY}))"),
     "完成了"),
    (re.compile(rf"(?:搞|弄|{_ZUO}|{_ZHENG})(?![好到成出])(?P<done>了|过)?(?=(?P<count>[\d一二两三四五六七八九十]+\s*[次场期轮])?"
                rf"[^，；、。\d]{{0,8}}?{ACTIVITY}(?![栏片册画单员车屏牌板]))"), _did_activity),
    (re.compile(rf"(?:搞|弄|{_ZHENG}|{_ZHUANG})了(?=[^，；、。]{{0,6}}?(?:栏|屏|牌|展板|橱窗))"), "设置了"),  # 弄了宣传栏 → 设置了宣传栏
    # 搞/弄 first: 没搞 is 没开展, which the drafting's negations make 未开展
    (re.compile(r"搞(?=图解|解读|视频|海报|动漫|长图|短视频|H5)"), "制作"),
    # what else 搞/弄 may stand for: not done (没搞 → 没开展), an activity done N times (培训搞了一次), things put up
    # (电子屏弄了几块 → 设置了几块); anything else stays as typed, for R17 to show
    (re.compile(r"(?<=没)有?(?:搞|弄)过?"), "开展"),
    (re.compile(rf"(?<={ACTIVITY})(?:都|也|还|就)?(?:搞|弄|{_ZUO})了?(?=[\d一二两三四五六七八九十]+\s*[次场期轮回])"), "开展"),
    (re.compile(rf"(?:搞|弄|{_ZHUANG}|{_ZHENG})了?(?=[几\d一二两三四五六七八九十]+\s*[块台处面])"), "设置了"),
)
# 网站弄了80条 → 网站发布80条: what was done to a count of items is publishing them
PUBLISHED_COUNT: tuple[re.Pattern[str], Replacement] = (
    re.compile(rf"(?:弄|搞|{_ZHENG}|{_ZUO}|{_CHU})了?(?=[\d一二两三四五六七八九十百几]+[余多来]?[条篇期])"), "发布"
)


def doing_as_written(text: str, at: int) -> tuple[int, int, str] | None:
    """The report's verb for the spoken verb of doing at `at` in `text` (搞了 before 两次培训 → 开展), as the drafting
    writes it: (start, end, verb), or None when nothing says which verb the thing done takes."""
    for pattern, replacement in (*VERBS_OF_DOING, PUBLISHED_COUNT):
        m = pattern.match(text, at)
        if m and m.end() > at:
            return at, m.end(), replacement(m) if callable(replacement) else m.expand(replacement)
    return None


# --- a command typed in pinyin (the phone's Chinese input switched off: jindu, Jin Du, BANGZHU) -----------------------
# Each reader declares its command words' pinyin next to the words (word → "jin du"); only a message that is the
# pinyin alone, in any case and spacing, is the word: a sentence that starts with it stays a sentence.
_PINYIN_TRAILING = "。.，,！!？?~～ "


def _as_pinyin(text: str) -> str:
    return "".join(text.split()).rstrip(_PINYIN_TRAILING).casefold()


def by_pinyin(pinyin: dict[str, str]) -> dict[str, str]:
    """The lookup a message is read with: pinyin without spaces (jindu) → the command word (进度)."""
    return {_as_pinyin(spelled): word for word, spelled in pinyin.items()}


def word_from_pinyin(text: str, lookup: dict[str, str]) -> str | None:
    """The command word a message typed in pinyin alone stands for (jin du → 进度), else None."""
    if len(text) > 40:  # a sentence, not one word: not even looked at
        return None
    return lookup.get(_as_pinyin(text))
