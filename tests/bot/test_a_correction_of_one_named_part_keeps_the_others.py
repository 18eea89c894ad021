"""A clerk who corrects one part of an answered question by its name (“处罚是十一件” after 许可3、处罚12、强制0) changes
that part only: the parts not named keep what was typed before, they do not become 0."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township

from .test_dialog_prose import at
from .test_dialog_prose import reply as last_reply


def test_a_later_named_correction_changes_only_the_part_it_names() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "许可3件，处罚十二件，强制没有", "0")  # now at the gate of table 三
    reply = chat.send("处罚是十一件")
    assert chat.report.cells["t2.license"] == 3
    assert chat.report.cells["t2.penalty"] == 11
    assert chat.report.cells["t2.enforcement"] == 0
    assert "行政许可 3" in reply and "行政处罚 11" in reply


def test_a_first_answer_by_name_still_counts_the_unnamed_parts_as_none() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0")
    chat.send("处罚2件")
    assert (chat.report.cells["t2.license"], chat.report.cells["t2.penalty"], chat.report.cells["t2.enforcement"]) == (
        0, 2, 0)


def test_a_named_correction_after_going_back_keeps_the_other_columns() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 5", "0 0 0")
    chat.say_all("修改 2.2", "废止1件")
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [1, 1, 5]


def test_at_a_paragraph_an_earlier_answer_said_wrong_is_corrected_by_its_code_and_answer() -> None:
    # 修改 with the code and the answer in one message corrects the table from a paragraph's question too
    chat = at("1.4", kind="街道")
    chat.send("上面那个填错了")
    chat.send("修改 2.3 0 1 0")
    assert chat.report.cells["t2.penalty"] == 1 and "【1.4】" in last_reply(chat), last_reply(chat)
