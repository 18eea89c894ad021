"""A correction typed inside 改 N (改 2 网站30条核实后为网站36条) puts only the corrected note in the list and the
paragraph (网站36条): the whole sentence, 核实后为 and the old count with it, had been drafted word for word. A count
said again as it was checked (经核实为, 更正为, 实际为) is read as a correction in passing; where a correction word
still stands between two counts (网站30条核实后网站是36条), the note is left as it was and the clerk is asked for the
corrected words alone."""

from __future__ import annotations

import pytest

from bot.dialog.corrections import corrected

from .test_dialog_prose import at, reply


def offered_after(*messages: str) -> tuple[str, str]:
    """The reply to the last of `messages` at 1.2, and the paragraph offered with it."""
    chat = at("1.2", kind="镇")
    for message in messages:
        chat.send(message)
    text = reply(chat)
    return text, text.split("草拟如下：")[1].split("要点：")[0]


def test_a_checked_count_inside_a_change_is_the_one_drafted() -> None:
    text, draft = offered_after("公众号120条 网站30条 公开栏12期", "改 2 网站30条核实后为网站36条")
    assert "已改为「网站36条」" in text, text
    assert "36条" in draft and "30条" not in draft and "核实" not in draft, draft


def test_a_change_whose_correction_cannot_be_read_is_asked_for_again() -> None:
    text, draft = offered_after("公众号120条 网站30条 公开栏12期", "改 2 网站30条核实后网站是36条")
    assert "无法确定以哪个为准" in text and "改 2" in text, text
    assert "网站发布信息30条" in draft and "核实" not in draft and "36条" not in draft, draft


@pytest.mark.parametrize(("typed", "meant"), [
    ("网站30条核实后为网站36条", "网站36条"),
    ("网站发布信息30条，经核实后应为36条", "网站发布信息36条"),
    ("培训3次实际为4次", "培训4次"),
    ("培训3次，核实后，2次", "培训2次"),
    ("公开栏12期更正为15期，公众号120条", "公开栏15期，公众号120条"),
    ("接待群众30人次，核实后为28人次", "接待群众28人次"),  # 人次 measures as 条 does
    ("发布信息30余条，核实后为36条", "发布信息36条"),
])
def test_a_count_said_again_as_checked_replaces_the_count_before_it(typed: str, meant: str) -> None:
    assert corrected(typed) == meant


@pytest.mark.parametrize("typed", ["经核实为不予公开信息", "对申请内容核实后为申请人提供信息", "信息发布前经核实后再公开"])
def test_checking_said_without_a_count_corrected_is_a_statement(typed: str) -> None:
    assert corrected(typed) == typed


@pytest.mark.parametrize("typed", [
    "培训3次，经统计，共120人",  # a count of another measure follows the lead-in: no count corrected
    "网站发布信息30条，经统计，其中政策解读5条",
    "全年开展督查3次，经核查，整改问题5个",
    "受理3件，经核实为重复申请2件",  # what the check found, not the count again
])
def test_a_count_after_a_check_that_found_something_else_is_a_statement(typed: str) -> None:
    assert corrected(typed) == typed


@pytest.mark.parametrize("note", ["发布信息300条，更正错误信息2条", "开展网站检查4次，纠正错误信息2次", "清理规范性文件30件，修正5件"])
def test_a_change_naming_work_of_correcting_is_taken_as_it_is(note: str) -> None:
    text, _ = offered_after("公众号120条 网站30条 公开栏12期", f"改 2 {note}")
    assert "已改为" in text and "无法确定" not in text, text
