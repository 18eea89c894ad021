"""Which result kind a reply names, when it names one: 部分公开的是自然人一件, typed where 予以公开 is asked, speaks of
部分公开 and must not be filed under 予以公开 (the totals would still add up, so no rule would catch it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from ..formats.model import Row

# words too general to name one kind: 其他的都是0 is no 其他处理·其他
_TOO_GENERAL = frozenset({"其他"})


@cache
def _row_words(rows: tuple[Row, ...]) -> tuple[re.Pattern[str], dict[str, str | None]]:
    """Every word that names a row (its short name, the part after “·”, what clerks call it) → the row; a group's
    word (不予公开, 无法提供) names no single row, but keeps 公开 inside 不予公开 from naming 予以公开."""
    words: dict[str, str | None] = {}
    for row in rows:
        group, _, part = row.short.partition("·")
        if part:
            words.setdefault(group, None)
        for word in (row.short, part, *row.said):
            if len(word) >= 2 and word not in _TOO_GENERAL:
                words[word] = row.key if words.get(word, row.key) == row.key else None
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest_first))), words


def row_named_instead(rows: Sequence[Row], asked: str, text: str) -> str | None:
    """The one other row `text` names, when it does not name `asked` too; None otherwise. The longest word wins
    where words overlap (部分公开 holds 公开)."""
    pattern, words = _row_words(tuple(rows))
    named = {words[m.group()] for m in pattern.finditer(text)} - {None}
    if asked in named or len(named) != 1:
        return None
    return named.pop()
