"""The names of an area's units, compiled once into one matcher (R13), and the places a unit belongs to.

An area of 20,000 units must not cost 20,000 `str.find` per prose slot: `AreaNames` puts every form of every name
(龙亭区柳园口乡人民政府, 龙亭区柳园口乡, 柳园口乡, 柳园口镇 …) into one Aho–Corasick automaton (pyahocorasick), built
once per area and reused for every report and every answer; a text is scanned once for all of them.

Which forms count: a township (乡, 镇, 街道) is named by its full name, without 人民政府/办事处, without its county, and by
its core with any township ending (柳园口乡, 柳园口镇, 塔铺街道, 塔铺办事处) — never by the bare core (黄河路 is also a
road) unless an account word follows it: a public account is named by the core (柳园口发布, 塔铺政务). A development
zone's committee by its zone's name, its kind written short or long (舒城经开区, 舒城经济开发区管理委员会); a zone and the
township it is named after (杭埠经开区, 杭埠镇) are no other unit to each other: it lies there. Any other unit
(a bureau, a county government) only by its full name: 县教育局 alone is no copied text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ..units import ZONE_KIND, core_name, guess_unit_kind, places_of, same_zone, zone_forms, zone_name

_GOVERNMENT_SUFFIXES = ("人民政府", "办事处", "政府")
_TOWNSHIP_ENDINGS = ("乡", "镇", "街道", "办事处")  # 柳园口乡人民政府 is found as 柳园口乡
# what follows a township's name, or its bare core, when it names a public account: 城关镇公众号, 城关之声 by
# themselves; 城关发布, 城关政务 only before an account word or a closing quote (城关镇政务公开, 城关镇发布信息 are no
# account: the township itself, left to the other checks)
ACCOUNT_NAMES = ("微信公众号", "公众号", "视频号", "微博", "头条号", "抖音号", "之声")
ACCOUNT_BRANDS = ("微政务", "政务", "发布", "在线", "融媒")
ACCOUNT_WORDS = ACCOUNT_NAMES + ACCOUNT_BRANDS
_ACCOUNT_AFTER = re.compile(r"[”」》\"]|(?:微信)?(?:公众号|视频号|微博|头条号|抖音号|号|账号|客户端|平台)")


def names_an_account(form: str, after: str) -> bool:
    """Whether `form` (城关发布) followed by `after` (公众号发布信息…) is the name of an account."""
    return form.endswith(ACCOUNT_NAMES) or bool(_ACCOUNT_AFTER.match(after))


COUNTY_LEVEL = ("县", "区", "旗", "特区", "林区")


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    form: str  # the words as written: 柳园口乡
    unit: str  # the unit's name as the area lists it: 龙亭区柳园口乡人民政府
    account: bool = False  # the name of a public account named after the unit (柳园口发布), not the unit itself


class AreaNames:
    """Every unit name of an area as one matcher; `hits(text, own)` gives the other units the text names."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        self._automaton = ahocorasick.Automaton()
        forms: dict[str, list[str]] = {}
        # township core → its units: an account named after one (柳园口发布) is found from the account word back, not
        # as a dozen more forms of every name (a province's matcher grew fourfold in memory and build time)
        self._account_cores: dict[str, list[str]] = {}
        place_counts: dict[str, int] = {}
        for name in self.names:
            places = places_of(name)
            for place in places:
                place_counts[place] = place_counts.get(place, 0) + 1
            for form in name_forms(name, places):
                forms.setdefault(form, []).append(name)
            core = account_core(name)
            if core:
                self._account_cores.setdefault(core, []).append(name)
        for form, units in forms.items():
            self._automaton.add_word(form, (form, tuple(units)))
        if forms:
            self._automaton.make_automaton()
        self._forms = forms.keys()
        self._longest_core = max(map(len, self._account_cores), default=0)
        self._empty = not forms
        # the places most of the area's names begin with (龙亭区 when they read 龙亭区XX乡): the area's own
        self.places = tuple(p for p, n in place_counts.items() if n * 2 > len(self.names))

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def hits(self, text: str, own: str = "") -> Iterator[NameHit]:
        """The other units `text` names, leftmost-longest and not overlapping; never `own` unit (by any form)."""
        if self._empty or not text:
            return
        own_forms, own_core = _own_forms(own)
        found: list[tuple[int, int, str, tuple[str, ...], bool]] = []
        for end, (form, units) in self._automaton.iter(text):
            found.append((end - len(form) + 1, end + 1, form, units, False))
        found += self._accounts(text)
        found.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        covered = 0
        for start, end, form, units, account in found:
            if start < covered:
                continue
            covered = end
            if form in own_forms or form in own:
                continue
            others = [u for u in units if u != own and core_name(u) != own_core and not _own_or_host(u, own)]
            if others and (not account or names_an_account(form, text[end: end + 6])):
                yield NameHit(start, end, form, others[0], account)


    def _accounts(self, text: str) -> Iterator[tuple[int, int, str, tuple[str, ...], bool]]:
        """The accounts `text` names after one of the area's townships: a township's core right before an account
        word (柳园口发布), unless those words are a unit's own name form."""
        for m in _ACCOUNT_WORD.finditer(text):
            for length in range(self._longest_core, 1, -1):
                start = m.start() - length
                units = self._account_cores.get(text[start: m.start()]) if start >= 0 else None
                if units and (form := text[start: m.end()]) not in self._forms:
                    yield start, m.end(), form, tuple(units), True
                    break


@lru_cache(maxsize=4096)  # as many units as have clerks typing at once (2,000 in a busy province's hour)
def _own_forms(own: str) -> tuple[frozenset[str], str]:
    """The forms and core of a report's own unit name, which `hits` skips (held: one unit checks text after text)."""
    return (frozenset(name_forms(own)), core_name(own)) if own else (frozenset(), "")


@lru_cache(maxsize=4096)  # a few hits a text, from the same few zones and townships
def _own_or_host(other: str, own: str) -> bool:
    """Whether the unit `other` is `own` zone by another of its names (舒城开发区管委会 for 舒城县经济开发区管委会), or the
    township `own` lies in, or the zone lying in `own` township: each one's text names the other as its own place."""
    return bool(own) and (same_zone(other, own) or hosts_zone(other, own) or hosts_zone(own, other))


def hosts_zone(township: str, zone: str) -> bool:
    """Whether a zone lies in a township: it is named after it, with or without its county (杭埠经济开发区 and
    舒城县杭埠经济开发区管委会 lie in 舒城县杭埠镇). A zone named after its county (舒城经济开发区) says no township it
    lies in: a township naming it is told so, as naming any other unit."""
    core, zone_words = account_core(township), zone_name("".join(zone.split()))
    if not core or not zone_words:
        return False
    local = zone_words[sum(map(len, places_of(zone_words))):]
    return local.startswith(core) and len(local) > len(core)


def name_forms(name: str, places: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """The ways a text names the unit `name` (see the module's docstring); `places`: `places_of(name)`, if known."""
    name = "".join(name.split())
    if len(name) < 3:
        return ()
    kind = guess_unit_kind(name)
    if kind == ZONE_KIND:  # a zone's committee: its full name, and its zone's however its kind is written (舒城经开区)
        return tuple(dict.fromkeys((name, *zone_forms(name))))
    if kind not in _TOWNSHIP_KINDS:  # a bureau, a government: its full name
        return (name,)
    bare = _without_suffix(name)
    forms = {name, bare}
    local = bare[sum(map(len, places_of(name) if places is None else places)):]
    if len(local) >= 3:
        forms.add(local)
    core = core_name(name)
    if len(core) >= 2:
        forms.update(core + ending for ending in _TOWNSHIP_ENDINGS)
    return tuple(f for f in forms if len(f) >= 3)


def account_core(name: str) -> str:
    """The core of a township's name, which public accounts are named after (城关 of 城关镇: 城关发布, 城关政务); "" for
    any other unit (示范发布 may well be the county's, shared by its townships)."""
    name = "".join(name.split())
    core = core_name(name)
    return core if guess_unit_kind(name) in _TOWNSHIP_KINDS and len(core) >= 2 else ""


_ACCOUNT_WORD = re.compile("|".join(sorted(ACCOUNT_WORDS, key=len, reverse=True)))


_TOWNSHIP_KINDS = ("乡", "镇", "街道")


def _without_suffix(name: str) -> str:
    for suffix in _GOVERNMENT_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


NO_NAMES = AreaNames(())


@lru_cache(maxsize=8)
def _cached(names: tuple[str, ...]) -> AreaNames:
    return AreaNames(names)


def area_names(names: AreaNames | Iterable[str]) -> AreaNames:
    """`names` as a matcher: itself when it is one, else built (and kept for the next call with the same names)."""
    if isinstance(names, AreaNames):
        return names
    return _cached(tuple(names))


# --- governments of other places -------------------------------------------------------------------------------

# a people's government named by its place: 郸城县人民政府, 龙亭区政府; the place is read backwards from the level word
_GOVERNMENT = re.compile(r"(?P<level>县|区|旗|市)(?:人民)?政府")
_PLACE_WINDOW = 6
# where a place name cannot reach further back: punctuation, and the words that stand before a place in prose
_BEFORE_PLACE = re.compile(
    r".*(?:[^\u4e00-\u9fff]|依托|通过|利用|借助|按照|根据|结合|配合|协助|报送|报请|登录|访问|上级|所在|本|我|全|该|各"
    r"|在|于|经|向|由|的|和|及|与|并|将|对|从|为|是|到|至|报|和|或|、"
    # verbs a report puts before its own 区政府 (现公开区人民政府办公室…, 指导区政府各部门)
    r"|公开|公布|发布|更新|指导|督促|协调|组织|推动|召开|印发|转发|提请|提交|上报|代|同"
    # and the training or meeting it takes part in (积极参加区政府组织的…培训)
    r"|参加|参与|出席|列席|接受"
    # the party committee named with its government (区委区政府, 县委、县政府): the committee is no place
    r"|委)",
    re.S,
)


@dataclass(frozen=True)
class GovernmentHit:
    start: int
    end: int
    place: str  # 郸城县


def own_places(unit: str, area: str = "", names: AreaNames | None = None) -> tuple[str, ...]:
    """The places a unit belongs to, innermost last: from its own name, its area's name, and the names its area's
    units share (龙亭区 when they all read 龙亭区XX乡)."""
    from_area = places_of(area + "\x00") if area else ()  # an area's name is a place itself: 龙亭区
    places = [*from_area, *(names.places if names else ()), *places_of(unit)]
    return tuple(dict.fromkeys(places))


def other_governments(text: str, places: tuple[str, ...]) -> Iterator[GovernmentHit]:
    """The people's governments of other counties (or, when the city is known, other cities) that `text` names.

    Nothing is said when the unit's own county is unknown, nor about a city whose county the unit may belong to."""
    if not places:
        return
    counties = [p for p in places if p.endswith(COUNTY_LEVEL) or p.endswith("市")]
    knows_city = any(p.endswith("市") for p in places[:-1])
    for m in _GOVERNMENT.finditer(text):
        window = text[max(0, m.start() - _PLACE_WINDOW): m.start()]
        cut = _BEFORE_PLACE.match(window)
        name = window[cut.end():] if cut else window
        if not 2 <= len(name) <= 4 or "X" in name.upper() or "×" in name:
            continue
        place = name + m.group("level")
        if any(_same_place(place, p) for p in places):
            continue
        if m.group("level") == "市" and not knows_city:
            continue
        if counties:
            yield GovernmentHit(m.start() - len(name), m.end(), place)


def _same_place(a: str, b: str) -> bool:
    return a == b or a.endswith(b) or b.endswith(a) or _short_autonomous(a, b) or _short_autonomous(b, a)


# the topic words an account is branded with before its place called short (“健康沙区”, “平安渝区”, “清风北区”)
ACCOUNT_TOPICS = ("健康", "平安", "法治", "文明", "美丽", "清风", "幸福", "智慧", "数字", "掌上", "云上", "魅力", "活力",
                  "生态", "阳光", "诚信", "和谐", "廉洁")


def _called_short(core: str, level: str, place: str) -> bool:
    """“健康沙区”公众号 of 沙坪坝区: a place is often called by its first character and its level (沙区), after a topic
    word that brands the account (健康, 平安, 法治 — `ACCOUNT_TOPICS`); any other characters before it are another
    district's whole name (石景山区 is none of 山亭区's, 渝北区 none of 北碚区's)."""
    return place.endswith(level) and len(place) > 2 and any(
        core.startswith(topic) and len(core) > len(topic) and place.startswith(core[len(topic):])
        for topic in ACCOUNT_TOPICS)


def _short_autonomous(short: str, full: str) -> bool:
    """麻阳县 for 麻阳苗族自治县: an autonomous county's, prefecture's or banner's name without its peoples."""
    core = short[:-1]
    return "自治" in full and "自治" not in short and len(core) >= 2 and full.startswith(core) \
        and full.endswith(short[-1])


# --- platforms named after another place ---------------------------------------------------------------------

# a county's or a city's own media platform, named after its place: the brand before it (云上延津, 掌上长垣: the
# county media apps), or the place with its level before an account word (“郸城县发布”, 西华县融媒公众号)
PLACE_BRANDS = ("云上", "掌上")
# what follows a brand and is no place: 掌上办事, 云上会议, 掌上政务 — the service, not whose it is
_BRANDED_SERVICES = re.compile(
    r"^(?:办事|办公|办理|政务|服务|会议|课堂|党建|学习|直播|营业|阅读|问政|公开|便民|民生|医疗|医保|社保|警务|税务|法院|"
    r"检察|调解|信访|招聘|就业|教育|农业|文旅|旅游|商城|超市|银行|支付|缴费|生活|社区|乡村|家园|党校|信息|平台|展厅|展馆|"
    r"看|读|听|学|办|查|问|购|游)"
)
_PLATFORM_END = r"[”」》\"，。；、\s]|$|客户端|APP|App|app|平台|" + "|".join(ACCOUNT_WORDS)
_BRANDED_PLATFORM = re.compile(
    rf"(?:{'|'.join(PLACE_BRANDS)})(?P<core>[\u4e00-\u9fff]{{2,3}}?)(?P<level>县|区|旗|市)?(?=(?:{_PLATFORM_END}))"
)
_ACCOUNT_OF_PLACE = re.compile(
    rf"(?P<level>{'|'.join(COUNTY_LEVEL)}|市)[”」》\"]?(?P<account>{'|'.join(ACCOUNT_WORDS)})"
)


@dataclass(frozen=True)
class PlatformHit:
    start: int
    end: int
    platform: str  # the name as written: 云上延津
    place: str  # the place it is named after: 延津


def platforms_of_other_places(text: str, places: tuple[str, ...], own: str = "") -> Iterator[PlatformHit]:
    """The platforms `text` names after a place that is none of the unit's `places` (云上延津 in a report of 龙亭区):
    a county's app or account, copied from that county's text. Nothing is said when the unit's county is unknown;
    one named after a city only when the unit's city is known (a township may well use its city's platform)."""
    if not any(p.endswith(COUNTY_LEVEL) or p.endswith("市") for p in places):
        return
    own_core = core_name(own) if own else ""
    knows_city = any(p.endswith("市") for p in places[:-1])
    for m in _BRANDED_PLATFORM.finditer(text):
        core, level = m.group("core"), m.group("level") or ""
        if _NOT_A_PLACE.search(core) or _BRANDED_SERVICES.match(core) or core == own_core \
                or (level == "市" and not knows_city):
            continue
        if not any(_same_place(core + level, p) or p.startswith(core) for p in places):
            yield PlatformHit(m.start(), m.end(), m.group(), core + level)
    for m in _ACCOUNT_OF_PLACE.finditer(text):
        window = text[max(0, m.start() - _PLACE_WINDOW): m.start()]
        cut = _BEFORE_PLACE.match(window)
        core = window[cut.end():] if cut else window
        place = core + m.group("level")
        if not 2 <= len(core) <= 4 or _NOT_A_PLACE.search(core) or (m.group("level") == "市" and not knows_city):
            continue
        if not names_an_account(m.group("account"), text[m.end(): m.end() + 6]):
            continue
        if not any(_same_place(place, p) or _called_short(core, m.group("level"), p) for p in places):
            start = m.start() - len(core)
            yield PlatformHit(start, m.end(), text[start: m.end()], place)


# --- a township named as the one who acts ----------------------------------------------------------------------

# a 乡, 镇 or 街道 that opens a clause and acts (“2023年，城关镇坚持…”, “同时，石桥乡加强…”): a paragraph about
# another township, pasted, whether or not the area's list knows the name
_TIME_LEAD = r"(?:(?:(?:19|20)\d{2}\s*年(?:度|以来)?|今年|去年|一年来|全年|近年来|近年|年内)[，,]?\s*)?"
_ACTS = (r"坚持|认真|深入|积极|始终|全面|进一步|严格|高度|切实|以|按照|围绕|紧扣|紧紧|紧密|结合|持续|不断|着力|大力|继续|"
         r"共|累计|全年|主动|依法|把|将|在|通过|扎实|聚焦|牢固|立足|本着|根据|依据|贯彻|落实|加强|推进|强化|完善|健全|建立|"
         r"开展|组织|召开|公开|发布|制定|印发|收到|未|没有|无|已|对|稳步|注重|重视|及时|规范|严把|抓好|做好|按|成立|设立|"
         r"设置|开设|利用|依托|充分|主动|政府信息公开|政务公开|信息公开")
_SUBJECT_TOWNSHIP = re.compile(
    rf"(?:^|(?<=[，,。；;！!？?：:\n]))\s*{_TIME_LEAD}"
    r"(?P<name>(?P<core>[\u4e00-\u9fff]{2,6}?)(?:乡|镇|街道))(?:人民政府|政府|办事处|党委政府|党委)?"
    rf"(?=\s*(?:{_ACTS}))"
)
# what stands before 乡/镇/街道 and names no place: the unit's own self-word, all of them, a generic word
_NOT_A_PLACE = re.compile(r"^(?:我|本|全|各|该|每|其他|其余|辖区|所属|下辖|新型|特色|美丽|城乡|乡村)|[的和与及在对为是了等个我本全各该]")


def townships_as_subject(text: str, own: str = "") -> Iterator[NameHit]:
    """The townships `text` names where a clause opens with them acting (2023年，城关镇坚持…): never `own` unit (by
    any of its forms), never a self-word (我镇) or a generic word (各乡镇, 城乡)."""
    own_forms, own_core = _own_forms(own)
    for m in _SUBJECT_TOWNSHIP.finditer(text):
        name, core, start = m.group("name"), m.group("core"), m.start("name")
        if core.startswith(_AGENT) and len(core) > 2:  # 由章安街道办事处结合…编制: "by" the township, not its name
            name, core, start = name[1:], core[1:], start + 1
        if _NOT_A_PLACE.search(core) or _opens_with_a_verb(core) or _is_own(name, core, own, own_forms, own_core):
            continue
        yield NameHit(start, m.end("name"), name, name)


def _is_own(name: str, core: str, own: str, own_forms: frozenset[str], own_core: str) -> bool:
    """The unit's own name, by any of its forms, also with its county before it (双柏县大麦地镇 for 大麦地镇)."""
    prefix = "".join(places_of(core))
    local, local_core = name[len(prefix):], core[len(prefix):]
    return any(n in own_forms or n in own or _is_own_core(c, own_core)
               for n, c in ((name, core), (local, local_core)) if c)


_AGENT = "由"  # the word that names who made or did a thing ("由××街道办事处编制")


# the verbs of _ACTS two characters or longer: a "name" opening with one is a clause about the unit's own work
# (…，扎实推进街道政府信息公开工作), not a township (one-character verbs such as 将 or 以 also open place names)
_VERBS = tuple(v for v in _ACTS.split("|") if len(v) >= 2)


def _opens_with_a_verb(core: str) -> bool:
    return core.startswith(_VERBS)


def _is_own_core(core: str, own_core: str) -> bool:
    """The unit's own core, also where its kind was typed twice (鸭南乡乡人民政府: the core read is 鸭南乡): a slip in
    the unit's own name, not another township; also after its county's name (“融安县大坡乡”微信公众号 is 大坡乡's)."""
    if not own_core:
        return False
    in_county = _COUNTY_FIRST.match(core)
    if in_county and in_county.group(1) == own_core:
        return True
    return core == own_core or (core[-1] in "乡镇" and core[:-1] == own_core)


# a township's core read back with its county (or district, city, banner) before it: 融安县 | 大坡
_COUNTY_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,4}?(?:县|区|市|旗)([\u4e00-\u9fff]{2,})$")


# --- an account named after another township ---------------------------------------------------------------------

# a township's ending, then an account word (城关镇发布, “东城街道政务”公众号): the place is read backwards from it
_ACCOUNT_OF_TOWNSHIP = re.compile(
    rf"(?P<ending>乡|镇|街道)(?:人民政府|政府|办事处)?[”」》\"]?(?P<account>{'|'.join(ACCOUNT_WORDS)})"
)


def townships_in_accounts(text: str, own: str = "") -> Iterator[NameHit]:
    """The public accounts `text` names after a township that is not `own` unit, its name in full (城关镇发布,
    “东城街道政务”公众号): known to the area's list or not."""
    own_forms, own_core = _own_forms(own)
    for m in _ACCOUNT_OF_TOWNSHIP.finditer(text):
        window = text[max(0, m.start() - _PLACE_WINDOW): m.start()]
        cut = _BEFORE_PLACE.match(window)
        core = window[cut.end():] if cut else window
        name = core + m.group("ending")
        if _a_self_word_before(window, core):
            continue  # 我街道运用街道公众号: the unit's own kind word, then a verb, then its account
        if len(core) < 2 or _NOT_A_PLACE.search(core) or name in own_forms or _is_own_core(core, own_core) or name in own:
            continue
        if not names_an_account(m.group("account"), text[m.end(): m.end() + 6]):
            continue
        start = m.start() - len(core)
        yield NameHit(start, m.end(), text[start: m.end()], name, True)


def _a_self_word_before(window: str, core: str) -> bool:
    """The core read back from an account opens with a township's kind word right after 我 or 本 (我街道运用…): the
    unit speaking of itself, not a place named 街道运用."""
    before = window[: len(window) - len(core)]
    return core.startswith(("街道", "乡", "镇")) and before.endswith(("我", "本"))
