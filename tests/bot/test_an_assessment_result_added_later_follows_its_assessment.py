"""An assessment's result the clerk adds after other notes (考核结果是良好, sent once 1.6's draft was offered) follows the
assessment it is the result of: it had been drafted at the end, 「…开展政务公开社会评议，满意度调查1次，考核结果为良好。」
(QA31 demo)."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

AT_1_6 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1", "网站发布120条", "1", "1", "落实一事一审", "1",
          "规范网站专栏", "1")


def test_a_result_added_after_the_evaluation_follows_the_assessment():
    chat = Chat(township())
    chat.say_all(*AT_1_6)
    assert chat.state["cur"] == ["1.6", 0], chat.state["cur"]
    chat.say_all("培训2次，纳入年度考核，评议也搞了", "考核结果是良好", "1")
    text = chat.report.text["s1.oversight"]
    assert "纳入年度考核，结果为良好，" in text and not text.rstrip("。").endswith("良好"), text
