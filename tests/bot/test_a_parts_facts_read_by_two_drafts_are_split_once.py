"""The items of a facts text are held (a part's facts are read by its own draft and by the drafts drawing on them in the
same message: 1.2's by the opening of 一): over the demo units' facts, the seeds' paragraphs and random edits of
them, the held items are exactly those of splitting the text afresh, and each caller gets a list of its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.drafting import wording
from bot.drafting.wording import fact_items
from tests.bot.draft_samples import DEMO_FACTS
from tests.bot.test_rules import seed_report
from tests.bot.text_edits import edited_texts

TEXTS = sorted({*(t for facts, _ in DEMO_FACTS.values() for t in facts.values()),
                *(t for n in range(3) for t in seed_report(n).text.values() if t.strip())})
# what splitting turns on: breaks, spaces, counts joined by 、, ordinals, spoken words, emoji, full-width digits
PIECES = ["，", "；", "。", "、", " ", "\n", "网站56条", "公众号120条", "一是", "（二）", "嗯 那个", "哈哈", "😀", "５６条",
          "主要是低保 救助 还有征兵", "公开栏 每个村都有", "一个月换一次", "发了120条", "改进：", "没有别的了", "等"]


def edited() -> st.SearchStrategy[str]:
    return edited_texts(TEXTS, PIECES, longest_cut=10)


@settings(max_examples=300, deadline=None)
@given(st.lists(edited(), min_size=1, max_size=4))
def test_held_items_are_those_of_splitting_afresh(texts: list[str]) -> None:
    for text in texts:  # read once each (held), then again
        fact_items(text)
    for text in texts:
        held = fact_items(text)
        assert held == wording._items([text]) == fact_items([text])  # as split afresh, and as one note of a list


def test_each_caller_gets_a_list_of_its_own() -> None:
    text = "政府网站信息公开专栏56条，政务公众号120条，重点公开财政预决算、惠民补贴"
    first = fact_items(text)
    first.append("改动")
    first[0] = "改动"
    assert fact_items(text) == wording._items([text]) and "改动" not in fact_items(text)


def test_the_same_text_read_twice_is_split_once() -> None:
    wording._items_of_text.cache_clear()
    text = "规范网站专栏8个子栏目，还有公开栏"
    assert fact_items(text) == fact_items(text)
    assert wording._items_of_text.cache_info().misses == 1
