"""表二 alone on a near-empty page (QA round on the published report): where the prose before it ended too low for
表二, 表二 moved to a page of its own, and 表三, kept whole, left the rest of that page empty — in the Word file and
in the PDF alike. 表二 and 表三 now fit one A4 page together, and 表三 follows 表二 there; each table still prints on
one page.

The report's 监督保障 is lengthened a sentence at a time, so that the prose ends at every height of its page. The
Word files are printed by LibreOffice, as an evaluator opening them sees them (tests/published.py); the PDF is the
one sent on approval (WeasyPrint)."""

from __future__ import annotations

import io
from dataclasses import replace
from functools import cache

import pdfplumber
import pytest

from bot.render import render_docx, render_pdf
from bot.report import Report
from tests.bot.supervision.helpers import seed_report
from tests.published import table_pages, word_to_pdf

SENTENCE = "我乡将政务公开工作纳入年度目标考核，组织开展政务公开业务培训，全年未发生政府信息公开工作责任追究情况。"
LAST = "全年未收到关于政务公开工作的投诉举报。"  # the prose's last sentence: found on the page where the prose ends
LENGTHS = range(0, 24, 2)  # sentences: a page and a half of prose, in steps of about three lines
PDF_LENGTHS = range(0, 24, 4)  # WeasyPrint takes seconds a report: every other length


def _report(sentences: int) -> Report:
    report = seed_report(4)
    return replace(report, text={**report.text, "s1.oversight": SENTENCE * sentences + LAST})


@pytest.fixture(scope="module")
def word_printed(tmp_path_factory: pytest.TempPathFactory) -> dict[int, bytes]:
    files = {f"oversight{n}": render_docx(_report(n)) for n in LENGTHS}
    pdfs = word_to_pdf(files, tmp_path_factory.mktemp("alone"))
    return {n: pdfs[f"oversight{n}"] for n in LENGTHS}


@cache
def _pdf(sentences: int) -> bytes:
    return render_pdf(_report(sentences))


def _pages_with(pdf: bytes, text: str) -> list[int]:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [n for n, page in enumerate(document.pages, 1) if text in "".join((page.extract_text() or "").split())]


def _assert_table_two_not_alone(pdf: bytes, sentences: int) -> None:
    pages = table_pages(pdf, _report(sentences))
    assert all(len(found) == 1 for found in pages.values()), f"a table printed over two pages: {pages}"
    (t2,), (t3,) = pages["t2"], pages["t3"]
    assert t2 == t3 or t2 in _pages_with(pdf, LAST), f"表二 alone on page {t2}, 表三 on page {t3}"


@pytest.mark.parametrize("sentences", LENGTHS)
def test_in_the_word_file_table_two_shares_its_page_with_the_prose_or_with_table_three(word_printed,
                                                                                        sentences: int) -> None:
    _assert_table_two_not_alone(word_printed[sentences], sentences)


@pytest.mark.parametrize("sentences", PDF_LENGTHS)
def test_in_the_pdf_table_two_shares_its_page_with_the_prose_or_with_table_three(sentences: int) -> None:
    _assert_table_two_not_alone(_pdf(sentences), sentences)
