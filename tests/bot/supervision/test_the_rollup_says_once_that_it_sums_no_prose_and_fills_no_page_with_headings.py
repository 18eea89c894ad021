"""QA round as a county supervisor opening the 汇总表 Word file: its page 3 held only 「五、…」 and 「六、…」, each over
「（汇总表仅汇总各单位表二至表四数据，文字部分见各单位年度报告。）」, which also stood under 一 — three times in all —
and the file's title property was empty. The roll-up says once, under its title and before the tables, that it sums
no prose; it prints the sections that hold tables, so every page it prints holds a table; its properties carry its
title and its area."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
from docx import Document
from docx.text.paragraph import Paragraph

from bot.supervision.rollup import render_rollup_docx, rollup
from tests.published import word_to_pdf

from .helpers import seed_area

NOTE = "（汇总表仅汇总各单位表二至表四数据，文字部分见各单位年度报告。）"
TITLE = "龙亭区2025年政府信息公开工作年度报告汇总表"


def _rollup_docx() -> bytes:
    return render_rollup_docx(rollup(seed_area().units, "submitted", "龙亭区", 2025), "龙亭区")


def test_the_note_stands_once_under_the_title_before_the_tables() -> None:
    document = Document(io.BytesIO(_rollup_docx()))
    # the document in order: each paragraph's text (the title's line break left out), "<table>" for a table
    blocks = [b.text.replace("\n", "").strip() if isinstance(b, Paragraph) else "<table>"
              for b in document.iter_inner_content()]
    blocks = [b for b in blocks if b]
    assert blocks[:3] == [TITLE, blocks[1], NOTE] and blocks[1].startswith("本汇总为以下3个单位")
    assert blocks.count(NOTE) == 1 and blocks[3] == "二、主动公开政府信息情况" and blocks[4] == "<table>"
    assert not [b for b in blocks if b.startswith(("一、", "五、", "六、"))]


def test_every_printed_page_holds_a_table(tmp_path: Path) -> None:
    pdf = word_to_pdf({"rollup": _rollup_docx()}, tmp_path)["rollup"]
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        ruled = [bool(page.lines or page.rects) for page in document.pages]
        text = "".join(page.extract_text() or "" for page in document.pages)
    assert ruled and all(ruled), ruled  # no page of headings and notes alone
    assert text.replace("\n", "").count("文字部分见各单位年度报告") == 1


def test_its_properties_carry_its_title_and_area() -> None:
    properties = Document(io.BytesIO(_rollup_docx())).core_properties
    assert properties.title == TITLE and properties.author == "龙亭区"
    assert "python-docx" not in (properties.comments + properties.author + properties.last_modified_by)
    assert properties.created is None  # python-docx's template dated it 2013; the roll-up of today has no date
