"""Where a clerk says information went as they speak (网站上发了两百多条, 公众号里发了80条), the report names the
platform alone: 通过网站发布信息200余条 (it printed 通过网站上、公众号主动公开…); a 公开栏 is brought up to date in
issues: 更新12期, not 发布12期."""

from __future__ import annotations

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived

from .draft_samples import voice

SAID = "网站上发了大概两百多条，公众号里发了80来条，公开栏搞了12期"


def drafted(part: str, **kw: object) -> str:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    return draft_paragraph(part, kw.pop("facts", SAID), report, voice("城关镇人民政府", "镇", 2025), **kw)


def test_the_active_part_names_each_platform_alone() -> None:
    text = drafted("s1.active")
    assert "通过网站发布信息200余条" in text and "通过微信公众号发布信息80余条" in text, text
    assert "网站上" not in text and "公众号里" not in text


def test_a_notice_board_is_updated_in_issues() -> None:
    assert "通过公开栏更新12期" in drafted("s1.active")


def test_the_opening_lists_the_platforms_by_name() -> None:
    text = drafted("s1.summary", facts=["开展政策解读"], known={"active": SAID})
    assert "通过网站、微信公众号、公开栏主动公开政府信息" in text, text


def test_the_notes_name_the_platform_alone_wherever_they_are_drafted() -> None:
    """At 1.1 the notes are the opening's own clauses: 网站上发布200余条 had reached it as typed."""
    from bot.drafting.wording import fact_items

    assert fact_items("网站上发了大概两百多条 公众号里推送了80条") == ["网站发布200余条", "公众号推送80条"]


def test_words_ending_in_shang_keep_it() -> None:
    """网上, 墙上 are words of their own: 网上发布 stays (it had become 网发布)."""
    from bot.drafting.wording import fact_items

    assert fact_items("网上发布政策文件20件 墙上张贴公告") == ["网上发布政策文件20件", "墙上张贴公告"]
