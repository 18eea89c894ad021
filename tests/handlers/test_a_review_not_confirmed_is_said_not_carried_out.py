"""A supervisor's 通过 or 退回 waits for 确认: 取消 cancels it, and any other message — another command, or a message
to the supervisor's own report — drops it, the reply saying first that the report was not approved (or returned).
A later 确认 then confirms nothing. Real SQLite, the engine as the WeCom edge calls it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.importers import import_report
from bot.incoming import Incoming, Reply
from handlers.conversation import NianbaoEngine
from storage import Store, Unit, User
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "review.db")
    for name in ("柳园口乡", "北道门乡", "城关镇"):
        s.save_unit(Unit(name, "乡" if name.endswith("乡") else "镇", "A区"))
    s.save_user(User("liu", "刘", "staff", "柳园口乡", "A区"))
    s.save_user(User("supA", "甲审核", "supervisor", None, "A区"))
    s.save_user(User("supU", "乙审核", "supervisor", "城关镇", "A区"))  # also fills in 城关镇's report
    s.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    for unit, n in (("柳园口乡", 1), ("北道门乡", 3)):
        report = replace(import_report(seed_path(n)).report, unit=unit, year=2025, unit_kind="乡")
        s.save_report(report, "seed", NOW, status="submitted")
    yield s
    s.close()


def say(store: Store, user: str, text: str, now: datetime = NOW) -> list[Reply]:
    account = store.user(user)
    assert account is not None
    with store.transaction():
        return NianbaoEngine(TZ)(store, account, Incoming(user, "text", now, text=text), now)


def first(replies: list[Reply]) -> str:
    return next(r.text for r in replies if r.kind == "text")


def status(store: Store, unit: str) -> str:
    stored = store.report(unit, 2025)
    assert stored is not None
    return stored.status


@pytest.mark.parametrize("other", ["查看 柳园口乡", "汇总", "未完成", "催办 柳园口乡", "帮助"])
def test_another_command_after_approve_says_the_report_was_not_approved(store, other):
    assert "请确认" in first(say(store, "supA", "通过 柳园口乡"))
    reply = first(say(store, "supA", other))
    assert reply.startswith("请注意：审核通过柳园口乡2025年度报告尚未确认，未予执行；如需执行，请重新发送「通过 柳园口乡」。")
    assert status(store, "柳园口乡") == "submitted"
    assert "目前没有等待确认的审核操作" in first(say(store, "supA", "确认"))
    assert status(store, "柳园口乡") == "submitted"


def test_a_return_dropped_by_another_command_names_its_reason_to_send_again(store):
    say(store, "supA", "退回 北道门乡 表三结转数与上年不一致")
    reply = first(say(store, "supA", "汇总"))
    assert reply.startswith("请注意：退回北道门乡2025年度报告尚未确认，未予执行")
    assert "「退回 北道门乡 表三结转数与上年不一致」" in reply
    assert status(store, "北道门乡") == "submitted"


def test_cancel_says_the_review_was_cancelled_and_nothing_changes(store):
    say(store, "supA", "通过 柳园口乡")
    assert first(say(store, "supA", "取消")) == "已取消审核通过柳园口乡2025年度报告，该操作未执行。"
    assert status(store, "柳园口乡") == "submitted"
    assert "当前没有需要取消的操作" in first(say(store, "supA", "取消"))


def test_a_second_review_replaces_the_first_and_says_so(store):
    say(store, "supA", "通过 柳园口乡")
    replies = say(store, "supA", "通过 北道门乡")
    assert first(replies).startswith("请注意：审核通过柳园口乡2025年度报告尚未确认")
    assert any("请确认" in r.text and "北道门乡" in r.text for r in replies)
    say(store, "supA", "确认")
    assert status(store, "北道门乡") == "approved" and status(store, "柳园口乡") == "submitted"


def test_a_late_review_dropped_by_another_command_says_its_confirmation_expired(store):
    say(store, "supA", "通过 柳园口乡")
    reply = first(say(store, "supA", "汇总", NOW + timedelta(minutes=45)))
    assert reply.startswith("请注意：审核通过柳园口乡2025年度报告的确认已超过有效时间，未予执行")


def test_a_supervisors_message_to_their_own_report_drops_the_review_and_says_so(store):
    assert "请确认" in first(say(store, "supU", "通过 柳园口乡"))
    replies = say(store, "supU", "你好")
    assert first(replies).startswith("请注意：审核通过柳园口乡2025年度报告尚未确认，未予执行")
    assert any("城关镇" in r.text for r in replies[1:])  # the conversation about their own report follows
    say(store, "supU", "确认")  # now a reply to their own conversation, not a review
    assert status(store, "柳园口乡") == "submitted"
