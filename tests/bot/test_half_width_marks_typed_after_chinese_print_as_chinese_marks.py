"""A phone keyboard's half-width marks after a Chinese word (发布56条.公众号120条,) print as the Chinese marks in
the report (。，；：), in the drafts and in a paragraph of the clerk's own; a decimal point and a thousands separator
between digits stay as they are."""

from __future__ import annotations

import pytest

from bot.dialog.prose import clean_paragraph
from bot.drafting import fact_items, punctuated


@pytest.mark.parametrize(("typed", "printed"), [
    ("我乡发布信息56条.公众号120条,均及时更新.", "我乡发布信息56条。公众号120条，均及时更新。"),
    ("主要问题:更新不及时;解读较少.", "主要问题：更新不及时；解读较少。"),
    ("收取行政事业性收费0.5万元,共1,200条.", "收取行政事业性收费0.5万元，共1,200条。"),
])
def test_half_width_marks_after_chinese_print_as_chinese_marks(typed: str, printed: str) -> None:
    assert punctuated(typed) == printed
    if "," not in printed:  # a paragraph of the clerk's own turns every half-width comma (its own, older rule)
        assert clean_paragraph(typed) == printed


def test_a_half_width_full_stop_parts_two_notes() -> None:
    assert fact_items("网站56条.公众号120条") == ["网站56条", "公众号120条"]
