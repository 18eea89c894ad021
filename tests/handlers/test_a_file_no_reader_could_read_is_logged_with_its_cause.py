"""A file the readers give up on gets one sentence for the clerk, and the log keeps why: a damaged package and a
reader's own bug look alike to the clerk, so the operator must be able to tell them apart."""

from __future__ import annotations

import io
import logging
import zipfile

from handlers.files import read_file


def _damaged_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "<w:document><w:body><w:p>未闭合")
    return buffer.getvalue()


def test_the_clerk_gets_a_sentence_and_the_log_the_cause(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="handlers.files"):
        verdict = read_file(_damaged_docx(), "去年年报.docx", "青山乡人民政府", "乡镇", 2024)
    assert verdict.outcome == "not_report" and verdict.reason and "Traceback" not in verdict.reason
    [record] = [r for r in caplog.records if r.name == "handlers.files"]
    assert "去年年报.docx" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[1] is not None


def test_a_file_refused_for_what_it_is_logs_nothing(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="handlers.files"):
        verdict = read_file("你好，这是一段闲聊。".encode(), "聊天.txt", "青山乡人民政府", "乡镇", 2024)
    assert verdict.outcome == "not_report"
    assert not [r for r in caplog.records if r.name == "handlers.files"]
