"""Who wrote a report: the unit's name and kind from its title, its signature or contact line, and how its prose
names itself (我镇、我乡、我街道、本局).

The kinds are those of `bot.units.UNIT_KINDS`. A city (市) is a 县级市 — a county-level government, its departments
county-level ones — when it is one of the 县级市 of `bot.county_level_cities`; any other city is a 设区的市 — which may
make 规章 — unless its report speaks of its own townships (乡镇、镇（街道）) as a county-level city's does (a name not
in the list: misspelt, or a city made since). A district (区) or county (县) is a county-level government; a
development zone (舒城经济开发区, 武昌经开区管委会, 苏州工业园区) is a 开发区, though its prose says 我区 as a district's does.
"""

from __future__ import annotations

import re

from ..county_level_cities import COUNTY_LEVEL_CITIES
from ..units import TOWNSHIP_SELF_WORDS, UNIT_KINDS, core_name, guess_unit_kind, zone_key, zone_name

_GOVERNMENT_SUFFIXES = ("人民政府", "办事处", "政府")
_DEPARTMENT_END = re.compile(r"(?:局|委员会|委|办公室|办公厅|中心|厅|署|管理处|服务站)$")
# a level word ending a place's name; 市 in 市场监督管理局 or 城市管理局 is part of the department's (白城市 is a place)
_AREA = re.compile(r"(?:省|自治区|市(?!场|管理|综合|更新|建设|规划|运行)|自治州|州|盟|自治县|县|旗|区)")
_TOWNSHIPS_OF_ITS_OWN = re.compile(r"乡镇|镇（街道）|镇\(街道\)|镇街|各镇|县级市")
_SELF_WORDS = {
    **{word: kind for kind, word in TOWNSHIP_SELF_WORDS.items()},
    "本镇": "镇", "本乡": "乡", "本街道": "街道", "我街": "街道", "我局": "县级部门", "本局": "县级部门", "我县": "县级政府",
    "我区": "县级政府", "本县": "县级政府", "本区": "县级政府",
}
_UNIT_WORDS = r"[\u4e00-\u9fff]{2,24}?(?:人民政府|街道办事处|办事处|街道|镇|乡|局|委员会)"
# 请联系：荣华街道…; a township or 街道 named after its district's government is that township (请联系：硚口区人民政府宗关
# 街道办事处), not the government
_CONTACT = re.compile(rf"(?:请与|请向|可与|请联系|请致电|联系单位)[:：]?(?P<unit>{_UNIT_WORDS}"
                      r"(?:(?<=人民政府)[\u4e00-\u9fff]{2,8}?(?:街道办事处|办事处|街道|镇|乡))?)")
# a unit named in its own prose: 丰收乡在县委县政府的领导下 — a name of two to four characters and its kind, after a
# mark, an area's name or its government's (…区人民政府北京街道办事处认真贯彻落实…)
_SUBJECT_VERBS = (r"在|坚持|认真|严格|始终|高度|围绕|按照|深入|扎实|全面|紧紧|共|累计|主动|未|积极|通过|依法|结合|进一步|"
                  r"持续|不断|特|收到|受理")
_NAMED = re.compile(r"(?:^|[，。、；：,.;:\s（(]|[县区市旗]|年度?|政府)(?P<unit>[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))"
                    r"(?P<formal>办事处|人民政府)?(?=[^\u4e00-\u9fff]|" + _SUBJECT_VERBS + r"|政府|党委|人民)")
# a department named in its own prose by its level word only: 2025年，区农业农村局坚持… (its place is the site's)
_BARE_DEPARTMENT = re.compile(r"(?:^|[，。、；：,.;:\s]|年度?)(?P<unit>(?:区|县|市(?!场))[\u4e00-\u9fff]{2,8}?局)"
                              r"(?=" + _SUBJECT_VERBS + r")")
# a department named once in its own prose by its full name, opening a clause: 2022年，抚远市自然资源局不断强化…,
# 2025年，沙坪坝区卫生健康委员会主动及时公开…, a county of one character too (2023年度，洋县自然资源局共完成…), and an
# office under its district (2022年，二道区房屋征收工作管理办公室认真贯彻…)
# (a place of one character only before 县: 城区、市区、辖区 name no place)
_FULL_DEPARTMENT = re.compile(r"(?:^|[，。；：,.;:\s]|年度?)(?P<unit>(?:(?P<place>[\u4e00-\u9fff]{2,4}?)(?:市(?!场)|县|区|旗)"
                              r"|(?P<county>[\u4e00-\u9fff])县)"
                              r"(?:[\u4e00-\u9fff]{2,8}?(?:局|委员会)|[\u4e00-\u9fff]{2,12}?办公室))(?=" + _SUBJECT_VERBS + r")")
# a department by its level word, or a zone's committee, opening a paragraph after its year: the report speaking of
# itself (2025年，区城乡建设局聚焦中心工作…, 2024年，番禺经济技术开发区管委会坚持…)
_OPENING_UNIT = re.compile(r"(?:^|\n)\s*(?:(?:19|20)\d{2}\s*年(?:度|以来)?[，,]?\s*)?"
                           r"(?P<unit>(?:区|县|市(?!场))[\u4e00-\u9fff]{2,8}?局|[\u4e00-\u9fff]{2,16}?(?:管理委员会|管委会))")
# a clause opened by the report's word for itself names no unit (2022年，我局通过示范区管委会网站…: no 管委会 is the author)
_SELF_OPENINGS = ("我", "本")
_NOT_NAMES = ("城乡", "乡镇", "全乡", "全镇", "本乡", "本镇", "我乡", "我镇", "各乡", "各镇", "村镇", "集镇", "城镇", "街道",
              "本街道", "我街道", "全街道", "各街道")
# a department saying it made the report: 本年度报告……由江苏省公安厅编制 (a department's name ends the words before
# 编制; an office of a township's government, 由两城镇人民政府党政办公室编制, is not its name)
_COMPILED_BY = re.compile(r"由(?P<unit>[\u4e00-\u9fff]{2,24}?(?:局|厅|委员会))编制")
# 直辖市: their government is provincial, their offices provincial departments
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_SIGNATURE = re.compile(rf"^(?P<unit>{_UNIT_WORDS})$")
# a table's caption line naming who filled it in: 单位：东阳市自然资源和规划局 2023年度 (填报单位：…镇人民政府)
_CAPTION = re.compile(rf"^(?:填报|编制|报送)?单位[:：](?P<unit>{_UNIT_WORDS})(?:(?:19|20)\d{{2}}年度?)?$")


def kind_from_name(unit: str, prose: str = "") -> str | None:
    """The kind a unit's name announces: 册井镇人民政府 → 镇, 淮安市人民政府 → 设区的市政府, 龙亭区 → 县级政府,
    永清县教育局 → 县级部门, 舒城经济开发区管委会 → 开发区; None when the name does not say."""
    township = guess_unit_kind(unit)
    if township:
        return township
    name = _bare(unit)
    if not name:
        return None
    if name.endswith("街") and len(name) >= 3:  # 佳荣里街: a 街道 that names itself without 道
        return "街道"
    municipal = name.startswith(MUNICIPALITIES)
    if municipal and name in MUNICIPALITIES:
        return "省级政府"
    if _DEPARTMENT_END.search(name) and municipal and not re.search(r"[区县]", name[3:]):
        return "省级部门"
    if _DEPARTMENT_END.search(name):
        place, level = _last_place(name[: _DEPARTMENT_END.search(name).start()])
        if level in ("省", "自治区"):
            return "省级部门"
        if level in ("市", "自治州", "州", "盟") and place not in COUNTY_LEVEL_CITIES:
            return "市级部门"
        return "县级部门"
    if name.endswith(("自治县", "县", "旗", "区")) and not name.endswith("自治区"):
        return "县级政府"
    if name.endswith("市") and _last_place(name)[0] in COUNTY_LEVEL_CITIES:
        return "县级政府"
    if name.endswith(("市", "自治州", "州", "盟")):
        return "县级政府" if _TOWNSHIPS_OF_ITS_OWN.search(prose) else "设区的市政府"
    if name.endswith(("省", "自治区")):
        return "省级政府"
    return None


def _last_place(text: str) -> tuple[str, str]:
    """The last place a name's area part names, with its level word, and that word: 浙江省金华市东阳市 → (东阳市, 市),
    济南市市中区 → (中区, 区); ('', '') when it names none."""
    found = list(_AREA.finditer(text))
    if not found:
        return "", ""
    start = found[-2].end() if len(found) > 1 else 0
    return text[start: found[-1].end()], found[-1].group()


def unit_from_text(paragraphs: list[str], prose: str, captions: list[str] | None = None) -> str:
    """A unit named where the report signs (its last lines), above a table (单位：东阳市自然资源和规划局 2023年度)
    or gives its contact ("请与××镇党政办联系")."""
    for text in reversed(paragraphs[-4:]):
        match = _SIGNATURE.match(re.sub(r"\s+", "", text))
        if match:
            return match["unit"]
    for text in captions or []:
        match = _CAPTION.match(re.sub(r"\s+", "", text))
        if match:
            return match["unit"]
    match = _CONTACT.search(prose) or _COMPILED_BY.search(prose)
    if match:
        return match["unit"]
    return _named_in_prose(prose) or _department_named_in_prose(prose)


def _named_in_prose(prose: str) -> str:
    """The township or 街道 the prose speaks of as its subject: a name that recurs so, or the only name there is,
    given once by its formal name (官洲街道办事处认真贯彻落实…) or opening a paragraph (2025年，矿市街道深入…)."""
    found = [m for m in _NAMED.finditer(prose) if m["unit"] not in _NOT_NAMES and m["unit"][0] not in "年度"]
    names = [m["unit"] for m in found]
    if not names:
        return ""
    best = max(set(names), key=names.count)
    if names.count(best) >= 2:
        return _with_its_county(best, prose)
    if len(set(names)) == 1 and any(m["formal"] or _opens_a_paragraph(prose, m.start("unit")) for m in found):
        return _with_its_county(best, prose)
    return ""


def _with_its_county(name: str, prose: str) -> str:
    """The township's fuller name where a clause opens with it after its county (…，双柏县大麦地镇人民政府根据…)."""
    fuller = re.search(rf"(?:^|[，。；：,.;:\s])(?P<full>[\u4e00-\u9fff]{{2,3}}[县区市旗]{re.escape(name)}"
                       r"(?:人民政府|办事处)?)", prose)
    return fuller["full"] if fuller else name


# what may stand before the unit that opens a paragraph as its subject: the year it speaks of (2025年，矿市街道…)
_PARAGRAPH_LEAD = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年(?:度|以来)?[，,]?\s*)?")


def _opens_a_paragraph(prose: str, start: int) -> bool:
    """The name is the first thing a paragraph says, after its year at most: the report speaking of itself."""
    return _PARAGRAPH_LEAD.fullmatch(prose[prose.rfind("\n", 0, start) + 1: start]) is not None


def _department_named_in_prose(prose: str) -> str:
    """A department the prose names as its subject by its level word only, at least twice (区农业农村局坚持…), or
    by its full name, the only one so named (2022年，抚远市自然资源局不断强化…); else the only department or zone
    committee that opens a paragraph after its year (2025年，区城乡建设局聚焦…)."""
    names = [m["unit"] for m in _BARE_DEPARTMENT.finditer(prose)]
    best = max(set(names), key=names.count) if names else ""
    if best and names.count(best) >= 2 and len(set(names)) == 1:
        return best
    full = {m["unit"] for m in _FULL_DEPARTMENT.finditer(prose) if not _NOT_PLACE_CHARS.search(m["place"] or m["county"])}
    if len(full) == 1:
        return full.pop()
    opening = [m["unit"] for m in _OPENING_UNIT.finditer(prose)
               if (m["unit"].endswith("局") or zone_name(m["unit"])) and not m["unit"].startswith(_SELF_OPENINGS)]
    ones = {zone_key(name) or name for name in opening}  # a zone written short and long is one (番禺经开区管委会)
    return max(opening, key=len) if len(ones) == 1 else ""


def kind_from_self_words(unit: str, prose: str) -> str | None:
    """The kind the prose names itself with (我镇 …, or the unit's own name spelled with its kind: 柳园口乡)."""
    core = core_name(unit) if unit else ""
    votes: dict[str, int] = {}
    for word, kind in _SELF_WORDS.items():
        votes[kind] = votes.get(kind, 0) + prose.count(word)
    if core:
        for kind in TOWNSHIP_SELF_WORDS:
            votes[kind] = votes.get(kind, 0) + 2 * prose.count(core + kind)
    best, count = max(votes.items(), key=lambda kv: kv[1])
    return best if count else None


def unit_and_kind(unit: str, prose: str, signature: list[str] | None = None,
                  captions: list[str] | None = None) -> tuple[str, str]:
    """The unit's name and kind ('' when unknown). When the printed name lacks the kind (龙亭区柳园口人民政府) and
    the prose spells the unit with it (柳园口乡), the kind is appended so that the name and the kind agree."""
    signed = unit_from_text(signature or [], prose, captions)
    unit = _fuller(unit, signed) if unit else _strip_suffix(signed)
    unit = _with_its_area(unit, prose) if unit else _government_by_self_words(prose)
    kind = kind_from_name(unit, prose)
    if kind:
        return unit, kind
    kind = kind_from_self_words(unit, prose) or ""
    if kind in TOWNSHIP_SELF_WORDS and unit:
        base = _strip_suffix(unit)  # the kind goes before 人民政府: 龙亭区柳园口乡人民政府
        core = core_name(base)
        if base.endswith(core) and core + kind in prose:
            unit = base + kind + unit[len(base):]
    assert not kind or kind in UNIT_KINDS
    return unit, kind


def _bare(unit: str) -> str:
    return _strip_suffix(unit.strip())


def _strip_suffix(unit: str) -> str:
    for suffix in _GOVERNMENT_SUFFIXES:
        if unit.endswith(suffix) and len(unit) > len(suffix):
            return unit[: -len(suffix)]
    return unit


def _fuller(unit: str, signed: str) -> str:
    """The name the report signs or gives its contact with, when it is the title's name with its area in front
    (北坡镇 in the title, 遂溪县北坡镇党政综合办公室 in the contact line → 遂溪县北坡镇)."""
    bare, full = _strip_suffix(unit), _strip_suffix(signed)
    if len(full) > len(bare) and full.endswith(bare) and _LEVEL_END.search(full[: -len(bare)]):
        return full + unit[len(bare):]
    return unit


_LEVEL_END = re.compile(r"(?:省|自治区|市|自治州|州|盟|自治县|县|旗|区)$")
# a name printed with its level word only (区人民政府办公室, 县统计局): the place is to be found in the prose (市场监督管理局
# starts with a word, not with a level)
_BARE_LEVEL = re.compile(r"^(?P<level>区|县|市(?!场)|旗)(?=人民政府|政府|[\u4e00-\u9fff]{0,8}(?:局|委员会|办公室|中心)$)")
# self-words of a county-level government, and the level word its name ends with
_GOVERNMENT_SELF_WORDS = {"区": ("我区", "本区"), "县": ("我县", "本县")}
# words ending in a level character that are no place's name (全区, 社区, 城区 …), and characters no name holds; a
# compound such as 山区 or 湖区 needs no entry: its word before (贫困山区) does not vary, so it never recurs as a name
_NOT_PLACE_ENDS = frozenset("全本我各该此辖社城园景片小街新郊地校库矿灾学市县区农牧")
_NOT_PLACE_CHARS = re.compile(r"[我本全各该此其等及与的了在为对从]")


def _with_its_area(unit: str, prose: str) -> str:
    """A name that prints its level word without the place (区人民政府办公室) gets the place the prose names
    (硚口区): 硚口区人民政府办公室; so does a department's name without any place (住建局) that the prose prints
    with its place in front (2025年安阳县住建局…)."""
    bare = _BARE_LEVEL.match(unit)
    if not bare:
        placeless = _DEPARTMENT_END.search(unit) and not _AREA.search(unit) and not zone_name(unit)
        return (_place_printed_before(unit, prose, with_level=True) + unit) if placeless else unit
    place = area_named_in(prose, bare["level"])
    if place:
        return place[:-1] + unit
    return _place_printed_before(unit, prose, with_level=False) + unit


# what may stand right before a place's name in a sentence: a verb or a date (现公开天门市人民政府办公室…, 2025年安阳县…);
# a name holding one of these, or 现/公/请/特, is such words read as a name (现公布区统计局…: no 公布区)
_BEFORE_A_NAME = frozenset("开布将是由与对在为年向据照经")
_NOT_IN_A_NAME = _BEFORE_A_NAME | frozenset("现公请特")


def _place_printed_before(unit: str, prose: str, with_level: bool) -> str:
    """The one place the prose prints right before the full name `unit` ('' when none or several): 天门 before
    市人民政府办公室 (with_level=False: the name holds its level word), 安阳县 before 住建局 (with_level=True). A place
    of three characters must open its clause; one of two may follow a verb or a date too."""
    found = set()
    for match in re.finditer(re.escape(unit), prose):
        head, level = prose[: match.start()], ""
        if with_level:
            if not head or not _LEVEL_END.search(head) or head.endswith(("自治区", "省")):
                continue
            head, level = head[:-1], head[-1]
        for size in (3, 2):
            name, left = head[-size:], head[-size - 1: -size] if len(head) > size else ""
            if len(name) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or _NOT_PLACE_CHARS.search(name) \
                    or _NOT_IN_A_NAME.intersection(name):
                continue
            if not re.match(r"[\u4e00-\u9fff]", left) or (size == 2 and left in _BEFORE_A_NAME):
                found.add(name + level)
                break
    return found.pop() if len(found) == 1 else ""


def _government_by_self_words(prose: str) -> str:
    """A report without a title whose prose speaks as a district, county or city government (我区) and names one
    such government by its full name (城中区人民政府): that government. A township's or a department's prose names
    its county the same way, but speaks of itself as 我镇 or 本局, so its self-words do not agree."""
    if kind_from_self_words("", prose) != "县级政府":
        return ""
    counts = {level: sum(prose.count(w) for w in words) for level, words in _GOVERNMENT_SELF_WORDS.items()}
    level, count = max(counts.items(), key=lambda kv: kv[1])
    place = area_named_in(prose, level, formal=True) if count else ""
    return place + "人民政府" if place else ""


def area_named_in(prose: str, level: str, formal: bool = False) -> str:
    """The place of `level` (区, 县, 市) the prose names by its own name, e.g. 硚口区; '' when none or several.

    A name of two or three characters before the level word counts when it recurs after different words (so it is a
    word of its own, not the end of a longer phrase: 公布硚口区…, 公开硚口区…), or when it starts a sentence or
    clause as the government's full name (，城中区人民政府…, not its office's). `formal`: only the second kind, else
    only the first."""
    seen: dict[str, list[str]] = {}
    formal_names: set[str] = set()
    for match in re.finditer(level, prose):
        for size in (2, 3):
            start = match.start() - size
            name = prose[start: match.start()] if start >= 0 else ""
            if not name or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or _NOT_PLACE_CHARS.search(name) \
                    or name[-1] in _NOT_PLACE_ENDS:
                continue
            left = prose[start - 1] if start > 0 else ""
            seen.setdefault(name, []).append(left)
            government = prose.startswith("人民政府", match.end()) and not prose.startswith("办公室", match.end() + 4)
            if government and not re.match(r"[\u4e00-\u9fff]", left):
                formal_names.add(name)
    recurring = {n for n, lefts in seen.items() if len(lefts) >= 2 and len(set(lefts)) >= 2}
    names = formal_names if formal else recurring
    names = {n for n in names if not any(o != n and o.endswith(n) for o in names)}  # 城中 within 西城中: the longer
    return next(iter(names)) + level if len(names) == 1 else ""
