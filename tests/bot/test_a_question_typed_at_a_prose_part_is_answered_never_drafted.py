"""A question typed at a prose part (这个啥意思, 写什么, 不知道写啥) is answered with what the part asks — where it
stands in the report, the facts it asks or the tables it is drafted from — and the part is asked again: it never
becomes a note, nor the paragraph (QA: 「我镇啥意思。」 in a submitted 依申请公开 paragraph). A statement that ends as a
question (公开栏更新了吗？) is refused as a note and never adopted as the clerk's own text; a fact that holds such words
(解读了什么是政务公开) stays one."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

AT_1_2 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1")  # 1.1's draft adopted: 1.2 asks its facts
AT_1_3 = (*AT_1_2, "网站发布120条", "1")  # 1.3 is drafted from tables three and four: its draft is on offer


def _notes(chat: Chat, code: str) -> list[str]:
    return list((chat.state.get("facts") or {}).get(code) or [])


def _printed(chat: Chat) -> str:
    return "".join(chat.report.text.values())


@pytest.mark.parametrize("asked", ["这个什么意思", "这个啥意思？", "写什么", "不知道写啥", "要写哪些？", "这个怎么写",
                                   "不懂"])
def test_a_question_at_a_parts_facts_says_what_the_part_asks_and_stores_nothing(asked):
    chat = Chat(township())
    chat.say_all(*AT_1_2)
    assert chat.state["cur"] == ["1.2", 0]
    reply = chat.send(asked)
    assert "「（一）主动公开」" in reply and "列出要点" in reply and "本年度主要通过哪些平台" in reply, reply
    assert chat.state["cur"] == ["1.2", 0] and not _notes(chat, "1.2"), chat.state
    assert "意思" not in _printed(chat)


def test_a_question_at_a_draft_on_offer_says_which_tables_draft_it_and_a_bare_none_adopts_no_question():
    chat = Chat(township())
    chat.say_all(*AT_1_3)
    assert chat.state["cur"] == ["1.3", 1]
    reply = chat.send("这个啥意思")
    assert "「（二）依申请公开」" in reply and "三、收到和处理政府信息公开申请情况" in reply, reply
    assert "已补充要点" not in reply and not _notes(chat, "1.3")
    chat.send("无")
    assert "1.3" in chat.state["answered"] and "意思" not in chat.report.text["s1.on_request"], chat.report.text


def test_a_statement_ending_as_a_question_is_refused_as_a_note():
    chat = Chat(township())
    chat.say_all(*AT_1_2)
    reply = chat.send("网站发布120条，公开栏更新了吗？")
    assert "「公开栏更新了吗」像是在提问" in reply, reply
    assert _notes(chat, "1.2") == ["网站发布120条"], _notes(chat, "1.2")


def test_a_question_at_a_draft_on_offer_is_never_adopted_as_the_clerks_own_text():
    chat = Chat(township())
    chat.say_all(*AT_1_3)
    reply = chat.send("这段是不是要写申请的情况吗？")  # answered with what the part asks (prose31), or refused as asked
    assert ("像是在提问" in reply or "表格数字起草" in reply) and "1.3" not in chat.state["answered"], reply
    assert "吗" not in _printed(chat)


@pytest.mark.parametrize("fact", ["解读了什么是政务公开", "开展“啥是政务公开”主题宣传3次"])
def test_a_fact_holding_question_words_stays_a_fact(fact):
    chat = Chat(township())
    chat.say_all(*AT_1_2)
    reply = chat.send(fact)
    assert _notes(chat, "1.2") == [fact] and "像是在提问" not in reply, reply
