"""The first greeting invites last year's report as a file only while the assistant has none and no file of this
year has become the draft: after either, the invitation read as if the file just sent had not arrived."""

from __future__ import annotations

from bot.report import Report
from tests.bot.dialog_helpers import Chat, township

LAST_YEAR = "如有去年的年度报告文件"


def test_a_clerk_without_last_years_report_is_invited_to_send_it() -> None:
    assert LAST_YEAR in Chat(township()).send("你好")


def test_a_clerk_whose_last_years_report_is_stored_is_not_asked_for_it() -> None:
    previous = Report("龙亭区柳园口乡", "乡", 2024, {"t2.license": 3})
    assert LAST_YEAR not in Chat(township(previous=previous)).send("你好")


def test_a_draft_filled_from_this_years_file_asks_for_no_file() -> None:
    chat = Chat(township())
    chat.report = Report("龙亭区柳园口乡", "乡", 2025, {"t2.license": 3})
    assert LAST_YEAR not in chat.send("你好")
