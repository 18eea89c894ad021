"""The Word file's prose is justified (两端对齐), as 公文 are printed and as the web page and PDF set it: no ragged
right edge where a line breaks before a mark it may not start with. The title stays centred, the 落款 right-aligned,
and the table cells keep their own alignment (labels left, numbers centred)."""

from __future__ import annotations

import io
from datetime import date

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from bot.render import render_docx
from tests.bot.test_render import numbered_report

UNIT = "永清县刘街乡"


def test_the_prose_and_headings_are_justified_and_the_title_and_signature_keep_theirs() -> None:
    word = docx.Document(io.BytesIO(render_docx(numbered_report(), submitted_on=date(2025, 1, 20))))
    paragraphs = [p for p in word.paragraphs if p.text.strip()]
    title, *body, name, day = paragraphs
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert (name.text, name.alignment, day.alignment) == (UNIT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT)
    assert body and {p.alignment for p in body} == {WD_ALIGN_PARAGRAPH.JUSTIFY}
    assert "六、其他需要报告的事项" in [p.text for p in body] and "本年度未收取信息处理费。" in [p.text for p in body]
    cells = {p.alignment for t in word.tables for row in t.rows for c in row.cells for p in c.paragraphs}
    assert cells <= {WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER}
