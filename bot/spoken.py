"""What a clerk types on a phone that carries nothing a report prints: the particles that close a spoken clause
(没有吧, 跳过吧, 80多条哈) and the decoration a keyboard adds (emoji, their joiners and variation selectors, symbols).

One declaration for every reader: the reply parser, the dialog, the drafting of notes, the rules that flag spoken
words in a final text (R17) and the supervisor's commands all strip or flag the same characters.
"""

from __future__ import annotations

import re
import unicodedata

END_PARTICLES = "吧啊呀啦哦嘛呢哈"  # said after a word without changing it: 没有吧, 跳过吧, 提交啦, 就这些哈
LAUGHING_PARTICLE = "哈"  # also laughter (哈哈): a closing particle only right after a word

# Unicode categories of characters a published text never prints: controls, format characters (the zero-width
# joiner of an emoji), private use, surrogates, other symbols (emoji, ★, ✔) and modifier symbols (skin tones)
_NOT_PRINTED = frozenset({"Cc", "Cf", "Co", "Cs", "So", "Sk"})
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
# the clerk's notes (`drafting.formal`), and R17 offers the same word as the fix in a final text — one table for both
ASIDES: tuple[tuple[re.Pattern[str], str], ...] = (
    # 公众号的话两百条 → 公众号两百条: a topic said aloud before its figure
    (re.compile(r"(?<=[\u3400-\u9fff])的话(?=[\s，、\d\u3400-\u9fff]|$)"), ""),
    # 低保、救助那些 → 低保、救助等: the end of a list said aloud
    (re.compile(r"(?:那些|这些|那种|那类|之类的?)(?=$|[，、；。])"), "等"),
    # the whole duty in a shrug, as a report says it
    (re.compile(r"(?:该|应该|应当)公开的(?:都|全|全部|均|也都)(?:已经?)?(?:公开|公布|发布)了"), "做到应公开尽公开"),
)
