"""Bytes orjson wrote (`jsontext.written` says so) are read back by orjson alone (`loads_written`), without the look
for long integers: whatever the value, that reads exactly what `loads` reads, to the type of every number."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot import jsontext

_NUMBERS = st.one_of(
    st.integers(),  # beyond 64 bits too: orjson refuses to write those
    st.integers(min_value=-(2**63), max_value=2**64 - 1),
    st.sampled_from([2**63, 2**64 - 1, 2**64, -(2**63), -(2**63) - 1, 10**19, 10**18]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e19, 1.5e300, 1234567890123456789.0, -0.0, 5e-324]),
)
_TEXTS = st.one_of(st.text(), st.from_regex(r"[0-9 ]{15,25}", fullmatch=True), st.sampled_from(["\ud800", "甲1234567890123456789"]))
_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), _NUMBERS, _TEXTS),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_TEXTS, inner, max_size=4)),
    max_leaves=20,
)


def _typed(value: Any) -> Any:
    """The value with the type of every number kept, so that 1 and 1.0 (or True and 1) differ; NaN as a word."""
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


@settings(max_examples=400, deadline=None)
@given(_VALUES)
def test_what_orjson_wrote_orjson_alone_reads_as_loads_reads_it(value: Any) -> None:
    text, by_orjson = jsontext.written(value)
    assert text == jsontext.dumps_bytes(value)
    if by_orjson:
        assert _typed(jsontext.loads_written(text)) == _typed(jsontext.loads(text))


def test_a_value_only_the_standard_library_writes_is_not_said_to_be_orjsons() -> None:
    for value in ({"n": 2**64}, {"n": -(2**63) - 1}, {"s": "\ud800"}, {1: [10**30]}):
        text, by_orjson = jsontext.written(value)
        assert not by_orjson and jsontext.loads(text) == ({"1": [10**30]} if 1 in value else value)
    text, by_orjson = jsontext.written({"n": [2**64 - 1, -(2**63)], "id": "1234567890123456789"})
    assert by_orjson and jsontext.loads_written(text) == {"n": [2**64 - 1, -(2**63)], "id": "1234567890123456789"}
