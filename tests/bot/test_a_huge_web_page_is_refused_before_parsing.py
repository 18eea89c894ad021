"""A web page with far more markup than any report is refused at once, with the reason, instead of holding an
import job for a minute until its time runs out; a real report's page is read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importers import import_bytes
from bot.importers.errors import NotAReport
from bot.importers.html import MAX_TAGS

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


def page_of_rows(rows: int) -> bytes:
    row = "<tr><td>（一）主动公开政府信息情况</td><td>12</td></tr>\n"
    return f"<html><body><h1>测试镇2024年政府信息公开工作年度报告</h1><table>{row * rows}</table></body></html>".encode()


def test_a_page_of_three_hundred_thousand_tags_is_refused_with_its_size() -> None:
    with pytest.raises(NotAReport) as refused:
        import_bytes(page_of_rows(50_000), "年报.html")
    assert "约 30 万个标签" in str(refused.value)
    assert "Word（.docx）" in str(refused.value)


def test_the_largest_real_page_is_far_below_the_cap() -> None:
    pages = sorted(CORPUS.glob("*.html"))
    assert pages
    assert max(p.read_bytes().count(b"<") for p in pages) * 50 < MAX_TAGS
    for page in pages:
        assert import_bytes(page.read_bytes(), page.name).report.cells
