"""Several words where one amount is asked: the reply says which were not understood (收了 零点五万 → 「收了」), shows
the amounts when there are several (0.5 0.3), says a rough one is rough (零点五万 左右), and stores nothing — it had
said only 「收到 2 个」. The amount after its name and 的话 (收费的话 零点五万) is read."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.bot.dialog_helpers import Chat, township

AT_FEES = ("你好", "0 0 0", "0 0 0", "0 0 0")


def _at_fees() -> Chat:
    chat = Chat(township())
    chat.say_all(*AT_FEES)
    assert chat.state["cur"][0] == "2.4"
    return chat


@pytest.mark.parametrize(("said", "told"), [
    ("收了 零点五万", "「收了」"), ("0.5 0.3", "0.5、0.3"), ("收费嘛 零点五万 左右", "约数"),
])
def test_what_was_not_understood_is_said_and_nothing_stored(said: str, told: str) -> None:
    chat = _at_fees()
    reply = chat.send(said)
    assert told in reply and "收到 2 个" not in reply, reply
    assert "t2.fees" not in chat.report.cells


def test_an_amount_after_its_name_and_de_hua_is_read() -> None:
    chat = _at_fees()
    chat.send("收费的话 零点五万")
    assert chat.report.cells["t2.fees"] == Decimal("0.5")
