"""QA round as a county supervisor: a draft read 「网站每周至少更新1次」. A 公文 writes how often something is done in
Chinese numerals (每周至少更新一次, 每月推送两次), whether the clerk typed 一次 or 1次, while a count of what was done
(发布信息300条, 开展培训2次, 全年开展培训12次) stays in Arabic numerals."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

SAID = [
    ("网站每周至少更新一次", "网站每周至少更新一次"),
    ("公开栏每月至少更新1次", "公开栏每月至少更新一次"),
    ("公众号每月至少推送两次", "公众号每月至少推送两次"),
    ("每季度至少开展一次培训", "每季度至少开展一次培训"),
    ("每年至少召开一次专题会议", "每年至少召开一次专题会议"),
    ("发布信息三百条", "发布信息300条"),
    ("培训搞了两次", "开展培训2次"),
    ("全年开展培训12次", "全年开展培训12次"),
]


@pytest.mark.parametrize(("typed", "written"), SAID)
def test_a_frequency_reads_in_chinese_numerals_and_a_count_in_arabic(typed: str, written: str) -> None:
    assert fact_items(typed) == [written]


def test_the_drafted_paragraph_says_how_often_in_chinese_numerals() -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    paragraph = draft_paragraph("platform", "网站每周至少更新一次，公众号每月至少推送2次，全年发布信息三百条", report,
                                voice("城关镇人民政府", "镇", 2025))
    assert "每周至少更新一次" in paragraph and "每月至少推送两次" in paragraph, paragraph
    assert "发布信息300条" in paragraph and "1次" not in paragraph and "2次" not in paragraph, paragraph
