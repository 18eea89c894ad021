"""The Word file of a submission is rendered in an isolated child (issue 10): the child copies the tables'
skeletons its fork server built before forking it, and builds none itself — a skeleton a child built would be
lost with it, and every submission would pay for building all three again."""

from __future__ import annotations

import io
import zipfile
from datetime import date

from bot import render
from bot.importers import import_report
from bot.report import with_derived
from handlers.jobs.kinds import report_docx_bytes
from handlers.jobs.queue import run_isolated_blocking
from tests.conftest import seed_path


def _render_counting_skeletons(report_json: str, format_id: str, submitted_on: date | None) -> dict:
    before = render._table_skeleton.cache_info()
    data = report_docx_bytes(report_json, format_id, submitted_on)
    after = render._table_skeleton.cache_info()
    return {"inherited": before.currsize, "built": after.misses - before.misses, "copied": after.hits - before.hits,
            "document": _document_xml(data)}


def _document_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as word:
        return word.read("word/document.xml")


def test_the_child_copies_the_skeletons_of_its_fork_server_and_builds_none() -> None:
    report = with_derived(import_report(seed_path(1)).report)
    args = (report.to_json(), report.format_id, date(2025, 1, 20))
    child = run_isolated_blocking(_render_counting_skeletons, args, timeout=30)
    assert child["inherited"] >= 3  # 表二, 表三, 表四, built in the fork server before the fork
    assert (child["built"], child["copied"]) == (0, 3)
    assert child["document"] == _document_xml(report_docx_bytes(*args))
