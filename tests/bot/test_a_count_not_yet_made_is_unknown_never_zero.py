"""没统计, 没数过, 无法统计, 还没统计, 不清楚, 待定: the clerk has no number yet. “没…” reads like 没有 (none), but what is
negated is the counting, not the things counted — storing 0 would publish a figure nobody gave. The reply is asked
again, saying that nothing was taken as 0 and that 跳过 leaves the question for later; 没有, 没有处罚, 没查到 stay 0.
The counting verb is a word that ends the reply or its clause (没查, 还没数, 没统计完呢, 没查呢，回头告诉你); a compound
(没有查处, 没有核发, 没有核准, 没有检查, 没有复核, 没打算) denies the things themselves and stays 0."""

import pytest

from bot.parse import ParseError, is_zero_statement, parse_number, parse_row

from .dialog_helpers import Chat, township

AT_PERMITS = ("你好", "0 0 0", "1 0 3")
NOT_COUNTED = ("没统计", "还没统计", "没数过", "没查", "无法统计", "没有统计", "没来得及统计", "没算", "不清楚", "待定",
               "还没数", "没统计完呢", "没有具体统计过", "还没核对", "没查呢，回头告诉你", "没来得及")
NONE_OF_THE_THINGS = ("没有", "没有处罚", "没查到", "无", "没有查处", "没有核发", "没有核准", "没有检查", "没有复核", "没打算",
                      "没查处", "今年没有核发许可")


@pytest.mark.parametrize("said", NOT_COUNTED)
def test_a_count_not_made_stores_nothing_and_says_so(said: str) -> None:
    chat = Chat(township())
    chat.say_all(*AT_PERMITS)
    reply = chat.send(said)
    assert chat.state["cur"][0] == "2.3" and "t2.license" not in chat.report.cells
    assert "不会按 0 记录" in reply and "跳过" in reply


@pytest.mark.parametrize("said", NOT_COUNTED)
def test_a_count_not_made_is_no_zero_statement_and_no_number(said: str) -> None:
    assert not is_zero_statement(said)
    assert isinstance(parse_row(said, 3), ParseError) and isinstance(parse_number(said), ParseError)


@pytest.mark.parametrize("said", NONE_OF_THE_THINGS)
def test_none_said_is_still_zero(said: str) -> None:
    assert parse_row(said, 3) == [0, 0, 0]


@pytest.mark.parametrize("said", NONE_OF_THE_THINGS)
def test_none_said_at_the_decisions_question_stores_zeros(said: str) -> None:
    chat = Chat(township())
    chat.say_all(*AT_PERMITS)
    reply = chat.send(said)
    assert chat.state["cur"][0] == "2.4", reply
    assert [chat.report.cells[c] for c in ("t2.license", "t2.penalty", "t2.enforcement")] == [0, 0, 0]
