"""Compact JSON text of plain data (reports, conversation states, replies) as it is stored.

orjson writes it five times faster than the standard library, which was a tenth of a clerk's message. Reading
goes through orjson too, unless it read a number inexactly (an integer over 64 bits).

The large texts a message reads and writes (its report, the conversation state) go to and from SQLite as UTF-8
bytes (`dumps_bytes`, `loads` of bytes): as Python text each was decoded from UTF-8 and encoded back again on the
way, which cost as much as parsing it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

# as the standard library: keys that are not text become text, and a date or a dataclass is refused, not written
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS
_EXACT_LIMIT = 2**63  # orjson reads an integer beyond 64 bits as a float: no float this large is taken as read


def dumps(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    """`value` as compact JSON text, non-ASCII characters as they are; `default` turns what JSON has no type for
    (a Decimal) into what it has."""
    try:
        return orjson.dumps(value, default=default, option=_OPTIONS).decode("utf-8")
    except TypeError:  # what orjson cannot write exactly (an integer over 64 bits, a lone surrogate) or at all
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)


def dumps_bytes(value: Any, default: Callable[[Any], Any] | None = None) -> bytes:
    """`dumps` as UTF-8 bytes, without ever making them Python text."""
    return written(value, default)[0]


def written(value: Any, default: Callable[[Any], Any] | None = None) -> tuple[bytes, bool]:
    """`dumps_bytes`, and whether orjson wrote them: bytes it wrote `loads_written` reads back exactly, without the
    look for long integers `loads` makes (orjson writes no integer beyond 64 bits: it refuses one, and the standard
    library writes it then)."""
    try:
        return orjson.dumps(value, default=default, option=_OPTIONS), True
    except TypeError:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)
        try:
            return text.encode("utf-8"), False
        except UnicodeEncodeError:  # a lone surrogate has no UTF-8: escaped, it reads back as it was
            return json.dumps(value, separators=(",", ":"), default=default).encode("ascii"), False


def loads_written(text: bytes) -> Any:
    """The value of bytes `written` says orjson wrote: read by orjson alone, as exactly as `loads` reads them
    (orjson reads every integer it writes exactly, and a float as the standard library does). Looking for a long
    integer in a conversation state was a hundredth of a clerk's message."""
    return orjson.loads(text)


def loads(text: str | bytes) -> Any:
    """The value of JSON text (or its UTF-8 bytes), every number exact."""
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:  # what only the standard library reads (NaN, Infinity): as it always did
        return json.loads(text)
    inexact = _long_integer_in(text) if type(text) is bytes else _maybe_inexact(value)
    return json.loads(text) if inexact else value


def _long_integer_in(text: bytes) -> bool:
    """Whether the bytes hold a run of 19 digits: only an integer that long can read otherwise than the standard
    library reads it (orjson reads any from -2**63 to 2**64 exactly; a float it reads as the standard library does).
    Looked for in C: walking the value was a tenth of reading a report."""
    return _NINETEEN_DIGITS in text.translate(_EVERY_DIGIT_AS_ZERO)


_EVERY_DIGIT_AS_ZERO = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_NINETEEN_DIGITS = b"0" * 19


def _maybe_inexact(value: Any) -> bool:
    pending = [value]
    while pending:
        items = pending.pop()
        values = items.values() if type(items) is dict else items if type(items) is list else (items,)
        # a long run of plain values (a report's 200-odd cells) is passed over by its types, found in C
        if len(values) > _SHORT and set(map(type, values)).isdisjoint(_NOT_PLAIN):
            continue
        for item in values:
            kind = type(item)
            if kind is float and abs(item) >= _EXACT_LIMIT:
                return True
            if kind is dict or kind is list:
                pending.append(item)
    return False


_SHORT = 8
_NOT_PLAIN = frozenset({float, dict, list})
