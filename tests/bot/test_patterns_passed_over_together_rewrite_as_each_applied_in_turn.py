"""`Rewrites` passes over a run of patterns after one joined search finds nothing: the text comes out as applying
every pattern in turn would make it, for the drafting's table of spoken words and for patterns that cannot be
joined."""

import re

from hypothesis import given
from hypothesis import strategies as st

from bot.drafting import wording
from bot.rewrites import Rewrites, joined


def each_in_turn(pairs, text: str) -> str:
    for pattern, replacement in pairs:
        text = pattern.sub(replacement, text)
    return text


# the words the table rewrites, and the marks and figures around them, in any order
_PIECES = ["搞了", "两次", "培训", "公众号", "的话", "大概", "两百条", "没", "评议", "考核", "有", "纳入了", "网站", "改版了",
           "每个村都有", "公开栏", "，", "、", "56", "条", "左右", "一下", "修订了", "制度", "挺好", "效果不错", "叫", "青山发布"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8))
def test_the_drafting_table_rewrites_a_note_as_its_patterns_one_by_one(pieces: list[str]) -> None:
    note = "".join(pieces)
    assert wording._FORMAL(note) == each_in_turn(wording._FORMAL.pairs, note)


def test_a_note_a_pattern_rewrites_is_rewritten_and_one_none_finds_is_left_as_it_is() -> None:
    assert wording._FORMAL("公众号的话大概两百条") == each_in_turn(wording._FORMAL.pairs, "公众号的话大概两百条") != \
        "公众号的话大概两百条"
    assert wording._FORMAL("政府网站信息公开专栏77条") == "政府网站信息公开专栏77条"


def test_patterns_that_refer_back_or_differ_in_flags_are_not_joined_but_still_applied() -> None:
    twice = re.compile(r"(好)\1")
    assert joined([twice, re.compile("差")]) is None
    assert joined([re.compile("ok", re.I), re.compile("差")]) is None
    pairs = [(twice, r"\1"), (re.compile("ok", re.I), "好"), (re.compile("好"), "较好")]
    rewrites = Rewrites(pairs)
    for text in ("好好", "OK", "差", "效果好好OK"):
        assert rewrites(text) == each_in_turn(pairs, text)
