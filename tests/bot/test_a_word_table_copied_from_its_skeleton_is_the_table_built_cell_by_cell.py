"""A report's Word tables are copies of skeletons built once per format, with the report's values written in
(issue 10): the document is byte for byte the one built cell by cell, for every seed, every format, and reports
with empty, missing and long cells.

The cell-by-cell way is `bot.render._build_table` — the very code that builds the skeletons, given the report's
own values instead of blanks.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from bot import render
from bot.formats import GOV2021, Format
from bot.importers import import_report
from bot.render import render_docx
from bot.report import Report, empty_report, with_derived
from bot.supervision.rollup import rollup_format
from tests.bot.test_render import numbered_report, toy_format
from tests.conftest import seed_path

PARTS = ("word/document.xml", "word/styles.xml")


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as word:
        return {name: word.read(name) for name in PARTS}


def _built_cell_by_cell(word, grid: render.Grid):
    return render._build_table(word, grid, render._table_setup(word, grid))[0]


def _both_ways(monkeypatch: pytest.MonkeyPatch, report: Report, fmt: Format, day: date | None = None):
    copied = _parts(render_docx(report, fmt, day))
    with monkeypatch.context() as patch:
        patch.setattr(render, "_add_table", _built_cell_by_cell)
        built = _parts(render_docx(report, fmt, day))
    return copied, built


def _seed(number: int) -> tuple[Report, Format]:
    return with_derived(import_report(seed_path(number)).report), GOV2021


def _long_cells() -> tuple[Report, Format]:
    report = numbered_report()
    for i, cell in enumerate(GOV2021.cells):
        report.cells[cell.id] = Decimal("123456789012.3456789") if cell.kind == "amount" else 10 ** (i % 15) + i
    return report, GOV2021


def _empty_and_missing_cells() -> tuple[Report, Format]:
    report = numbered_report()
    for i, cell in enumerate(GOV2021.cells):
        if i % 3 == 0:
            report.cells[cell.id] = None  # not read: printed blank
        elif i % 3 == 1:
            del report.cells[cell.id]
    return report, GOV2021


REPORTS: dict[str, Callable[[], tuple[Report, Format]]] = {
    **{f"seed{n}": (lambda n=n: _seed(n)) for n in range(5)},
    "numbered": lambda: (numbered_report(), GOV2021),
    "roll-up": lambda: (numbered_report(), rollup_format(GOV2021)),
    "another format": lambda: (numbered_report(toy_format()), toy_format()),
    "blank": lambda: (empty_report("某乡", "乡", 2024, GOV2021, fill=None), GOV2021),
    "zeros": lambda: (empty_report("某乡", "乡", 2024, GOV2021), GOV2021),
    "long cells": _long_cells,
    "empty and missing cells": _empty_and_missing_cells,
}


@pytest.mark.parametrize("name", REPORTS)
def test_the_copied_tables_are_the_tables_built_cell_by_cell(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    report, fmt = REPORTS[name]()
    copied, built = _both_ways(monkeypatch, report, fmt, date(2025, 1, 20) if name == "numbered" else None)
    assert copied == built


def test_the_values_are_in_the_copies_and_the_skeletons_stay_blank(monkeypatch: pytest.MonkeyPatch) -> None:
    numbered, long = numbered_report(), _long_cells()[0]
    hits = render._table_skeleton.cache_info().hits
    first = _parts(render_docx(numbered))["word/document.xml"]
    assert render._table_skeleton.cache_info().hits >= hits + 2  # 表二 … 表四 of a report of the same format
    other = _parts(render_docx(long))["word/document.xml"]
    assert _parts(render_docx(numbered))["word/document.xml"] == first  # the long values were not left behind
    assert first != other and b"123456789012.3456789" in other
    # 表三's group columns print 三、 and （三） on lines of their own: the ordinals' line breaks are copied too
    assert "<w:t>三、</w:t><w:br/></w:r>".encode() in first and "<w:t>（三）</w:t><w:br/></w:r>".encode() in first


def test_a_table_printed_at_other_widths_is_not_copied_from_a_skeleton_of_the_old_widths(
        monkeypatch: pytest.MonkeyPatch) -> None:
    wide = _parts(render_docx(numbered_report()))
    monkeypatch.setattr(render, "_GROUP_NAME_EM", 0.0)  # the group columns back to their old 11 mm
    monkeypatch.setattr(render, "_GROUP_SLACK_MM", -10.0)
    copied, built = _both_ways(monkeypatch, numbered_report(), GOV2021)
    assert copied == built and copied != wide
