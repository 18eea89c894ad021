"""A count said in words is drafted in digits (发了一百条 → 发布100条); an idiom or a set phrase of 公文 that holds a
numeral is no count: 宣传深入千家万户 was drafted 宣传深入1000家万户, 千人座谈会 1000人座谈会, 两个维护 2个维护, 八项规定
8项规定. A numeral is a count when it starts with a digit's word (一…十); a bare 千, 万 or 百 begins an idiom."""

from __future__ import annotations

import pytest

from bot.drafting.wording import fact_items, formal

IDIOMS = (
    "宣传深入千家万户", "召开千人座谈会", "召开万人大会", "服务百姓", "千方百计解决群众诉求", "确保万无一失", "一五一十向群众公开",
    "十万火急", "百家争鸣", "千村万户全覆盖", "做到两个维护", "增强四个意识", "坚定四个自信", "落实中央八项规定精神",
    "践行三个代表", "落实行政执法三项制度", "高效办成一件事", "推行一件事一次办", "推行最多跑一次", "一次办好",
    "一次告知", "提供一条龙服务", "一个窗口对外", "建立一人一档", "一户一档",
)


@pytest.mark.parametrize("idiom", IDIOMS)
def test_an_idiom_holding_a_numeral_is_written_as_said(idiom: str) -> None:
    assert formal(idiom) == idiom


@pytest.mark.parametrize(("typed", "drafted"), [
    ("发了一百条", "发布100条"), ("一千二百多条", "1200余条"), ("举办培训三场", "举办培训3场"),
    ("一千人参加", "1000人参加"), ("培训了两次", "培训2次"),
])
def test_a_count_in_words_beside_them_is_still_drafted_in_digits(typed: str, drafted: str) -> None:
    assert formal(typed) == drafted


def test_a_note_of_idioms_and_counts_drafts_only_the_counts_in_digits() -> None:
    assert fact_items("政策宣传深入千家万户，发了一百二十条，一件事一次办全覆盖") == [
        "政策宣传深入千家万户", "发布120条", "一件事一次办全覆盖"]
