"""A count said alone right after the platform it was published on (我们有个公众号平安镇发布，发了120条) is that
platform's count: one point (运营公众号“平安镇发布”，发布信息120条), never a point “发布120条” that names nothing."""

from __future__ import annotations

import pytest

from bot.dialog.prose import read_statements
from bot.drafting import Voice, draft_paragraph, fact_items
from bot.report import empty_report, with_derived

VOICE = Voice("平安镇人民政府", "镇", "我镇", 2025, True)


@pytest.mark.parametrize("note", ["我们有个公众号平安镇发布，发了120条", "公众号平安镇发布 发了120条"])
def test_the_count_joins_the_account_named_before_it(note: str) -> None:
    assert fact_items(note) == ["运营公众号“平安镇发布”，发布信息120条"]


def test_the_clerk_sees_one_point_and_the_draft_says_it_once() -> None:
    kept, _ = read_statements("我们有个公众号平安镇发布，发了120条")
    assert kept == ["运营公众号“平安镇发布”，发布信息120条"]
    text = draft_paragraph("active", kept, with_derived(empty_report(VOICE.name, "镇", 2025)), VOICE)
    assert "运营公众号“平安镇发布”，发布信息120条" in text and "。发布" not in text


def test_a_count_after_no_platform_stays_its_own_point() -> None:
    assert fact_items("开展培训2次，发了120条") == ["开展培训2次", "发布120条"]
