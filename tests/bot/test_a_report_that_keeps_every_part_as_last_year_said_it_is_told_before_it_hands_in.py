"""A clerk who takes last year's paragraph for every part it is offered for (年份已顺延) hands in last year's report
with the years changed — what evaluators punish. 提交 lists it among the warnings, naming the parts and the 修改 that
reopens them; 确认提交 with a reason hands it in. One part written afresh from this year's facts, or no report of
last year to copy, and nothing is said."""

from __future__ import annotations

from bot.importers import import_report
from tests.conftest import seed_path

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

COPIED = "与去年报告的文字完全相同"


def _handed_in(fresh_at: str = "") -> tuple[Chat, str]:
    chat = Chat(township(import_report(seed_path(4)).report))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    while "全部题目已填写完毕" not in chat.last.replies[0].text:
        asked = chat.last.replies[0].text
        if fresh_at and fresh_at in asked and "去年报告" in asked:
            chat.send("落实一事一审，修订了信息发布审核制度")
        chat.send("1")
    return chat, chat.send("提交")


def test_every_part_kept_as_last_year_said_it_is_listed_before_hand_in() -> None:
    chat, reply = _handed_in()
    assert COPIED in reply and "「政府信息管理」" in reply and "「修改 1.1」" in reply, reply
    assert "submitted" not in chat.last.events
    chat.send("确认提交 今年工作与去年相同")
    assert "submitted" in chat.last.events
    assert "warning_accepted:R11:今年工作与去年相同" in chat.last.events


def test_one_part_written_afresh_is_no_copy() -> None:
    chat, reply = _handed_in(fresh_at="【1.4】")
    assert "一事一审" in chat.report.text["s1.management"]
    assert COPIED not in reply, reply


def test_without_last_years_report_nothing_is_said() -> None:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT)
    assert chat.send("提交") and chat.last.events == ["submitted"], chat.last.replies[0].text
