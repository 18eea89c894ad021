"""With no application in table 三, a note that the applications were answered in time (都按时答复了, 没超期的) must
not print 「上述申请均在法定期限内予以答复」: it contradicts the table's zeros (QA30, another helper's finding)."""

from __future__ import annotations

import pytest

from tests.bot.dialog_helpers import Chat, township

AT_1_3 = ("你好", "0 0 0", "0 0 0", "210 12 0", "0", "否", "否", "1", "网站发布120条", "1")


@pytest.mark.parametrize("note", ["都按时答复了", "没超期的", "申请都在法定期限内答复"])
def test_a_note_on_answering_in_time_is_not_drafted_when_no_application_was_received(note):
    chat = Chat(township())
    chat.say_all(*AT_1_3)
    assert chat.state["cur"] == ["1.3", 1], chat.state["cur"]
    chat.send(note)
    chat.send("1")
    text = chat.report.text["s1.on_request"]
    assert "未收到政府信息公开申请" in text and "期限" not in text and "上述申请" not in text, text
