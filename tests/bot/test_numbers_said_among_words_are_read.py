"""Numbers typed among words are read where the words are chatter (没有发过啊 0 0 0) or the row's own name after a
column's count (发了2个规范性文件); a 是 followed by the count and who (有的嗯收到两个都是老百姓个人申请的) is 是 with
its details; a column named with no count says so, not 未收到内容; and the example a refusal gives is a reply the
question accepts."""

from __future__ import annotations

from tests.bot.dialog_helpers import Chat, township


def _documents(chat: Chat) -> list:
    return [chat.report.cells.get(f"t2.normative.{c}") for c in ("issued", "abolished", "in_force")]


def test_words_before_the_three_numbers_are_set_aside():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("没有发过啊 0 0 0")
    assert _documents(chat) == [0, 0, 0] and "【2.3】" in reply, reply


def test_a_count_followed_by_the_rows_name_is_that_columns_count():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("发了2个规范性文件 废止0 现行有效十五个")
    assert _documents(chat) == [2, 0, 15] and "【2.3】" in reply, reply


def test_yes_with_the_count_and_who_applied_is_yes_and_fills_the_new_applications():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0")
    reply = chat.send("有的嗯收到两个都是老百姓个人申请的")
    assert chat.state["gates"]["3.1"] is True and "没有看懂" not in reply, reply
    assert [chat.report.cells[f"t3.new.{c}"] for c in ("person", "company")] == [2, 0], reply
    assert "【3.3】" in reply
    assert not any("收到" in fact for facts in chat.state["facts"].values() for fact in facts)


def test_a_column_named_without_its_count_is_said_to_lack_the_count():
    """(At 4.3 an outcome named alone is the one case of its kind: test_an_outcome_said_without_a_count_…)"""
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是")
    reply = chat.send("自然人")
    assert "未收到内容" not in reply and "「自然人」之后没有写明件数" in reply, reply
    assert "【3.2】" in reply


def test_the_example_at_the_computed_carry_over_is_the_row_it_accepts():
    chat = Chat(township())
    asked = chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "2 0 0 0 0 0", "无", "1", "1 0 0 0 0 0")
    assert "【3.6】" in asked and "自然人 1" in asked, asked
    reply = chat.send("不对 应该是0 都办完了")
    assert "例如：1 0 0 0 0 0" in reply and "例如：0 0 0 0 0 0" not in reply, reply
    assert "已记录：结转下年度" in chat.send("1 0 0 0 0 0")  # the example, typed, is accepted


def test_numbers_said_with_another_rows_name_are_not_taken_for_this_row():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    reply = chat.send("许可 1 0 3")
    assert _documents(chat) == [None, None, None] and "「许可」不是数字" in reply, reply
