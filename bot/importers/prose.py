"""Paragraphs → title (unit, year), sections by their heading titles, and the prose slots of the format.

Headings are recognised by their TITLE, whatever number is printed before it ("主动公开政府信息情况",
"6、 其他需要报告的事项"); numbered sub-headings inside a section ("一、主动公开情况。" inside 一) are not section
headings because their titles differ. Inside a section, a part starts at a marker ("（一）", "(一)", "一、") or a short
title carrying one of the slot's keywords; the marker and the short title are dropped, the rest kept verbatim.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..formats import Format, ProseSlot
from .blocks import norm, squash

_NUM = "一二三四五六七八九十"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_TITLES = (
    re.compile(rf"^(?P<unit>.*?){_YEAR}年度?的?(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告$"),
    re.compile(rf"^(?P<unit>.*?)(?:政府|政务)?信息公开(?:工作)?{_YEAR}年度?报告$"),
    re.compile(rf"^{_YEAR}年度?(?P<unit>.+?)(?:政府|政务)?信息公开(?:工作)?(?:年度)?报告$"),
    # no year at all ("驼峰路街道办事处政府信息公开工作年度报告"): only where the words before name a unit
    re.compile(r"^(?P<unit>.{2,30}?(?:乡|镇|街道|办事处|人民政府|局|委员会|委|办公室|办|中心))"
               r"(?:政府|政务)?信息公开工作年度报告$"),
    # the bare words ("政府信息公开工作年度报告"): a title only where the line below names the unit
    re.compile(r"^(?P<unit>)(?:政府|政务)?信息公开工作年度报告$"),
)
# a line that is a unit's name and nothing else: 武昌经开区管委会(滨江商务区管委会) under a bare title
_UNIT_LINE = re.compile(r"^(?P<unit>[\u4e00-\u9fff]{2,24}?(?:乡|镇|街道|办事处|人民政府|局|委员会|管委会|委|办公室|中心))"
                        r"(?:[(（][\u4e00-\u9fff]{2,24}[)）])?$")
_TITLE_LINES = 3  # a title may be split over up to three lines (unit; year and words; 工作年度报告)
_UNIT_SUFFIXES = ("人民政府", "办事处", "政府")
# a section heading's number: 一、 or 6、 or 六. — never （一）, which numbers the parts inside a section
_SECTION_MARK = re.compile(rf"^\s*(?:[{_NUM}]+|\d+)\s*[、.．]\s*")
_PART_MARK = re.compile(
    rf"^(?P<junk>(?:\[[^\]]*\]\s*)*)\s*(?:[（(]\s*(?P<p>[{_NUM}]+|\d)\s*[）)]|(?P<d>[{_NUM}]+|\d)\s*[、．.](?!\d))\s*"
)
_JUNK = re.compile(r"^(?P<junk>(?:\[[^\]]*\]\s*)*)\s*")
_TITLE_END = re.compile(r"[。：:；;]")
_TRAILING = "。.：:；; \u3000"
_SHORT_TITLE = 20
_HEADING_LIKENESS = 0.75


@dataclass(frozen=True)
class Title:
    unit: str
    year: int  # 0 when the title does not name the year
    index: int  # the title's paragraph: what comes before it (a site's navigation, a file name) is not prose
    lines: frozenset[str]  # squashed paragraphs that belong to the title, dropped wherever they recur


def find_title(paragraphs: list[str]) -> Title | None:
    """The report title among the paragraphs before the first heading: on one line, or split over up to three;
    the unit may sit on the line above. A title naming its unit wins over one that does not (a page repeats the
    bare title above the full one), and a title on one line over one pieced together from several — of two pieced
    together, the one of fewer lines (a site's line above a title split in two, 用微信扫描二维码分享至好友和朋友圈, is
    no part of its unit's name)."""
    found: list[tuple[tuple[int, int], Title]] = []
    for i in range(len(paragraphs)):
        for count in range(1, _TITLE_LINES + 1):
            parts = [squash(p) for p in paragraphs[i:i + count]]
            if len(parts) < count or (count > 1 and any(len(p) > 30 for p in parts)):
                break
            title = _title_of(parts, paragraphs, i)
            if title is not None:
                found.append((((0 if title.unit else 2) + (count > 1) + (0 if title.year else 4), count), title))
                break
    return min(found, key=lambda rank_title: rank_title[0])[1] if found else None


def _title_of(parts: list[str], paragraphs: list[str], i: int) -> Title | None:
    flat = "".join(parts)
    for pattern in _TITLES:
        match = pattern.match(flat)
        if not match:
            continue
        unit, lines, first = _clean_unit(match["unit"]), set(parts), i
        if not unit and i > 0 and _looks_like_unit(paragraphs[i - 1]):
            unit, first = _clean_unit(squash(paragraphs[i - 1])), i - 1
            lines.add(squash(paragraphs[i - 1]))
        below = squash(paragraphs[i + len(parts)]) if i + len(parts) < len(paragraphs) else ""
        if not unit and _UNIT_LINE.match(below):
            unit = _UNIT_LINE.match(below)["unit"]  # the unit on the line below the title, an alias after it
            lines.add(below)
        year = int(match["year"]) if "year" in match.groupdict() else 0  # 0: the title does not say
        if not unit and not year:
            return None  # the bare words alone name nothing: no title
        return Title(unit, year, first, frozenset(lines))  # the full name, 人民政府 too
    return None


def _clean_unit(unit: str) -> str:
    """The unit as a title prints it, without a field label (标题：) or a stray year before it."""
    unit = re.split(r"[:：|｜>＞_]|-(?=[\u4e00-\u9fff])", unit)[-1]  # 标题：…, "Page 8 - …" (a page's label)
    return re.sub(r"^(?:19|20)\d{2}(?:年度?)?", "", unit)


_IN_PREFACE = re.compile(
    rf"(?:编制|公布|发布|现将|特将|报告|公开)(?P<unit>[^，。,、《》（）()]{{2,30}}?){_YEAR}年度?(?:政府|政务)?信息公开"
)


_SELF_REFERENCE = re.compile(r"^[我本][\u4e00-\u9fff]{1,3}$")  # 我局, 本机关, 我街道, 本单位


def title_in_preface(text: str) -> Title | None:
    """A report without a title line names itself in its first sentence: "现将富县人民政府2024年政府信息公开工作
    年度报告予以公开", "特向社会公布广元市统计局2024年政府信息公开情况"."""
    match = _IN_PREFACE.search(squash(text[:600]))
    if not match:
        return None
    unit = _strip_unit_suffix(match["unit"].removeprefix("向社会"))
    if _SELF_REFERENCE.match(unit):
        unit = ""  # "现将我局2020年度政府信息公开情况报告如下": the unit speaks of itself, it does not name itself
    return Title(unit, int(match["year"]), 0, frozenset())


def _looks_like_unit(text: str) -> bool:
    flat = squash(text)
    return 0 < len(flat) <= 30 and not re.search(r"[，。：,:;；]", flat)


def _strip_unit_suffix(unit: str) -> str:
    for suffix in _UNIT_SUFFIXES:
        if unit.endswith(suffix) and len(unit) > len(suffix):
            return unit[: -len(suffix)]
    return unit


def heading_section(text: str, fmt: Format) -> str | None:
    """The section number whose title this paragraph is, or None.

    A numbered heading may word its title a little differently (存在的主要问题和改进情况); an unnumbered line must
    print the title itself.
    """
    marked = _SECTION_MARK.match(text.strip())
    rest = _SECTION_MARK.sub("", text.strip(), count=1).rstrip(_TRAILING)
    key = norm(rest)
    exact = next((s.number for s in fmt.sections if norm(s.title) == key), None)
    if exact or not marked or len(key) > 30 or "。" in key:
        return exact
    numeral = marked.group().strip().rstrip("、.．").strip()
    index = int(numeral) - 1 if numeral.isdigit() else _numeral(numeral) - 1 if _numeral(numeral) else -1
    if not 0 <= index < len(fmt.sections):
        return None
    section = fmt.sections[index]  # a loosely worded title, or another title for it, counts only under its number
    if _unpunctuated(key) in {_unpunctuated(norm(a)) for a in section.aliases}:
        return section.number
    likeness = SequenceMatcher(None, norm(section.title), key).ratio()
    if likeness >= _HEADING_LIKENESS or _words_in_order(norm(section.title), key):
        return section.number
    return None


def _words_in_order(title: str, heading: str) -> bool:
    """Every character of the title, in order, in a heading at most twice its length: the title with a word or two
    put in under its own number (一、工作总体推进情况)."""
    if len(heading) > 2 * len(title):
        return False
    pos = 0
    for char in title:
        pos = heading.find(char, pos) + 1
        if not pos:
            return False
    return True


def _unpunctuated(text: str) -> str:
    return re.sub(r"[、，,]", "", text)


_SIGNER = r"[^，。、：:；;,]{2,25}(?:人民政府|政府|办事处|街道|乡|镇|局|委员会|办公室)"
_SIGNATURE = re.compile(rf"^(?:{_SIGNER}|(?:{_SIGNER})?(?:19|20)\d{{2}}年\d{{1,2}}月\d{{1,2}}日)$")


def drop_signature(paragraphs: list[str]) -> list[str]:
    """The last section without the signature printed under it (unit name, date): it is not prose."""
    kept = list(paragraphs)
    while kept and _SIGNATURE.match(squash(kept[-1])):
        kept.pop()
    return kept


# a line that is a date and nothing else: when the report was signed or published (2026年1月8日), the year after
_DATE_LINE = re.compile(r"(?m)^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")


def guess_year(text: str) -> int | None:
    """The report year when no title says it: the statistics period, else the most frequent year (a line that is
    only a date, the day it was signed, does not count)."""
    period = re.search(r"统计期限为?\s*((?:19|20)\d{2})\s*年", text)
    if period:
        return int(period.group(1))
    years = Counter(re.findall(r"((?:19|20)\d{2})\s*年", _DATE_LINE.sub("", text)))
    return int(years.most_common(1)[0][0]) if years else None


# --- slots --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Head:
    """A paragraph's opening: its marker number, its short title, and the text after them."""

    number: int | None
    title: str
    body: str


def _split_head(text: str) -> _Head:
    match = _PART_MARK.match(text) or _JUNK.match(text)
    junk = (match["junk"] or "").strip()
    numeral = match.groupdict().get("p") or match.groupdict().get("d")
    rest = text[match.end():]
    end = _TITLE_END.search(rest)
    if end and end.start() <= _SHORT_TITLE and _is_title(rest[: end.start()]):
        title, body = rest[: end.start()], rest[end.end():]
    elif not end and len(rest.strip()) <= _SHORT_TITLE and _is_title(rest):
        title, body = rest, ""
    else:
        title, body = "", rest
    if not numeral and not title:
        return _Head(None, "", text)
    return _Head(_numeral(numeral) if numeral else None, title.strip(), (junk + body.strip()).strip())


def _is_title(text: str) -> bool:
    return bool(text.strip()) and not re.search(r"[，,、\d]", text)


def _numeral(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return _NUM.index(text) + 1 if len(text) == 1 else None


def split_slots(section: str, paragraphs: list[str], fmt: Format) -> dict[str, str]:
    """The section's paragraphs shared out to its slots, each slot's paragraphs joined with "\\n"."""
    slots = [s for s in fmt.slots if s.section == section]
    if not slots:
        return {}
    lead = next((s for s in slots if not s.title), None)
    parts = [s for s in slots if s.title]
    order = ([lead] if lead else []) + parts
    current = order[0]
    texts: dict[str, list[str]] = {s.id: [] for s in order}
    after_heading = False  # the paragraph before was a part heading on its own line (“（一）主动公开”)
    early = False  # the part was opened by a heading printed before the parts above it (上年度问题整改情况)
    for paragraph in paragraphs:
        head = _split_head(paragraph)
        target = _target(head, parts, ordinal=lead is not None)
        opened_early = target is None and _heads_early(head, parts)
        if opened_early or target is not None and (early or order.index(target) >= order.index(current)):
            if _opens_part(head, after_heading):
                paragraph = head.body
            current, early = opened_early or target, bool(opened_early)
        elif lead is None:
            current, paragraph = _split_inline(paragraph, current, order, texts)
        after_heading = bool(target) and not head.body
        if paragraph:
            texts[current.id].append(paragraph)
    return {slot_id: "\n".join(lines) for slot_id, lines in texts.items() if lines}


_SENTENCE_START = re.compile(r"^(?:我|本|全年|今年|(?:19|20)\d{2}\s*年)")


def _opens_part(head: _Head, after_heading: bool) -> bool:
    """Whether the paragraph's opening is a part title to drop: a marker's (“（一）主动公开”) always; an unmarked short
    title only where no heading line came just before and it does not read as the start of a sentence. So a paragraph
    under “（一）主动公开” keeps its whole text (“我镇全年主动公开政府信息：…”)."""
    if head.number is not None:
        return True
    return not after_heading and not _SENTENCE_START.match(head.title)


def _heads_early(head: _Head, parts: list[ProseSlot]) -> ProseSlot | None:
    """The part a heading opens though printed before the parts above it (“（一）上年度问题整改情况” in 五: 改进情况)."""
    if head.title:
        return next((s for s in parts if any(h in head.title for h in s.heads_early)), None)
    return None


def _target(head: _Head, parts: list[ProseSlot], ordinal: bool) -> ProseSlot | None:
    """The part a paragraph opens: by a keyword in its short title, else (in 一) by its marker number.

    Numbers decide only where the format numbers the parts after a lead paragraph (一); in 五 a numbered list
    enumerates problems or measures, not the two parts.
    """
    by_keyword = [s for s in parts if head.title and any(k in head.title for k in s.keywords)]
    by_number = parts[head.number - 1] if ordinal and head.number and head.number <= len(parts) else None
    if by_number in by_keyword or (by_number and not by_keyword):
        return by_number
    return by_keyword[0] if by_keyword else None


def _split_inline(paragraph: str, current: ProseSlot, order: list[ProseSlot],
                  texts: dict[str, list[str]]) -> tuple[ProseSlot, str]:
    """A later part's keyword followed by a colon in mid-paragraph ("…。改进情况：一是…") starts that part there.

    Only in sections without a lead paragraph (五): in 一 a keyword with a colon is ordinary prose.
    """
    for slot in order[order.index(current) + 1:]:
        for keyword in slot.keywords:
            match = re.search(rf"{re.escape(keyword)}\s*[：:]", paragraph)
            if match and match.start() > 0:
                before = paragraph[: match.start()].strip()
                if before:
                    texts[current.id].append(before)
                return slot, paragraph[match.end():].strip()
    return current, paragraph
