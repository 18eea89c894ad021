"""A file far larger than any report (WeCom lets 20 MB through) is refused at once, with its size, instead of holding
an import job until its time runs out a minute or more later; the real reports of the corpus are read as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importers import MAX_BLOCKS, import_bytes, read_blocks
from bot.importers.errors import NotAReport
from bot.importers.html import MAX_TAGS
from bot.importers.pdf import MAX_PAGES

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ROW = "（一）主动公开政府信息情况 12 3 45"


def page_of_rows(rows: int) -> bytes:
    row = f"<tr><td>{ROW}</td><td>12</td></tr>\n"
    return f"<html><body><h1>测试镇2024年政府信息公开工作年度报告</h1><table>{row * rows}</table></body></html>".encode()


def blank_pdf(pages: int) -> bytes:
    """A well-formed PDF of `pages` empty A4 pages."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + n} 0 R' for n in range(pages))}] /Count {pages} >>"]
    objects += ["<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def refusal(data: bytes, name: str) -> str:
    with pytest.raises(NotAReport) as refused:
        import_bytes(data, name)
    return str(refused.value)


def test_a_page_of_three_hundred_thousand_tags_is_refused_with_its_size() -> None:
    assert "约 30 万个标签" in refusal(page_of_rows(50_000), "年报.html")


def test_a_text_of_twenty_thousand_lines_is_refused_before_mapping() -> None:
    assert "20001 段文字和表格行" in refusal(("测试镇2024年政府信息公开工作年度报告\n" + f"{ROW}\n" * 20_000).encode(),
                                             "年报.txt")


def test_a_pdf_of_more_pages_than_any_report_is_refused_before_reading() -> None:
    assert f"共 {MAX_PAGES + 1} 页" in refusal(blank_pdf(MAX_PAGES + 1), "公报.pdf")
    assert "扫描件" in refusal(blank_pdf(3), "年报.pdf")  # under the cap it is read (and has no text)


def _blocks(path: Path) -> int:
    try:
        return len(read_blocks(path.read_bytes(), path.name))
    except NotAReport:  # the corpus's scanned PDF
        return 0


def test_the_corpus_is_far_below_every_cap() -> None:
    files = [p for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".html", ".docx", ".pdf")]
    assert len(files) > 50
    assert max(_blocks(p) for p in files) * 50 < MAX_BLOCKS
    pages = [p for p in files if p.suffix == ".html"]
    assert max(p.read_bytes().count(b"<") for p in pages) * 50 < MAX_TAGS
    for page in pages:
        assert import_bytes(page.read_bytes(), page.name).report.cells
