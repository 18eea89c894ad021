"""Table 四's outcomes as clerks say them (还没判1件, 法院判了维持1件, 审理中1件) are read into their columns; they had
been refused as no number."""

from __future__ import annotations

import pytest

from bot.parse import parse_labelled

OUTCOMES = ("结果维持", "结果纠正", "其他结果", "尚未审结")


@pytest.mark.parametrize(("said", "read"), [
    ("还没判1件", [0, 0, 0, 1]),
    ("审理中1件", [0, 0, 0, 1]),
    ("法院判了维持1件", [1, 0, 0, 0]),
    ("维持1 还没判1", [1, 0, 0, 1]),
])
def test_an_outcome_in_everyday_words_is_its_column(said: str, read: list[int]) -> None:
    assert parse_labelled(said, OUTCOMES) == read
