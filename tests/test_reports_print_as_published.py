"""Reports that look published (issue 11): the Word file and the PDF of seed 004 and of the city report put each
table on one A4 page, and read back to the same cells.

The Word files are converted to PDF by LibreOffice headless (as an evaluator opening them would see them) — once
per test session, both in one call: it is slow. Pages per table are counted in the PDF's text (tests/published.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importers import import_report
from bot.render import render_docx, render_html, render_pdf
from bot.report import Report, with_derived
from tests.conftest import seed_path
from tests.published import table_pages, word_to_pdf

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = {"seed004": seed_path(4), "huaian": FIXTURES / "corpus" / "huaian_2024.docx"}


def _report(name: str) -> Report:
    return with_derived(import_report(SOURCES[name]).report)


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, bytes]]:
    """{name: {"docx", "docx.pdf" (LibreOffice), "pdf" (WeasyPrint)}} for both reports."""
    out: dict[str, dict[str, bytes]] = {}
    for name in SOURCES:
        report = _report(name)
        out[name] = {"docx": render_docx(report), "pdf": render_pdf(report)}
    word = word_to_pdf({name: out[name]["docx"] for name in SOURCES}, tmp_path_factory.mktemp("printed"))
    for name in SOURCES:
        out[name]["docx.pdf"] = word[name]
    return out


def _read_back(data: bytes, suffix: str, tmp_path: Path) -> Report:
    path = tmp_path / f"back.{suffix}"
    path.write_bytes(data)
    return with_derived(import_report(path).report)


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("kind", ["docx.pdf", "pdf"])
def test_each_table_prints_on_one_page(printed, name: str, kind: str) -> None:
    pages = table_pages(printed[name][kind], _report(name))
    assert set(pages) == {"t2", "t3", "t4"}
    for table, found in pages.items():
        assert len(found) == 1, f"{name} ({kind}): table {table} on pages {found}"


@pytest.mark.parametrize("name", SOURCES)
@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_the_rendering_imports_back_to_the_same_cells(printed, name: str, kind: str, tmp_path: Path) -> None:
    report = _report(name)
    back = _read_back(printed[name][kind], kind, tmp_path)
    assert len(report.cells) == 200
    assert {k: back.cells.get(k) for k in report.cells} == report.cells
    assert back.unit == report.unit  # the title keeps the full name: 人民政府 too


def test_the_page_counter_sees_a_split_table() -> None:
    """The check above can fail: the same page with table 三 pushed down and allowed to break spans two pages."""
    report = _report("seed004")
    html = render_html(report).replace("break-inside: avoid", "break-inside: auto")
    html = html.replace('<div class="table-frame">\n<table class="grid grid-t3"',
                        '<div style="height: 150mm"></div><div class="table-frame">\n<table class="grid grid-t3"')
    from weasyprint import HTML

    pages = table_pages(HTML(string=html).write_pdf(), report)
    assert len(pages["t3"]) == 2


def test_the_title_keeps_the_units_full_name(tmp_path: Path) -> None:
    """`render` of the bot's own .docx used to drop 人民政府 from the title."""
    for unit, kind in (("示范县人民政府", "县级政府"), ("龙亭区柳园口乡人民政府", "乡"), ("延津县塔铺街道办事处", "街道")):
        report = Report(unit, kind, 2025, cells=dict(_report("seed004").cells))
        back = _read_back(render_docx(report), "docx", tmp_path)
        assert back.unit == unit
        assert render_docx(back) and f"{unit}2025年政府信息公开工作年度报告" in render_html(back)
