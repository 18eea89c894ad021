"""3.5 and 4.3 count the kinds chosen at 3.4 and 4.2 (QA 27, finding 7): with the kinds skipped there is nothing to
count, so the count is not asked (never for a kind named 「」); once the kinds are chosen it is asked for each."""

from __future__ import annotations

from .dialog_helpers import Chat, township


def test_skipping_the_kinds_of_result_moves_on_past_their_counts():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无")
    reply = chat.send("跳过")  # 3.4
    assert "「」" not in reply and "【3.5】" not in reply and "【3.6】" in reply


def test_skipping_the_kinds_of_appeal_moves_on_past_their_counts():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "是")
    reply = chat.send("跳过")  # 4.2
    assert "「」" not in reply and "【4.3】" not in reply and "【1.1】" in reply


def test_a_count_asked_for_by_name_while_its_kinds_are_skipped_points_to_them():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无", "跳过")
    reply = chat.send("修改 3.5")
    assert "「修改 3.4」" in reply and "回答“否”" not in reply and "「」" not in reply


def test_the_counts_are_asked_once_the_skipped_kinds_are_chosen():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无", "跳过")
    reply = chat.say_all("修改 3.4", "1")
    assert "【3.5】" in reply and "「予以公开」" in reply
