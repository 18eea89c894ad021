"""Checking as the user goes (after each table) and before submitting, with the command that fixes each finding."""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from functools import cache, lru_cache

from .. import jsontext, messages
from ..findings import Finding
from ..formats import Format
from ..formats.questions import Question
from ..report import Report
from ..rules import CELL_RULES, RULES, check_answer, check_rules, rules_affected_by
from ..rules.names import area_names
from .facts import words_shared
from .flow import Turn, is_relevant, menu_rows_question, owners, question, relevant_questions

_MAX_FIXES = 2  # one line of at most two 修改 commands per finding
_MAX_LISTED = 6  # a longer list is summarised: the rest come back on the next 提交
_LISTED_BYTES = 1500  # and the list stays well inside one 2048-byte reply


def findings_now(turn: Turn) -> list[Finding]:
    """All the report's findings, as `check_report` orders them: the error rules' (held since the last answer's
    `errors_now`, as 提交 follows it) and the warning rules', each held while the report stays as it is."""
    digest = _inputs_digest(turn.derived(), turn.ctx.previous)  # one digest for both (about 20 µs each)
    found = _held_findings(turn, _ERROR_RULES, digest) + _held_findings(turn, _WARNING_RULES, digest)
    return sorted(found, key=lambda f: (f.level != "error", _RULE_ORDER[f.rule]))


def prose_findings(turn: Turn, slot: str, text: str) -> list[Finding]:
    """R9, R11 and R13 on one prose answer, as it is given (`bot.rules.check_answer`, the checks `nianbao check`
    and 查看 run too)."""
    report = turn.derived()
    return check_answer(slot, text, report, other_units=turn.ctx.other_units, area=turn.ctx.area, fmt=turn.fmt)


def errors_now(turn: Turn) -> list[Finding]:
    """The report's errors: the rules declared at the level "error" only (a warning rule finds no error)."""
    return [f for f in _held_findings(turn, _ERROR_RULES) if f.level == "error"]


_ERROR_RULES = tuple(rule_id for rule_id, rule in RULES.items() if rule.level == "error")
_WARNING_RULES = tuple(rule_id for rule_id in RULES if rule_id not in _ERROR_RULES)


def _held_findings(turn: Turn, rules: tuple[str, ...], digest: bytes | None = None) -> list[Finding]:
    """`check_rules(turn.derived(), rules, …)` of the turn's context, computed once for a report as it stands:
    进度 after 提交 (and after the last answer) finds the report as those left it. `digest`: the report's
    `_inputs_digest`, when the caller made it already."""
    report, ctx = turn.derived(), turn.ctx
    reads = {part for rule_id in rules for part in RULES[rule_id].reads.context}
    names = area_names(ctx.other_units) if "names" in reads else None
    area = ctx.area if "area" in reads else ""
    held = _findings_held(turn.fmt, rules, names, area, digest or _inputs_digest(report, ctx.previous))
    if not held:
        held.append(tuple(check_rules(report, rules, previous=ctx.previous, fmt=turn.fmt, other_units=names or (),
                                      area=area)))
    return list(held[0])


@lru_cache(maxsize=4096)  # two for each clerk at the end of the script (errors, warnings), 2,000 clerks at once
def _findings_held(fmt: Format, rules: tuple[str, ...], names: object, area: str, digest: bytes) -> list:
    """Where the findings of `rules` are held for these inputs — the format, the area's names and name (for the
    rules reading them: `Reads.context`), and the digest of the report and last year's (`_inputs_digest`) — once
    computed: empty until then."""
    return []


def _inputs_digest(report: Report, previous: Report | None) -> bytes:
    """A digest of all a rule may read of the report — every field — and of last year's: its cells (R6, R8 and R15
    read nothing else of it). A cell holds an int, a Decimal or None (`Report`): a Decimal is written with its
    exponent, as 0.50 and 0.5 are shown differently."""
    inputs = (report.unit, report.unit_kind, report.year, report.format_id, sorted(report.not_found),
              [note.to_dict() for note in report.layout_notes], report.cells, report.text,
              None if previous is None else previous.cells)
    return hashlib.sha256(jsontext.dumps_bytes(inputs, default=_exact_number)).digest()  # SHA-NI: 3× blake2b's speed


def _exact_number(value: object) -> object:
    if isinstance(value, Decimal):
        return {"Decimal": str(value)}
    raise TypeError(f"{type(value).__name__} is not a cell value")


def errors_touching(turn: Turn, cells: tuple[str, ...] | set[str]) -> list[Finding]:
    """The errors naming one of `cells`, from only the rules that read them or a total they feed
    (`rules_affected_by`), each looking at the rows and sums holding them: a fraction of a full check — this runs
    after every answer."""
    report = turn.derived()
    rules = _rules_reading(turn.fmt, frozenset(cells))
    return [f for f in check_rules(report, rules, previous=turn.ctx.previous, fmt=turn.fmt,
                                   other_units=turn.ctx.other_units, about=cells) if f.level == "error"]


@cache
def _rules_reading(fmt: Format, cells: frozenset[str]) -> tuple[str, ...]:
    """The rules that read `cells` or a total they feed (held per format and set of cells: one per question)."""
    changed = set(cells)
    for s in sorted(fmt.sums, key=lambda s: s.rule != "R3"):  # row totals first, as with_derived sums them
        if changed & set(s.addends):
            changed.add(s.target)
    return rules_affected_by(changed, fmt)


def key(f: Finding) -> str:
    return f"{f.rule}:{','.join(f.cells)}"


def where(fmt: Format, f: Finding) -> str:
    """Where the finding is, from its cells: 一、总体情况 for a text, 表三 for a table."""
    slots = {s.id: s for s in fmt.slots}
    for cell in f.cells:
        if cell in slots:
            return fmt.section(slots[cell].section).heading if slots[cell].section else "报告开头"
    for cell in f.cells:
        if fmt.has_cell(cell):
            return f"表{fmt.table(fmt.cell(cell).table).section}"
    return ""


def _fix_cells(fmt: Format, f: Finding) -> tuple[str, ...]:
    """A balance is fixed on its results side first (办理结果), then its input side (新收)."""
    for b in fmt.balances:
        if b.rule == f.rule and set(b.left + b.right) == set(f.cells):
            return b.right + b.left
    return f.cells


def fix_targets(turn: Turn, f: Finding, asking: str | None = None) -> list[tuple[str, str]]:
    """The questions to reopen: not a computed one (it follows the others), nor the one being asked anyway."""
    codes = list(dict.fromkeys(code for cell in _fix_cells(turn.fmt, f) for code in owners(turn.fmt, cell)))
    found = [q for q in (question(turn.fmt, c) for c in codes) if q is not None and q.kind != "computed"]
    if len(found) > _MAX_FIXES:
        found = [q for q in found if q.kind != "prefill"] or found
    reachable = list(dict.fromkeys(reachable_question(turn, q) for q in found))
    return [(q.code, f"「{q.title}」") for q in reachable if q.code != asking][:_MAX_FIXES]


def reachable_question(turn: Turn, q: Question) -> Question:
    """The question a 修改 can open for `q`: `q` itself, or the gate (or menu) that closed it (3.3 behind 3.1 = 否)."""
    seen = 0
    while not is_relevant(turn.fmt, turn.state, q) and seen < 3:
        seen += 1
        if q.gate and turn.state["gates"].get(q.gate) is False:
            q = question(turn.fmt, q.gate) or q
        elif q.menu:
            q = question(turn.fmt, q.menu) or q
    return q


def own_errors(turn: Turn, code: str, cells: tuple[str, ...]) -> list[Finding]:
    """The errors an answer to `code` just caused among `cells` and that no other question's answer can fix (R7 for a
    街道's 规章): the question is asked again rather than left behind with an error."""
    typed = set(cells)
    return [
        f for f in errors_touching(turn, typed)
        if typed & set(f.cells) and all(owners(turn.fmt, c) == [code] for c in f.cells)
    ]


def gate_errors(turn: Turn, q: Question) -> list[Finding]:
    """否 at a gate makes every cell behind it 0: an error among those cells only (R6: 上年结转 0, though last year
    carried 1 over) is that answer's own consequence, so the gate is asked again, as R7 keeps 2.1."""
    if q.kind != "gate" or turn.state["gates"].get(q.code) is not False:
        return []
    closed = set(q.cells)
    return [f for f in errors_touching(turn, closed) if f.cells and set(f.cells) <= closed]


def reason_example(warnings: list[Finding]) -> str:
    """The reason shown in 「确认 原因」: one that fits the warnings listed (a fee warning is not about 审批事项)."""
    rules = {f.rule for f in warnings}
    return messages.text("dialog", "reason_example", rule=rules.pop() if len(rules) == 1 else "")


# --- a return reason → the questions it concerns ---------------------------------------------------------------------

_GENERIC = frozenset({"其他", "总计", "合计", "其他处理", "其他结果"})
_NUMERALS = "一二三四五六七八九十"
# 六、 · 第六部分 · 第六段 · 五（二）; and, for a numeral rarer in prose than 一, 六未写 / 六缺 / 六里面 / 六的 …
_SECTION_NAMED = r"(?<![表\d{all}])第?{n}(?:、|部分|节|段|[（(])"
_SECTION_SAID = r"(?<![表第\d{all}]){n}(?=没|未|缺|应|需|要|中|里面|里头|的)"


def concerned_questions(turn: Turn, reason: str) -> list[str]:
    """The questions a return reason names — by code, title, table row or column label, prose heading or section
    number (行政许可 → 2.3, 监督保障 → 1.6, 六 → 6.1) — in the order they are asked; else those its findings point at."""
    named = _named_in(turn, _prose_quotes_blanked(turn, reason)) or _quoted_in(turn, reason)
    if named:  # a part named and a phrase only another part says (还有“老百姓不服告的”这句): that part too
        named += _phrases_in(turn, reason)
    else:
        named = [c for f in errors_now(turn) for cell in f.cells for c in owners(turn.fmt, cell)[:1]]
    found: list[str] = []
    for code in named:
        q = question(turn.fmt, code)
        if q is not None:
            found.append(reachable_question(turn, q).code)
    order = {q.code: i for i, q in enumerate(turn.fmt.questions)}
    return sorted(dict.fromkeys(found), key=order.__getitem__)


# a phrase a reason quotes: 六里面“暂无收过费”重复了
_QUOTES = re.compile(r"[“「\"‘']([^”」\"’']{2,})[”」\"’']")


def warnings_concerned(turn: Turn, reason: str, warnings: list[Finding]) -> list[Finding]:
    """The warnings a return reason concerns: those on a question it names or quotes (监督保障要写社会评议结果 → the
    warning that 监督保障 states no 社会评议), and those whose words hold a phrase it quotes. Only the questions the
    reason itself points at count: a reason naming nothing concerns no warning accepted (they stay accepted)."""
    named = set(_named_in(turn, reason) or _quoted_in(turn, reason))
    quoted = [q for q in _QUOTES.findall(reason) if q.strip()]
    return [f for f in warnings
            if any(code in named for cell in f.cells for code in owners(turn.fmt, cell))
            or any(q in f.message for q in quoted)]


def _paragraphs(turn: Turn) -> dict[str, str]:
    """Prose question code → its paragraph as it stands ("" when not written)."""
    return {q.code: turn.report.text.get(q.slot) or "" for q in turn.fmt.questions if q.kind == "prose" and q.slot}


_QUOTED_LEAST = 3  # characters: 公众号, 网站发布 — two (信息, 公开) are in every part


def _quoted_in(turn: Turn, reason: str) -> list[str]:
    """The prose questions whose paragraph a reason naming no part quotes (政务公众号推送的数字有误 → 1.2, whose text
    says 政务公众号, and 1.1, whose opening lists it again): the longest run of words the reason shares with a
    paragraph, where at most one other paragraph holds it (信息公开 is in every one)."""
    texts = _paragraphs(turn)
    shared = {code: words_shared(text, reason, _QUOTED_LEAST) for code, text in texts.items()}
    own = {code: len(run) for code, run in shared.items() if run and sum(run in t for t in texts.values()) <= 2}
    longest = max(own.values(), default=0)
    return [code for code, n in own.items() if n == longest]


def _prose_quotes_blanked(turn: Turn, reason: str) -> str:
    """The reason without the phrases it quotes from the prose: “无上年结转…的申请” quotes 1.3, it names no row."""
    texts = _paragraphs(turn).values()
    return _QUOTES.sub(lambda m: "\0" if any(m.group(1).strip() in t for t in texts) else m.group(), reason)


# characters of a run a reason shares with one paragraph alone to mean it: 政务公开工作 (6) is in many a reason and
# several paragraphs; 老百姓不服告的 (7) is one clerk's own words
_PHRASE_LEAST = 7


def _phrases_in(turn: Turn, reason: str) -> list[str]:
    """The prose questions whose paragraph holds a phrase the reason quotes (at most one other paragraph, the opening
    that lists again, holding it too), or a run of words it alone says."""
    texts = _paragraphs(turn)
    quoted = [q.strip() for q in _QUOTES.findall(reason) if len(q.strip()) >= 2]
    codes = []
    for code, text in texts.items():
        phrases = [q for q in quoted if q in text]
        run = words_shared(text, reason, _PHRASE_LEAST)
        if any(sum(p in t for t in texts.values()) <= 2 for p in phrases) or (
                run and sum(run in t for t in texts.values()) == 1):
            codes.append(code)
    return codes


def _named_in(turn: Turn, reason: str) -> list[str]:
    codes, text = _parts_named(turn.fmt, reason)
    codes += [c for c in re.findall(r"\d+\.\d+", text) if question(turn.fmt, c)]
    for word, code in _reason_words(turn.fmt):
        if word in text:
            codes.append(_chosen_or_menu(turn, code))
            text = text.replace(word, "\0")  # a longer name is not read again as a shorter one
    for number in dict.fromkeys(s.number for s in turn.fmt.sections):
        said = "" if number == "一" else "|" + _SECTION_SAID.format(n=number, all=_NUMERALS)
        if re.search(_SECTION_NAMED.format(n=number, all=_NUMERALS) + said, text):
            codes.extend(_section_first(turn, number))
    for table in turn.fmt.tables:
        in_table = any((q := question(turn.fmt, c)) is not None and q.table == table.key for c in codes)
        if f"表{table.section}" in text and not in_table:
            codes.extend(_section_first(turn, table.section))
    return codes


_DIGITS = "一二三四五六七八九"
_NUMBER = rf"[{_NUMERALS}]|[1-9]"
# a part of a section: 第二项 · 第2点 · （二） · (2) — not 第五部分, which names a section
_SUB_PART = rf"(?:第\s*({_NUMBER})\s*(?:项|点|小节|条|段)|[（(]\s*({_NUMBER})\s*[)）])"
_MORE_PARTS = re.compile(rf"\s*(?:[、，,和及与跟]|以及)?\s*{_SUB_PART}")


def _numeral(token: str) -> str:
    return _DIGITS[int(token) - 1] if token.isdigit() else token


@cache
def _part_heads(fmt: Format) -> re.Pattern[str]:
    """A section named by its number (五、 · 第五部分 · 5) or its title, right before one of its parts."""
    titles = "|".join(re.escape(t) for s in fmt.sections for t in sorted((s.title, *s.aliases), key=len, reverse=True))
    head = rf"(?:(?<![表第\d{_NUMERALS}.])第?\s*({_NUMBER})\s*(?:部分|节|章)?|({titles})(?:部分)?)"
    return re.compile(rf"{head}\s*[、，,]?\s*(?:的|之|中)?\s*{_SUB_PART}")


@cache
def _section_number_before_part_title(fmt: Format) -> tuple[re.Pattern[str], dict[str, str]]:
    """第三部分政府信息管理, 第四部分平台建设: the number said is the part's own (一（三）), not section 三's; only where
    the number and the part agree. The pattern's groups (p0, p1…) → the questions of the parts they name."""
    alternatives, codes = [], {}
    slots = {slot.id: slot for slot in fmt.slots}
    for q in fmt.questions:
        m = re.match(rf"[（(]([{_DIGITS}])[)）](.+)", slots[q.slot].title) if q.slot in slots else None
        if q.kind != "prose" or m is None:
            continue
        names = "|".join(re.escape(n) for n in sorted({m.group(2), q.title, *q.mentions}, key=len, reverse=True))
        group = f"p{len(codes)}"
        codes[group] = q.code
        number = rf"(?:{m.group(1)}|{_DIGITS.index(m.group(1)) + 1})"
        alternatives.append(re.compile(rf"(?<![表\d{_NUMERALS}])第?\s*{number}\s*(?:部分|项|点)?\s*[、，,]?\s*"
                                       rf"(?:的|之|中)?\s*[“「]?(?P<{group}>{names})").pattern)
    return re.compile("|".join(f"(?:{a})" for a in alternatives) or "(?!)"), codes


@cache
def _titled_parts(fmt: Format) -> dict[tuple[str, str], str]:
    """(section number, part numeral) → the prose slot printed under that heading: 一（四） → s1.platform."""
    parts = {}
    for slot in fmt.slots:
        m = re.match(rf"[（(]([{_NUMERALS}]+)[)）]", slot.title)
        if m:
            parts[(slot.section, m.group(1))] = slot.id
    return parts


def _parts_named(fmt: Format, reason: str) -> tuple[list[str], str]:
    """The prose questions a reason names as parts of a section — 五（二） · 第五部分第二项 · 一、（三）（四） ·
    总体情况的（四） — and the reason with those mentions blanked (so 五 alone does not also open 5.1)."""
    by_title = {t: s.number for s in fmt.sections for t in (s.title, *s.aliases)}
    slot_question = {q.slot: q.code for q in fmt.questions if q.slot}
    parts = _titled_parts(fmt)
    codes: list[str] = []
    spans: list[tuple[int, int]] = []
    said_so, part_of = _section_number_before_part_title(fmt)
    for m in said_so.finditer(reason):
        codes.append(part_of[m.lastgroup or ""])
        spans.append(m.span())
    for m in _part_heads(fmt).finditer(reason):
        section = _numeral(m.group(1)) if m.group(1) else by_title[m.group(2)]
        numbers = [_numeral(m.group(3) or m.group(4))]
        end = m.end()
        while more := _MORE_PARTS.match(reason, end):
            numbers.append(_numeral(more.group(1) or more.group(2)))
            end = more.end()
        found = [slot_question.get(parts.get((section, n), "")) for n in numbers]
        if found and all(found):  # a part this format has (三（二） is a row of table 三, read elsewhere)
            codes.extend(c for c in found if c)
            spans.append((m.start(), end))
    for start, end in reversed(_merged(spans)):
        reason = reason[:start] + "\0" + reason[end:]
    return _bare_parts_named(fmt, reason, codes)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, those that overlap (第一部分第三项政府信息管理, read by two patterns) as one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# a part numeral said alone — （三）（四）两部分太笼统 — not after a table, a number, a section already read, nor as an item
# of an article (第二十条第（五）项)
_BARE_PART = re.compile(rf"(?<![表\d{_NUMERALS}\0第条])[（(]\s*([{_NUMERALS}])\s*[)）]")


def _bare_parts_named(fmt: Format, reason: str, codes: list[str]) -> tuple[list[str], str]:
    """`codes` and the parts a reason names by their numeral alone, where only one section has a part so numbered
    (（三） is 一（三）; （二） could be 五（二） as well and is left to the reason's other words), the mentions blanked."""
    only_part = _question_of_the_only_part(fmt)
    spans = []
    for m in _BARE_PART.finditer(reason):
        if m.group(1) in only_part:
            codes.append(only_part[m.group(1)])
            spans.append(m.span())
    for start, end in reversed(spans):
        reason = reason[:start] + "\0" + reason[end:]
    return codes, reason


@cache
def _question_of_the_only_part(fmt: Format) -> dict[str, str]:
    """Part numeral → the question of the one prose part so numbered in the whole report (三 → 1.4); a numeral two
    sections' parts share (一, 二) is none's."""
    slots: dict[str, list[str]] = {}
    for (_, numeral), slot in _titled_parts(fmt).items():
        slots.setdefault(numeral, []).append(slot)
    slot_question = {q.slot: q.code for q in fmt.questions if q.slot}
    return {numeral: slot_question[only] for numeral, (only, *more) in slots.items()
            if not more and only in slot_question}


def _section_first(turn: Turn, number: str) -> list[str]:
    """The first question of the part numbered `number`: its table's, or its prose's."""
    for q in relevant_questions(turn.ctx, turn.state):
        if (q.table and turn.fmt.table(q.table).section == number) or (q.slot and turn.fmt.slot(q.slot).section
                                                                      == number and not q.table):
            return [q.code]
    return []


def _chosen_or_menu(turn: Turn, code: str) -> str:
    """A result kind named: its numbers (3.5) when it was chosen at the menu, else the menu (3.4)."""
    q = question(turn.fmt, code)
    follow = menu_rows_question(turn.fmt, code) if q is not None and q.kind == "menu" else None
    if follow is not None and turn.state["choices"].get(code):
        return follow.code
    return code


@cache
def _reason_words(fmt: Format) -> tuple[tuple[str, str], ...]:
    """(word, code) for every word that names one question only, longest first."""
    by_word: dict[str, set[str]] = {}
    for q in fmt.questions:
        for word in _words_of(fmt, q):
            if len(word) >= 2 and word not in _GENERIC:
                by_word.setdefault(word, set()).add(q.code)
    unique = [(w, next(iter(c))) for w, c in by_word.items() if len(c) == 1]
    return tuple(sorted(unique, key=lambda item: -len(item[0])))


def _words_of(fmt: Format, q: Question) -> set[str]:
    words = {q.title, *q.mentions}
    if q.kind in ("row", "prefill", "amount", "computed"):
        words.update(q.labels)
        table = fmt.table(q.table)
        for cell in q.cells:
            row = table.row(fmt.cell(cell).row)
            words.update(w for w in (row.short, row.label) if w)
    if q.kind == "menu":
        table = fmt.table(q.table)
        for key in q.rows:
            row = table.row(key)
            words.update({row.short, row.label, *row.short.split("·")[1:]} - {""})
    if q.slot:
        slot = fmt.slot(q.slot)
        words.update(slot.keywords)
        words.add(re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", slot.title))
    return {w for w in words if w}


def shown(turn: Turn, f: Finding, asking: str | None = None) -> dict[str, str]:
    return {"message": f.message.strip(), "fix": messages.fix_commands(fix_targets(turn, f, asking)),
            "where": where(turn.fmt, f)}


def render(turn: Turn, errors: list[Finding], warnings: list[Finding], asking: str | None = None,
           ask_reason: bool = True) -> str:
    """Errors first, then warnings, under a heading that says where they are; each fixing command said once."""
    items = [shown(turn, f, asking) for f in errors] + [shown(turn, f, asking) for f in warnings]
    seen: set[str] = set()
    for item in items:
        if item["fix"] in seen:
            item["fix"] = ""
        seen.add(item["fix"])
    listed, size = 0, 0
    for item in items:
        size += len((item["message"] + item["fix"]).encode())
        if listed and (listed >= _MAX_LISTED or size > _LISTED_BYTES):
            break
        listed += 1
    shown_errors, shown_warnings = items[: min(listed, len(errors))], items[len(errors):listed]
    places = list(dict.fromkeys(i["where"] for i in items[:listed]))
    return messages.say(
        "findings", title=places[0] if len(places) == 1 else "", errors=shown_errors, warnings=shown_warnings,
        labelled=len(places) > 1, more=len(items) - listed, ask_reason=ask_reason,
        example=reason_example(warnings),
    )


def check_table(turn: Turn, table: str, asking: str | None = None) -> None:
    """The table's own findings: every error, and the warnings not shown before."""
    prefix = f"{table}."
    report = turn.derived()
    by_cells, others = _table_rules(turn.fmt, table)
    # the rules that judge row by row or sum by sum name the format's cells only: asked about the table's cells they
    # look at its rows and sums alone; the others run whole, and keep the findings naming the table
    found = check_rules(report, by_cells, previous=turn.ctx.previous, fmt=turn.fmt,
                        other_units=turn.ctx.other_units, about=_table_cells(turn.fmt, table)) + [
        f for f in check_rules(report, others, previous=turn.ctx.previous, fmt=turn.fmt,
                               other_units=turn.ctx.other_units)
        if any(c.startswith(prefix) for c in f.cells)
    ]
    found.sort(key=lambda f: (f.level != "error", _RULE_ORDER[f.rule]))  # as one check_rules orders them
    errors = [f for f in found if f.level == "error"]
    fresh = [f for f in found if f.level == "warning" and key(f) not in turn.state["warnings"]]
    remember_shown(turn, fresh)
    if errors or fresh:
        turn.say(render(turn, errors, fresh, asking))
        turn.findings_shown = turn.findings_shown or bool(errors)


@cache
def _table_rules(fmt: Format, table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The rules that can name a cell of `table` — those that read its cells, and those that read the layout (a
    layout note names the cells of the older table it found) — split into those judging row by row or sum by sum
    (`CELL_RULES`) and the others."""
    rules = rules_affected_by([*_table_cells(fmt, table), "layout"], fmt)
    return tuple(r for r in rules if r in CELL_RULES), tuple(r for r in rules if r not in CELL_RULES)


@cache
def _table_cells(fmt: Format, table: str) -> frozenset[str]:
    """The format's cells whose ids name `table` (t3.new.natural for t3)."""
    return frozenset(c for c in fmt.cell_ids if c.startswith(f"{table}."))


_RULE_ORDER = {rule_id: n for n, rule_id in enumerate(RULES)}


def remember_shown(turn: Turn, warnings: list[Finding]) -> None:
    for f in warnings:
        turn.state["warnings"].setdefault(key(f), {"rule": f.rule, "accepted": None})


def open_warnings(turn: Turn, found: list[Finding]) -> list[Finding]:
    return [
        f for f in found
        if f.level == "warning" and (turn.state["warnings"].get(key(f)) or {}).get("accepted") is None
    ]


# the event of a warning a return reopened (`engine._reopen_concerned_warnings`): its key follows, after a colon
REOPENED_EVENT = "warning_reopened"


def accept_warnings(turn: Turn, keys: list[str], reason: str) -> None:
    # accepted under a return: the unit's answer to it, which a colleague meeting the return later does not reopen
    after = turn.ctx.return_mark if turn.ctx.status == "returned" else None
    for k in keys:
        entry = turn.state["warnings"].setdefault(k, {"rule": k.split(":", 1)[0], "accepted": None})
        entry["accepted"] = reason
        entry.pop("by", None)  # this clerk's acceptance now, no longer the colleague's it was learnt from
        entry.pop("reopened", None)
        if after is None:
            entry.pop("after", None)
        else:
            entry["after"] = after
        turn.events.append(f"warning_accepted:{entry['rule']}:{reason}")


def pending_warning_keys(turn: Turn) -> list[str]:
    return [k for k, v in turn.state["warnings"].items() if v.get("accepted") is None]


def error_codes(turn: Turn, errors: list[Finding]) -> set[str]:
    """The questions whose answers an open error concerns (for 进度: 有误)."""
    out: set[str] = set()
    for f in errors:
        codes = (code for cell in f.cells for code in owners(turn.fmt, cell))
        out.update(c for c in codes if (q := question(turn.fmt, c)) is not None and q.kind != "computed")
    return out

