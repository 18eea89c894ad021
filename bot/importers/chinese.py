"""Traditional characters → simplified (OpenCC), for reports published in traditional script (一、總體情況), and
without the pinyin some mirror sites print after a character (規(guī)章, 鶴城鎮(zhèn)), which splits a table's labels."""

from __future__ import annotations

import functools
import re

from .blocks import Block, Paragraph, TableRow

_CJK = re.compile(r"[\u4e00-\u9fff]")
_MIN_CHANGED = 5
_MIN_SHARE = 0.02  # a simplified text converts to itself but for a rare character or two (乾安县 stays 乾)
# a syllable with its tone mark in brackets right after a character: 規(guī)章; a bracket of plain latin letters after a
# character (网站(app), 编号(a)) has no tone mark and stays
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


@functools.cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(blocks: list[Block]) -> list[Block]:
    """The blocks in simplified characters when the document is written in traditional ones; else unchanged."""
    sample = "".join(_texts(blocks))[:20000]
    cjk = len(_CJK.findall(sample))
    if not cjk:
        return blocks
    converted = _converter().convert(sample)
    changed = sum(1 for a, b in zip(sample, converted, strict=False) if a != b)
    if changed < _MIN_CHANGED or changed < _MIN_SHARE * cjk:
        return blocks
    convert = _converter().convert
    return [TableRow(tuple(convert(c) for c in b.cells), b.merged) if isinstance(b, TableRow)
            else Paragraph(convert(b.text))
            for b in blocks]


def without_pinyin(blocks: list[Block]) -> list[Block]:
    """The blocks without the pinyin a mirror site printed after some characters (內(nèi)容 → 內容)."""
    if not any(_PINYIN.search(text) for text in _texts(blocks)):
        return blocks
    return [TableRow(tuple(_PINYIN.sub("", c) for c in b.cells), b.merged) if isinstance(b, TableRow)
            else Paragraph(_PINYIN.sub("", b.text))
            for b in blocks]


def _texts(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, TableRow):
            yield from block.cells
        else:
            yield block.text
