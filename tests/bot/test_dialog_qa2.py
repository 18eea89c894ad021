"""The conversation as the second QA round found it wanting (numbers are QA2 items): rule errors about the answer just
given, return reasons mapped to questions, reachable fix commands, greetings, labelled rows, the counter, echoes."""

from __future__ import annotations

from dataclasses import replace

from bot.dialog.engine import _preview_report
from bot.dialog.flow import Turn

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township
from .test_dialog_previous import _previous

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def _street() -> Chat:
    return Chat(replace(township(), unit="金水区东城街道办事处", unit_kind="街道"))


def _submitted(chat: Chat) -> None:
    chat.say_all("你好", *ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT, "提交")
    assert "submitted" in chat.last.events


# --- 9: an error about the cells just typed keeps the question ------------------------------------------------------


def test_regulations_typed_by_a_street_office_are_shown_and_asked_again():
    chat = _street()
    chat.send("你好")
    reply = chat.send("1 0 3")
    assert "不制定规章" in reply and "【2.2】" not in reply and reply.count("【2.1】") >= 2
    assert "2.1" not in chat.state["answered"]
    reply = chat.send("0 0 0")
    assert "【2.2】" in reply and "不制定规章" not in reply and "2.1" in chat.state["answered"]


def test_an_error_spanning_several_questions_does_not_hold_the_question():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "1 0 0 0 0 0", "无", "1")
    reply = chat.send("2 0 0 0 0 0")  # more results than applications: R1, fixed at 3.5 or 3.2
    assert "【3.6】" in reply and "3.5" in chat.state["answered"]


# --- 13: a return reason → the questions it names, one after another -----------------------------------------------


def test_a_reason_about_licences_leads_to_the_licence_question():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "行政许可件数正文54件与表二45件不一致")
    reply = chat.send("你好")
    assert "【2.3】" in reply and "【2.1】" not in reply


def test_a_reason_naming_two_parts_visits_both_then_says_all_done():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "监督保障部分过于简单，六未说明信息处理费情况")
    reply = chat.send("你好")
    assert "【1.6】" in reply and "【6.1】" in reply.split("下面是")[0]
    reply = chat.say_all("培训 3 次；纳入年度考核；无责任追究", "1")
    assert "【6.1】" in reply and "全部题目已填写完毕" not in reply
    reply = chat.send("1")
    assert "全部题目已填写完毕" in reply and "已采用" in reply


# --- 14: a fix command behind a closed gate names the gate ---------------------------------------------------------


def test_a_fix_behind_a_gate_answered_no_names_the_gate():
    chat = Chat(township(_previous()))  # last year ended with 1 request carried over
    chat.say_all("你好", *ZERO_T2)
    reply = chat.send("否")  # R6: 上年结转 0 this year, 1 last year; 3.1 itself is asked again (QA3 13)
    assert "【3.1】" in reply and "修改 3.3" not in reply and "修改 3.2" not in reply


# --- 15: greetings mid-flow ------------------------------------------------------------------------------------------


def test_a_greeting_mid_flow_greets_and_repeats_the_question():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    for hello in ("你好", "您好！", "在吗？", "hello", "早上好"):
        reply = chat.send(hello)
        assert "您好" in reply and "【2.2】" in reply and "不是数字" not in reply
    assert "2.2" not in chat.state["answered"] and not chat.last.log


# --- 16: rows by column name, menus by explanation -----------------------------------------------------------------


def test_a_row_typed_by_column_names_fills_those_columns_and_says_so():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是")
    reply = chat.send("自然人3件，企业1件")
    cells = chat.report.cells
    assert (cells["t3.new.person"], cells["t3.new.company"], cells["t3.new.other"]) == (3, 1, 0)
    assert "已记录：本年新收 自然人 3、商业企业 1，其余为 0" in reply and "【3.3】" in reply
    chat.send("无")
    reply = chat.send("撤回")  # only 其他处理·其他 explains itself with 撤回
    assert chat.state["choices"]["3.4"] == ["other_3"] and "其他处理·其他" in reply
    chat.send("律所 1，个人 3")
    assert chat.report.cells["t3.other_3.legal"] == 1 and chat.report.cells["t3.other_3.person"] == 3


# --- 18: the counter ---------------------------------------------------------------------------------------------------


def test_the_counter_goes_on_after_a_gate_answered_no():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2)
    assert "（第 5/22 题）" in chat.last.replies[0].text
    reply = chat.send("否")
    assert "（已跳过 5 题）" in reply and "【4.1】是否有复议诉讼（第 6/17 题）" in reply
    reply = chat.send("否")
    assert "（已跳过 2 题）" in reply and "（第 7/15 题）" in reply
    assert "已跳过" not in chat.send("1")


def test_the_counter_of_a_skipped_question_does_not_repeat():
    chat = Chat(township())
    chat.send("你好")
    assert "（第 2/22 题）" in chat.send("跳过")


# --- 20, 21, 33: what was recorded, and why a typed 结转 is refused --------------------------------------------------


def test_a_typed_carry_over_is_refused_as_calculated():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "2 0 0 0 0 0", "无", "1", "1 0 0 0 0 0")
    reply = chat.send("0 0 0 0 0 0")
    assert "自动计算，不能直接填写" in reply and "修改 3.5" in reply and "3.6" not in chat.state["answered"]


def test_every_number_answer_is_echoed_including_edits():
    chat = Chat(township())
    assert "已记录：规章 0 0 0" in chat.say_all("你好", "0 0 0")
    assert "已记录：行政规范性文件 本年制发件数 1、现行有效件数 3，其余为 0" in chat.send("1 0 3")
    chat.send("修改 2.2")
    reply = chat.send("0 0 0")
    assert "已记录：行政规范性文件 0 0 0" in reply and "【2.3】" in reply
    assert "已记录：本年度未收到政府信息公开申请" in chat.say_all("0 0 0", "0", "否")
    assert "表三各项均为 0" in chat.last.replies[0].text and "无。" not in chat.last.replies[0].text


def test_a_fix_after_a_return_is_echoed_before_all_done():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("returned", "行政处罚应为4件")
    assert "【2.3】" in chat.send("你好")
    reply = chat.send("0 4 0")
    assert "已记录：行政处罚 4，其余为 0" in reply and "全部题目已填写完毕" in reply
    assert reply.index("已记录") < reply.index("全部题目已填写完毕")


# --- 24: examples that fit the unit, a chosen kind typed as all 0 ---------------------------------------------------


def test_the_active_facts_example_fits_a_county_department():
    chat = Chat(replace(township(), unit="兰考县财政局", unit_kind="县级部门"))
    reply = chat.say_all("你好", *ZERO_T2, "否", "否", "1")
    assert "【1.2】" in reply and "村务" not in reply


def test_a_chosen_kind_typed_as_all_zero_is_offered_to_be_unchosen():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "2 0 0 0 0 0", "无", "1 2")
    reply = chat.send("0 0 0 0 0 0")
    assert "是否不选此项" in reply and "【3.5】" in reply and "3.5" not in chat.state["answered"]
    reply = chat.send("是")
    assert chat.state["choices"]["3.4"] == ["partial"] and "部分公开" in reply.split("【3.5】")[-1]
    chat.send("2 0 0 0 0 0")
    assert chat.report.cells["t3.open.person"] == 0 and chat.report.cells["t3.partial.person"] == 2


# --- 31: 预览 leaves a total blank while an addend is blank ---------------------------------------------------------


def test_preview_leaves_a_row_total_blank_when_a_cell_is_blank():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是", "2 0 0 0 0 0", "无", "1", "2 0 0 0 0 0", "1", "否")
    chat.report.cells["t3.open.company"] = None  # a cell blank although its question was answered
    turn = Turn(chat.ctx, chat.state, chat.report)
    report, unfinished = _preview_report(turn)
    assert "表三" not in unfinished
    assert report.cells.get("t3.open.total") is None and report.cells.get("t3.total.company") is None
    assert report.cells["t3.new.total"] == 2
