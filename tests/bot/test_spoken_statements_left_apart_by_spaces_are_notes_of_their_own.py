"""Spoken statements a clerk leaves apart by spaces on a phone (“网站用的县里的 公众号叫城关发布 每个村都有公开栏”) are
notes of their own, each put in a report's words, not one list item “网站用的县里的、公众号…” printed as typed; a
list of things (低保 惠农补贴) stays one list."""

from __future__ import annotations

import pytest

from bot.dialog.prose import read_statements
from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice


@pytest.mark.parametrize(("typed", "notes"), [
    ("网站用的县里的 公众号叫城关发布 每个村都有公开栏",
     ["依托县政府门户网站公开政府信息", "运营公众号“城关发布”", "公开栏覆盖各村"]),
    ("信息发布前都是先审后发的 领导签字 今年还修订了信息发布审核制度",
     ["信息发布前先审后发", "领导签字", "修订了信息发布审核制度"]),
    ("重点公开了低保 惠农补贴啥的", ["重点公开了低保、惠农补贴等"]),
])
def test_spaced_spoken_statements_are_notes_of_their_own(typed: str, notes: list[str]) -> None:
    assert read_statements(typed)[0] == notes


def test_the_platform_part_drafted_from_them_reads_as_a_report() -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    kept, _ = read_statements("网站用的县里的 公众号叫城关发布 每个村都有公开栏")
    paragraph = draft_paragraph("platform", kept, report, voice("城关镇人民政府", "镇", 2025))
    assert "用的" not in paragraph and "都有" not in paragraph, paragraph
