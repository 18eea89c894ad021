"""查看, 通过 or 退回 typed alone, when exactly one report waits for review, act on that report — 通过 still asks
确认 naming it, 退回 asks for the reason — as a supervisor who just read the notice of one report expects; with
several waiting they list them."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import AskConfirmation, supervisor_command
from bot.supervision.commands import reports_needed

from .helpers import TZ, at, seed_area


def run(text: str, area=None):
    return supervisor_command(text, "supervisor", area or seed_area(), at(12, 10), TZ)


def test_approve_alone_asks_to_confirm_the_one_report_waiting() -> None:
    [action] = run("通过").actions
    assert isinstance(action, AskConfirmation) and action.pending.unit == "胡集乡" and action.pending.word == "通过"


def test_return_alone_asks_the_reason_for_the_one_report_waiting() -> None:
    [action] = run("退回").actions
    assert isinstance(action, AskConfirmation) and action.pending.unit == "胡集乡" and action.pending.awaits_reason


def test_view_alone_opens_the_one_report_waiting_with_its_report_read() -> None:
    assert reports_needed("查看", seed_area().units) == {"胡集乡"}


def test_with_several_waiting_a_review_word_alone_lists_them() -> None:
    area = seed_area()
    area = replace(area, units=[replace(u, status="submitted") if u.unit.endswith("刘街乡") else u for u in area.units])
    result = run("通过", area)
    assert not result.actions and "已提交待审核的单位：" in result.replies[0].text
