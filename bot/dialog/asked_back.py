"""A question a clerk types instead of an answer (规章是啥, 3.4什么意思, 撤回申请选哪个, 什么时候截止), answered from
what the format declares: kept apart from asking and reading answers (`questions`), which it only reads from."""

from __future__ import annotations

import re
from typing import Any

from .. import messages
from ..formats.questions import Question
from ..parse import normalise, option_explained, options_named
from ..spoken import END_PARTICLES
from . import facts
from .context import is_people_government
from .flow import Turn, question
from .questions import computed_values, regulations_note, typed_cells

_DEADLINE_ASKED = re.compile(r"截止|期限|什么时候|啥时候|哪天|几号|最晚|最迟|多久")


def question_help(turn: Turn, q: Question, sub: int, asked: str, fallback: bool = True) -> str:
    """What a clerk asks instead of answering (规章是啥, 复议是啥, 什么意思, 3.4什么意思, 什么时候截止), answered from
    what the format declares: the rows the words name, in full or short (which of several a short form means is asked
    back), else what another question named by its code asks, else the rows the question fills, with their
    explanations; the date the report is due if asked. `fallback`: with neither, a plain word on how to answer (""
    without it)."""
    plain = normalise(asked)
    deadline = bool(_DEADLINE_ASKED.search(plain))
    menu = _menu_of(turn, q)
    rows, described, unsure, options = _asked_about(turn, q, plain, menu)
    if not (rows or described or unsure or deadline):  # 什么意思: the question's own rows
        rows = [r for r in _rows_asked(turn, q, sub) if r.explain]
    numbers = _option_numbers(turn, q, sub, menu, rows, options)
    chosen = _chosen(turn, menu) if menu and menu is not q else set()
    terms = [{"name": r.short or r.label, "explain": r.explain, "code": _filled_at(turn, r, q),
              "option": numbers.get(r, 0), "menu": menu.code if menu and menu is not q else "",
              "chosen": r.key in chosen} for r in rows]
    revise = _revision(turn, menu, numbers, chosen) if menu and menu is not q else None
    noted = any("{regulations_note}" in x.prompt and _asks_about(turn, x, rows) for x in turn.fmt.questions)
    if not (terms or described or unsure or deadline or fallback):
        return ""
    values, _, negatives = computed_values(turn, q) if q.kind == "computed" else ([], [], [])
    text = messages.say("question_help", terms=terms, described=described, unsure=unsure, revise=revise,
                        note=regulations_note(turn).strip("（）") if noted else "",
                        deadline=deadline, year=turn.report.year, code=q.code, kind=q.kind,
                        confirmable=None not in values and not negatives)
    return "".join(line.strip() for line in text.splitlines())  # laid out in lines for reading; one paragraph


def _asked_about(turn: Turn, q: Question, plain: str, menu: Question | None
                 ) -> tuple[list[Any], list[dict[str, Any]], dict[str, Any], dict[Any, int]]:
    """What a question typed names, the first way found: rows by their names (规章是啥); other questions by their
    codes (3.4什么意思: described, or their rows); a row by a short form of its name (复议是啥), or the names it may
    mean (起诉: 未经复议直接起诉 or 复议后起诉); an option of the table's menu by its explanation's words (撤回申请)."""
    rows = _rows_by_name(turn, plain)
    named = [] if rows else _questions_named(turn, q, plain)
    described = [_described(turn, x) for x in named if x.kind in _DESCRIBED_KINDS]
    rows = rows or [r for x in named if x.kind not in _DESCRIBED_KINDS for r in _rows_asked(turn, x, 0) if r.explain]
    unsure: dict[str, Any] = {}
    if not (rows or named):
        rows, unsure = _rows_by_short_name(turn, q, plain)
    options = _options_asked(turn, menu, plain, menu is q) if menu and not (rows or described or unsure) else {}
    return rows or list(options), described, unsure, options


def _rows_by_name(turn: Turn, plain: str) -> list[Any]:
    """The rows a question typed names by their names (规章是啥)."""
    return [row for table in turn.fmt.tables for row in table.rows if row.explain and (row.short or row.label) in plain]


def _questions_named(turn: Turn, q: Question, plain: str) -> list[Question]:
    """The other questions a question typed at `q` names by their codes (3.1什么意思 typed at 2.4)."""
    named = [x for code in re.findall(r"\d+\.\d+", plain) if (x := question(turn.fmt, code)) is not None]
    return list(dict.fromkeys(x for x in named if x.code != q.code))


# a question whose rows say little of what it asks (a menu: which kinds; its numbers: each kind chosen; prose: a
# paragraph) is described by what it asks, when named from another question
_DESCRIBED_KINDS = ("menu", "menu_rows", "prose")
_FIRST_SENTENCE = re.compile(r"^[^？。]*[？。]?")


def _first_sentence(prompt: str) -> str:
    """The question a prompt asks, without how to reply (请回复下列编号…)."""
    return _FIRST_SENTENCE.match(prompt).group(0)  # type: ignore[union-attr]  # matches any text


def _described(turn: Turn, x: Question) -> dict[str, Any]:
    """What the question `x` asks, for the template: a menu its question and options by kind (不予公开·国家秘密 …
    are 不予公开), a menu's numbers the menu they follow, prose its part of the report and the facts it asks for;
    `answered`: it was answered, and 修改 reopens it."""
    words: dict[str, Any] = {"code": x.code, "title": x.title, "kind": x.kind,
                             "answered": x.code in turn.state["answered"]}
    if x.kind == "menu":
        table = turn.fmt.table(x.table)
        shorts = [table.row(r).short or table.row(r).label for r in x.rows]
        words |= {"count": len(shorts), "kinds": list(dict.fromkeys(s.split("·")[0] for s in shorts)),
                  "asks": _first_sentence(x.prompt)}
    elif x.kind == "menu_rows":
        words |= {"menu": x.menu, "asks": _first_sentence(x.prompt)}
    else:
        asks = x.people_government_prompt if x.people_government_prompt and is_people_government(turn.ctx) else ""
        heading = turn.fmt.section(turn.fmt.slot(x.slot).section).heading
        words |= {"heading": heading, "asks": asks or x.facts_prompt}
    return words


_ASKED_AFTER = re.compile(r"(?:到底|究竟|具体)?(?:是|指|算|属于|选|填|什么|啥|怎么|咋|如何|哪|[?？])")
_ASKED_BEFORE = re.compile(r"^(?:什么是|什么叫|啥是|啥叫|何为)")
# two names asked about together: 不予公开和无法提供(有什么区别), 复议与诉讼
_BETWEEN_NAMES = re.compile(r"和|与|跟|还是")
_LEAD_IN = re.compile(r"^(?:请问一下|请问|问一下|问下|我想问一下|我想问|想问一下|想问|那个|这个)")
_GROUP_NAME = re.compile(r"(?:（[一二三四五六七八九十]+）)?([\u4e00-\u9fff]+)")  # （三）不予公开, 行政诉讼
_PIECE_LEAST = 3  # a piece inside a name (直接起诉) names its row from 3 characters: 申请 is inside many names
_UNSURE_MOST = 4  # a word more names fit, or more rows use, is a common word (申请, 处理): named back about nothing


def _word_asked(plain: str) -> str:
    """The word a question asks about: 复议 in 复议是啥, 请问什么是复议, 直接起诉什么意思; '' when none stands first."""
    plain = _LEAD_IN.sub("", plain)
    if before := _ASKED_BEFORE.match(plain):
        return plain[before.end():].rstrip("?？。" + END_PARTICLES)
    after = _ASKED_AFTER.search(plain)
    return plain[: after.start()].rstrip("的了") if after else ""


def _rows_by_short_name(turn: Turn, q: Question, plain: str) -> tuple[list[Any], dict[str, Any]]:
    """The rows a short form of a name asks about, as a menu reads an option named (复议 → 行政复议, 直接起诉 →
    未经复议直接起诉), a group's too (诉讼 → its two kinds, 不予公开 → its eight), in the question's own table first;
    a short form that fits several names is asked back (起诉: 未经复议直接起诉 or 复议后起诉). A column's name the
    question asks for (其他 at 3.2: the applicants' column) names no row, nor does a common word (申请) but as a name
    itself. Two names asked about together (不予公开和无法提供有什么区别) are each looked up."""
    words = [w for w in _BETWEEN_NAMES.split(_word_asked(plain).removesuffix("有")) if w]
    if len(words) > 1:
        found = [_rows_of_word(turn, q, w) for w in words]
        rows = [r for rows, _ in found for r in rows]
        return (list(dict.fromkeys(rows)), {}) if all(rows for rows, _ in found) else ([], {})
    return _rows_of_word(turn, q, words[0] if words else "")


def _rows_of_word(turn: Turn, q: Question, word: str) -> tuple[list[Any], dict[str, Any]]:
    """`_rows_by_short_name` for one word."""
    if len(word) < 2 or re.search(r"\d", word) or (q.kind != "menu" and _a_columns_word(turn, q, word)):
        return [], {}
    common = _common(turn, word)
    for tables in ([t for t in turn.fmt.tables if t.key == q.table], list(turn.fmt.tables)):
        names = _names_of(tables)
        fit = options_named(word, [n for n, _, _ in names], [s for _, s, _ in names], _PIECE_LEAST)
        found = [names[n - 1] for n in fit]
        if common:  # 申请, 处理: only a name it is (不予处理, 其他处理·其他 for 其他), not the end or a piece of names
            found = [(n, s, r) for n, s, r in found if word == n or word in n.split("·") or word in s]
        whole = next((rows for _, _, rows in found if all(set(r) <= set(rows) for _, _, r in found)), None)
        if whole is not None:  # one name, or a group and the rows it holds (不予公开 and 不予公开·国家秘密 …)
            return list(whole), {}
        if found:
            return [], {"word": word, "names": [n for n, _, _ in found]} if len(found) <= _UNSURE_MOST else {}
    return [], {}


def _names_of(tables: list[Any]) -> list[tuple[str, tuple[str, ...], tuple[Any, ...]]]:
    """Each explained row's name with its everyday names, and each group of rows by its name (（三）不予公开)."""
    names, groups = [], {}  # type: ignore[var-annotated]
    for table in tables:
        for row in (r for r in table.rows if r.explain):
            names.append((row.short or row.label, row.said, (row,)))
            if group := _GROUP_NAME.fullmatch(row.group):
                groups.setdefault(group.group(1), []).append(row)
    return names + [(name, (), tuple(rows)) for name, rows in groups.items() if len(rows) > 1]


def _a_columns_word(turn: Turn, q: Question, word: str) -> bool:
    """Whether `word` is (a piece of) a column's name the question asks for: 其他 at 3.2 (the applicants' column)
    or at 4.3 (其他结果)."""
    table = turn.fmt.table(q.table) if q.table else None
    labels = set(q.labels) | ({c.label for c in table.columns} if table else set())
    return any(word in label for label in labels)


def _common(turn: Turn, word: str) -> bool:
    """Whether the rows' names and explanations use `word` too often for it to name one by itself (申请, 处理)."""
    rows = (r for t in turn.fmt.tables for r in t.rows)
    return sum(word in f"{r.label}{r.short}{r.group}{r.explain}" for r in rows) > _UNSURE_MOST


def _rows_asked(turn: Turn, q: Question, sub: int) -> list[Any]:
    """The rows a reply to `q` fills; for a gate, the rows behind it the clerk gives first (新收, 上年结转), or the
    kinds its menu offers (行政复议, 行政诉讼) when no number is typed before the menu."""
    if q.kind == "gate":
        behind = [x for x in turn.fmt.questions if x.gate == q.code]
        typed = [x for x in behind if x.kind in ("row", "prefill")]
        if typed:
            return _rows_of(turn, [c for x in typed for c in x.cells])
        table = turn.fmt.table(q.table)
        return [table.row(r) for x in behind if x.kind == "menu" for r in x.rows]
    return _rows_of(turn, list(typed_cells(turn, q, sub)))


def _rows_of(turn: Turn, cells: list[str]) -> list[Any]:
    owned = [turn.fmt.cell(c) for c in cells]
    return list({(c.table, c.row): turn.fmt.table(c.table).row(c.row) for c in owned}.values())


_OPTION_WORDS_LEAST = 3  # characters shared with an option's explanation: 撤回申请 (申请 alone is in most of them)
_OPTION_NUMBER = re.compile(r"^第?(\d{1,2})(?![\d.])(?:项|个|号|条)?")  # an option asked about by its number
_OPTION_ITEM = re.compile(r"^第(\d{1,2})项")  # the same away from the menu: its numbering said (第11项), not a number


def _menu_of(turn: Turn, q: Question) -> Question | None:
    """The menu of the table `q` asks about: `q` itself at a menu (3.4), 3.4 at 3.2 and the other questions of 三."""
    if q.kind == "menu" or not q.table:
        return q if q.kind == "menu" else None
    return next((x for x in turn.fmt.questions if x.kind == "menu" and x.table == q.table), None)


def _options_asked(turn: Turn, q: Question, plain: str, at_menu: bool = True) -> dict[Any, int]:
    """The menu's option a question asks about by its number (11什么意思 at the menu, 第11项什么意思 anywhere) or its
    explanation's words (撤回申请选哪个 → 21. 其他处理·其他：申请人撤回申请等其他情形, at any question of its table),
    with its number in the menu: the one option sharing the longest run (的信息, in four of them, points at none)."""
    table = turn.fmt.table(q.table)
    menu = [table.row(r) for r in q.rows]
    number = (_OPTION_NUMBER if at_menu else _OPTION_ITEM).match(plain)
    if number and 1 <= int(number.group(1)) <= len(menu):  # 11什么意思
        return {menu[int(number.group(1)) - 1]: int(number.group(1))}
    shared = {row: len(facts.words_shared(plain, f"{row.short}{row.explain}", _OPTION_WORDS_LEAST)) for row in menu}
    longest = max(shared.values(), default=0)
    found = {row: n for n, row in enumerate(menu, 1) if longest and shared[row] == longest}
    if not found:  # 撤回算哪种: a word only one explanation holds, as the menu reads it
        found = {menu[n - 1]: n for n in option_explained(_word_asked(plain), [row.explain for row in menu])}
    return found if len(found) == 1 else {}


def _chosen(turn: Turn, menu: Question) -> set[str]:
    return set(turn.state["choices"].get(menu.code) or [])


def _option_numbers(turn: Turn, q: Question, sub: int, menu: Question | None, rows: list[Any],
                    options: dict[Any, int]) -> dict[Any, int]:
    """The number in the menu of each row said: at the menu, of every option; elsewhere, of the option asked about
    by its explanation's words, or of the one row named once the menu is answered, unless the question asks it (予以公开
    at 3.5): there it is added to the menu, or said to be chosen."""
    if menu is None:
        return {}
    menu_rows = [turn.fmt.table(menu.table).row(key) for key in menu.rows]
    if menu is q:
        return {r: menu_rows.index(r) + 1 for r in rows if r in menu_rows}
    if options:
        return options
    if len(rows) == 1 and rows[0] in menu_rows and _passed(turn, menu) and rows[0] not in _rows_asked(turn, q, sub):
        return {rows[0]: menu_rows.index(rows[0]) + 1}
    return {}


def _passed(turn: Turn, menu: Question) -> bool:
    """Whether the clerk is past the menu (answered or skipped): what it lacks is added with 修改."""
    return menu.code in turn.state["answered"] or menu.code in turn.state["skipped"]


def _revision(turn: Turn, menu: Question, options: dict[Any, int], chosen: set[str]) -> dict[str, str] | None:
    """How to add an option asked about to a menu answered before (撤回申请选哪个 at 3.5: 修改 3.4, then 1 21): its
    reply replaces the choices, so the example holds the options chosen already."""
    missing = [n for row, n in options.items() if row.key not in chosen]
    if not (missing and _passed(turn, menu)):
        return None
    numbers = sorted([menu.rows.index(key) + 1 for key in chosen] + missing)
    return {"code": menu.code, "example": " ".join(map(str, numbers))}


def _filled_at(turn: Turn, row: Any, asking: Question) -> str:
    """The code of the question that fills `row`, when it is not the one asked ('' when it is, or none does)."""
    typed = (x for x in turn.fmt.questions if x.kind in ("row", "prefill", "amount"))  # a gate's cells are all its table's
    x = next((x for x in typed if _asks_about(turn, x, [row])), None)
    return x.code if x is not None and x.code != asking.code else ""


def _asks_about(turn: Turn, q: Question, rows: list[Any]) -> bool:
    """Whether `q` fills a cell of one of `rows`."""
    keys = {(t.key, r.key) for t in turn.fmt.tables for r in t.rows if r in rows}
    return any((turn.fmt.cell(c).table, turn.fmt.cell(c).row) in keys for c in q.cells)


# a question about a prose part itself, typed instead of its facts or a reply to its draft (这个啥意思, 这段怎么写,
# 不知道写啥, 要写哪些): the whole message is the question, so a fact that holds such words (解读了什么是政务公开) is none
_PART_ASKED = re.compile(
    r"(?:请问|问一下|问下|想问一下|想问|我想问|那|那么|嗯|哦)?\s*"
    r"(?:这个|那个|这里|这儿|这|本|该)?(?:道题|一题|题|一项|项|一部分|个部分|部分|一段|段|块|一节|节|个)?"
    r"(?:我|我们)?(?:是|要|该|应该|应|需要|得|都|具体|到底)*\s*"
    r"(?:是?什么意思|是?啥意思|指什么|指啥|是什么|是啥|(?:怎么|咋|如何)(?:写|填写?|弄)|(?:写|填)(?:些)?(?:什么|啥|哪些)(?:内容|方面)?"
    r"|看?不懂|没看懂|看不明白|不明白|不知道(?:要|该|怎么)?写(?:什么|啥|哪些)?|不会写|什么|啥)"
    r"(?:的|了)?[啊呀呢吗哦嘛啦哈]*[?？。.!！~～\s]*"
)


def asks_about_part(text: str) -> bool:
    """Whether a message typed at a prose part is only a question about what the part asks (这个啥意思, 写什么), or
    only questions of any kind (一般写多少字啊, 依申请公开是不是就是上面填的那些): answered with what the part asks, never
    stored as a note."""
    plain = normalise(text)
    if _PART_ASKED.fullmatch(plain):
        return True
    statements = facts.split_statements(plain)
    return bool(statements) and all(facts.asks(s) for s in statements)


# a question about how long a part should be (一般写多少字, 要写多长): the answer says so
_LENGTH_ASKED = re.compile(r"多少字|几个字|字数|多长|多少内容|写多少")


def part_help(turn: Turn, q: Question, prompted: bool, asked: str = "") -> str:
    """What the prose part `q` is and asks for, from the format: where it stands in the report, the facts it asks
    (said here unless `prompted`: the question asked again right after says them), with its example, or the tables it
    is drafted from."""
    slot = turn.fmt.slot(q.slot)
    asks = q.people_government_prompt if q.people_government_prompt and is_people_government(turn.ctx) else ""
    tables = [f"{t.section}、{t.title}" for key in q.about for t in turn.fmt.tables if t.key == key]
    opening = not slot.title and any(s.section == slot.section and s.title for s in turn.fmt.slots)
    return messages.say("part_help", code=q.code, title=q.title, heading=turn.fmt.section(slot.section).heading,
                        part=slot.title, opening=opening, asks=(asks or q.facts_prompt), example=q.facts_example,
                        prompted=prompted, tables=tables,
                        length_asked=bool(_LENGTH_ASKED.search(normalise(asked)))).strip()
