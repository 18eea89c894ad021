"""俩 and 仨 are 2 and 3 said aloud (俩 一个 仨 is 2 1 3). A rough count beside them (十来个, 二十多) is asked for
exactly and nothing is stored: it had been answered 「只收到 1 个数字」, as if 俩 and 十来个 were not typed."""

from __future__ import annotations

import pytest

from bot.parse import chinese_to_int
from tests.bot.dialog_helpers import Chat, township

NORMATIVE = ("t2.normative.issued", "t2.normative.abolished", "t2.normative.in_force")


def _at_normative_documents() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    assert chat.state["cur"][0] == "2.2"
    return chat


def test_lia_and_sa_are_two_and_three() -> None:
    chat = _at_normative_documents()
    chat.send("俩 一个 仨")
    assert [chat.report.cells[c] for c in NORMATIVE] == [2, 1, 3]


@pytest.mark.parametrize("rough", ["十来个", "二十多"])
def test_a_rough_count_is_asked_for_exactly_and_nothing_is_stored(rough: str) -> None:
    chat = _at_normative_documents()
    reply = chat.send(f"俩 一个 {rough}")
    assert f"第 3 个数（现行有效件数）「{rough}」是约数" in reply, reply
    assert not any(c in chat.report.cells for c in NORMATIVE)


def test_lia_reads_inside_a_numeral() -> None:
    assert (chinese_to_int("俩"), chinese_to_int("仨"), chinese_to_int("十仨")) == (2, 3, 13)
