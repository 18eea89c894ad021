"""The 落款 as the renderers print it (fast, plain data): a report handed in ends with the unit's full name and, under
it, the day it was handed in written 2025年1月20日, set from the right (the day 右空四字, the name centred over it) after 六、其他需要报告的事项; a draft is signed
with the unit's name only; the roll-up is signed by no unit; the importers read the signed report back unchanged."""

from __future__ import annotations

import io
import re
from datetime import date

import docx
import pytest
from bs4 import BeautifulSoup
from docx.enum.text import WD_ALIGN_PARAGRAPH

from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.render import render_docx, render_html, render_text
from bot.report import with_derived
from bot.supervision.rollup import rollup_format
from tests.bot.test_render import numbered_report

UNIT = "永清县刘街乡"
LAST_SECTION = GOV2021.sections[-1].heading
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


def docx_tail(data: bytes) -> list[docx.text.paragraph.Paragraph]:
    """The paragraphs after the last section's prose (本年度未收取信息处理费。)."""
    paragraphs = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.text.strip()]
    last = max(i for i, p in enumerate(paragraphs) if p.text == LAST_SECTION)
    assert paragraphs[last + 1].text == "本年度未收取信息处理费。"
    return paragraphs[last + 2:]


@pytest.mark.parametrize(("day", "written"), [(date(2025, 1, 20), "2025年1月20日"), (date(2025, 1, 5), "2025年1月5日"),
                                             (date(2025, 12, 31), "2025年12月31日")])
def test_the_text_ends_with_the_unit_and_the_day_written_without_leading_zeros(day: date, written: str) -> None:
    text = render_text(numbered_report(), submitted_on=day)
    assert text.rstrip().endswith(f"本年度未收取信息处理费。\n\n{UNIT}\n{written}")


def test_the_word_file_ends_with_the_signature_right_aligned_after_the_last_section() -> None:
    tail = docx_tail(render_docx(numbered_report(), submitted_on=date(2025, 1, 20)))
    assert [(p.text, p.alignment) for p in tail] == [(UNIT, WD_ALIGN_PARAGRAPH.RIGHT),
                                                     ("2025年1月20日", WD_ALIGN_PARAGRAPH.RIGHT)]
    assert tail[0].paragraph_format.space_before.pt == 28  # a blank line of the page's grid above it
    assert tail[0].paragraph_format.first_line_indent is None  # flush right: no paragraph indent


def test_the_page_ends_with_the_signature_right_aligned_after_the_last_section() -> None:
    soup = BeautifulSoup(render_html(numbered_report(), submitted_on=date(2025, 1, 20)), "html.parser")
    footer = soup.select_one("article.report > footer.signature")
    assert footer is not None and footer.find_previous("h2").text == LAST_SECTION
    assert footer.find_previous("p").text == "本年度未收取信息处理费。"
    assert [p.text for p in footer.find_all("p")] == [UNIT, "2025年1月20日"]
    assert footer is soup.select_one("article.report").find_all(recursive=False)[-1]  # the last thing of the report
    css = soup.style.text
    assert re.search(r"\.signature p \{[^}]*text-align: right", css) and re.search(r"\.signature p \{[^}]*text-indent: 0", css)


def test_a_draft_is_signed_with_the_unit_name_only() -> None:
    report = numbered_report()
    assert render_text(report).rstrip().endswith(f"本年度未收取信息处理费。\n\n{UNIT}")
    assert [p.text for p in docx_tail(render_docx(report))] == [UNIT]
    footer = BeautifulSoup(render_html(report), "html.parser").select_one("footer.signature")
    assert [p.text for p in footer.find_all("p")] == [UNIT]
    assert not DATE.search(footer.text)


def test_the_roll_up_is_signed_by_no_unit() -> None:
    report = numbered_report()
    fmt = rollup_format(GOV2021)
    page = BeautifulSoup(render_html(report, fmt, submitted_on=date(2025, 1, 20)), "html.parser")
    assert page.select_one("footer.signature") is None and "2025年1月20日" not in page.text
    assert not render_text(report, fmt, submitted_on=date(2025, 1, 20)).rstrip().endswith("2025年1月20日")


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_a_signed_report_reads_back_unchanged(kind: str) -> None:
    """The importers drop the 落款 under the last section: it is not the section's prose."""
    report = with_derived(numbered_report())
    render = {"txt": render_text, "docx": render_docx, "html": render_html}[kind]
    data = render(report, submitted_on=date(2025, 1, 20))
    imported = import_bytes(data if isinstance(data, bytes) else data.encode(), f"report.{kind}").report
    assert imported.unit == UNIT and imported.text["s6.other"] == report.text["s6.other"]
    assert imported.cells == report.cells
