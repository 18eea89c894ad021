"""A unit's report is the unit's, each clerk's conversation their own: once one clerk's file became the draft
(bot.dialog.taken_over), another clerk's conversation learns what it answered (`colleague_state`) — told so once,
never asked those questions again — and keeps what that clerk was in the middle of."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog.taken_over import TAKEN_OVER_EVENT, TakenOver, colleague_state, offer_file, take_over
from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import Report
from tests.bot.dialog_helpers import Chat, township
from tests.conftest import seed_path

UNREAD = "t2.penalty"  # not found in the file: 【2.3】 stays open
FACTS = "政府网站信息公开专栏 56 条，政务公众号 120 条"


def read_from_file() -> Report:
    found = import_report(seed_path(4)).report.copy(unit="龙亭区柳园口乡", year=2025)
    found.not_found = frozenset({UNREAD})
    return found


def taken_by_wang(draft: Report | None = None) -> TakenOver:
    return take_over(None, read_from_file(), replace(township(), user_name="王芳"), draft)


def told(chat: Chat, taken: TakenOver) -> None:
    """What the edge does for every other clerk of the unit once the file was taken over."""
    chat.state = colleague_state(chat.state, taken.state, GOV2021, by="王芳", name="2025年报.docx",
                                 answered=len(taken.answered))
    chat.report = taken.report


def test_a_colleague_asked_a_question_the_file_answered_is_told_and_asked_the_first_one_left_open() -> None:
    li = Chat(township())
    assert "【2.1】" in li.send("你好")
    taken = taken_by_wang(li.report)
    told(li, taken)
    reply = li.send("0 0 0")  # typed for 【2.1】, which the file answered: the file's numbers stand
    assert reply.startswith("本单位王芳已将文件《2025年报.docx》导入为龙亭区柳园口乡2025年度报告的草稿"), reply
    assert f"{len(taken.answered)} 题已由文件填写" in reply and "【2.3】" in reply and "【2.1】" not in reply, reply
    assert li.report.cells == taken.report.cells
    assert "本单位王芳" not in li.send("继续")  # said once
    assert "【2.3】" in li.last.replies[0].text


def test_a_colleague_who_never_wrote_is_greeted_told_and_asked_the_first_one_left_open() -> None:
    zhao = Chat(township())
    told(zhao, taken_by_wang())
    reply = zhao.send("你好")
    greeting, notice = reply.index("您好"), reply.index("本单位王芳")
    assert greeting < notice < reply.index("【2.3】"), reply
    assert "【2.1】" not in reply


def test_a_colleague_in_the_middle_of_a_paragraph_keeps_it_and_goes_on_from_there() -> None:
    li = Chat(township())
    li.say_all("你好", "修改 1.2")
    offered = li.send(FACTS)  # the draft from their facts, on offer
    assert "56" in offered and li.state is not None and li.state["cur"] == ["1.2", 1]
    taken = taken_by_wang(li.report)
    told(li, taken)
    assert li.state["cur"] == ["1.2", 1] and li.state["offered"]["1.2"] and li.state["facts"]["1.2"]
    reply = li.send("1")  # their draft adopted: it replaces the file's paragraph, as they chose
    assert "56" in li.report.text["s1.active"] and li.report.text["s1.active"] != taken.report.text["s1.active"]
    assert "【2.3】" in reply and "【2.1】" not in reply, reply


def test_a_colleague_asked_a_question_the_file_left_open_answers_it_as_asked() -> None:
    li = Chat(township())
    li.say_all("你好", "修改 2.3")
    told(li, taken_by_wang(li.report))
    li.send("1 2 3")
    assert [li.report.cells[c] for c in ("t2.license", "t2.penalty", "t2.enforcement")] == [1, 2, 3]
    assert "2.3" in (li.state or {})["answered"]


def test_the_colleagues_answers_are_the_files_even_where_they_had_answered_otherwise() -> None:
    """导入 replaced a filled draft: what the colleague had answered of the old draft is what the file says now."""
    li = Chat(township())
    li.say_all("你好", "0 0 0", "0 0 0", "0 0 0")
    assert li.state is not None and "2.3" in li.state["answered"]
    told(li, taken_by_wang(li.report))
    assert "2.3" not in li.state["answered"] and "2.1" in li.state["answered"]
    assert "【2.3】" in li.send("继续")


def test_daoru_says_it_took_the_file_over_so_the_edge_tells_the_colleagues() -> None:
    wang = Chat(replace(township(), user_name="王芳"))
    wang.say_all("你好", "0 0 0")
    wang.state = offer_file(wang.state, "2025年报.docx", read_from_file())
    wang.send("导入")
    assert f"{TAKEN_OVER_EVENT}:2025年报.docx" in wang.last.events
    assert not any(e.startswith(TAKEN_OVER_EVENT) for r in wang.results[:-1] for e in r.events)  # 导入 alone


def test_a_state_of_its_own_is_what_a_colleague_is_given() -> None:
    taken = taken_by_wang()
    given = colleague_state(None, taken.state, GOV2021, by="王芳", name="f.docx", answered=1)
    given["answered"].append("x")
    given["gates"]["x"] = True
    assert "x" not in taken.state["answered"] and "x" not in taken.state["gates"]
