"""A clerk's remark about the message itself at the start of an answer (补充一下、再说一句、另外还有、还有一点、对了 …)
is not published: the facts listed and the paragraph adopted hold only what the remark introduces."""

from __future__ import annotations

import re

import pytest

from bot.drafting.wording import fact_items

from .test_dialog_prose import at, reply

REMARKS = ["补充一下，", "补充一下：", "补充：", "再说一句，", "另外还有", "还有一点，", "对了，", "再补充一点 ", "顺便说一下，"]
META = re.compile(r"补充|再说|另外|还有|一点|对了|顺便|一下")


@pytest.mark.parametrize("remark", REMARKS)
def test_a_remark_is_left_out_of_the_note(remark: str) -> None:
    assert fact_items(f"{remark}公开栏更新12期") == ["公开栏更新12期"]


@pytest.mark.parametrize("remark", REMARKS)
def test_a_remark_sent_with_notes_at_the_draft_is_not_published(remark: str) -> None:
    chat = at("1.2")
    chat.send("网站发布信息32条")
    chat.send(f"{remark}公开栏更新12期")
    draft = reply(chat).split("草拟如下：")[1].split("回复1采用")[0]
    assert "公开栏更新12期" in draft and not META.search(draft), draft
    chat.send("1")
    paragraph = chat.report.text["s1.active"]
    assert "公开栏更新12期" in paragraph and not META.search(paragraph), paragraph


def test_a_remark_before_a_problem_is_not_published() -> None:
    chat = at("5.1")
    chat.send("再说一句，信息更新不够及时；补充一下：改进：安排专人每周更新")
    chat.send("1")
    chat.send("1")  # 5.2, drafted from 5.1's improvements
    published = " ".join(chat.report.text.get(s) or "" for s in ("s5.problems", "s5.improvements"))
    assert "更新不够及时" in published and "专人每周更新" in published, published
    assert not META.search(published), published
