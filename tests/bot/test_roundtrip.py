"""Import → render → import gives back the same report, for every seed and every rendered form."""

from __future__ import annotations

import pytest

from bot.importers import import_bytes, import_report
from bot.render import render_docx, render_html, render_text
from tests.conftest import seed_path

RENDERERS = {
    "txt": lambda r: render_text(r).encode("utf-8"),
    "html": lambda r: render_html(r).encode("utf-8"),
    "docx": render_docx,
}


@pytest.mark.parametrize("form", sorted(RENDERERS))
@pytest.mark.parametrize("seed", range(5))
def test_seed_round_trip_keeps_every_cell(seed: int, form: str) -> None:
    original = import_report(seed_path(seed)).report
    again = import_bytes(RENDERERS[form](original), f"report.{form}").report
    assert again.cells == original.cells
    assert (again.unit, again.unit_kind, again.year) == (original.unit, original.unit_kind, original.year)


@pytest.mark.parametrize("form", sorted(RENDERERS))
def test_round_trip_of_distinct_values_and_a_blank(form: str) -> None:
    """Every cell a different number, so a value read from the wrong column cannot pass; one blank stays blank."""
    report = import_report(seed_path(4)).report
    for n, cell_id in enumerate(sorted(report.cells)):
        report.cells[cell_id] = n + 1
    report.cells["t3.refuse_4.legal"] = None
    again = import_bytes(RENDERERS[form](report), f"report.{form}").report
    assert again.cells == report.cells
    assert again.text == report.text
