"""One reply that answers several number questions by name: “规章0 0 0，规范性文件0 0 0”, “0 0 0 规章 1 0 3 规范性
文件”. The reply is cut where a question is named; each piece is read as that question's own answer."""

from __future__ import annotations

import os
import re
from functools import cache

from ..formats import Format
from ..formats.questions import Question
from ..parse import normalise, only_fillers
from .flow import Turn

# the questions a reply can answer by name: those whose answer is a row of numbers or an amount
_BY_NAME = ("row", "amount", "prefill")
_NUMBER = re.compile(r"\d|[零〇一二两三四五六七八九十]|无|没")
_LEADING_NUMBER = re.compile(r"\s*(?:\d|[零〇一二两三四五六七八九十])")


def names_of(fmt: Format, q: Question) -> frozenset[str]:
    """The words a person names a question by: its title and its parts (行政许可、处罚、强制 → 处罚), what it
    mentions, its table row's printed label (held per question: they are read on every answer)."""
    return _names_of(fmt, q)


@cache
def _names_of(fmt: Format, q: Question) -> frozenset[str]:
    words = {q.title, *q.mentions, *q.title.split("、")}
    if q.kind in _BY_NAME and q.table:
        table = fmt.table(q.table)
        for cell in q.cells:
            row = table.row(fmt.cell(cell).row)
            words.update(w for w in (row.label, row.short) if w)
        if len({fmt.cell(c).row for c in q.cells}) == len(q.cells):  # one cell a row: its labels name rows too
            words.update(q.labels)
            # and what tells them apart (许可 of 行政许可、行政处罚、行政强制), as a clerk shortens them
            shared = os.path.commonprefix(list(q.labels)) if len(q.labels) > 1 else ""
            words.update(label[len(shared):] for label in q.labels if shared and len(label) - len(shared) >= 2)
    return frozenset(normalise(w) for w in words if len(w) >= 2)


@cache
def _names(fmt: Format) -> tuple[tuple[str, str], ...]:
    """(word, code) for every word that names one question only, longest first."""
    owners: dict[str, set[str]] = {}
    for q in fmt.questions:
        if q.kind in _BY_NAME:
            for word in names_of(fmt, q):
                owners.setdefault(word, set()).add(q.code)
    unique = [(w, next(iter(c))) for w, c in owners.items() if len(c) == 1]
    return tuple(sorted(unique, key=lambda item: -len(item[0])))


def named_only(fmt: Format, text: str) -> str | None:
    """The code of the one question the words name by a name of its own (许可 → 2.3), None when they name none or
    several."""
    plain = normalise(text)
    codes = {code for word, code in _names(fmt) if word in plain}
    return next(iter(codes)) if len(codes) == 1 else None


def pieces(turn: Turn, text: str, current: str | None) -> list[tuple[str, str]]:
    """[(code, the piece of the reply that answers it)] when the reply names a question other than `current` or
    several; [] otherwise. Numbers after their names, or all before them (“0 0 0 规章”); a piece before the first
    name answers the current question."""
    plain = normalise(text)
    fmt = turn.fmt
    found: list[tuple[int, int, str]] = []
    taken = [False] * len(plain)
    for word, code in _names(fmt):
        if word not in plain:  # most names are not in a reply: a plain look first
            continue
        for m in re.finditer(re.escape(word), plain):
            if not any(taken[m.start():m.end()]):
                found.append((m.start(), m.end(), code))
                taken[m.start():m.end()] = [True] * (m.end() - m.start())
    found.sort()
    codes = list(dict.fromkeys(code for _, _, code in found))
    if not found or codes == [current]:
        return []
    before = plain[: found[0][0]]
    after_last = plain[found[-1][1]:]
    numbers_first = bool(_LEADING_NUMBER.match(before)) and not _NUMBER.search(after_last)
    out: list[tuple[str, str]] = []
    if numbers_first:
        start = 0
        for _begin, end, code in found:
            out.append((code, plain[start:end]))
            start = end
    else:
        starts = [_piece_start(plain, found[i - 1][1] if i else 0, begin) for i, (begin, _, _) in enumerate(found)]
        if not only_fillers(plain[: starts[0]]) and current:  # 那个 规范性文件…: no answer to the current one
            out.append((current, plain[: starts[0]]))
        for i, (_, _, code) in enumerate(found):
            stop = starts[i + 1] if i + 1 < len(found) else len(plain)
            out.append((code, plain[starts[i]:stop]))
    merged: list[tuple[str, str]] = []
    for code, piece in out:
        if merged and merged[-1][0] == code:
            merged[-1] = (code, merged[-1][1] + piece)
        else:
            merged.append((code, piece))
    return [(code, piece.strip(" ,，;；、。")) for code, piece in merged]


_SEPARATOR = re.compile(r"[\s,，;；、。]")


_DIGIT = re.compile(r"[\d零〇一二两三四五六七八九十]")


def _piece_start(text: str, after: int, name_at: int) -> int:
    """Where the piece of a name begins: a word just before it belongs to it (没有收费), up to a separator; numbers
    right before a name without a separator are the answer before it (许可2处罚0)."""
    gap = text[after:name_at]
    seps = [m.end() for m in _SEPARATOR.finditer(gap)]
    if seps:
        return after + seps[-1]
    return name_at if _DIGIT.search(gap) else after


# what joins a name to its numbers (规范性文件：2 0 3, 规范性文件是2 0 3, 规范性文件应该是2 0 3, 收费的话 0.5)
_LINK_AFTER_NAME = re.compile(r"^(?:的话)?[\s:：,，]*(?:应该是|应该为|应是|应为|是|为)?[\s:：,，]*(?=\S)")


def strip_own_name(fmt: Format, q: Question, text: str) -> str:
    """“规章0 0 0” and “0 0 0 规章” as “0 0 0”: the question's own name before or after its numbers."""
    plain = normalise(text)
    for word in sorted(names_of(fmt, q), key=len, reverse=True):
        if plain.startswith(word):
            return _LINK_AFTER_NAME.sub("", plain[len(word):])
        if plain.rstrip("。 ").endswith(word):
            return plain.rstrip("。 ")[: -len(word)].rstrip(" :：,，")
    return text
