"""不对 with a whole answer corrects the answer given last, which after 修改 2.2 … is 2.2's — it had replaced 2.3's
(the last question answered in order), silently overwriting 行政许可 2 0 0 with the numbers meant for 规范性文件."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

NORMATIVE = ("t2.normative.issued", "t2.normative.abolished", "t2.normative.in_force")
PERMITS = ("t2.license", "t2.penalty", "t2.enforcement")


def test_bu_dui_after_an_edit_corrects_the_answer_edited() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3", "2 0 0", "修改 2.2 1 0 4")
    assert chat.state["cur"][0] == "2.4"
    reply = chat.send("不对，是1 0 5")
    assert [chat.report.cells[c] for c in NORMATIVE] == [1, 0, 5], reply
    assert [chat.report.cells[c] for c in PERMITS] == [2, 0, 0], reply
    assert chat.state["cur"][0] == "2.4"


def test_bu_dui_right_after_an_answer_corrects_it_and_the_question_asked_stands() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "规范性文件 2 1 5")
    chat.send("不对，是3 1 5")
    assert [chat.report.cells[c] for c in NORMATIVE] == [3, 1, 5]
    assert chat.state["cur"][0] == "2.3" and "t2.license" not in chat.report.cells
