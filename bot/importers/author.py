"""Who wrote a report: the unit's name and kind from its title, its signature or contact line, and how its prose
names itself (我镇、我乡、我街道、本局).

The kinds are those of `bot.units.UNIT_KINDS`. A city (市) is a 设区的市 — which may make 规章 — unless its report
speaks of its own townships (乡镇、镇（街道）) as a county-level city's does; a district (区) or county (县) is a
county-level government.
"""

from __future__ import annotations

import re

from ..units import TOWNSHIP_SELF_WORDS, UNIT_KINDS, core_name, guess_unit_kind

_GOVERNMENT_SUFFIXES = ("人民政府", "办事处", "政府")
_DEPARTMENT_END = re.compile(r"(?:局|委员会|委|办公室|办公厅|中心|厅|署|管理处|服务站)$")
_AREA = re.compile(r"(?:省|自治区|市|自治州|州|盟|自治县|县|旗|区)")
_TOWNSHIPS_OF_ITS_OWN = re.compile(r"乡镇|镇（街道）|镇\(街道\)|镇街|各镇|县级市")
_SELF_WORDS = {
    **{word: kind for kind, word in TOWNSHIP_SELF_WORDS.items()},
    "本镇": "镇", "本乡": "乡", "本街道": "街道", "我局": "县级部门", "本局": "县级部门", "我县": "县级政府",
    "我区": "县级政府", "本县": "县级政府", "本区": "县级政府",
}
_UNIT_WORDS = r"[\u4e00-\u9fff]{2,24}?(?:人民政府|街道办事处|办事处|街道|镇|乡|局|委员会)"
_CONTACT = re.compile(rf"(?:请与|请向|请联系|请致电|联系单位[:：]?)(?P<unit>{_UNIT_WORDS})")
# a unit named in its own prose: 丰收乡在县委县政府的领导下 — a name of two to four characters and its kind, after a
# mark or an area's name
_NAMED = re.compile(r"(?:^|[，。、；：,.;:\s（(]|[县区市旗])(?P<unit>[\u4e00-\u9fff]{2,4}?(?:街道|镇|乡))(?=[^\u4e00-\u9fff]|"
                    r"在|坚持|认真|严格|始终|高度|围绕|按照|深入|扎实|全面|紧紧|共|累计|主动|未|政府|党委|人民)")
_NOT_NAMES = ("城乡", "乡镇", "全乡", "全镇", "本乡", "本镇", "我乡", "我镇", "各乡", "各镇", "村镇", "集镇", "城镇", "街道",
              "本街道", "我街道", "全街道", "各街道")
# 直辖市: their government is provincial, their offices provincial departments
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_SIGNATURE = re.compile(rf"^(?P<unit>{_UNIT_WORDS})$")


def kind_from_name(unit: str, prose: str = "") -> str | None:
    """The kind a unit's name announces: 册井镇人民政府 → 镇, 淮安市人民政府 → 设区的市政府, 龙亭区 → 县级政府,
    永清县教育局 → 县级部门; None when the name does not say."""
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
        areas = _AREA.findall(name[: _DEPARTMENT_END.search(name).start()])
        level = areas[-1] if areas else ""
        if level in ("省", "自治区"):
            return "省级部门"
        if level in ("市", "自治州", "州", "盟"):
            return "市级部门"
        return "县级部门"
    if name.endswith(("自治县", "县", "旗", "区")) and not name.endswith("自治区"):
        return "县级政府"
    if name.endswith(("市", "自治州", "州", "盟")):
        return "县级政府" if _TOWNSHIPS_OF_ITS_OWN.search(prose) else "设区的市政府"
    if name.endswith(("省", "自治区")):
        return "省级政府"
    return None


def unit_from_text(paragraphs: list[str], prose: str) -> str:
    """A unit named where the report signs (its last lines) or gives its contact ("请与××镇党政办联系")."""
    for text in reversed(paragraphs[-4:]):
        match = _SIGNATURE.match(re.sub(r"\s+", "", text))
        if match:
            return match["unit"]
    match = _CONTACT.search(prose)
    if match:
        return match["unit"]
    names = [m["unit"] for m in _NAMED.finditer(prose) if m["unit"] not in _NOT_NAMES]
    if names:
        best = max(set(names), key=names.count)
        if names.count(best) >= 2:
            return best
    return ""


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


def unit_and_kind(unit: str, prose: str, signature: list[str] | None = None) -> tuple[str, str]:
    """The unit's name and kind ('' when unknown). When the printed name lacks the kind (龙亭区柳园口人民政府) and
    the prose spells the unit with it (柳园口乡), the kind is appended so that the name and the kind agree."""
    if not unit:
        unit = _strip_suffix(unit_from_text(signature or [], prose))
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
