"""Rules about the prose: R9–R14, R16, R17 and R18.

They read the way township reports actually phrase things ("共收到信息公开申请 1 件", "未收到政府信息依申请公开",
"无因政府信息公开申请引起的行政复议和行政诉讼", "不存在信息处理收费事项"). R9 is an error, so it only claims a
number when the sentence plainly states one; anything less certain is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from ..findings import Finding, Fix, later
from ..formats import Format, ProseSlot
from ..report import Report
from ..spoken import (
    ASIDES,
    ASSESSED,
    END_PARTICLES,
    SAID_IN_ASSESSED,
    THIS_PART,
    Replacement,
    doing_as_written,
)
from ..units import TOWNSHIP_SELF_WORDS, UNIT_KINDS, ZONE_KIND, self_word_of, self_word_pattern
from .claims import claims
from .context import RuleContext, kind_of, show, slot_name, total
from .names import (
    AreaNames,
    GovernmentHit,
    NameHit,
    other_governments,
    own_places,
    platforms_of_other_places,
    townships_as_subject,
    townships_in_accounts,
)
from .textscan import FAMILIAR_NAME, mask_citations, quote, sentences

FEE_SLOT = "s6.other"
PLANS_SLOT = "s5.improvements"  # next year's plans may name next year


# --- R9 ---------------------------------------------------------------------------------------------------

def r9_prose_numbers(report: Report, ctx: RuleContext) -> list[Finding]:
    findings = []
    for claim in claims(report, ctx.fmt):
        sums = [total(report, cells) for cells in claim.accepts if all(ctx.fmt.has_cell(c) for c in cells)]
        if not sums or claim.stated in sums:
            continue
        cells = claim.accepts[0]
        message = later(
            "rules", "prose_number",
            slot=slot_name(ctx.fmt, claim.slot), claim=claim.text, stated=claim.stated,
            label=claim.what or " + ".join(ctx.fmt.cell(c).label for c in cells), actual=show(sums[0]),
            unit=claim.unit, shown=_shows_number(claim.text, claim.stated, claim.unit),
        )
        fix = _number_fix(report, claim.slot, claim.text, claim.stated, sums[0])
        findings.append(Finding("R9", "error", (claim.slot, *cells), message, fix))
    return findings


def _number_fix(report: Report, slot: str, claimed: str, stated: object, actual: object) -> Fix | None:
    """The stated number replaced by the table's, where the quoted words and the number are found once each."""
    text = report.text.get(slot) or ""
    at = text.find(claimed)
    if at < 0 or not isinstance(stated, int) or not isinstance(actual, int):
        return None
    numbers = [m for m in re.finditer(r"(?<![\d.])\d+(?![\d.])", claimed) if int(m.group()) == stated]
    if len(numbers) != 1:
        return None
    return Fix(slot, ((at + numbers[0].start(), at + numbers[0].end(), str(actual)),))


def _shows_number(quoted: str, stated: int | Decimal, unit: str) -> bool:
    """Whether the quoted words already print the stated number in its unit (“行政许可决定54件”): then “即 54 件”
    says it twice."""
    number = re.escape(str(stated))
    return bool(re.search(rf"(?<![\d.]){number}\s*{re.escape(unit)}", quoted))


# --- R10 --------------------------------------------------------------------------------------------------

_FEE = re.compile(r"处理费|处理收费")
_FEE_NONE = re.compile(r"未收取|未收|不存在|没有|无|零|免收|未产生|未发生")
_FEE_AMOUNT = re.compile(r"收取[^。；]*?\d+(?:\.\d+)?\s*(?:元|万元)|\d+(?:\.\d+)?\s*(?:元|万元)")


def r10_fee_statement(report: Report, ctx: RuleContext) -> list[Finding]:
    """六 states the 信息处理费 collected, or that none was (国办函〔2020〕109号); a fee without any request is odd."""
    text = mask_citations(report.text.get(FEE_SLOT) or "")
    mentioned = False
    for start, end in sentences(text):
        sentence = text[start:end]
        if _FEE.search(sentence):
            mentioned = True
            if _FEE_NONE.search(sentence) or _FEE_AMOUNT.search(sentence):
                return _fee_without_requests(report, ctx, text)
    message = later("rules", "fee_unstated" if mentioned else "fee_missing")
    return [Finding("R10", "error", (FEE_SLOT,), message)]


_FEE_YUAN = re.compile(r"处理费[^。；，]*?(?<![\d.])(\d+(?:\.\d+)?)\s*元")
REQUEST_TOTALS = ("t3.new.total", "t3.carried_in.total")


def _fee_without_requests(report: Report, ctx: RuleContext, text: str) -> list[Finding]:
    """信息处理费 is charged per request (国办函〔2020〕109号): an amount with no request at all asks to be checked."""
    cells = [c for c in REQUEST_TOTALS if c in ctx.fmt.cell_ids]
    if len(cells) != len(REQUEST_TOTALS) or any(report.cells.get(c) is None for c in cells) or total(report, cells):
        return []
    for start, end in sentences(text):
        m = _FEE_YUAN.search(text, start, end)
        if m and not _FEE_NONE.search(text[start:m.start()]) and Decimal(m.group(1)) > 0:
            message = later("rules", "fee_without_requests", amount=m.group(1))
            return [Finding("R10", "warning", (FEE_SLOT, *cells), message)]
    return []


# --- R11 --------------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
_COMPARISON = re.compile(r"(?:较|比|与|同|自|从)\s*$")
_SINCE = re.compile(r"\s*(?:以来|起)")
# a year that names what a document or a figure is about: 2023年度部门决算, 2023年行政执法统计年报, 含2023年结转的
# 2件 — published or counted this year, so not copied text
_ABOUT_THAT_YEAR = re.compile(
    r"\s*(?:年度|年)?[^，。；;：:！？\n\d]{0,24}?(?:决算|预算|统计年报|年报|年度报告|结转|绩效评价|绩效目标|审计|考核结果"
    r"|办理总体情况|办理情况|执行情况|工作总结|工作报告|统计公报)")
# next year named as where this year's open requests go: 结转至2024年, 顺延到2024年
_CARRIED_TO = re.compile(r"(?:结转|顺延|延期|转入|转至|延续)(?:至|到)?\s*$")
# a year's report published in that same year (2024年…年度报告…于2024年1月…公布): last year's sentence, one year moved
_REPORT_PUBLISHED = re.compile(
    r"(?P<about>\d{4})\s*年(?:度)?[^。；;\n]{0,30}?(?:年度报告|年报)[^。；;\n]{0,20}?"
    r"(?P<on>\d{4})\s*年\s*\d{1,2}\s*月(?!\s*\d{1,2}\s*日?\s*(?:至|到|[-—–~～]))"  # a period's start is no date of publishing
    r"[^。；;\n]{0,20}?(?:公布|发布|公开|上传|挂网|印发)"
)
_EARLY_MONTH = re.compile(r"\s*0?(?:1|2|3|一|二|三)\s*月")  # 2022年1月 or, as sites print a date, 2022年01月


def r11_stale_years(report: Report, ctx: RuleContext) -> list[Finding]:
    """A year of the last three (or a future year) in the prose hints at text copied from an older report."""
    return [f for slot_id, text in _texts(report, ctx) for f in _stale_years_in(ctx.fmt, slot_id, text, report.year)]


@lru_cache(maxsize=32768)  # as `_personal_in`
def _stale_years_in(fmt: Format, slot_id: str, text: str, year: int) -> tuple[Finding, ...]:
    """R11's findings on one text of a report of `year`, held: each answer's text is checked when it is given
    (`check_answer`), and again at 提交 with the whole report."""
    findings = []
    masked = mask_citations(text)
    stale, future = [], []
    for m in _YEAR.finditer(masked):
        said = int(m.group(1))
        if year - 3 <= said < year and not _is_reference(masked, m):
            stale.append(m)
        elif said > year and not _plausible_next_year(slot_id, masked, m, year):
            future.append(m)
    for m in _REPORT_PUBLISHED.finditer(masked):
        if int(m.group("on")) <= int(m.group("about")) and int(m.group("on")) >= year - 1:
            message = later("rules", "report_published_same_year", slot=slot_name(fmt, slot_id),
                            about=m.group("about"), on=m.group("on"), quote=quote(text, m.start(), m.end()))
            findings.append(Finding("R11", "warning", (slot_id,), message))
    for hits, macro in ((stale, "stale_year"), (future, "future_year")):
        if hits:
            years = "、".join(dict.fromkeys(f"{h.group(1)}年" for h in hits))
            message = later(
                "rules", macro,
                slot=slot_name(fmt, slot_id), years=years, year=year,
                quote=quote(text, hits[0].start(), hits[0].end()),
            )
            # a stale year most often means this year (a future one may mean either): offered for stale ones
            fix = Fix(slot_id, tuple((h.start(1), h.end(1), str(year)) for h in hits)) if hits is stale else None
            findings.append(Finding("R11", "warning", (slot_id,), message, fix))
    return tuple(findings)


def _is_reference(text: str, m: re.Match[str]) -> bool:
    """“较2023年”, “与2023年相比”, “自2023年以来”: comparisons and starting points; “2023年度部门决算”: what a
    document is about — not copied text."""
    return bool(_COMPARISON.search(text[max(0, m.start() - 3):m.start()]) or _SINCE.match(text, m.end())
                or _ABOUT_THAT_YEAR.match(text, m.end() - 1))


# next year with what the unit will do in it: "2021年，我局将…", "2025年计划…" — a plan, wherever the prose puts it
# (a section 五 printed without its parts lands whole in the problems slot)
_PLAN = re.compile(r"\s*(?:年度|年)?[，,、\s]*[^。；;！？\n\d]{0,10}?(?:将|拟|计划|准备|力争)")


def _plausible_next_year(slot_id: str, text: str, m: re.Match[str], year: int) -> bool:
    """Next year's plans in 五, and the publication date (January to March of next year), are fine."""
    if int(m.group(1)) != year + 1:
        return False
    return (slot_id == PLANS_SLOT or bool(_EARLY_MONTH.match(text, m.end()))
            or bool(_CARRIED_TO.search(text, max(0, m.start() - 4), m.start()))
            or bool(_PLAN.match(text, m.end())))


# --- R12 --------------------------------------------------------------------------------------------------

_OLD_CITATION = re.compile(r"国办公开办函\s*[〔\[［(（【]\s*2019\s*[〕\]］)）】]\s*60\s*号")
# the current format's notice: a unit that gives its number after the old notice's title (《…年度报告有关事项的通知》
# (国办公开办函【2021】30号), 开化县中村乡) has named the notice wrong, not written in the old format
_NEW_CITATION = re.compile(r"国办公开办函\s*[〔\[［(（【]\s*2021\s*[〕\]］)）】]\s*30\s*号")
OLD_NOTICE_TITLE = "政府信息公开工作年度报告有关事项的通知"  # 国办公开办函〔2019〕60号, cited by its title alone
# what only the 2019 trial format printed in 表二: its columns and rows (printed with stray spaces in PDFs)
OLD_COLUMNS = ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "采购项目数量",
               "采购总金额")
OLD_ROWS = ("其他对外管理服务事项", "第二十条第（九）项")
_LOOKALIKES = {"（": "[（(]", "(": "[（(]", "）": "[）)]", ")": "[）)]", "/": "[/／]?"}


def _spaced(term: str) -> re.Pattern[str]:
    """`term` as printed anywhere: spaces or a line break between any two characters, either kind of bracket."""
    return re.compile(r"\s*".join(_LOOKALIKES.get(ch, re.escape(ch)) for ch in term))


# with the 关于 its title has: a city's own notice of the year (《漳平市人民政府办公室关于编制公布2023年政府信息公开工作
# 年度报告有关事项的通知》) ends in the same words and is no old format
_OLD_NOTICE = _spaced("关于" + OLD_NOTICE_TITLE)
_OLD_TERMS = tuple((term, _spaced(term)) for term in (*OLD_COLUMNS, *OLD_ROWS))
# any of the above: a text where this finds nothing cites and names nothing of the old format
_ANY_OLD = re.compile("|".join([_OLD_CITATION.pattern, _OLD_NOTICE.pattern, *(p.pattern for _, p in _OLD_TERMS)]))


def r12_old_format(report: Report, ctx: RuleContext) -> list[Finding]:
    """The 2019 trial format: its notice cited (by number or by title), its 表二 labels in the text, or a 表二 the
    import found printed in its layout (`Report.layout_notes`)."""
    findings = _old_layout_tables(report, ctx)
    for slot_id, text in _texts(report, ctx):
        if not _ANY_OLD.search(text):  # the common case: one scan finds none of what follows
            continue
        name = slot_name(ctx.fmt, slot_id)
        numbers = list(_OLD_CITATION.finditer(text))
        current = list(_NEW_CITATION.finditer(text))
        titles = [t for t in _OLD_NOTICE.finditer(text)
                  if not any(0 <= n.start() - t.end() <= 8 for n in (*numbers, *current))]
        for m in (*numbers, *titles):  # a title with its number after it is one citation
            findings.append(Finding("R12", "error", (slot_id,),
                                    later("rules", "old_format_citation", slot=name, quote=_cited(text, m))))
        for term, pattern in _OLD_TERMS:
            m = pattern.search(text)
            if m:
                message = later("rules", "old_format_column", slot=name, term=term,
                                quote=quote(text, m.start(), m.end()))
                findings.append(Finding("R12", "error", (slot_id,), message))
    return findings


def _cited(text: str, m: re.Match[str]) -> str:
    """The citation as written: the number, or the title with its book-title marks (《…》)."""
    start = text.rfind("《", max(0, m.start() - 40), m.start())
    end = text.find("》", m.end(), m.end() + 3)
    if start >= 0 and end >= 0:
        return re.sub(r"\s+", "", text[start:end + 1])
    return re.sub(r"\s+", "", m.group())


def _old_layout_tables(report: Report, ctx: RuleContext) -> list[Finding]:
    """A table the import found printed in an older format's layout (a 2019 表二 with 上一年项目数量 …)."""
    findings = []
    tables = {t.key: t for t in ctx.fmt.tables}
    for note in report.layout_notes:  # set by the importers; none on a report typed in the chat
        if note.kind != "legacy_labels" or note.table not in tables:
            continue
        table = tables[note.table]
        message = later("rules", "old_format_table", table=f"表{table.section}", layout=note.layout,
                        labels=list(note.labels))
        findings.append(Finding("R12", "error", tuple(c.id for c in table.cells), message))
    return findings


# --- R13 --------------------------------------------------------------------------------------------------

# what a unit of another kind calls itself: a township writing 我单位 or 我局 copied a bureau's text
_NOT_A_TOWNSHIPS_WORDS = ("我单位", "我局")


def r13_self_and_others(report: Report, ctx: RuleContext) -> list[Finding]:
    """A 镇 writes 我镇 (not 我乡, 我街道, 我单位); the prose names no other unit of the area, and no other county's
    government as if it were its own. What each text gives is held (`_self_and_others_in`): every answer's text is
    checked when it is given (`check_answer`), and again with the whole report at 提交."""
    held = [_self_and_others_in(ctx.fmt, slot_id, text, report.unit, report.unit_kind, ctx.names, ctx.area)
            for slot_id, text in _texts(report, ctx)]
    # in the order of one pass of each check over all the texts: the self-words word by word (a stable sort keeps
    # the texts' order for each word), then the other checks, each text after text
    self_words = sorted((pair for found in held for pair in found[0]), key=lambda pair: pair[0])
    return [f for _, f in self_words] + [f for check in range(1, 5) for found in held for f in found[check]]


@lru_cache(maxsize=32768)  # as `_personal_in`: every text in use by 2,000 clerks typing
def _self_and_others_in(fmt: Format, slot_id: str, text: str, unit: str, unit_kind: str, names: AreaNames,
                        area: str) -> tuple[tuple, ...]:
    """R13's findings on one text: (the self-words with the place of their wrong word, the other units named, the
    townships acting, the other governments, the other places' platforms). Keyed on all R13 reads of a text — the
    format (slot names), the slot, the text, the unit's name and recorded kind (`kind_of` reads both), the area's
    names matcher (one object per area and version of its units, never changed) and the area's name."""
    report, ctx, texts = Report(unit, unit_kind, 0), RuleContext(fmt=fmt, names=names, area=area), [(slot_id, text)]
    # the text scanned once for the area's names (the other units named, and the townships said apart from them),
    # and the unit's places read once for the governments and the platforms
    named = {slot_id: list(names.hits(text, own=unit))}
    places = own_places(unit, area, names)
    return (tuple(_wrong_self_words(report, ctx, texts)), tuple(_other_unit_names(report, ctx, texts, named)),
            tuple(_other_townships(report, ctx, texts, named)), tuple(_other_governments(ctx, texts, places)),
            tuple(_other_places_platforms(report, ctx, texts, places)))


def _wrong_self_words(report: Report, ctx: RuleContext, texts: list[tuple[str, str]]) -> list[tuple[int, Finding]]:
    """A township's self-word in any other unit's prose: 我乡 in a 镇's, 我镇 in a county government's or a bureau's;
    and a bureau's (我单位, 我局) in a township's. Each finding with the place of its wrong word among those looked
    for (the order of the findings: word by word, each text after text)."""
    kind = kind_of(report)
    right = TOWNSHIP_SELF_WORDS.get(kind) or (self_word_of(UNIT_KINDS[kind], report.unit) if kind in UNIT_KINDS else None)
    if right is None:
        return []
    wrong_words = [w for w in TOWNSHIP_SELF_WORDS.values() if w != right]
    if kind in TOWNSHIP_SELF_WORDS:
        wrong_words += _NOT_A_TOWNSHIPS_WORDS
    elif kind == ZONE_KIND:
        wrong_words += UNIT_KINDS[ZONE_KIND].said_for_self  # 我委
    findings = []
    for n, wrong in enumerate(wrong_words):
        pattern = self_word_pattern(wrong)
        for slot_id, text in texts:
            hits = list(pattern.finditer(text))
            if hits:
                message = later(
                    "rules", "wrong_self_word",
                    kind=kind, right=right, wrong=wrong, slot=slot_name(ctx.fmt, slot_id),
                    quote=quote(text, hits[0].start(), hits[0].end()),
                )
                fix = Fix(slot_id, tuple((h.start(), h.end(), right) for h in hits))
                findings.append((n, Finding("R13", "warning", (slot_id,), message, fix)))
    return findings


def _other_unit_names(report: Report, ctx: RuleContext, texts: list[tuple[str, str]],
                      named: dict[str, list[NameHit]]) -> list[Finding]:
    """Another unit of the area named by any of its forms (龙亭区柳园口乡, 柳园口乡 …): one scan per text for all
    (`named`: the hits of each text)."""
    findings = []
    below_a_government = kind_of(report) not in _GOVERNMENT_KINDS
    for slot_id, text in texts:
        by_unit: dict[str, list[NameHit]] = {}
        for hit in named[slot_id]:
            if below_a_government and _A_GOVERNMENT.search(hit.unit) and not _acts(text, hit.start):
                continue  # 依托示范县人民政府门户网站: a township or a bureau publishes on its government's portal
            by_unit.setdefault(hit.unit, []).append(hit)
        for hits in by_unit.values():
            first = hits[0]
            # where the name is the one who acts (“2025年，柳园口乡坚持…”) it stood for the unit itself; elsewhere
            # (“与柳园口乡联合…”) no replacement can be guessed, nor which account (柳园口发布) is the unit's own
            subjects = tuple((h.start, h.end, self_word(report)) for h in hits
                             if _opens_clause(text, h.start) and not h.account)
            fix = Fix(slot_id, subjects) if subjects else None
            findings.append(Finding("R13", "warning", (slot_id,), _other_unit_message(ctx, slot_id, text, first), fix))
    return findings


# the government of a county, district or city: a township's or a bureau's text names it where it publishes (依托示范县
# 人民政府门户网站) or is told (按照示范县人民政府部署); only as the one acting (2025年，示范县人民政府坚持…) was its text
# pasted in. Another government's text naming it stays flagged
_A_GOVERNMENT = re.compile(r"(?:县|区|市|旗)人民政府$")
_GOVERNMENT_KINDS = ("县级政府", "设区的市政府", "省级政府")
_AFTER_A_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?\s*$")


def _acts(text: str, at: int) -> bool:
    """The name at `at` is the one acting: it opens a clause, or follows the year (2025年示范县人民政府坚持…)."""
    return _opens_clause(text, at) or bool(_AFTER_A_YEAR.search(text, 0, at))


def _other_unit_message(ctx: RuleContext, slot_id: str, text: str, hit: NameHit) -> str:
    if hit.account:
        return later("rules", "other_unit_account", slot=slot_name(ctx.fmt, slot_id), account=hit.form,
                     unit=hit.unit, quote=quote(text, hit.start, hit.end))
    return later("rules", "other_unit", slot=slot_name(ctx.fmt, slot_id), name=hit.form,
                 quote=quote(text, hit.start, hit.end))


def _other_townships(report: Report, ctx: RuleContext, texts: list[tuple[str, str]],
                     named: dict[str, list[NameHit]]) -> list[Finding]:
    """A township that is not this unit named as the one who acts (“2023年，城关镇坚持…”), known to the area's list
    or not: a paragraph pasted from another unit's report. A county's own report may speak of its townships."""
    if kind_of(report) in _SPEAKS_OF_TOWNSHIPS:
        return []
    findings = []
    for slot_id, text in texts:
        listed = [(h.start, h.end) for h in named[slot_id]]  # said by _other_unit_names
        by_name: dict[str, list[NameHit]] = {}
        for hit in (*townships_as_subject(text, own=report.unit), *townships_in_accounts(text, own=report.unit)):
            if not any(start < hit.end and hit.start < end for start, end in listed):
                by_name.setdefault(hit.form, []).append(hit)
        for hits in by_name.values():
            acting = tuple((h.start, h.end, self_word(report)) for h in hits if not h.account)
            findings.append(Finding("R13", "warning", (slot_id,), _other_unit_message(ctx, slot_id, text, hits[0]),
                                    Fix(slot_id, acting) if acting else None))
    return findings


# the kinds whose report may well name a township as the one who acts (县政府: 城关镇开展试点; a zone of the towns and
# streets it administers: 杭埠镇完成征迁公示)
_SPEAKS_OF_TOWNSHIPS = ("县级政府", "设区的市政府", "省级政府", "开发区")


def _opens_clause(text: str, at: int) -> bool:
    return at == 0 or text[at - 1] in "，,。；;：:！!？?\n 、"


def self_word(report: Report) -> str:
    """How the unit names itself: 我镇, 我街道, 我局 …; 本单位 when its kind is unknown."""
    kind = kind_of(report)
    return TOWNSHIP_SELF_WORDS.get(kind) or (self_word_of(UNIT_KINDS[kind], report.unit) if kind in UNIT_KINDS
                                             else "本单位")


def _other_governments(ctx: RuleContext, texts: list[tuple[str, str]], places: tuple[str, ...]) -> list[Finding]:
    """郸城县人民政府网站 in the report of a township of 延津县: text copied from another county (`places`: the unit's
    own, `own_places`)."""
    findings = []
    for slot_id, text in texts:
        by_place: dict[str, list[GovernmentHit]] = {}
        for hit in other_governments(text, places):
            by_place.setdefault(hit.place, []).append(hit)
        for place, hits in by_place.items():
            message = later("rules", "other_government", slot=slot_name(ctx.fmt, slot_id), place=place,
                            own=places[-1], quote=quote(text, hits[0].start, hits[0].end))
            fix = Fix(slot_id, tuple((h.start, h.start + len(place), places[-1]) for h in hits))
            findings.append(Finding("R13", "warning", (slot_id,), message, fix))
    return findings


def _other_places_platforms(report: Report, ctx: RuleContext, texts: list[tuple[str, str]],
                            places: tuple[str, ...]) -> list[Finding]:
    """云上延津 in the report of a township of 龙亭区: a platform named after another place, flagged as an account
    named after another township is; no replacement is guessed (the clerk knows which platform is the unit's)."""
    findings = []
    for slot_id, text in texts:
        seen: set[str] = set()
        for hit in platforms_of_other_places(text, places, own=report.unit):
            if hit.platform not in seen:
                seen.add(hit.platform)
                message = later("rules", "other_place_platform", slot=slot_name(ctx.fmt, slot_id),
                                platform=hit.platform, place=hit.place, own=places[-1],
                                quote=quote(text, hit.start, hit.end))
                findings.append(Finding("R13", "warning", (slot_id,), message))
    return findings


# --- R14 --------------------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"[XＸ]{2,}|[×＊*○]{2,}|某某|\[bookmark[^\]]*\]|【[^】]*(?:填写|填报|待定|待补|补充|此处)[^】]*】"
)


def r14_completeness(report: Report, ctx: RuleContext) -> list[Finding]:
    return _missing_parts(report, ctx) + _empty_five(report, ctx) + _placeholders(report, ctx)


# what a part of 一 may be about that is none of the five parts (群众咨询和投诉 is not 政府信息管理)
_OFF_TOPIC = re.compile(r"咨询|投诉|信访|举报|热线|12345|便民服务|政务服务|党建|安全生产")


def _missing_parts(report: Report, ctx: RuleContext) -> list[Finding]:
    """Each titled part of 一 is there by its meaning: its own slot speaks of it (its names, aliases and signals:
    主动公示, 政务信息公开申请, 保密审查, 网站 …), or holds text that is about neither another topic (群众咨询和投诉 is
    not 政府信息管理) nor only another part of 一 (a 依申请公开 that speaks only of 主动公开 is no 依申请公开; a part cut
    short, or mixed with its neighbour's words beside its own, is given the benefit of the doubt); else some other text
    of 一 names it (its keywords and aliases)."""
    parts = [s for s in ctx.fmt.slots if s.section == "一" and s.title]
    texts = {s.id: _without_outline(report.text.get(s.id) or "", ctx.fmt) for s in ctx.fmt.slots if s.section == "一"}
    missing = []
    for part in parts:
        own = texts[part.id]
        if _about(part, own):
            continue
        if own.strip() and not _OFF_TOPIC.search(own) and not _speaks_of_another(part, own, parts):
            continue  # its place holds text that is not about something else: the part is there
        if any(_names(part, text) for slot_id, text in texts.items() if slot_id != part.id):
            continue
        missing.append(part)
    if not missing:
        return []
    message = later("rules", "parts_missing", parts="、".join(f"“{s.title}”" for s in missing))
    return [Finding("R14", "warning", tuple(s.id for s in missing), message)]


_OUTLINE_TITLES = 3  # a sentence naming this many section titles lists what the report holds


def _without_outline(text: str, fmt: Format) -> str:
    """The text less the sentences that list the report's sections (“内容包括总体情况、主动公开政府信息情况、收到和
    处理政府信息公开申请情况…”): such a sentence is about no part of 一."""
    titles = [s.title for s in fmt.sections]
    sentences = re.split(r"(?<=[。；;])", text)
    return "".join(s for s in sentences if sum(t in s for t in titles) < _OUTLINE_TITLES)


def _about(part: ProseSlot, text: str) -> bool:
    return _names(part, text) or any(word in text for word in part.signals)


def _speaks_of_another(part: ProseSlot, text: str, parts: list[ProseSlot]) -> bool:
    """The text names another part of 一 by its own name (主动公开 in the place of 依申请公开). Only by name: an alias
    such as 政务新媒体 is shared by parts in real reports (政府信息管理 that checks the 政务新媒体)."""
    return any(word in text for p in parts if p.id != part.id for word in p.keywords)


def _names(part: ProseSlot, text: str) -> bool:
    return any(word in text for word in (*part.keywords, *part.aliases))


def _empty_five(report: Report, ctx: RuleContext) -> list[Finding]:
    slots = tuple(s.id for s in ctx.fmt.slots if s.section == "五")
    if any((report.text.get(s) or "").strip() for s in slots):
        return []
    return [Finding("R14", "warning", slots, later("rules", "five_empty"))]


def _placeholders(report: Report, ctx: RuleContext) -> list[Finding]:
    findings = []
    for slot_id, text in _texts(report, ctx):
        m = _PLACEHOLDER.search(text)
        if m:
            message = later("rules", "placeholder", slot=slot_name(ctx.fmt, slot_id), token=m.group(),
                                    quote=quote(text, m.start(), m.end()))
            findings.append(Finding("R14", "warning", (slot_id,), message))
    return findings


def _texts(report: Report, ctx: RuleContext) -> Iterator[tuple[str, str]]:
    """The prose slots in the format's order, skipping empty ones."""
    # the slot ids held by the format, not rebuilt: every prose rule walks them, for every answer checked
    for slot_id in ctx.fmt._held("_slot_id_tuple", lambda: ctx.fmt.slot_ids):
        text = report.text.get(slot_id)
        if text and text.strip():
            yield slot_id, text


# --- R16 ---------------------------------------------------------------------------------------------------

# a mobile number, an identity card number, or a person called by a familiar name (小王, 老李): a published report
# names its office and its telephone line, never a person's own number or a colleague or applicant by name
_PERSONAL = re.compile(
    r"(?<!\d)1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)"
    r"|(?<!\d)\d{17}[\dXx](?![\dXx])|" + FAMILIAR_NAME.pattern
)


def r16_personal_data(report: Report, ctx: RuleContext) -> list[Finding]:
    findings = []
    for slot_id, text in _texts(report, ctx):
        for m in _personal_in(text):
            message = later("rules", "personal_data", slot=slot_name(ctx.fmt, slot_id), token=m.group(),
                            quote=quote(text, m.start(), m.end()))
            findings.append(Finding("R16", "warning", (slot_id,), message))  # no fix: the sentence is rewritten
    return findings


@lru_cache(maxsize=32768)  # as R9's claims (`claims._slot_claims`): every text in use by 2,000 clerks typing
def _personal_in(text: str) -> tuple[re.Match[str], ...]:
    """The personal data of a text, held: each answer's text is scanned when it is given (`check_answer`), and again
    at 提交 with the whole report."""
    return tuple(_PERSONAL.finditer(text))


# --- R17 ---------------------------------------------------------------------------------------------------

_SELF = "\x00self"  # the fix is the unit's own self-word (我乡、我镇、我街道)
_DOING = "\x00doing"  # the fix is the report's verb for a spoken verb of doing, as the drafting writes it

# what a clerk says inside a sentence that a 公文 never prints, one scan for all (no fix is guessed: each needs the
# sentence rewritten): a particle inside a clause (三百多条吧还有…, not 网吧, 酒吧, 百度贴吧, 吧台, 毛呢), the year before
# compared aloud (跟去年一样), 没 before a word (没超期; 没有 is written; 没收, 淹没 are words), 有个 (有个是问…; not 有个别,
# 含有个人信息), what an applicant was asking (是问…; not 是问题), 他/她 for the applicant (not 其他, 他人, 挪作他用, 她力量,
# nor 六's title with its characters swapped: 其进他需要报告的事项),
# a clause closed with a word said aloud (对了, 好了), a duty done on the side (兼着) and the speaker alone (就我一个人)
_SAID_INSIDE = re.compile(  # each branch opens with its character: the scan skips to those (no lookbehind first)
    r"吧(?<=[\u3400-\u9fff\d]吧)(?<![网酒贴书氧水茶陶]吧)(?=\s*[\u3400-\u9fff])(?!台)"
    r"|啊(?<=[\u3400-\u9fff\d]啊)(?=\s*[\u3400-\u9fff])"
    r"|呢(?<=[\u3400-\u9fff\d]呢)(?<![毛嘛]呢)(?=\s*[\u3400-\u9fff])(?!绒|子)"
    r"|跟(?:去年|往年|上年|上一年|以前|之前|过去|前几年)(?:一样|差不多|相同|似的)?"
    r"|和(?:去年|往年|以前|过去)(?:一样|差不多)|同(?:去年|往年|以前|过去)(?:一样|差不多)"
    r"|没(?<![淹埋出沉覆湮隐吞泯]没)(?!有|收)(?=[\u3400-\u9fff])"
    r"|有个(?!别|人|体|案|性|税)"
    r"|是问(?!题|责|卷|答|政|询|效|需|计|候|号|世|鼎)(?=[\u3400-\u9fff])"
    r"|他(?<![其排利吉无]他)(?!人|们|乡|国|处|方|日|用|物|律|山|者|需要报告)|她(?!们|力量)"
    r"|对了(?=[，。；！？、]|$)|好了(?=[，。；！？、]|$)|算了(?=[，。；！？、]|$)|完了(?=[，。；！？、]|$)"
    r"|兼着"
    r"|就我[一1]个人|只有我[一1]个人|我[一1]个人"
)
# what 没 stands for 未 before (没超期 → 未超期), with the drafting's verbs (未开展, 未收到 …)
_NEGATED_VERBS = ("超期|超时|逾期|按时|按期|及时|开展|发生|收到|出现|组织|举办|发布|公开|制定|修订|建立|设置|开设|收取|作出"
                  "|更新|答复|回复|办理|处理|受理")
_TOLD = "告知|告诉|答复|通知|引导|指导|联系|回复"  # who is told what to do in a report's account is the applicant

# what a careless clerk's words left in an approved report (QA32), each opening with its characters where it can: 那个
# as an item of a list or before a sentence's first word, 老百姓 (群众; a saying quoted keeps it), 告 for an appeal
# (不服告的; not 报告、公告、通告 …), 镇里/乡里/村里 for a body a report names, 做的 before how it went (做得), 建议办N件, a
# word typed twice (网站网站; 人民政府政府信息 is two words), an English word against Chinese (wechat; not a quoted
# name, an address, App or PDF) and a count with no noun after what was published (发布约10个)
_CJK_CHAR = r"[\u3400-\u9fff]"
_NOT_QUOTED = r"(?![^“”]*”)"
_LEFT_BY_A_CARELESS_CLERK: tuple[tuple[re.Pattern[str], Replacement | None], ...] = (
    (re.compile(r"那个(?<=、那个)、|、那个(?=[，。；]|$)"), ""),
    (re.compile(rf"那个(?<=[。；]那个)(?={_CJK_CHAR})|^那个(?={_CJK_CHAR})"), ""),
    (re.compile(rf"老百姓{_NOT_QUOTED}"), "群众"),
    (re.compile(rf"告(?<![报公通警忠劝控宣预广原被申布转上诬状祷敬奉祝文]告)[的了]{_NOT_QUOTED}"), None),
    (re.compile(r"(?:镇|乡|村|街道)里(?<!城乡里)(?=[的\u3400-\u9fff])"), None),
    (re.compile(r"([做干])的(?=(?:还|也)?(?:较|比较|很|不够|不|太|有点|有些|非常)?(?:少|多|好|差|慢|快|及时|到位|扎实|够)"
                r"(?:[，。；、]|$))"), r"\1得"),
    (re.compile(r"(?:建议|提案)办(?=[\d一二两三四五六七八九十])"), None),
    (re.compile(r"(?!一|政府政府|工作工作人员)([\u4e00-\u9fff]{2,4})\1"), r"\1"),
    (re.compile(rf"(?:(?<={_CJK_CHAR})|(?={_CJK_CHAR}*[A-Za-z]+{_CJK_CHAR}))(?<![A-Za-z0-9.@/:_\-])"
                r"(?!(?i:app|word|excel|wps|pdf|e-?mail)(?![A-Za-z]))(?=[A-Za-z]*[a-z])[A-Za-z]{2,}"
                rf"(?![A-Za-z0-9.@/:_\-]){_NOT_QUOTED}"), None),
    (re.compile(r"(?<=发布|推送|更新|公开|上传|制作|拍摄)约?[\d一二两三四五六七八九十百]+余?个(?=[，。；、]|$)"), None),
)

# spoken words a published report does not print, each with the word a report uses ("" = delete); a small table
# of words that are colloquial wherever they stand (搞好 and 没收 are formal: left alone)
_SPOKEN = (
    # 搞了个、搞了 + what was done: the report's verb is the drafting's (spoken.VERBS_OF_DOING: 搞了两次培训 → 开展,
    # 弄了个台账 → 建立, 弄了宣传栏 → 设置了); where the thing done does not say which, no verb is guessed
    (re.compile(r"(?:搞|弄|整)了?(?:一个|一套|个|套)"), _DOING),
    (re.compile(r"搞(?!好|活|清|准|了?(?:个|一个|一套|套))了?|弄(?!了?(?:个|一个|一套|套))了?"), _DOING),
    # 大概 or 差不多 before no figure (大概完成): which word a report uses depends on what is said, no fix is guessed;
    # before a figure it is spoken.ROUGH_COUNT's (大概两百条 → 约两百条)
    (re.compile(r"大概|差不多|大约(?=有)"), None),
    (re.compile(r"啥|咋|俺|咱们?"), None),
    # (not the 吧 of a place: 网吧、酒吧、百度贴吧)
    # (opening with the particle, so the scan skips to one; not the 吧 of a place: 网吧、酒吧、百度贴吧)
    (re.compile(rf"[{END_PARTICLES}](?<=[\u3400-\u9fff\d][{END_PARTICLES}])(?<![网酒贴书氧水茶陶]吧)[{END_PARTICLES}]*"
                r"(?=[，。；！？、]|$)"), ""),
    # the speaker (我们, 我们单位): a report names itself with its own kind (我乡、我镇); the topic said aloud (网站这块)
    (re.compile(r"我们(?:单位|这边|这里|乡里|镇里|乡|镇|街道)?(?![^“”]*”)"), _SELF),  # not in a quoted name
    THIS_PART,  # in its place among the words said aloud, and scanned for once (ASIDES holds it too, below)
    (re.compile(r"(?:^|(?<=[，。；]))(?:嗯|呃)+[，、\s]*|(?<=[，。；])那个[，、\s]+"), ""),
    (re.compile(r"(?<!城)(?:县|区|市)里(?=[的\u3400-\u9fff])"), None),  # 县里表扬: which body, a report names it
    # said inside a sentence, where nothing but rewriting it helps (QA27 finding 3); none of these is in the corpus's
    # published reports, which write 与上年相比, 未超期, 申请人, 由专人兼职负责
    (_SAID_INSIDE, None),
    *_LEFT_BY_A_CARELESS_CLERK,
    (re.compile(rf"没(?=(?:{_NEGATED_VERBS}))"), "未"),  # 没超期 → 未超期, as the drafting writes 没开展 (未开展)
    (re.compile(rf"[他她](?<=(?:{_TOLD})[他她])(?!们)"), "申请人"),  # 告知他去找… → 告知申请人…
    # a clause closed with 了 (…去找县自然资源局了。); a report closes it with the verb's object (…更新了12期 is written)
    (re.compile(r"了(?<=[\u3400-\u9fff]了)(?<![明为除罢终未了对好算完]了)(?=[，。；！？]|$)"), ""),
    # what the drafting writes as a report does too (的话, 那些 → 等, 大概 → 约, 挺好 → 较好 …); 这块 is above: a
    # second scan for it found only what the first had, never kept
    *(aside for aside in ASIDES if aside is not THIS_PART),
)


def r17_spoken_words(report: Report, ctx: RuleContext) -> list[Finding]:
    """One finding per sentence that says something aloud, naming each of its spoken words, with the written word
    where one is certain (a clerk reading five near-identical lines for one sentence on a phone reads none)."""
    findings = []
    for slot_id, text in _texts(report, ctx):
        masked, hits = _spoken_in(text)
        for (start, end), said in _by_sentence(masked, hits):
            fixes = [(m, _spoken_fix(report, slot_id, masked, m, formal)) for m, formal in said]
            edits = _apart([edit for _, fix in fixes if fix for edit in fix.edits])
            fix = Fix(slot_id, edits) if edits else None
            message = later("rules", "spoken_words", slot=slot_name(ctx.fmt, slot_id),
                            words=list(dict.fromkeys(word for m, formal in said for word in _words_said(m, formal))),
                            # the sentence with its closing mark, where a quote's cut stops
                            quote=quote(text[start:end + 1], said[0][0].start() - start, said[-1][0].end() - start),
                            pairs=fix.pairs(text) if fix else [],
                            rewrite=list(dict.fromkeys(m.group() for m, fix in fixes if fix is None)))
            findings.append(Finding("R17", "warning", (slot_id,), message, fix))
    return findings


def _words_said(m: re.Match[str], formal: Replacement | None) -> list[str]:
    """The spoken words a finding names for one hit: the hit, or in an assessment's result rewritten whole (年底县里考核
    政务公开得了优秀) only its spoken words (县里, 得了), not the written ones around them."""
    # (the pause a filler takes with it, 那个、, is not said: the word is)
    return SAID_IN_ASSESSED.findall(m.group()) if formal is ASSESSED[1] else [m.group().strip("，、 ") or m.group()]


def _apart(edits: list[tuple[int, int, str]]) -> tuple[tuple[int, int, str], ...]:
    """The edits of one sentence's fix, each left out where it overlaps one before it (a verb of doing's written verb
    may reach past its spoken word): one fix applies them all at once."""
    kept: list[tuple[int, int, str]] = []
    for start, end, new in edits:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, new))
    return tuple(kept)


def _by_sentence(text: str, hits: tuple[tuple[re.Match[str], Replacement | None], ...]
                 ) -> list[tuple[tuple[int, int], list[tuple[re.Match[str], Replacement | None]]]]:
    """The sentences of `text` that say something aloud, in order: each one's span and its spoken words (a word at
    a stray mark, outside any sentence, is a sentence of its own)."""
    spans = list(sentences(text)) if hits else []
    by_span: dict[tuple[int, int], list[tuple[re.Match[str], Replacement | None]]] = {}
    for m, formal in hits:
        span = next(((start, end) for start, end in spans if start <= m.start() < end), m.span())
        by_span.setdefault(span, []).append((m, formal))
    return list(by_span.items())


@lru_cache(maxsize=32768)  # as `_personal_in`
def _spoken_in(text: str) -> tuple[str, tuple[tuple[re.Match[str], Replacement | None], ...]]:
    """The text with its citations masked, and its spoken words (`_spoken_hits`), held: the twenty patterns ran over
    each answer's text when it was given (`check_answer`), and again over every text at 提交."""
    masked = mask_citations(text)
    return masked, tuple(_spoken_hits(masked))


def _spoken_hits(text: str) -> list[tuple[re.Match[str], Replacement | None]]:
    """The spoken words of `text` in order, each flagged once: where two entries find words that overlap (大概 alone,
    大概两百条 as a rough count), the longer finding, else the one with a fix, is kept."""
    hits = sorted(((m, formal) for pattern, formal in _SPOKEN for m in pattern.finditer(text)),
                  key=lambda hit: (hit[0].start(), -hit[0].end(), hit[1] is None))
    kept: list[tuple[re.Match[str], Replacement | None]] = []
    for m, formal in hits:
        if not kept or m.start() >= kept[-1][0].end():
            kept.append((m, formal))
    return kept


def _spoken_fix(report: Report, slot_id: str, text: str, m: re.Match[str], formal: Replacement | None) -> Fix | None:
    """The written word for one spoken word: the unit's self-word, the drafting's verb of doing, or the table's word."""
    if formal is None:
        return None
    if formal is _DOING:
        edit = doing_as_written(text, m.start())
        return Fix(slot_id, (edit,)) if edit else None
    if callable(formal):  # the clause as a report states it (spoken.ASSESSED)
        return Fix(slot_id, ((m.start(), m.end(), formal(m)),))
    written = self_word(report) if formal is _SELF else m.expand(formal)
    return Fix(slot_id, ((m.start(), m.end(), written),))


# --- R18 ---------------------------------------------------------------------------------------------------

# what a published report can never say: that something is not known (评议不清楚), a question (是不是就是上面填的, …吗),
# or a guess at how much was said (大概就这些). A question mark asks only after words: alone on a line it stands for a
# character a web page lost. Unlike R17's spoken words no rewording helps: the fact must be found
# out or the words removed, so it is an error, and 确认提交 cannot hand it in
_UNSTATED = re.compile(
    r"不清楚(?<!职责不清楚)(?<!分工不清楚)|不知道|不确定|说不准|记不清|待核实|待确认"
    r"|是不是|要不要|能不能|有没有|(?:吗|(?<=[\u3400-\u9fff])[？?])(?=[，。；！、”]|$)|大概就|差不多就|多少字"
)


def r18_unstated_words(report: Report, ctx: RuleContext) -> list[Finding]:
    """One finding per sentence of the prose that says something is unknown or asks a question."""
    findings = []
    for slot_id, text in _texts(report, ctx):
        sentences: set[int] = set()
        for m in _UNSTATED.finditer(text):
            start = max(text.rfind(mark, 0, m.start()) for mark in "。；！\n") + 1
            if start in sentences:  # one finding a sentence
                continue
            sentences.add(start)
            message = later("rules", "unstated_words", slot=slot_name(ctx.fmt, slot_id), word=m.group(),
                            quote=quote(text, m.start(), m.end()))
            findings.append(Finding("R18", "error", (slot_id,), message))
    return findings
