"""收到，… at a 是/否 gate is the clerk's “noted” (WeCom's everyday 收到) before the answer, never a 是 of its own:
收到了，今年没有 and 收到。没有 are 否; 收到 heads a 是 only with its count or the gate's subject right after it
(收到3件, 收到申请3件 — see test_a_gate_answered_with_shou_dao_and_a_count_is_yes)."""

from bot.dialog.questions import read_gate

from .dialog_helpers import Chat, township

AT_APPLICATIONS = ("你好", "0 0 0", "0 0 0", "3 5 0", "0")


def test_noted_then_none_is_no() -> None:
    assert read_gate("收到了，今年没有", "申请") == (False, "")
    assert read_gate("收到。没有", "复议诉讼") == (False, "")
    assert read_gate("收到，都没有", "复议诉讼") == (False, "")


def test_noted_then_something_else_is_no_answer_yet() -> None:
    assert read_gate("收到了，我看一下", "申请") == (None, "")


def test_noted_then_a_yes_or_a_count_is_yes() -> None:
    assert read_gate("收到，有2件", "申请") == (True, "2件")
    assert read_gate("收到了，3件", "申请") == (True, "3件")


def test_noted_then_none_at_the_applications_gate_closes_table_three_with_zeros() -> None:
    chat = Chat(township())
    chat.say_all(*AT_APPLICATIONS)
    assert chat.state["cur"][0] == "3.1"
    reply = chat.send("收到了，今年没有")
    assert chat.state["gates"].get("3.1") is False, reply
    assert chat.report.cells["t3.new.person"] == 0 and chat.state["cur"][0] == "4.1", reply


def test_noted_then_none_at_the_cases_gate_closes_table_four() -> None:
    chat = Chat(township())
    chat.say_all(*AT_APPLICATIONS, "否")
    assert chat.state["cur"][0] == "4.1"
    reply = chat.send("收到。没有")
    assert chat.state["gates"].get("4.1") is False, reply
