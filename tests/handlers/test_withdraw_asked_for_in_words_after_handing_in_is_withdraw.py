"""A report handed in and not yet reviewed (handlers.conversation, real SQLite): a clerk asking for it back in their
own words (我要撤回, 撤回刚才的提交, 撤消) gets it back, as 撤回 does; asking whether or how (能撤回吗, 怎么撤销) is told
how, nothing withdrawn; 不要撤回 withdraws nothing. These had been greeted with the report's standing only."""

from __future__ import annotations

import pytest

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    UNIT,
    say,
    store,
)


def _handed_in(store: Store) -> None:  # noqa: F811
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]


@pytest.mark.parametrize("said", ["我要撤回", "撤回一下", "撤回刚才的提交", "帮我撤销", "撤消", "撤消提交",
                                  "别的都对，帮我撤回"])
def test_withdraw_asked_for_in_words_brings_the_report_back(store: Store, said: str) -> None:  # noqa: F811
    _handed_in(store)
    reply = say(store, "zhang", said)
    assert reply.startswith(f"已撤回{UNIT}2025年政府信息公开工作年度报告"), (said, reply)
    assert store.report(UNIT, 2025).status == "draft"  # type: ignore[union-attr]


@pytest.mark.parametrize("said", ["能撤回吗", "怎么撤销？", "提交了还可以撤回吗"])
def test_asking_whether_it_can_be_withdrawn_is_told_how(store: Store, said: str) -> None:  # noqa: F811
    _handed_in(store)
    reply = say(store, "zhang", said)
    assert reply.startswith("报告审核前可以撤回：回复「撤回」即可"), (said, reply)
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]


def test_not_withdrawing_withdraws_nothing(store: Store) -> None:  # noqa: F811
    _handed_in(store)
    say(store, "zhang", "不要撤回")
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]


def test_asking_after_approval_is_told_it_cannot_be_withdrawn(store: Store) -> None:  # noqa: F811

    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    _handed_in(store)
    say(store, "liu", f"通过 {UNIT}", "确认")
    assert store.report(UNIT, 2025).status == "approved"  # type: ignore[union-attr]
    for said in ("能撤回吗", "我要撤回"):
        assert say(store, "zhang", said).startswith("报告已审核通过，不能撤回"), said


# Review of the hand-in flow (M5): any 撤回/撤销 without a negation had withdrawn the report, an applicant's included;
# 申请人撤回的那件要算吗 was told how to withdraw; 别的都对，帮我撤回 withdrew nothing (别 in 别的 read as 别撤回)
@pytest.mark.parametrize(("said", "told"), [
    ("有一件申请人撤回了申请", "您提到的是申请人撤回申请，报告未撤回"),
    ("申请人撤回的那件要算吗", "您提到的是申请人撤回申请，报告未撤回"),
    ("领导说先撤销", "报告未撤回，仍在等待审核人员审核。如需撤回修改，请直接回复「撤回」"),
])
def test_words_about_withdrawing_that_ask_for_nothing_withdraw_nothing_and_are_told_so(
        store: Store, said: str, told: str) -> None:  # noqa: F811
    _handed_in(store)
    reply = say(store, "zhang", said)
    assert reply.startswith(told), (said, reply)
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]
