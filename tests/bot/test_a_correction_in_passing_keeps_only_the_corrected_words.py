"""A clerk corrects in passing, as they would aloud (“发布了30条，不对，是32条”, “开展培训3次，哦不，4次”, “主要是更新
慢，不是，是更新不及时”): only the corrected words reach the facts, the paragraph and the table."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.dialog.corrections import corrected

from .dialog_helpers import Chat
from .test_dialog_prose import at, reply

CORRECTED = [
    ("发布了30条，不对，是32条", "发布了32条"),
    ("开展培训3次，哦不，4次", "开展培训4次"),
    ("主要是更新慢，不是，是更新不及时", "主要是更新不及时"),
    ("网站发了30条 不对 是32条，公众号120条", "网站发了32条，公众号120条"),
    ("网站发了13条，不对，31条", "网站发了31条"),  # 13's 3 is no place for 31
    ("培训三次，说错了，应该是四次", "培训四次"),
    ("公众号发布120条，不对不对，是102条", "公众号发布102条"),
    ("公开栏更新12期，错了错了，是21期。", "公开栏更新21期。"),
    ("网站发了30条，不对，公众号发了30条", "公众号发了30条"),  # said again whole
    ("是，不对，否", "否"),
    ("发布了30条，不对", "发布了30条"),
    ("网站发了30条 哦不对 32条 公众号100条", "网站发了32条 公众号100条"),  # notes parted by spaces
    ("网站56条 公众号120条 哦不 公众号102条", "网站56条 公众号102条"),
    ("公开栏12期，不是12期，是21期", "公开栏21期"),  # the wrong words named
    ("2 0 5，不对，3 0 5", "3 0 5"),  # a row of numbers is one answer
    ("网站发了三十条 不对 三十二条", "网站发了三十二条"),
]
# 不是 and 不对 inside a sentence, or a 不是 that answers the question, correct nothing
UNCHANGED = ["不是所有信息都及时公开", "问题不是人少，是经费不足", "不对外公开的信息经过保密审查", "发布30条，不对外公开信息5条", "不是，没有收到",
             "更新不够及时，这不是问题"]


@pytest.mark.parametrize(("typed", "meant"), CORRECTED)
def test_a_correction_in_passing_keeps_only_the_corrected_words(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize("typed", UNCHANGED)
def test_words_that_only_look_like_a_correction_are_kept(typed: str) -> None:
    assert corrected(typed) == typed


def test_the_draft_states_the_corrected_count_only() -> None:
    chat = at("1.2")
    chat.send("网站发布了30条，不对，是32条，公众号120条")
    draft = reply(chat).split("草拟如下：")[1]
    assert "32条" in draft and "30条" not in draft and "不对" not in draft, draft
    chat.send("1")
    assert "32条" in chat.report.text["s1.active"] and "不对" not in chat.report.text["s1.active"]


def test_a_corrected_problem_is_published_as_corrected() -> None:
    chat = at("5.1")
    chat.send("主要是更新慢，不是，是更新不及时")
    chat.send("1")
    problems = chat.report.text["s5.problems"]
    assert "更新不及时" in problems and "更新慢" not in problems and "不是" not in problems, problems


def test_a_corrected_count_at_the_oversight_draft_is_the_one_drafted() -> None:
    chat = at("1.6")
    chat.send("开展培训3次，哦不，4次")
    draft = reply(chat).split("草拟如下：")[1]
    assert "4次" in draft and "3次" not in draft and "哦" not in draft, draft


def test_a_corrected_count_at_a_table_question_is_the_one_recorded() -> None:
    chat = Chat(DialogContext(user_name="李四", unit="青山乡人民政府", unit_kind="乡", year=2025))
    chat.send("开始")
    chat.send("0 0 0")
    chat.send("2 0 5，不对，3 0 5")
    assert chat.report.cells["t2.normative.issued"] == 3
    assert chat.report.cells["t2.normative.in_force"] == 5
