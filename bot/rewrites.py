"""Many patterns read against one short text, those that find nothing in it passed over at once.

A clerk's note is put in a report's wording by some ninety (pattern, replacement) pairs applied in turn
(`drafting.formal`); in any one note hardly any of them is found, yet each pattern cost a call and a scan of its
own. Joined into one alternation, a run of patterns is searched once: an alternative matches wherever its own
pattern would, so where the joined search finds nothing, none of the run's patterns finds anything either, and
applying them, in order, would change nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")  # names may repeat across patterns: joined, the groups go unnamed
_REFERS_BACK = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # numbered or named back references, conditionals
_RUN = 20  # patterns per joined search: one alternation of all ninety searched slower than a few of twenty

Replacement = str | Callable[[re.Match[str]], str]


def joined(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str] | None:
    """One pattern that matches where any of `patterns` does; None when they cannot be joined (their flags differ,
    or one refers back to a group, whose number or name joining would change)."""
    if len({p.flags for p in patterns}) != 1 or any(_REFERS_BACK.search(p.pattern) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{_NAMED_GROUP.sub('(?:', p.pattern)})" for p in patterns),
                          patterns[0].flags)
    except re.error:  # a flag set inside one pattern, for all of it
        return None


class Rewrites:
    """(pattern, replacement) pairs applied in order, as `pattern.sub(replacement, text)` one after the other: a
    run of them none of whose patterns is found in the text is passed over after one search."""

    def __init__(self, pairs: Iterable[tuple[re.Pattern[str], Replacement]]) -> None:
        self.pairs = tuple(pairs)
        runs = [self.pairs[i: i + _RUN] for i in range(0, len(self.pairs), _RUN)]
        self._runs = tuple((joined([pattern for pattern, _ in run]), run) for run in runs)

    def __iter__(self) -> Iterator[tuple[re.Pattern[str], Replacement]]:
        return iter(self.pairs)  # the pairs, as the table they were given as

    def __call__(self, text: str) -> str:
        for search, run in self._runs:
            if search is None or search.search(text):
                for pattern, replacement in run:
                    text = pattern.sub(replacement, text)
        return text
