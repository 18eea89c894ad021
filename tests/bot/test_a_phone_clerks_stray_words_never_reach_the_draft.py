"""A careless clerk's stray words (QA30 finding 3) never reach the report: 大概就这些吧 says nothing more (it had been
drafted 「大概就等」), 主要是 only leads in, 那边 after a place says nothing, 搞了二十来份 counts what was just done,
建了个目录 is 建立目录, 考核纳入了 keeps its assessment, what the clerk does not know (评议不清楚) is never printed nor
counted as stated, and 去年说的 is no part of last year's problem."""

from __future__ import annotations

import pytest

from bot.drafting.wording import fact_items, says_unknown, with_counts_attached
from tests.bot.dialog_helpers import Chat, township

AT_1_1 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否")
AT_1_6 = (*AT_1_1, "1", "网站发布120条", "1", "1", "落实一事一审", "1", "规范网站专栏", "1")


def _items(text: str) -> list[str]:
    return with_counts_attached(fact_items(text))


def test_a_rambling_overview_keeps_its_facts_without_its_fillers():
    items = _items("我们今年主要是镇政府网站专栏更新了，然后村务公开栏也弄了一下，嗯 大概就这些吧，对了还搞了个政务公开日活动")
    assert len(items) == 3 and not any(w in "".join(items) for w in ("大概", "主要是", "等", "弄")), items


def test_a_count_said_alone_after_a_deed_counts_it_and_no_locative_or_spoken_verb_stays():
    assert _items("档案室那边整理了文件 搞了二十来份吧 建了个目录") == ["档案室整理文件20余份", "建立目录"]


def test_an_assessment_said_topic_first_keeps_its_name():
    assert fact_items("考核纳入了") == ["纳入年度考核"]


@pytest.mark.parametrize("unknown", ["评议不清楚", "不知道", "考核结果还不确定", "评议不太清楚"])
def test_what_the_clerk_does_not_know_is_no_fact(unknown):
    assert says_unknown(unknown) and fact_items(unknown) == []


@pytest.mark.parametrize("fault", ["职责分工不清楚", "群众不知道怎么申请"])
def test_a_fault_said_with_unknown_words_stays_a_fact(fault):
    assert not says_unknown(fault) and fact_items(fault)


def test_an_unknown_at_oversight_is_told_not_drafted_and_social_evaluation_stays_unstated():
    chat = Chat(township())
    chat.say_all(*AT_1_6)
    assert chat.state["cur"] == ["1.6", 0], chat.state["cur"]
    reply = chat.send("培训两次吧，考核纳入了，评议不清楚，没有追责的")
    assert "「评议不清楚」是尚不清楚的情况" in reply and "社会评议" in reply.split("提示：")[-1], reply
    chat.send("1")
    text = chat.report.text["s1.oversight"]
    assert "纳入年度考核" in text and "不清楚" not in text and "追责的" not in text, text


def test_what_last_years_report_said_is_the_problem_itself():
    assert fact_items("去年说的栏目不全") == ["栏目不全"]


def test_last_years_problem_said_before_what_was_done_is_named_as_last_years():
    chat = Chat(township())
    chat.say_all(*AT_1_6, "培训2次", "1", "人手不够；改进：专人负责", "1")
    assert chat.state["cur"] == ["5.2", 1], chat.state["cur"]
    chat.send("上年整改：去年说的栏目不全，今年补了三个栏目")
    chat.send("1")
    text = chat.report.text["s5.improvements"] if "s5.improvements" in chat.report.text else "".join(chat.report.text.values())
    assert "针对上年度报告指出的栏目不全的问题" in text and "去年说的" not in text and "我乡栏目不全" not in text, text
