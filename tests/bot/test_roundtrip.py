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


@pytest.mark.parametrize("form", sorted(RENDERERS))
def test_prose_that_opens_with_a_lead_in_comes_back_whole(form: str) -> None:
    """QA2 item 7: a paragraph under the heading “（一）主动公开” keeps its lead-in “我镇全年主动公开政府信息：”."""
    report = import_report(seed_path(4)).report
    report.text["s1.active"] = "我镇全年主动公开政府信息：政府网站专栏发布86条、公众号发布120条。本年制发行政规范性文件2件。"
    report.text["s1.management"] = "政府信息管理：严格落实保密审查。\n信息发布审核制度：修订1次。"
    report.text["s5.problems"] = "存在不足：栏目更新不够及时。"
    again = import_bytes(RENDERERS[form](report), f"report.{form}").report
    assert again.text == report.text
