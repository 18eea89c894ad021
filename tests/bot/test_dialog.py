"""Scripted conversations through bot.dialog.step: whole reports from a fresh state, counted in user messages."""

from __future__ import annotations

from bot.importers import import_report
from bot.report import Report
from tests.conftest import seed_path

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def _typed(report: Report) -> dict:
    return {k: v for k, v in report.cells.items()}


def _seed_cells(n: int) -> dict:
    return import_report(seed_path(n)).report.cells


def test_seed_000_all_zero_in_at_most_25_messages():
    chat = Chat(township())
    first = chat.send("你好")
    assert "张三" in first and "龙亭区柳园口乡" in first and "2025年" in first
    assert "【2.1】" in first and "第 1/" in first
    chat.say_all(*ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT)
    assert "全部题目已填写完毕" in chat.last.replies[0].text
    chat.send("提交")
    assert chat.last.events == ["submitted"], chat.last.replies[0].text
    assert chat.sent <= 25
    expected = _seed_cells(0)
    assert {k: chat.report.cells.get(k) for k in expected} == expected
    assert all(v == 0 for v in chat.report.cells.values())
    replies = chat.last.replies
    assert "已提交" in replies[0].text
    assert replies[-1].kind == "file"
    assert replies[-1].file_name == "龙亭区柳园口乡2025年政府信息公开工作年度报告.docx"
    assert replies[-1].deferred is not None and replies[-1].deferred.kind == "report_docx"  # rendered by a job
    assert "表三各项均为0" in replies[0].text and "全文" in replies[0].text  # phone-sized: the tables in a line each
    chat.send("全文")
    body = "".join(r.text for r in chat.last.replies[1:])
    assert "三、收到和处理政府信息公开申请情况" in body


def test_seed_004_in_at_most_35_messages():
    chat = Chat(township())
    chat.send("开始")
    chat.say_all(*ZERO_T2)
    chat.send("是")
    assert "【3.2】" in chat.last.replies[0].text
    chat.send("1 0 0 0 0 0")  # 新收
    chat.send("无")  # 上年结转, no previous report stored
    menu = chat.last.replies[0].text
    assert "【3.4】" in menu and "1. 予以公开" in menu and "21. 其他处理·其他" in menu
    chat.send("1")  # 予以公开
    assert "予以公开" in chat.last.replies[0].text and "【3.5】" in chat.last.replies[0].text
    chat.send("1 0 0 0 0 0")
    computed = chat.last.replies[0].text
    assert "【3.6】" in computed and "自然人 0" in computed
    chat.send("1")
    chat.send("否")  # 表四
    chat.say_all(*PROSE_ALL_DEFAULT)
    on_request = chat.report.text["s1.on_request"]
    assert "1" in on_request
    chat.send("提交")
    assert "submitted" in chat.last.events, chat.last.replies[0].text
    assert chat.sent <= 35
    expected = _seed_cells(4)
    assert {k: chat.report.cells.get(k) for k in expected} == expected
    assert {k for k, v in chat.report.cells.items() if v} == {k for k, v in expected.items() if v}


def test_changes_report_cells_and_slots():
    chat = Chat(township())
    chat.send("你好")
    chat.send("0 0 0")
    assert chat.last.changes["t2.regulations.issued"] == (None, 0)
    assert "preface" in chat.results[0].changes  # drafted automatically at the greeting


def test_returning_user_continues_where_they_stopped():
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "1 0 3")
    reply = chat.send("", kind="enter_agent")
    assert "欢迎回来" in reply and "【2.3】" in reply
    assert chat.sent == 3
