"""A reply that opens with 不对 / 说错了 at a question asking for numbers speaks of an answer already given: nothing of
the question asked has been answered yet. Named (不对，规范性文件是2 0 3) it corrects that question; unnamed (不对，是15)
the clerk is told how to correct, and nothing is stored in the question asked — least of all 15 where it was never
meant."""

from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township

AT_PERMITS = ("你好", "0 0 0", "1 0 3")
AT_CARRIED_IN = ("你好", "0 0 0", "0 0 0", "3 5 0", "0", "是", "12 0 0 0 0 0")
AT_SECOND_RESULT_KIND = (*AT_CARRIED_IN, "无", "1 13", "8 0 0 0 0 0")


def test_bu_dui_and_an_earlier_rows_name_with_shi_corrects_that_row() -> None:
    chat = Chat(township())
    chat.say_all(*AT_PERMITS)
    chat.send("不对，规范性文件是2 0 3")
    assert [chat.report.cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [2, 0, 3]
    assert chat.state["cur"][0] == "2.3" and "t2.license" not in chat.report.cells


def test_bu_dui_and_a_bare_number_stores_nothing_and_says_how_to_correct() -> None:
    chat = Chat(township())
    chat.say_all(*AT_CARRIED_IN)
    reply = chat.send("不对，是15")
    assert chat.state["cur"][0] == "3.3" and "t3.carried_in.person" not in chat.report.cells
    assert chat.report.cells["t3.new.person"] == 12
    assert "修改 3.2" in reply


def test_bu_dui_with_a_column_every_result_kind_has_is_not_the_next_kinds_answer() -> None:
    chat = Chat(township())
    chat.say_all(*AT_SECOND_RESULT_KIND)
    chat.send("不对，自然人是9")
    assert chat.state["cur"] == ["3.5", 1] and "t3.unable_3.person" not in chat.report.cells
    assert chat.report.cells["t3.open.person"] == 8


def test_said_wrong_then_the_current_questions_own_column_answers_it() -> None:
    chat = Chat(township())
    chat.say_all(*AT_PERMITS)
    chat.send("说错了，许可是13")
    assert chat.report.cells["t2.license"] == 13 and chat.state["cur"][0] == "2.4"


def test_bu_dui_at_carried_in_shown_from_last_years_report_corrects_what_it_shows() -> None:
    previous = import_report(seed_path(4)).report
    previous.cells["t3.carry_over.person"] = 1
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "1 0 0 0 0 0")
    chat.send("不对，应该是0 1 0 0 0 0")
    assert chat.report.cells["t3.carried_in.person"] == 0 and chat.report.cells["t3.carried_in.company"] == 1


def test_bu_dui_at_the_computed_carry_over_is_read_as_the_row_typed_after_it() -> None:
    chat = Chat(township())
    chat.say_all(*AT_SECOND_RESULT_KIND, "2 0 0 0 0 0")
    assert chat.state["cur"][0] == "3.6"
    typed = chat.send("1 0 0 0 0 0")
    assert chat.send("不对，应该是1 0 0 0 0 0") == typed  # the carry-over computed, not typed: refused the same way
    assert "您填写的是 1" in typed and chat.state["cur"][0] == "3.6"
