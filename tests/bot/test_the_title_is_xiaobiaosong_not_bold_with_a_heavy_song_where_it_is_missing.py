"""QA round as an evaluator holding the report to GB/T 9704-2012 7.3.1 (标题一般用2号小标宋体字): the Word file set
its title in 方正小标宋简体 and bold, and the web page and PDF asked for bold too — a bold 小标宋 where the font is
installed (as in every government office), its strokes smeared. The title is 2号 (22pt) 小标宋, not bold. Where 小标宋
is missing (the server printing the PDF), the heavy face of a Song font stands in for it by name (Noto Serif CJK SC
Bold here), so the title keeps its weight without bolding 小标宋 itself."""

from __future__ import annotations

import io

import docx
import pdfplumber
from docx.oxml.ns import qn

from bot.render import render_docx, render_pdf
from tests.bot.supervision.helpers import seed_report


def test_the_word_title_is_2hao_xiaobiaosong_and_not_bold() -> None:
    title = docx.Document(io.BytesIO(render_docx(seed_report(4)))).paragraphs[0]
    assert title.runs and all(run.bold is None and run.font.size.pt == 22 for run in title.runs)
    assert {run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for run in title.runs} == {"方正小标宋简体"}


def test_the_pdf_title_is_set_in_the_heavy_song_that_stands_in_for_xiaobiaosong() -> None:
    report = seed_report(4)
    with pdfplumber.open(io.BytesIO(render_pdf(report))) as pdf:
        chars = pdf.pages[0].chars
    title = [c for c in chars if round(c["size"]) == 22]
    assert "".join(c["text"] for c in title) == f"{report.unit}2024年政府信息公开工作年度报告"
    # the stand-in chosen by name in the title's own face, not the body's Song bolded
    assert {c["fontname"].split("+")[-1] for c in title} == {"report-title-Bold"}
