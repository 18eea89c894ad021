"""不对 / 哦不对 right after an answer speaks of that answer. With a whole answer to it after (不对，是1 0 5 just after
规范性文件 1 0 3; 哦不对，应该是 3 0 0 just after 许可 2 0 0) it replaces the last answer, as 修改 2.2 1 0 5 would, and the
question asked stands; 哦不对 alone, or a count that cannot be placed (不对，是5 at a row of three), stores nothing and
says how to correct (修改 2.2) — 哦不对 had been refused as no number."""

from .dialog_helpers import Chat, township

AT_PERMITS = ("你好", "0 0 0", "1 0 3")
NORMATIVE = ("t2.normative.issued", "t2.normative.abolished", "t2.normative.in_force")


def _at_permits() -> Chat:
    chat = Chat(township())
    chat.say_all(*AT_PERMITS)
    assert chat.state["cur"] == ["2.3", 0]
    return chat


def test_bu_dui_with_the_whole_row_replaces_the_last_answer_and_the_question_stands() -> None:
    chat = _at_permits()
    reply = chat.send("不对，是1 0 5")
    assert [chat.report.cells[c] for c in NORMATIVE] == [1, 0, 5], reply
    assert chat.state["cur"] == ["2.3", 0] and "t2.license" not in chat.report.cells, reply
    chat.send("2 0 0")
    assert chat.report.cells["t2.license"] == 2 and chat.state["cur"][0] == "2.4"


def test_o_bu_dui_with_the_whole_row_replaces_the_last_answer() -> None:
    chat = _at_permits()
    chat.send("2 0 0")
    chat.send("哦不对，应该是 3 0 0")
    assert chat.report.cells["t2.license"] == 3 and chat.state["cur"][0] == "2.4"


def test_o_bu_dui_alone_says_how_to_correct_the_last_answer() -> None:
    chat = _at_permits()
    reply = chat.send("哦不对")
    assert "修改 2.2" in reply and "不是数字" not in reply, reply
    assert [chat.report.cells[c] for c in NORMATIVE] == [1, 0, 3] and "t2.license" not in chat.report.cells


def test_bu_dui_with_a_count_that_cannot_be_placed_stores_nothing() -> None:
    chat = _at_permits()
    reply = chat.send("不对，是5")
    assert "修改 2.2" in reply, reply
    assert [chat.report.cells[c] for c in NORMATIVE] == [1, 0, 3] and "t2.license" not in chat.report.cells
