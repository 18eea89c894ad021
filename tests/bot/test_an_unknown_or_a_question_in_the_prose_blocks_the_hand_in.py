"""What a published report can never say — that something is not known (评议不清楚), a question (是不是就是上面填的,
…吗), a guess at how much was said (大概就) — is an error (R18), not a warning: 「确认提交 已核实」 cannot hand it in
(QA30: a question and 评议不清楚 were handed in with only the 大概/搞了/了 warnings confirmed)."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township
from tests.bot.test_rules import good, run, with_text

AT_1_3 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1", "网站发布120条", "1")
REST = ("1", "落实一事一审", "1", "规范网站专栏", "1",
        "培训2次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究", "1",
        "信息更新不够及时；改进：明确专人每周更新", "1", "1", "1")


@pytest.mark.parametrize(("text", "word"), [
    ("组织培训2次，评议不清楚。", "不清楚"), ("我镇依申请公开是不是就是上面填的等。", "是不是"),
    ("开展了政务公开日活动，大概就等。", "大概就"), ("网站专栏更新了吗。", "吗"), ("考核结果还不知道。", "不知道"),
])
def test_r18_an_unknown_or_a_question_in_the_prose_is_an_error(text: str, word: str) -> None:
    found = run("R18", with_text(good(), s1__active=text))
    assert [f.cells for f in found] == [("s1.active",)] and f"“{word}”" in found[0].message, found
    assert found[0].level == "error"


@pytest.mark.parametrize("text", ["职责分工不清楚的问题得到解决。", "解读了什么是政务公开。", "网站发布信息120条。",
                                  # a mark standing for a character lost on a web page (two real reports): no question
                                  "人防报建核准等信息27条。\n?", "?", "??(一)主动公开。"])
def test_r18_a_fact_with_such_words_is_left_alone(text: str) -> None:
    assert run("R18", with_text(good(), s1__active=text)) == []


def test_a_clerks_own_paragraph_holding_a_question_cannot_be_handed_in_even_when_confirmed():
    chat = Chat(township())
    chat.say_all(*AT_1_3, "用我的原文：年内我乡未收到政府信息公开申请。社会评议不清楚，是不是要写？", *REST)
    chat.send("提交")
    reply = chat.send("确认提交 已核实")
    assert "不清楚" in reply and "请修正" in reply, reply
    assert "submitted" not in chat.last.events and not chat.state["submitted"], chat.last.events
