"""其他都没有, 别的没有, 其余为0 after the counts a clerk typed (五个 一个 其他都没有, 自然人五个 企业一个 别的没有) says the
columns not typed are 0: the row is recorded; it had been refused as 「其他都没有」不是数字. 其他 alone (其他没有) is
also the column of other applicants, so only 其他 with 都/全/均 means the rest."""

from __future__ import annotations

import pytest

from bot.parse import parse_labelled, parse_row
from tests.bot.dialog_helpers import Chat, township

NEW = ("t3.new.person", "t3.new.company", "t3.new.research", "t3.new.ngo", "t3.new.legal", "t3.new.other")
AT_NEW_APPLICATIONS = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是")
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


@pytest.mark.parametrize("typed", ["五个 一个 其他都没有", "自然人五个 企业一个 别的没有", "5 1 其余都是0",
                                   "自然人5个，企业1个，剩下的都没有"])
def test_the_columns_after_the_rest_said_none_are_zero(typed: str) -> None:
    chat = Chat(township())
    chat.say_all(*AT_NEW_APPLICATIONS)
    assert chat.state["cur"][0] == "3.2"
    reply = chat.send(typed)
    assert [chat.report.cells.get(c) for c in NEW] == [5, 1, 0, 0, 0, 0], reply
    assert chat.state["cur"][0] == "3.3"


def test_the_rest_said_none_corrects_the_columns_not_named() -> None:
    assert parse_labelled("自然人5 别的没有", APPLICANTS, base=[4, 1, 0, 0, 0, 2]) == [5, 0, 0, 0, 0, 0]


def test_other_applicants_said_none_keep_the_columns_not_named() -> None:
    assert parse_labelled("自然人5 其他没有", APPLICANTS, base=[4, 1, 0, 0, 0, 2]) == [5, 1, 0, 0, 0, 0]


def test_the_rest_said_none_never_adds_columns_to_a_full_row() -> None:
    assert parse_row("5 1 0 0 0 0 7 其他都没有", 6).code == "count_mismatch"  # type: ignore[union-attr]
