"""Kinds of reporting units and what follows from the kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .county_level_cities import COUNTY_LEVEL_CITIES


@dataclass(frozen=True)
class UnitKind:
    name: str
    self_word: str  # how the unit names itself in prose: 我乡, 我镇, 我街道 …
    makes_regulations: bool  # only these may report 规章 (R7)
    people_government: bool  # 人民政府: 监督保障 also covers 考核、评议、责任追究
    department: bool = False  # a 局, 委, 办 …: names itself as its name ends (我委, 我办), not by its kind's word
    # what a clerk of this kind says for the unit and its report does not print: a zone's committee is tempted to say
    # 我委 as a department's does; published zones' reports say 我区 (舒城经济开发区 2025: 「我区持续健全…」), and a 我委
    # among them reads as a bureau's text (巫溪工业园区管委会 2025: 「我委严格落实“三审三校”制度」). R13 flags it in a
    # final text; the drafting writes the self-word for it in the clerk's notes
    said_for_self: tuple[str, ...] = ()


ZONE_KIND = "开发区"  # a development zone's 管理委员会
UNIT_KINDS = {
    k.name: k
    for k in (
        UnitKind("乡", "我乡", False, True),
        UnitKind("镇", "我镇", False, True),
        UnitKind("街道", "我街道", False, True),
        UnitKind("县级部门", "我局", False, False, department=True),
        UnitKind("县级政府", "我县", False, True),
        UnitKind("市级部门", "我局", False, False, department=True),
        UnitKind("设区的市政府", "我市", True, True),
        UnitKind("省级部门", "我厅", False, False, department=True),
        UnitKind("省级政府", "我省", True, True),
        UnitKind("国务院部门", "我部", True, False, department=True),
        # a development zone's 管理委员会 (经济技术开发区、高新区、工业园区): its reports speak as 我区 (a 管理委员会 is
        # no 我委 there); it is its government's agency, no 人民政府 itself, so the format's 考核、评议、责任追究 results
        # (条例 第五十条第四项: 各级人民政府) are not asked of it
        UnitKind(ZONE_KIND, "我区", False, False, said_for_self=("我委",)),
    )
}
# the three kinds a township-level prose can confuse with each other (R13)
TOWNSHIP_SELF_WORDS = {"乡": "我乡", "镇": "我镇", "街道": "我街道"}


# a department names itself by what it is called (卫生健康委员会 → 我委, 政府办公室 → 我办), not by its kind's default
_DEPARTMENT_SELF_WORDS = (("委员会", "我委"), ("办公室", "我办"), ("中心", "我中心"), ("局", "我局"), ("委", "我委"),
                          ("办", "我办"), ("厅", "我厅"), ("署", "我署"), ("部", "我部"))


def self_word_of(kind: UnitKind, unit_name: str) -> str:
    """How this unit names itself in prose: its kind's word (我乡, 我镇, 我县), or for a department the word its
    name ends with (示范县卫生健康委员会 → 我委, 示范县人民政府办公室 → 我办, 示范县教育局 → 我局)."""
    if not kind.department:
        return kind.self_word
    name = unit_name.strip().rstrip("）)")
    name = name[: name.rfind("（")] if "（" in name else name
    return next((word for suffix, word in _DEPARTMENT_SELF_WORDS if name.endswith(suffix)), kind.self_word)


@cache
def self_word_pattern(word: str) -> re.Pattern[str]:
    """Where a text says the self-word `word`: 我乡镇 is generic, no 我乡; 我委托 is 我 (rare in a report) and a verb, no
    我委; 我委员会 would be fixed to 我区员会."""
    return re.compile(re.escape(word) + {"我乡": "(?!镇)", "我委": "(?![托员])"}.get(word, ""))


def unit_kind(name: str) -> UnitKind | None:
    return UNIT_KINDS.get(name)


# a development zone or new area (武昌经开区, 两江新区): its committee (管理委员会, 管委会) files the zone's report; a
# park is one too, named without 区 (苏银产业园管理委员会, 五华科技产业园管委会, 郯城高科技电子产业园) — 园 alone is not
# (花园, 公园, 幼儿园), nor a park's company (…产业园有限公司, …产业园运营中心), which ends otherwise
ZONE_END = re.compile(r"(?:开发区|经开区|高新区|新区|园区|示范区|合作区|实验区|产业园|工业园)$")
_ZONE_COMMITTEES = ("管理委员会", "管委会")
# a 新区 named without its committee may be a district with a government of its own (浦东新区, 滨海新区)
_A_DISTRICTS_NAME = re.compile(r"(?<!高)新区$")


# a place a unit's name may begin with: 河南省, 开封市, 龙亭区, 延津县, 鄂伦春自治旗 … — a 州 or 省 followed by a level
# is part of the name (杭州市, 通州区), not a place of its own
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:自治州|自治县|自治旗|特区|林区|地区|省|州|盟|市|县|区|旗)(?![市县区旗])")


def places_of(name: str) -> tuple[str, ...]:
    """The places a name begins with, outermost first: 开封市龙亭区柳园口乡 → (开封市, 龙亭区); 胡集乡 → (); a
    development zone is no place of its own: its name does not say which county it lies in (武昌经开区管委会 → ())."""
    out: list[str] = []
    rest = "".join(name.split())
    while (m := _PLACE.match(rest)) and len(rest) > m.end():
        if not ZONE_END.search(m.group()):
            out.append(m.group())
        rest = rest[m.end():]
    return tuple(out)


def zone_name(unit_name: str) -> str:
    """The development zone a committee's name stands for: 舒城经济开发区管委会 → 舒城经济开发区, 舒城经济开发区 →
    itself; '' for any other unit (浦东新区 is a district; 区发展和改革委员会 no zone)."""
    name = "".join(unit_name.split())
    for committee in _ZONE_COMMITTEES:
        if name.endswith(committee) and ZONE_END.search(name[: -len(committee)]):
            return name[: -len(committee)]
    by_itself = ZONE_END.search(name) and not _A_DISTRICTS_NAME.search(name) and len(name) > 3
    return name if by_itself else ""


# the zones called by a short word for their kind (武昌经开区, 番禺经开区管委会, 合肥高新区) and the long words it
# stands for, as zones' own reports write both (番禺经济技术开发区管委会 … 番禺经开区管委会); a 国家 before the long word
# (合肥国家高新技术产业开发区) is no part of the place. A place's 开发区 alone is its 经济开发区 (舒城开发区 for
# 舒城县经济开发区管委会), which is why the 高新区 is read first: 合肥高新技术产业开发区 ends in 开发区 too. A word of
# another kind before 开发区 stays in the place (舒城县工业开发区 → 舒城县工业经开区): no other zone is found by it.
ZONE_SHORT_KINDS = {
    "高新区": ("高新区", "高新技术产业开发区", "高新技术开发区", "高新技术产业园区", "高新开发区"),
    "经开区": ("经开区", "经济技术开发区", "经济开发区", "开发区"),
}
_BARE_KIND = "开发区"  # a 开发区 said without its kind: read last, and not after another kind's word
_SHORT_KIND_AT_END = {
    short: re.compile(rf"(?P<level>县|市|区)?(?:国家级?)?(?P<kind>{'|'.join(sorted(written, key=len, reverse=True))})$")
    for short, written in ZONE_SHORT_KINDS.items()
}


# the words of another kind of zone before a bare 开发区: 舒城县工业开发区 is no 舒城县经济开发区
_OTHER_KIND_BEFORE = re.compile(r"(?:工业|农业|科技|旅游|综合|技术|产业|生态|文化|物流|化工|商贸)$")


def _zone_place(zone: str) -> tuple[str, str, str]:
    """(the place a zone is named after, its level word or '', the short word of its kind) when the zone is one
    called short: 舒城县经济开发区 → (舒城, 县, 经开区); ('', '', '') for any other zone. The county or city named
    before a place of its own is no part of it (舒城县杭埠经济开发区 is 杭埠经开区, 安徽省舒城经开区 舒城经开区)."""
    for short, at_end in _SHORT_KIND_AT_END.items():
        if m := at_end.search(zone):
            place = zone[: m.start()]
            if m.group("kind") == _BARE_KIND and _OTHER_KIND_BEFORE.search(place):
                return "", "", ""
            local = place[sum(map(len, places_of(place))):]
            return (local if len(local) >= 2 else place), m.group("level") or "", short
    return "", "", ""


def zone_key(unit_name: str) -> str:
    """The zone a name stands for, however its kind is written: 舒城经济开发区管委会, 舒城经济技术开发区 and 舒城县经开区
    → 舒城经开区; 合肥高新技术产业开发区管委会 → 合肥高新区; any other zone by its name (两江新区); '' for no zone, or a
    zone named by its kind alone (经济开发区管委会: any county's)."""
    zone = zone_name(unit_name)
    place, level, short = _zone_place(zone)
    if not short:
        return zone if zone and len(ZONE_END.split(zone)[0]) >= 2 else ""
    if len(place) >= 2:
        return place + short  # the county's level word dropped, as people say it (舒城县经开区 → 舒城经开区)
    return place + level + short if place else ""


def same_zone(name: str, other: str) -> bool:
    """Whether two names stand for one zone, its kind written short or long: 舒城经开区 and 舒城经济开发区管委会,
    合肥高新区 and 合肥高新技术产业开发区管委会 (a district, 浦东新区, is no zone: it names none)."""
    key = zone_key(name)
    return bool(key) and key == zone_key(other)


def zone_forms(unit_name: str) -> tuple[str, ...]:
    """How a text writes the zone a committee's name stands for: its name with any of its kind's usual words, with
    or without its county's level word, and with or without its committee (舒城县经济开发区管委会 → 舒城县经济开发区, 舒城经开区,
    舒城经济技术开发区管理委员会 …); () for no zone, or one named by its kind alone. A 新区 only with its committee:
    by itself it is its district's name too (浦东新区), which its towns and streets write of themselves."""
    zone = zone_name(unit_name)
    key = zone_key(unit_name)
    if not key:
        return ()
    zones = {zone}
    place, level, short = _zone_place(zone)
    if short:
        # the place with its level word and without (a name registered without it may be written with its county's,
        # 县, 市 or 区: 舒城经开区 as 舒城县经济开发区)
        places = {place, *((place + level,) if level else (place + "县", place + "市", place + "区"))}
        zones.update(p + kind for p in places if len(p) >= 2 for kind in ZONE_SHORT_KINDS[short])
    committees = ("管委会", "管理委员会") if _A_DISTRICTS_NAME.search(zone) else ("", "管委会", "管理委员会")
    return tuple(sorted(z + c for z in zones for c in committees))


def guess_unit_kind(unit_name: str) -> str | None:
    """The kind a unit's own name announces: 册井镇人民政府 → 镇, 舒城经济开发区管委会 → 开发区; None when the name
    does not say."""
    name = unit_name.strip()
    if zone_name(name):
        return ZONE_KIND
    for suffix in ("人民政府", "办事处", "政府"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    if name.endswith("街道"):
        return "街道"
    if name.endswith("镇"):
        return "镇"
    if name.endswith("乡"):
        return "乡"
    return None


def core_name(unit_name: str) -> str:
    """The distinctive part of a unit's name: 永清县刘街乡 → 刘街, 延津县塔铺街道办事处 → 塔铺; a zone's whole name
    (舒城县经济开发区管委会 → 舒城县经济开发区: 经济开发区 alone is any county's)."""
    name = unit_name.strip()
    if zone := zone_name(name):
        return zone
    for suffix in ("人民政府", "办事处", "政府"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    for suffix in ("街道", "镇", "乡"):
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    for marker in ("自治县", "县", "区", "市", "旗"):
        idx = name.rfind(marker)
        if 0 < idx < len(name) - 2:
            return name[idx + len(marker):]
    return name


_COUNTY_LEVEL_END = ("县", "区", "旗")


def place_of_level(level: str, unit_name: str, area: str = "") -> str:
    """The unit's place of the level a clerk says (县里, 区里, 市里 → 县, 区, 市): its county-level place (the county,
    district, banner or 县级市 its name or its `area` names) for 县 and 区 alike, its city for 市; '' when neither says."""
    # the area's places, then the unit's own name's, which speaks for it last (之: any name after the area's)
    places = [*(places_of(area + "之") or ((area,) if area else ())), *places_of(unit_name)]
    if level == "市":
        cities = [p for p in places if p.endswith("市")]
        return cities[-1] if cities else ""
    county = [p for p in places if p.endswith(_COUNTY_LEVEL_END) and not ZONE_END.search(p)
              or p in COUNTY_LEVEL_CITIES]
    return county[-1] if county else ""
