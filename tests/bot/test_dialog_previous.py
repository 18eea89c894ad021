"""With last year's report stored: 上年结转 prefilled, last year's prose offered with the years moved forward."""

from __future__ import annotations

from bot.dialog.prose import move_years
from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township


def _previous():
    report = import_report(seed_path(4)).report
    report.cells["t3.carry_over.person"] = 1  # one request was still open on 31 December 2024
    return report


def test_carried_in_is_prefilled_from_last_years_carry_over():
    chat = Chat(township(_previous()))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "1 0 0 0 0 0")
    reply = chat.last.replies[0].text
    assert "【3.3】" in reply and "去年报告的“结转下年度继续办理”为 1 件" in reply and "自然人 1" in reply
    chat.send("1")
    assert chat.report.cells["t3.carried_in.person"] == 1
    chat.say_all("1", "2 0 0 0 0 0")
    assert "自然人 0" in chat.last.replies[0].text  # 1 + 1 − 2


def test_prefill_can_be_corrected():
    chat = Chat(township(_previous()))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "1 0 0 0 0 0", "0 1 0 0 0 0")
    assert chat.report.cells["t3.carried_in.person"] == 0 and chat.report.cells["t3.carried_in.company"] == 1
    # R6: this year's 上年结转 differs from last year's 结转下年度, a rule about 3.3's own cells: shown at once and
    # 3.3 asked again (QA2 9; was: shown once table 三 was done); 跳过 keeps the corrected numbers
    reply = chat.last.replies[0].text
    assert "表三" in reply and "上年报告" in reply and reply.rstrip().endswith("回复六个数字更正。")
    assert "【3.4】" not in reply and "3.3" not in chat.state["answered"]
    assert "【3.4】" in chat.send("跳过") and chat.report.cells["t3.carried_in.company"] == 1


def test_last_years_prose_is_offered_with_the_years_moved_forward():
    previous = import_report(seed_path(4)).report
    chat = Chat(township(previous))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    reply = chat.last.replies[0].text
    assert "【1.1】" in reply and "去年报告" in reply
    assert "2025年，柳园口乡坚持" in reply and "2024" not in reply  # printed without the PDF's spaces
    assert "preface" not in previous.text or "2025" in chat.report.text.get("preface", "")
    chat.send("1")
    reply = chat.last.replies[0].text
    assert "【1.2】" in reply and "市长热线" in reply  # no facts question: last year's paragraph is the draft
    chat.send("1")
    reply = chat.last.replies[0].text  # 依申请公开: last year's words, this year's numbers
    assert "【1.3】" in reply and "共收到信息公开申请 1 件" not in reply
    assert "未收到" in reply or "0" in reply
    chat.send("1")
    while "【6.1】" not in chat.last.replies[0].text:
        chat.send("1")
    reply = chat.last.replies[0].text
    assert "2024年度未收取" not in reply and "〔2020〕109号" in reply
    chat.send("1")
    reply = chat.send("提交")  # last year's 监督保障 states no 社会评议 nor 责任追究: listed to confirm
    assert "尚未写明社会评议、责任追究情况" in reply and "submitted" not in chat.last.events, reply
    chat.send("确认提交 已核实")
    assert "submitted" in chat.last.events, chat.last.replies[0].text
    assert chat.sent <= 26


def test_gate_no_against_last_years_carry_over_is_an_error_at_once():
    chat = Chat(township(_previous()))
    reply = chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否")
    assert "表三中发现以下问题" in reply and "上年为 1" in reply
    # the error is 否's own consequence: 3.1 is asked again, as R7 keeps 2.1 (QA3 13); 跳过 keeps 否
    assert "请重新回答【3.1】" in reply and "【4.1】" not in reply and "3.1" not in chat.state["answered"]
    assert "【4.1】" in chat.send("跳过") and chat.state["gates"]["3.1"] is False


def test_move_years_keeps_citations():
    text = "2024年，依据国办函〔2020〕109号和《2023年工作要点》，截至2024年12月31日"
    assert move_years(text, 1) == "2025年，依据国办函〔2020〕109号和《2023年工作要点》，截至2025年12月31日"


def test_a_part_that_states_numbers_is_drafted_fresh_and_says_why():
    chat = Chat(township(_previous()))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "跳过", "否")  # 跳过 keeps 3.1's 否 despite R6
    reply = ""
    for _ in range(12):  # through the descriptive parts, adopting last year's paragraphs, up to 1.3
        reply = chat.send("1")
        if "【1.3】" in reply:
            break
    assert "【1.3】" in reply and "未予沿用" in reply and "以下按今年表格重新草拟" in reply
    assert "共收到信息公开申请 1 件" not in reply  # last year's number is not offered again
