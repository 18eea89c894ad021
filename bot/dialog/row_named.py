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
        for word in named_words(row):
            words[word] = row.key if words.get(word, row.key) == row.key else None
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, longest_first))), words


def named_words(row: Row) -> tuple[str, ...]:
    """The words that name `row` (部分公开; 本机关不掌握 of 无法提供·本机关不掌握; what clerks call it)."""
    part = row.short.partition("·")[2]
    return tuple(w for w in dict.fromkeys((row.short, part, *row.said)) if len(w) >= 2 and w not in _TOO_GENERAL)


# where a clause begins: the words before a kind's name in its own clause (另有一件部分公开) belong to that kind
_CLAUSE_BREAK = re.compile(r"[\s,，。.;；、]")
_NUMERAL = re.compile(r"\d|[零〇一二两三四五六七八九十百千万]")


def said_before_named(rows: Sequence[Row], named: str, text: str) -> str | None:
    """What `text` says before the clause that names `named` when a number comes first (3 0 0 0 0 0 另有一件部分公开,
    2 0 0 0 0 0，部分公开的下一题再说): the row of the kind asked, the other kind only mentioned after it. None when the
    name leads the reply (部分公开的是自然人一件): then the reply speaks of the kind named."""
    pattern, words = _row_words(tuple(rows))
    at = next((m.start() for m in pattern.finditer(text) if words[m.group()] == named), None)
    if at is None or not _NUMERAL.search(text[:at]):
        return None
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, 0, at)]
    head = text[: breaks[-1]] if breaks else ""
    return head if _NUMERAL.search(head) else None


_CLAUSES = re.compile(r"[,，。.;；]")


def asked_clauses(rows: Sequence[Row], asked: str, text: str) -> tuple[str, str] | None:
    """The clauses of `text` that name the kind asked and no other, and the first other kind named elsewhere, when
    the reply names both (予以公开3件，部分公开1件 → (予以公开3件, partial); 部分公开有一件，其余的是予以公开 →
    (其余的是予以公开, partial): the one count is 部分公开's, never the kind asked's). None when it names no other
    kind, or names the kind asked only in a clause shared with another."""
    pattern, words = _row_words(tuple(rows))
    clauses = [c for c in _CLAUSES.split(text) if c.strip()]
    kinds = [{words[m.group()] for m in pattern.finditer(c)} - {None} for c in clauses]
    others = [k for named in kinds for k in sorted(named) if k != asked]
    own = [c for c, named in zip(clauses, kinds, strict=True) if named == {asked}]
    if not others or not own:
        return None
    return "，".join(own), others[0]


def row_named_instead(rows: Sequence[Row], asked: str, text: str) -> str | None:
    """The one other row `text` names, when it does not name `asked` too; None otherwise. The longest word wins
    where words overlap (部分公开 holds 公开)."""
    pattern, words = _row_words(tuple(rows))
    named = {words[m.group()] for m in pattern.finditer(text)} - {None}
    if asked in named or len(named) != 1:
        return None
    return named.pop()
