"""Read existing reports (.txt, .docx, .pdf, .html, and the Report JSON form) into a `Report`.

Each reader turns its file into one stream of blocks (paragraphs and table rows); one mapper turns blocks into a
Report, driven by the format declaration. A file that is not a report, or cannot be read, raises `NotAReport` with
a Chinese message for the user — never any other exception.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import messages
from ..findings import Finding
from ..formats import DEFAULT_FORMAT, Format
from ..report import Report
from .blocks import Block, decode_text
from .errors import NotAReport

__all__ = ["ImportResult", "NotAReport", "import_bytes", "import_report", "read_blocks"]

_SUFFIX_KINDS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html",
                 ".shtml": "html", ".json": "json"}
_SIGNATURES = (
    (b"\x89PNG", messages.text("importers", "image_file")),
    (b"\xff\xd8\xff", messages.text("importers", "image_file")),
    (b"GIF8", messages.text("importers", "image_file")),
    (b"BM", messages.text("importers", "image_file")),
    (b"\xd0\xcf\x11\xe0", messages.text("importers", "old_word")),
)
# A report reads as 100 to 150 blocks (paragraphs and table rows; the corpus's largest: 144). Mapping takes about
# 0.1 ms a block, so a 20 MB text of 220,000 lines held an import for its whole time limit; beyond this many blocks
# the file is refused before mapping.
MAX_BLOCKS = 10_000
_HTML_TAG = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|tr|p|div|meta)\b", re.IGNORECASE)


@dataclass
class ImportResult:
    report: Report
    findings: list[Finding] = field(default_factory=list)  # what the import itself noticed (R5, R12)
    source: str = ""  # the reader used: txt, docx, pdf, html or json


def import_report(path: str | Path, fmt: Format = DEFAULT_FORMAT) -> ImportResult:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise NotAReport(messages.text("importers", "unreadable_path", name=path.name)) from exc
    return import_bytes(data, path.name, fmt)


def import_bytes(data: bytes, filename: str = "", fmt: Format = DEFAULT_FORMAT) -> ImportResult:
    kind = _kind(data, filename)
    try:
        if kind == "json":
            return ImportResult(_from_json(data, fmt), [], kind)
        blocks = _read(kind, data, fmt)
        if len(blocks) > MAX_BLOCKS:
            raise NotAReport(messages.text("importers", "too_long", blocks=len(blocks)))
        report, findings = _map(blocks, fmt)
    except NotAReport:
        raise
    except Exception as exc:  # a reader or the mapper choked on a malformed file: the user gets a sentence
        raise NotAReport(messages.text("importers", "not_a_report")) from exc
    return ImportResult(report, findings, kind)


def read_blocks(data: bytes, filename: str = "", fmt: Format = DEFAULT_FORMAT) -> list[Block]:
    """The document's paragraphs and table rows as its reader sees them, before any mapping (for tools and tests)."""
    return _read(_kind(data, filename), data, fmt)


def _kind(data: bytes, filename: str) -> str:
    """The reader for these bytes: binary signatures first (a .txt may be a picture), then the suffix, then a
    sniff of the text."""
    if not data.strip():
        raise NotAReport(messages.text("importers", "empty_file"))
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise NotAReport(message)
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data[:1024].lstrip().startswith(b"%PDF"):
        return "pdf"
    suffix = Path(filename).suffix.lower()
    if suffix in _SUFFIX_KINDS:
        return _SUFFIX_KINDS[suffix]
    head = decode_text(data)[:4096].lstrip()
    if head.startswith("{"):
        return "json"
    return "html" if _HTML_TAG.search(head) else "txt"


def _read(kind: str, data: bytes, fmt: Format) -> list[Block]:
    # readers are imported on use: python-docx, pdfplumber and BeautifulSoup cost time only for the files that need them
    if kind == "docx":
        from .docx import read_docx

        return read_docx(data)
    if kind == "pdf":
        from .pdf import read_pdf

        return read_pdf(data)
    if kind == "html":
        from .html import read_html

        return read_html(data, fmt)
    from .txt import read_txt

    return read_txt(data)


def _map(blocks: list[Block], fmt: Format) -> tuple[Report, list[Finding]]:
    from .mapper import map_blocks

    return map_blocks(blocks, fmt)


def _from_json(data: bytes, fmt: Format) -> Report:
    try:
        return Report.from_json(decode_text(data), fmt)
    except NotAReport:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
        raise NotAReport(messages.text("importers", "bad_json")) from exc
