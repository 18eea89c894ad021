"""A message that is a question to the bot (一般写多少字啊, 是不是就是上面填的那些, …更新了？) is answered with what the
part asks — how long it is, which tables draft it — and is never stored as a note, nor drafted (QA30: 「…未收到政府
信息公开申请，总体情况一般写多少字，…」; 「另外，我镇依申请公开是不是就是上面填的等。」)."""

from __future__ import annotations

import pytest

from bot.dialog.facts import read_statements
from tests.bot.dialog_helpers import Chat, township

AT_1_1 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否")
AT_1_3 = (*AT_1_1, "1", "网站发布120条", "1")


def _at(steps: tuple[str, ...], code: str) -> Chat:
    chat = Chat(township())
    chat.say_all(*steps)
    assert chat.state["cur"][0] == code, chat.state["cur"]
    return chat


def test_how_long_a_part_is_asked_is_answered_and_drafts_nothing():
    chat = _at(AT_1_1, "1.1")
    reply = chat.send("这个总体情况一般写多少字啊")
    assert "不限字数" in reply and "已补充要点" not in reply, reply
    assert not (chat.state.get("facts") or {}).get("1.1") and chat.state["cur"][0] == "1.1"
    chat.send("1")
    assert "多少字" not in chat.report.text["s1.summary"], chat.report.text["s1.summary"]


def test_a_shi_bu_shi_question_at_a_part_drafted_from_tables_says_which_tables_draft_it():
    chat = _at(AT_1_3, "1.3")
    reply = chat.send("依申请公开是不是就是上面填的那些")
    assert "三、收到和处理政府信息公开申请情况" in reply and "已补充要点" not in reply, reply
    chat.send("1")
    assert "是不是" not in chat.report.text["s1.on_request"], chat.report.text["s1.on_request"]


@pytest.mark.parametrize("asked", ["公开栏更新了？", "一般写多少字啊", "要不要写培训", "这个是不是写网站的"])
def test_a_question_among_notes_is_refused_as_a_question(asked):
    kept, refused = read_statements(f"网站发布120条，{asked}")
    assert kept == ["网站发布120条"] and [r.why for r in refused] == ["question"], (kept, refused)


@pytest.mark.parametrize("fact", ["解读了什么是政务公开", "开展“是不是政务公开”问答活动", "公开栏更新了"])
def test_a_fact_holding_question_words_is_no_question(fact):
    assert read_statements(fact)[0] == [fact]
