"""The vocabulary a national report format is declared in.

A format is plain data: sections, prose slots, tables with rows, columns and cells, and the sums that tie derived
cells to the cells they add up. Conversation, checking, rendering, import and export all read a `Format`; none of
them names a cell of a particular year's format in code paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

CellKind = Literal["count", "amount"]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str = ""  # a merged header above the column, e.g. 法人或其他组织


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # exactly as printed in the format
    group: str = ""  # the printed group the row belongs to, e.g. （三）不予公开
    short: str = ""  # a plain name for messages and menus
    explain: str = ""  # what lands here, in everyday words
    aliases: tuple[str, ...] = ()  # other spellings seen in published reports
    said: tuple[str, ...] = ()  # what a clerk calls the row when choosing it from a menu (公开 for 予以公开)


@dataclass(frozen=True)
class Cell:
    id: str
    table: str
    row: str
    col: str
    label: str  # where a person finds it, e.g. 表三「一、本年新收」行「自然人」列
    kind: CellKind = "count"
    derived: bool = False  # computed from other cells, never typed
    # the largest value any reporting body could state here: a typed value above it is a slip (a digit held down, a
    # phone number in the wrong place), refused and asked again; None: no bound
    maximum: int | Decimal | None = None


@dataclass(frozen=True)
class Sum:
    """`target` equals the sum of `addends`; `rule` names the check that enforces it."""

    target: str
    addends: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class Balance:
    """sum(left) equals sum(right): the 勾稽关系 printed in a table's caption."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    rule: str
    column: str  # the column it concerns, for messages


@dataclass(frozen=True)
class Table:
    key: str  # t2, t3, t4
    section: str  # the section number it sits in, e.g. 三
    title: str
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    cells: tuple[Cell, ...]
    caption: str = ""
    # how the official form prints the table (read by the renderers and importers):
    #   rows   — one printed line per row, row groups as merged label cells on the left (表三)
    #   blocks — one sub-table per row group, each with its own header line (表二)
    #   wide   — rows become column groups, all values on one printed line (表四)
    layout: str = "rows"
    corner: str = ""  # the printed top-left header cell, e.g. 信息内容; the caption when empty
    column_header: str = ""  # a merged header printed above all columns, e.g. 申请人情况

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


@dataclass(frozen=True)
class ProseSlot:
    id: str
    section: str  # section number, e.g. 一
    title: str  # the printed sub-heading, '' for a slot without one
    keywords: tuple[str, ...] = ()  # words that mark this part in published reports
    # other names real reports give this part (主动公示, 政务信息公开申请): found anywhere in the section, the part is there
    aliases: tuple[str, ...] = ()
    # words that show the part's own text is about it, whatever its heading says (R14 reads a part by its meaning)
    signals: tuple[str, ...] = ()
    # what a people's government (乡镇、街道 …) must also state in this part, each (name, words that state it): the
    # 监督保障 of a 人民政府 states 工作考核、社会评议和责任追究结果
    people_government_results: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # part headings that open this part even where a report prints them before the parts above it (五's
    # “（一）上年度问题整改情况” is what 改进情况 states first): the part named next by its keywords follows
    heads_early: tuple[str, ...] = ()

    # what names a result's subject but states no result of it, by the result's name: 纳入年度考核 says the work is
    # assessed, not how it fared (条例 第五十条 asks for the 考核结果)
    results_only_named: tuple[tuple[str, str], ...] = ()
    # how a note (as the notes keep it: 没搞评议 → 未开展评议) states a result rather than naming its subject: 未开展…,
    # …获评/结果为…, 结果尚未公布, 未发生责任追究. 乡镇不单独考核 or 由县统一考核 name 考核 and state no result of it
    result_forms: tuple[str, ...] = ()

    def results_unstated(self, text: str) -> list[str]:
        """The names of the results a people's government states here that `text` does not (none said: all)."""
        named = dict(self.results_only_named)
        return [name for name, words in self.people_government_results
                if not any(w in (re.sub(named[name], "", text) if name in named else text) for w in words)]

    def results_stated_by(self, note: str) -> list[str]:
        """The names of the results a people's government states here that `note` (one note, as the notes keep it)
        states in one of the part's result forms; none for a note that only names a result's subject."""
        if not any(re.search(form, note) for form in self.result_forms):
            return []
        unstated = self.results_unstated(note)
        return [name for name, _ in self.people_government_results if name not in unstated]


@dataclass(frozen=True)
class Section:
    number: str  # 一 … 六
    title: str
    # other titles real reports print under the same number (一、工作基本情况): counted only under that number
    aliases: tuple[str, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}"


@dataclass(frozen=True)
class Format:
    id: str
    name: str
    sections: tuple[Section, ...]
    slots: tuple[ProseSlot, ...]
    tables: tuple[Table, ...]
    sums: tuple[Sum, ...]
    balances: tuple[Balance, ...]
    people_government_kinds: frozenset[str] = field(default_factory=frozenset)
    questions: tuple = ()  # the guided conversation: bot.formats.questions.Question, in the order asked
    legacy: tuple = ()  # bot.formats.legacy.LegacyLayout: older formats' labels an importer recognises
    # what the drafts say about the tables, by role: "normative_issued" → the cell holding it
    roles: Mapping[str, str] = field(default_factory=dict)
    signed: bool = True  # printed with the 落款 (unit, date) of published reports; a roll-up is signed by no unit

    def __hash__(self) -> int:
        # formats are cached on (functools.cache); hashing the whole declaration on every call would cost more than
        # the lookups it saves, and a format's id names it
        return hash(self.id)

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self._held("_cells", lambda: tuple(c for t in self.tables for c in t.cells))

    def cell(self, cell_id: str) -> Cell:
        return self._cell_index()[cell_id]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def slot(self, slot_id: str) -> ProseSlot:
        return next(s for s in self.slots if s.id == slot_id)

    def section(self, number: str) -> Section:
        return next(s for s in self.sections if s.number == number)

    @property
    def cell_ids(self) -> tuple[str, ...]:
        return self._held("_cell_ids", lambda: tuple(c.id for c in self.cells))

    def has_cell(self, cell_id: str) -> bool:
        """A dict lookup: loading a report asks it once per cell, for thousands of reports at a time."""
        return cell_id in self._cell_index()

    @property
    def typed_cell_ids(self) -> tuple[str, ...]:
        return self._held("_typed_cell_ids", lambda: tuple(c.id for c in self.cells if not c.derived))

    @property
    def slot_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.slots)

    def _cell_index(self) -> dict[str, Cell]:
        return self._held("_index", lambda: {c.id: c for c in self.cells})

    def _held(self, name: str, build: Callable[[], Any]) -> Any:
        """What is derived from the (frozen) declaration, built once: every check of every message walks the
        cells, and rebuilding the tuple each time cost more than the walk."""
        value = self.__dict__.get(name)
        if value is None:
            value = build()
            object.__setattr__(self, name, value)
        return value
