"""A count said in words with a hundred or more (一百二十三条, 一千零五十条) is drafted as its whole number: the regular
expression once took four characters at most, so 网站发了一百二十三条 was drafted 网站发布一123条."""

from __future__ import annotations

import pytest

from bot.drafting.wording import fact_items

SAID = [
    ("网站发了一百二十三条", "网站发布123条"),
    ("网站发了一百条", "网站发布100条"),
    ("公众号发了一千零五十条", "公众号发布1050条"),
    ("网站发了一千二百多条", "网站发布1200余条"),
    ("公开栏更新了十二期", "公开栏更新12期"),
]


@pytest.mark.parametrize(("typed", "formal"), SAID)
def test_a_spoken_count_is_drafted_as_one_whole_number(typed: str, formal: str) -> None:
    assert fact_items(typed) == [formal]


def test_a_paragraph_of_spoken_counts_prints_no_stray_numeral() -> None:
    from bot.drafting import draft_paragraph
    from bot.report import empty_report, with_derived
    from tests.bot.draft_samples import voice

    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    paragraph = draft_paragraph("active", "公众号发了两百条，网站一百二十三条，公开栏更新了十期", report,
                                voice("城关镇人民政府", "镇", 2025))
    assert "网站发布信息123条" in paragraph and "公众号发布信息200条" in paragraph, paragraph
    assert "一1" not in paragraph, paragraph
