"""What a careless clerk typed on a phone at 1.2–1.4 of the demo (QA round 30) and the draft had printed as typed or
worse: 公众号那个也发了一百来条 drafted 通过公众号“那个发布” (the pause taken for the account's name); 文件发之前都要领导审一下
drafted 都要领导审了 (一下 read as done); 没有泄密的 drafted 暂无泄密的; 都按时答复的 没超期 printed as typed; 公开栏每个月
都更新 kept its spoken 每个月都. Each is now written as a report writes it, in the notes shown and the draft alike."""

from __future__ import annotations

import pytest

from bot.drafting import fact_items

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize(("typed", "noted"), [
    ("公众号那个也发了一百来条", ["公众号发布100余条"]),
    ("公众号那个青山发布发了50条", ["公众号“青山发布”发布50条"]),
    ("网站这个栏目调整了", ["调整网站栏目"]),
    ("文件发之前都要领导审一下 没有泄密的", ["文件发布前均经领导审核", "未发生泄密情况"]),
    ("没出过泄密", ["未发生泄密情况"]),
    ("都按时答复的、没超期", ["均在法定期限内予以答复"]),
    ("公开栏嘛每个月都更新", ["公开栏每月更新"]),
    ("每个星期都发布", ["每周发布"]),
    ("修订了一下", ["修订了"]),
    ("满意度95%", ["群众满意度达95%"]),
])
def test_a_careless_note_is_noted_as_a_report_writes_it(typed: str, noted: list[str]) -> None:
    assert fact_items(typed) == noted


@pytest.mark.parametrize(("code", "typed", "drafted", "never"), [
    ("1.2", "网站上发了80多条吧 公众号那个也发了一百来条，公开栏嘛每个月都更新", "通过微信公众号发布信息100余条",
     ("那个", "每个月都", "还公开栏")),
    # (1.3's 都按时答复的 没超期 is noted above: with the tables' zero applications it is drafted nowhere, prose31)
    ("1.4", "文件发之前都要领导审一下 没有泄密的", "文件发布前均经领导审核，未发生泄密情况", ("审了", "暂无泄密的")),
])
def test_the_draft_of_a_careless_note_holds_no_spoken_word(code: str, typed: str, drafted: str,
                                                          never: tuple[str, ...]) -> None:
    offered = at(code, "镇").send(typed)
    draft = draft_part(offered)
    assert drafted in draft and not any(word in offered for word in never), offered


def test_a_self_correcting_oversight_note_drafts_what_was_meant() -> None:
    """1.6 as the careless clerk typed it: a correction in passing, an assessment said aloud, a bare satisfaction."""
    offered = at("1.6", "镇").send("培训搞了一次，年底县里考核得了良好，评议没搞 不对 评议搞了 满意度95%")
    draft = draft_part(offered)
    assert "在县年度考核中获评良好" in draft and "群众满意度达95%" in draft, offered
    assert not any(word in draft for word in ("没搞", "不对", "得了", "县里")), offered
