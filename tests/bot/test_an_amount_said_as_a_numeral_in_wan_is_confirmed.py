"""一万二 at 行政事业性收费 (asked in 万元) is twelve thousand said aloud, not 1.2 万元 typed in 万: like 12000, it is
confirmed before anything is recorded — it had been recorded as 12000 万元 at once, since its 万 was taken for the
unit. An amount that ends in 万 (1.2万) is in 万元 as typed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.bot.dialog_helpers import Chat, township

AT_FEES = ("你好", "0 0 0", "0 0 0", "0 0 0")


@pytest.mark.parametrize("said", ["一万二", "呃 一万二"])
def test_a_numeral_with_wan_inside_is_confirmed_before_it_is_recorded(said: str) -> None:
    chat = Chat(township())
    chat.say_all(*AT_FEES)
    reply = chat.send(said)
    assert "t2.fees" not in chat.report.cells and "1.2" in reply, reply
    chat.send("1.2")
    assert chat.report.cells["t2.fees"] == Decimal("1.2")


def test_an_amount_ending_in_wan_is_recorded_in_wan_yuan() -> None:
    chat = Chat(township())
    chat.say_all(*AT_FEES)
    chat.send("1.2万")
    assert chat.report.cells["t2.fees"] == Decimal("1.2")
