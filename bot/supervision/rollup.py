"""The area's roll-up: every typed cell of the tables summed over the chosen units, checked like a unit's report."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Literal

from ..file_names import rollup_title, rollup_unit
from ..findings import Finding
from ..formats import GOV2021, Format, Table
from ..formats.model import Cell, ProseSlot
from ..render import format_value, render_docx
from ..report import Number, Report, with_derived
from ..rules import RULES, check_report
from .area import UnitStatus
from .messages import say

TABLE_RULES = frozenset(rule for rule, r in RULES.items() if r.function.__module__.endswith(".tables"))
Include = Literal["approved", "submitted"]
_MEASURE = re.compile(r"单位[:：]\s*([^）)]+)[）)]")
INCLUDED_STATUSES: dict[str, tuple[str, ...]] = {
    "approved": ("approved",),
    "submitted": ("approved", "submitted"),  # 含已提交: the approved ones and those still waiting for review
}


def rolled_units(units: list[UnitStatus], include: Include = "approved") -> list[UnitStatus]:
    return [u for u in units if u.status in INCLUDED_STATUSES[include] and u.report is not None]


def rollup(units: list[UnitStatus], include: Include = "approved", area: str = "",
           year: int | None = None, fmt: Format = GOV2021) -> Report:
    """A report named "<area>汇总" whose typed cells are the sums over the chosen units and whose totals are derived."""
    chosen = rolled_units(units, include)
    year = year if year is not None else (chosen[0].report.year if chosen else 0)  # type: ignore[union-attr]
    cells: dict[str, Number | None] = {}
    for cell in fmt.cells:
        if cell.derived:
            continue
        zero: Number = Decimal(0) if cell.kind == "amount" else 0
        cells[cell.id] = sum((u.report.value(cell.id) for u in chosen), zero)  # type: ignore[union-attr]
    kinds = {u.kind for u in chosen}
    names = "、".join(u.unit for u in chosen)
    # what the roll-up sums, and once that the units' prose is not summed: under the title, before the tables
    preface = next(slot.id for slot in rollup_format(fmt).slots)
    text = {preface: "\n".join((say("rollup_preface", count=len(chosen), names=names), say("rollup_prose_note")))}
    report = Report(rollup_unit(area), kinds.pop() if len(kinds) == 1 else "", year, cells, text, fmt.id)
    return with_derived(report, fmt)


def rollup_format(fmt: Format = GOV2021) -> Format:
    """The format as the roll-up is printed: the preface under the title, then only the sections that hold tables,
    each with its tables. The sections of prose alone (一、五、六) are left out: the roll-up sums no prose, and a
    heading over the same note three times had filled a page of its own (the preface says it once)."""
    tabled = {t.section for t in fmt.tables}
    sections = tuple(s for s in fmt.sections if s.number in tabled)
    numbers = {s.number for s in fmt.sections}
    preface = next((s for s in fmt.slots if s.section not in numbers), None)
    if preface is None:  # a format without a preface has nowhere to say what the roll-up sums
        raise ValueError(f"format {fmt.id} has no preface slot for the roll-up's note")
    return replace(fmt, sections=sections, slots=(ProseSlot(preface.id, preface.section, ""),), signed=False)


def render_rollup_docx(report: Report, area: str, fmt: Format = GOV2021) -> bytes:
    """The roll-up's Word file, titled as the area's summary (龙亭区2025年政府信息公开工作年度报告汇总表)."""
    return render_docx(report, rollup_format(fmt), title_parts=rollup_title(area, report.year), author=area)


def table_findings(report: Report, fmt: Format = GOV2021) -> list[Finding]:
    """The findings of the table rules only (the rules declared in `bot.rules.tables`): the roll-up has no prose of
    its own, so R9–R14 — about a unit's text — say nothing about it."""
    cell_ids = set(fmt.cell_ids)
    return [f for f in check_report(report, fmt=fmt)
            if f.rule in TABLE_RULES and (not f.cells or set(f.cells) <= cell_ids)]


def _measure(label: str) -> str:
    """The unit a column states in its label: 万元 for "本年收费金额（单位：万元）", "" for a count."""
    m = _MEASURE.search(label)
    return m.group(1) if m else ""


def _shown(cell: Cell, column_label: str, report: Report) -> str:
    value = format_value(report.cells.get(cell.id))
    return f"{value}{_measure(column_label)}" if cell.kind == "amount" and value not in ("", "0") else value


def _row_lines(table: Table, report: Report) -> list[dict[str, object]]:
    """One line per row that has a non-zero value: its name and its values in column order (an amount with the
    unit its column states: 0.35万元, never a bare 0.35)."""
    by_row: dict[str, list[tuple[str, str]]] = {}
    for cell in table.cells:
        label = table.column(cell.col).label
        by_row.setdefault(cell.row, []).append((label, _shown(cell, label, report)))
    same_columns = len({tuple(c for c, _ in v) for v in by_row.values()}) == 1
    lines = []
    for row in table.rows:
        values = by_row.get(row.key, [])
        if not any(v not in ("", "0") for _, v in values):
            continue
        if same_columns or len(values) == 1:
            shown = "/".join(v for _, v in values)
        else:
            shown = "，".join(f"{c}{v}" for c, v in values)
        lines.append({"name": row.short or row.label, "shown": shown})
    return lines


def rollup_text(report: Report, count: int, include: Include, fmt: Format = GOV2021) -> str:
    """A compact text of the roll-up's tables for a phone: non-zero rows only, then the checker's verdict."""
    tables = []
    for table in fmt.tables:
        labels = [c.label for c in table.columns]
        same = len({c.row for c in table.cells}) * len(table.columns) == len(table.cells)
        tables.append({"title": f"表{table.section} {table.title}", "columns": "/".join(labels) if same else "",
                       "lines": _row_lines(table, report)})
    findings = table_findings(report, fmt)
    return say("rollup", unit=report.unit, count=count, include=include, tables=tables,
               errors=[f.message for f in findings if f.level == "error"],
               warnings=[f.message for f in findings if f.level == "warning"])



def rollup_differences(whole: Report, parts: list[Report], fmt: Format = GOV2021) -> list[str]:
    """Areas nest: the cells — typed and derived — where an area's roll-up differs from the sum of the roll-ups of
    the areas it contains (each loaded on its own): a unit counted twice, or missed, shows here."""
    differing = []
    for cell in fmt.cells:
        zero: Number = Decimal(0) if cell.kind == "amount" else 0
        if whole.value(cell.id) != sum((p.value(cell.id) for p in parts), zero):
            differing.append(cell.label)
    return differing
