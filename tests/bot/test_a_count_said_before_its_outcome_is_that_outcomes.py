"""At 行政复议's outcomes a clerk says a count before the outcome (嗯 维持2个吧 还有1个没审完): the count is that
outcome's, and 没审完 is 尚未审结 — it had been refused as 「2个吧 还有1个没审完」不是数字."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

REVIEW = ("t4.review.upheld", "t4.review.corrected", "t4.review.other", "t4.review.pending")
AT_REVIEW_OUTCOMES = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是", "1")


@pytest.mark.parametrize("typed", ["嗯 维持2个吧 还有1个没审完", "2个维持 1个还在审", "维持2个，另有1个没结案"])
def test_the_count_before_an_outcome_is_that_outcomes(typed: str) -> None:
    chat = Chat(township())
    chat.say_all(*AT_REVIEW_OUTCOMES)
    assert chat.state["cur"][0] == "4.3"
    reply = chat.send(typed)
    assert [chat.report.cells.get(c) for c in REVIEW] == [2, 0, 0, 1], reply


def test_a_count_after_one_outcome_and_before_another_is_not_guessed() -> None:
    chat = Chat(township())
    chat.say_all(*AT_REVIEW_OUTCOMES)
    chat.send("维持 2个没审完")
    assert chat.state["cur"][0] == "4.3" and "t4.review.upheld" not in chat.report.cells
