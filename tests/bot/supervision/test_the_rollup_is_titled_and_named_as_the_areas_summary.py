"""QA round as a county supervisor: the 汇总表 Word file was titled 「龙亭区汇总 / 2025年政府信息公开工作年度报告」 and
named 龙亭区汇总2025年政府信息公开工作年度报告表格.docx, as if 龙亭区汇总 were a unit with a report of its own. Its title
and its file's name say it is the area's summary: 龙亭区2025年政府信息公开工作年度报告汇总表."""

from __future__ import annotations

import io

from docx import Document

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area

TITLE = "龙亭区2025年政府信息公开工作年度报告汇总表"


def test_the_rollup_docx_is_titled_and_named_as_the_areas_summary() -> None:
    result = supervisor_command("汇总表 含已提交", "supervisor", seed_area(), at(20), TZ)
    file = result.replies[-1]
    assert file.kind == "file" and file.file_name == f"{TITLE}.docx"
    paragraphs = [p.text for p in Document(io.BytesIO(file.file_bytes)).paragraphs if p.text.strip()]
    # too long for one line of the title's size: it breaks after the area's name, as a unit's title does
    assert paragraphs[0] == "龙亭区\n2025年政府信息公开工作年度报告汇总表"
    assert "龙亭区汇总" not in "".join(paragraphs)
