"""3.6 结转下年度 is computed from 3.2, 3.3 and 3.5 (QA 27, finding 4): while one of them is skipped its cells are
unknown, shown 未填, and nothing is offered to be confirmed; a 1 or a row of 0s does not record them as 0."""

from __future__ import annotations

from .dialog_helpers import Chat, township


def _at_carry_over_with_new_and_carried_in_skipped(chat: Chat) -> str:
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "跳过", "跳过", "1")  # 3.4: 予以公开
    return chat.send("1 0 0 0 0 0")  # 3.5 → 3.6


def test_the_carry_over_of_skipped_counts_reads_unfilled_and_is_not_offered_for_confirmation():
    chat = Chat(township())
    reply = _at_carry_over_with_new_and_carried_in_skipped(chat)
    assert "【3.6】" in reply and "自然人 未填" in reply and "自然人 0" not in reply
    assert "回复1确认" not in reply and "【3.2】" in reply and "【3.3】" in reply


def test_confirming_or_typing_a_carry_over_records_none_while_its_results_are_unknown():
    chat = Chat(township())
    reply = chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无", "1", "跳过")  # 3.5 skipped
    assert "【3.6】" in reply and "自然人 未填" in reply and "【3.5】" in reply and "回复1确认" not in reply
    for said in ("1", "2 0 0 0 0 0"):
        reply = chat.send(said)
        assert "【3.6】" in reply and "已记录" not in reply
        assert chat.report.cells.get("t3.carry_over.natural") is None and "3.6" not in chat.state["answered"]


def test_the_carry_over_is_offered_once_its_counts_are_given():
    chat = Chat(township())
    _at_carry_over_with_new_and_carried_in_skipped(chat)
    chat.say_all("修改 3.2", "2 0 0 0 0 0")
    reply = chat.say_all("修改 3.3", "无")
    assert "自然人 1" in reply and "回复1确认" in reply
