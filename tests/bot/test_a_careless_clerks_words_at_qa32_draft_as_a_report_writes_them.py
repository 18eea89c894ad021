"""What a careless clerk typed on a phone in QA round 32 and the approved report had printed as said: 那个 (the pause
before a word) as an item of 1.4's list, 老百姓不服告的 at 1.3, 镇里领导挺重视的 at 1.1, 解读做的少 at 5.1, 人大建议办了两件
at 6.1, and at 1.2 an English word, a word typed twice, 视频发了10个 and an account named bare before it. Each is now
drafted as a report writes it, and the parts that repeat 1.2's channels (1.1) repeat the written words."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize(("code", "typed", "drafted", "never"), [
    ("1.4", "跟去年一样 先审后发 那个 三审三校吧", "落实先审后发、三审三校", ("那个",)),
    ("1.3", "那个复议的话是一个老百姓不服告的", "收到行政复议1件", ("那个", "老百姓", "告的", "复议是")),
    ("1.1", "搞了两次培训吧 然后镇里领导挺重视的 成立了领导小组", "领导高度重视", ("镇里", "挺")),
    ("5.1", "解读做的少", "政策解读数量较少", ("做的",)),
    ("6.1", "人大建议办了两件吧 都办完了", "办理人大代表建议2件，均已办结", ("建议办", "办完了", "都")),
])
def test_a_spoken_note_is_drafted_in_written_words(code: str, typed: str, drafted: str,
                                                   never: tuple[str, ...]) -> None:
    draft = draft_part(at(code, "镇").send(typed))
    assert drafted in draft and not any(word in draft for word in never), draft


def test_an_english_word_a_doubled_word_and_a_bare_video_count_draft_as_a_report_writes_them() -> None:
    chat = at("1.2", "镇")
    offered = chat.send("在wechat公众号发了50条 网站网站上发了30条，，还有抖音号 视频发了10个左右")
    draft = draft_part(offered)
    assert "通过微信公众号发布信息50条" in draft and "通过网站发布信息30条" in draft, draft
    assert "通过抖音号发布短视频约10条" in draft, draft
    assert not any(word in offered for word in ("wechat", "网站网站", "约10个", "还通过抖音号")), offered
    opening = chat.report.text.get("s1.summary") or ""
    assert "wechat" not in opening and "网站网站" not in opening, opening
