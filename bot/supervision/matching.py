"""Finding a unit by what a supervisor types: 柳园口 finds 龙亭区柳园口乡人民政府.

Forgiving about what a name leaves out (the county in front, 人民政府 behind), strict about what it says: a kind
typed (青山镇, 县政府, 教育局) must be the unit's kind, so 青山镇 never quietly opens 青山乡 — that one is only
offered as a candidate; a place typed in front (乙县刘街乡) must be the unit's own place (its name or its area), so
a supervisor of 甲县 never acts on 甲县刘街乡 when they named 乙县's.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from ..units import core_name, guess_unit_kind, same_zone, zone_key
from .area import UnitStatus, short_name, strip_suffix

_STAGES: tuple[Callable[[str, str], bool], ...] = (
    lambda q, name: q == name,
    lambda q, name: strip_suffix(q) == strip_suffix(name),
    lambda q, name: core_name(q) == core_name(name),
    lambda q, name: same_zone(q, name),
    lambda q, name: strip_suffix(q) in name or strip_suffix(name) in q or _within_zone(q, name),
)
_STRICT_STAGES = 4  # the stages that say a text is a unit's name: all but the substring


def _within_zone(query: str, name: str) -> bool:
    """Part of a zone's name typed with its kind written otherwise: 舒城经开区 in 安徽舒城经济开发区管委会."""
    key, unit_key = zone_key(query), zone_key(name)
    return bool(key and unit_key) and (key in unit_key or unit_key in key)


# the endings that say what kind of body a name is, longest first (委员会 before 委)
_BODY_ENDINGS = ("委员会", "中心", "局", "委", "办", "院", "所", "队", "站", "厅", "部", "会")
_GOVERNMENT = "政府"  # 人民政府 and 政府 are one kind: 县政府 finds 示范县人民政府


def name_kind(name: str) -> str | None:
    """The kind a name announces: 乡/镇/街道 for townships, 政府 for a people's government, 局/委/办 … for a
    department; None when it says none (柳园口, 青山)."""
    township = guess_unit_kind(name)
    if township:
        return township
    if name.endswith(_GOVERNMENT):
        return _GOVERNMENT
    return next((e for e in _BODY_ENDINGS if name.endswith(e)), None)


def _same_kind(query_kind: str | None, unit: UnitStatus) -> bool:
    unit_kind = name_kind(unit.unit)
    return query_kind is None or unit_kind is None or unit_kind == query_kind


def place_prefix(name: str) -> str:
    """The county, district or city a name puts in front of the unit's own name: 乙县刘街乡 → 乙县; '' for none."""
    base = strip_suffix(name)
    core = core_name(name)
    at = base.rfind(core) if core else -1
    return base[:at] if at > 0 else ""


def _same_place(query_place: str, unit: UnitStatus) -> bool:
    """A place typed must be where the unit is: in front of its name, or its area (刘街乡 of area 甲县)."""
    return not query_place or query_place in f"{unit.area or ''}|{place_prefix(unit.unit)}"


def match_unit(name: str, units: Sequence[UnitStatus], strict: bool = False) -> UnitStatus | list[UnitStatus]:
    """The unit `name` means; several candidates when it is ambiguous; [] when nothing matches.

    Tries, in order: the exact name, the name without 人民政府/办事处, the core name, the zone however its kind is
    written (舒城经开区 for 舒城经济开发区管委会), then a substring. The first
    stage with any match decides, so an exact name is never reported ambiguous because of a longer one. Only units
    of the kind the name announces, and of the place it names in front, are considered. `strict`: no substring stage
    (is this text a unit's name?).
    """
    query = "".join(name.split())
    if not query:
        return []
    kind, place = name_kind(query), place_prefix(query)
    candidates = [u for u in units if _same_kind(kind, u) and _same_place(place, u)]
    for stage in _STAGES[:_STRICT_STAGES] if strict else _STAGES:
        found = [u for u in candidates if stage(query, u.unit)]
        if len(found) == 1:
            return found[0]
        if found:
            return found
    return []


def suggest_units(name: str, units: Sequence[UnitStatus], limit: int = 5) -> list[UnitStatus]:
    """Units whose names look like `name` (for "您是否要找…"), best first; the same place with another kind
    (青山乡 for 青山镇) comes first."""
    query = strip_suffix("".join(name.split()))
    scored = []
    for u in units:
        keys = (strip_suffix(u.unit), short_name(u.unit), core_name(u.unit))
        score = max(difflib.SequenceMatcher(None, query, k).ratio() for k in keys)
        if core_name(query) == core_name(u.unit) or same_zone(query, u.unit):
            score = 1.0
        if score >= 0.4:
            scored.append((score, u.unit, u))
    scored.sort(key=lambda t: (-t[0], t[1]))
    return [u for _, _, u in scored[:limit]]
