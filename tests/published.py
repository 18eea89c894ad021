"""Shared by the tests of printed outputs: which pages of a PDF each table of a report lands on."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bot.render import layout
from bot.report import Report

_SPACE = re.compile(r"\s+")
_PREFIX = 5  # a cell's text is found by its first characters: a wrapped cell prints the rest on other lines


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def table_markers(report: Report) -> dict[str, set[str]]:
    """For each table, the openings of its labels and headers that appear nowhere else in the report (not in
    another table, not in the prose): finding one on a page means the table is (partly) on that page."""
    doc = layout(report)
    texts = {b.grid.key: {_squash(c.text)[:_PREFIX] for r in b.grid.rows for c in r.cells
                          if c.role != "value" and len(_squash(c.text)) >= 4}
             for b in doc.blocks if b.grid is not None}
    prose = _squash(doc.title + "".join(b.text for b in doc.blocks if b.grid is None))
    return {key: {m for m in marks if m not in prose and not any(m in other for k, o in texts.items() if k != key
                                                                 for other in o)}
            for key, marks in texts.items()}


def table_pages(pdf: bytes, report: Report) -> dict[str, list[int]]:
    """The pages (1-based) on which each table prints."""
    import pdfplumber

    markers = table_markers(report)
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [_squash(page.extract_text() or "") for page in document.pages]
    return {key: [n for n, text in enumerate(pages, 1) if any(m in text for m in marks)]
            for key, marks in markers.items()}


def word_to_pdf(files: dict[str, bytes], folder: Path) -> dict[str, bytes]:
    """Word files printed by LibreOffice headless (as an evaluator opening them sees them), all in one call: it is
    slow. {name: docx bytes} → {name: pdf bytes}."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.fail("LibreOffice is needed to print the Word files: apt-get install libreoffice-writer-nogui")
    for name, data in files.items():
        (folder / f"{name}.docx").write_bytes(data)
    profile = folder / "profile"  # its own profile: another soffice running on the machine must not interfere
    subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), *(str(folder / f"{n}.docx") for n in files)],
                   check=True, capture_output=True, timeout=240)
    return {name: (folder / f"{name}.pdf").read_bytes() for name in files}


def printed_lines(pdf: bytes) -> list[str]:
    """Every printed line of the PDF's pages as its characters left to right (a table row's cells run together):
    characters whose tops are within a point of each other share a line."""
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            rows: dict[int, list[dict]] = {}
            for char in page.chars:
                key = next((k for k in rows if abs(k - char["top"]) <= 1), round(char["top"]))
                rows.setdefault(key, []).append(char)
            lines.extend("".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
                         for _, chars in sorted(rows.items()))
    return lines
