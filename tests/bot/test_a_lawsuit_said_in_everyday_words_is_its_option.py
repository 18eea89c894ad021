"""At 4.2 a lawsuit said as clerks say it (直接告到法院的, 复议完又告到法院了) is its option; both had been refused as
no option number."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township


@pytest.mark.parametrize(("said", "chosen"), [
    ("直接告到法院的", "未经复议直接起诉"),
    ("复议完又告到法院了", "复议后起诉"),
    ("直接告到法院的 复议完又告到法院", "未经复议直接起诉、复议后起诉"),
])
def test_a_lawsuit_in_everyday_words_is_chosen(said: str, chosen: str) -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是")
    assert chat.state["cur"][0] == "4.2"
    reply = chat.send(said)
    assert f"已记录：复议诉讼种类：{chosen}。" in reply and chat.state["cur"][0] == "4.3", reply
