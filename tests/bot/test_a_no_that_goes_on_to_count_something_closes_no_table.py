"""A gate's 否 followed by a count (没有，去年结转了1件) is no 否: the gate asks about new *and* carried-in applications
(or about 复议 *and* 诉讼), so closing the table would store 0 where the clerk has just said 1. It is asked again,
naming the words that counted something; a 否 whose count is itself denied (一件都没有) still closes the table."""

from .dialog_helpers import Chat, township

TO_APPLICATIONS = ("你好", "0 0 0", "0 0 0", "3 5 0", "0")
TO_REVIEWS = (*TO_APPLICATIONS, "否")


def test_a_no_then_a_carried_in_count_leaves_table_three_unfilled_and_asks_again() -> None:
    chat = Chat(township())
    chat.say_all(*TO_APPLICATIONS)
    reply = chat.send("没有，去年结转了1件")
    assert chat.state["cur"][0] == "3.1"
    assert "t3.carried_in.person" not in chat.report.cells and "t3.new.person" not in chat.report.cells
    assert "去年结转了1件" in reply and "“是”" in reply


def test_a_no_then_one_review_leaves_table_four_unfilled_and_asks_again() -> None:
    chat = Chat(township())
    chat.say_all(*TO_REVIEWS)
    reply = chat.send("没有诉讼，就一个复议")
    assert chat.state["cur"][0] == "4.1"
    assert "t4.review.upheld" not in chat.report.cells
    assert "就一个复议" in reply


def test_a_no_whose_count_is_denied_still_closes_the_table() -> None:
    chat = Chat(township())
    chat.say_all(*TO_APPLICATIONS)
    chat.send("没有，一件都没有")
    assert chat.state["cur"][0] == "4.1" and chat.report.cells["t3.new.person"] == 0
