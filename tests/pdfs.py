"""PDFs made in tests the way units make them: a report page printed to PDF by Chromium (the Debian package the
browser tests use), and an image-only PDF — a screenshot of that page printed to PDF — standing for a scan."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from bot.render import render_html
from bot.report import Report


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is missing: apt-get update && apt-get install -y chromium")
    return found


def _run(*args: str) -> None:
    subprocess.run([_chromium(), "--headless", "--no-sandbox", "--disable-gpu", *args], check=True,
                   capture_output=True, timeout=120)


def html_to_pdf(html: str, folder: Path, name: str) -> Path:
    page = folder / f"{name}.html"
    page.write_text(html, encoding="utf-8")
    out = folder / f"{name}.pdf"
    _run("--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri())
    return out


def report_pdf(report: Report, folder: Path, name: str) -> Path:
    return html_to_pdf(render_html(report), folder, name)


def scanned_pdf(report: Report, folder: Path, name: str) -> Path:
    """A PDF holding only a picture of the report's first page: no text layer, as a scanner makes it."""
    page = folder / f"{name}_page.html"
    page.write_text(render_html(report), encoding="utf-8")
    shot = folder / f"{name}.png"
    _run("--window-size=900,1200", "--hide-scrollbars", f"--screenshot={shot}", page.as_uri())
    holder = f'<!DOCTYPE html><html><body style="margin:0"><img src="{shot.as_uri()}" style="width:100%"></body></html>'
    return html_to_pdf(holder, folder, name)
