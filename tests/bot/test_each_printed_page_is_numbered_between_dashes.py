"""Each page of the Word file and of the PDF carries its number at its foot between two dashes (— 1 —), as GB/T 9704
7.5 prints a 公文's pages; neither had any page number."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber

from bot.importers import import_report
from bot.render import render_docx, render_pdf
from tests.conftest import seed_path
from tests.published import word_to_pdf

FOOT_MM = 35  # the bottom margin: the page number stands in it


def page_numbers(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return ["".join(c["text"] for c in page.chars if c["top"] > page.height - FOOT_MM * 72 / 25.4).strip()
                for page in document.pages]


def test_the_word_file_numbers_every_page(tmp_path: Path) -> None:
    report = import_report(seed_path(4)).report
    [pdf] = word_to_pdf({"seed": render_docx(report)}, tmp_path).values()
    numbers = page_numbers(pdf)
    assert len(numbers) > 1 and numbers == [f"— {n} —" for n in range(1, len(numbers) + 1)], numbers


def test_the_pdf_numbers_every_page() -> None:
    numbers = page_numbers(render_pdf(import_report(seed_path(4)).report))
    assert len(numbers) > 1 and numbers == [f"— {n} —" for n in range(1, len(numbers) + 1)], numbers
