"""Last year's paragraph offered with the years moved forward keeps last year's counts (市长热线全年接受转办 290 件,
主动公布各类政务信息13条); adopted as offered, they would be printed as this year's. The offer names them, so that
the clerk sends this year's instead; a fresh draft from this year's facts names none."""

from __future__ import annotations

from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township


def _at_the_active_part() -> Chat:
    chat = Chat(township(import_report(seed_path(4)).report))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", "1")
    return chat


def test_the_counts_of_last_years_paragraph_are_named_with_it() -> None:
    reply = _at_the_active_part().last.replies[0].text
    assert "【1.2】" in reply and "去年报告" in reply
    assert "其中的数字（290件" in reply, reply


def test_a_draft_from_this_years_facts_names_no_old_counts() -> None:
    chat = _at_the_active_part()
    reply = chat.send("政府网站发布信息56条")
    assert "是去年的" not in reply, reply


def test_last_years_paragraph_is_offered_without_a_pdfs_spaces() -> None:
    chat = _at_the_active_part()
    assert "转办290件" in chat.last.replies[0].text
    chat.send("1")
    assert "290件" in chat.report.text["s1.active"] and "2025年，" in chat.report.text["s1.summary"]
