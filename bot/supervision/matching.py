"""Finding a unit by what a supervisor types: 柳园口 finds 龙亭区柳园口乡人民政府."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from ..units import core_name
from .area import UnitStatus, short_name, strip_suffix

_STAGES: tuple[Callable[[str, str], bool], ...] = (
    lambda q, name: q == name,
    lambda q, name: strip_suffix(q) == strip_suffix(name),
    lambda q, name: core_name(q) == core_name(name),
    lambda q, name: strip_suffix(q) in name or strip_suffix(name) in q,
)


def match_unit(name: str, units: Sequence[UnitStatus]) -> UnitStatus | list[UnitStatus]:
    """The unit `name` means; several candidates when it is ambiguous; [] when nothing matches.

    Tries, in order: the exact name, the name without 人民政府/办事处, the core name, then a substring. The first
    stage with any match decides, so an exact name is never reported ambiguous because of a longer one.
    """
    query = "".join(name.split())
    if not query:
        return []
    for stage in _STAGES:
        found = [u for u in units if stage(query, u.unit)]
        if len(found) == 1:
            return found[0]
        if found:
            return found
    return []


def suggest_units(name: str, units: Sequence[UnitStatus], limit: int = 5) -> list[UnitStatus]:
    """Units whose names look like `name` (for "您是不是要找…"), best first."""
    query = strip_suffix("".join(name.split()))
    scored = []
    for u in units:
        keys = (strip_suffix(u.unit), short_name(u.unit), core_name(u.unit))
        score = max(difflib.SequenceMatcher(None, query, k).ratio() for k in keys)
        if score >= 0.4:
            scored.append((score, u.unit, u))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [u for _, _, u in scored[:limit]]
