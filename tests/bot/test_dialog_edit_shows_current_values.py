"""Issue 9: “修改 3.5 asks again without showing the current values” — 修改 <code> first says what the question holds
now, in the form it is typed (当前：规章 0 0 0), then asks it again; 跳过 keeps it. Every message goes through a JSON
round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

from .dialog_helpers import Chat, township


def _filled() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3", "2 0 0", "0", "是", "2 0 0 0 0 0", "无", "1 11", "1 0 0 0 0 0",
                 "1 0 0 0 0 0", "1", "否")
    assert "【1.1】" in chat.last.replies[0].text
    return chat


def test_edit_of_the_result_counts_shows_every_chosen_row_before_asking_again():
    chat = _filled()
    text = chat.send("修改 3.5")
    assert "当前：予以公开 1 0 0 0 0 0；无法提供·本机关不掌握 1 0 0 0 0 0。" in text
    assert text.index("当前") < text.index("【3.5】")
    chat.send("2 0 0 0 0 0")
    assert chat.report.cells["t3.open.person"] == 2


def test_edit_of_a_row_shows_its_numbers_and_skip_keeps_them():
    chat = _filled()
    assert "当前：规章 0 0 0。" in chat.send("修改 2.1")
    assert "当前：行政规范性文件 1 0 3。" in chat.send("修改 2.2")
    chat.send("跳过")
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [1, 0, 3]
    assert "当前：行政许可、处罚、强制 2 0 0。" in chat.send("修改 2.3")
    assert "当前：行政事业性收费 0 万元。" in chat.send("修改 2.4")


def test_edit_of_a_gate_and_a_menu_shows_the_answer_given():
    chat = _filled()
    assert "当前：是。" in chat.send("修改 3.1")
    chat.send("取消")
    assert "当前：已选 1. 予以公开、11. 无法提供·本机关不掌握。" in chat.send("修改 3.4")


def test_a_question_never_answered_shows_no_current_line():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    assert "当前" not in chat.send("修改 2.3")
