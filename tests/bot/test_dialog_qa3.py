"""The conversation as the third QA round found it wanting (numbers are QA3 items): a first message that answers,
return reasons naming 规范性文件, revisiting written prose, single numbers at a row, R6 on 否, echoes and examples, the
counter during 修改, and 预览 totals."""

from __future__ import annotations

from dataclasses import replace

from bot import messages
from bot.dialog.checks import reason_example
from bot.findings import Finding

from .dialog_helpers import Chat, township
from .test_dialog_qa2 import ZERO_T2, _submitted

# --- 6: a first message that answers the first question ---------------------------------------------------------------


def test_a_first_message_that_answers_the_first_question_greets_and_records_it():
    chat = Chat(township())
    reply = chat.send("0 0 0")
    assert "您好" in reply and "已记录：规章" in reply and "【2.2】" in reply and "【2.1】" not in reply
    assert chat.state["answered"] == ["2.1"] and chat.report.cells["t2.regulations.issued"] == 0
    chat.say_all("0 0 0", "0 0 0", "0", "是")
    assert chat.state["gates"] == {"3.1": True}  # the answers did not shift


def test_a_first_message_that_is_no_answer_only_greets():
    for first in ("你好", "我想填年报", "1 2"):
        chat = Chat(township())
        reply = chat.send(first)
        assert "您好" in reply and "【2.1】" in reply and not chat.state["answered"], first
        assert "不是数字" not in reply and "请回复 3 个数字" not in reply


# --- 9: a return reason naming 规范性文件 ----------------------------------------------------------------------------------


def test_return_reasons_name_table_two_rows_by_their_short_names():
    for reason, code in (("规范性文件现行有效件数为0，请核实", "2.2"), ("行政规范性文件制发件数有误", "2.2"),
                         ("规章应为0", "2.1"), ("收费金额单位有误", "2.4")):
        chat = Chat(township())
        _submitted(chat)
        chat.with_status("returned", reason)
        reply = chat.send("你好")
        assert f"【{code}】" in reply and "请回复「修改 题号」" not in reply, (reason, reply)


# --- 10: a returned (or 修改) prose question shows its current text -------------------------------------------------------


def test_a_returned_prose_question_shows_its_text_and_1_keeps_it():
    chat = Chat(township())
    _submitted(chat)
    before = chat.report.text["s1.oversight"]
    chat.with_status("returned", "监督保障部分过于简单")
    reply = chat.send("你好")
    assert "【1.6】" in reply and before in reply and "回复1保留" in reply
    reply = chat.send("1")
    assert "不是本题需要的情况说明" not in reply and chat.report.text["s1.oversight"] == before
    assert "1.6" in chat.state["answered"]


def test_new_facts_at_the_current_text_give_a_new_draft_and_own_text_replaces_it():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("draft")
    chat.state["submitted"] = False
    reply = chat.send("修改 1.6")
    assert "回复1保留" in reply
    reply = chat.send("开展专项督查 2 次")
    assert "草拟如下" in reply and "专项督查2次" in reply and "回复1保留" not in reply
    chat.send("1")
    assert "专项督查2次" in chat.report.text["s1.oversight"]
    chat.send("修改 1.5")
    own = "我乡规范网站专栏，运营政务公众号，每月更新公开栏。"
    chat.send(own)
    assert chat.report.text["s1.platform"] == own


# --- 12: one number at a row of six ---------------------------------------------------------------------------------------


def test_one_number_at_a_row_of_six_says_how_to_type_it():
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "是")
    reply = chat.send("3")
    assert "只收到 1 个数字「3」" in reply and "自然人、商业企业" in reply and "例如：3 0 0 0 0 0" in reply, reply


# --- 15: echoes and examples ------------------------------------------------------------------------------------------


def test_a_row_whose_labels_name_themselves_is_echoed_without_the_title():
    chat = Chat(township())
    reply = chat.say_all("你好", "0 0 0", "0 0 0", "12 3 0")
    assert "已记录：行政许可 12、行政处罚 3，其余为 0。" in reply
    assert "已记录：本年新收 自然人 1" in chat.say_all("0", "是", "1 0 0 0 0 0")


def test_warning_headings_and_reason_examples_fit():
    warning = {"message": "请核实信息处理费。", "fix": "", "where": "六、其他需要报告的事项"}
    text = messages.say("findings", title="六、其他需要报告的事项", errors=[], warnings=[warning], labelled=False,
                        more=0, ask_reason=True, example=reason_example([Finding("R13", "warning", ("s6.other",), "")]))
    assert "六、其他需要报告的事项中有以下情况请核实：" in text and "今年新增审批事项" not in text
    assert "确认 已核实，情况属实" in text
    assert reason_example([Finding("R15", "warning", ("t2.license",), "")]) == "今年新增审批事项"


# --- 16: the counter during 修改 ----------------------------------------------------------------------------------------------


def test_the_counter_of_a_revisited_question_stays_put_through_its_draft():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("draft")
    chat.state["submitted"] = False
    first = chat.send("修改 1.2")
    second = chat.send("新增政务公众号推送 30 条")
    assert "【1.2】主动公开（第 8/15 题）" in first and "【1.2】主动公开（第 8/15 题）" in second


def test_the_total_does_not_jump_after_revisiting_a_gate():
    chat = Chat(township())
    _submitted(chat)
    chat.with_status("draft")
    chat.state["submitted"] = False
    assert "【3.1】是否收到申请（第 5/20 题）" in chat.send("修改 3.1")
    assert "/20 题）" in chat.send("是")  # 是 opens 3.2–3.6: counted in the total already


# --- 18: 预览 totals of complete rows ----------------------------------------------------------------------------------------


def test_preview_mid_table_totals_complete_rows_only():
    chat = Chat(replace(township()))
    chat.say_all("你好", *ZERO_T2, "是", "2 1 0 0 0 0")
    chat.send("全文")
    body = "".join(r.text for r in chat.last.replies[1:])
    new = next(x for x in body.splitlines() if x.startswith("一、本年新收"))
    carried = next(x for x in body.splitlines() if x.startswith("二、上年结转"))
    assert new.split("\t")[-1] == "3" and carried.split("\t")[-1] == ""
