"""A carrier said with the setting up of it (还弄了宣传栏12期, which the spoken words read as 设置了宣传栏) is the channel
its count went through: the draft says 通过宣传栏更新12期, never “通过设置了宣传栏更新12期” (QA round 29)."""

from __future__ import annotations

import pytest

from .test_dialog_facts_list import at, draft_part


@pytest.mark.parametrize("typed", ["网站上发了大概两百条吧，公众号也搞了三百多条，还弄了宣传栏12期", "设置了宣传栏12期",
                                   "设置宣传栏12期"])
def test_a_board_set_up_is_drafted_as_the_channel_of_its_issues(typed: str) -> None:
    draft = draft_part(at("1.2", "镇").send(typed))
    assert "通过宣传栏更新12期" in draft and "设置" not in draft, draft
