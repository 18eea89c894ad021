"""A report returned for what a clerk had confirmed (handlers.conversation, real SQLite): the confirmation of a warning
the reason concerns no longer holds — neither clerk is told it needs no new confirmation, 提交 asks it again, a new
reason is the unit's (a colleague's counts for all clerks); a warning the reason does not concern stays confirmed."""

from __future__ import annotations

import json

import pytest

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    NOW,
    OVERSIGHT_FACTS,
    UNIT,
    say,
    store,
)

ACCEPTED = "领导说就这样"
AGAIN = "经与领导核实，情况属实，按县里统一口径"


def handed_in_and_returned(store: Store, reason: str) -> Store:  # noqa: F811
    """张明 hands the report in, confirming R14's warning on 监督保障 (no 考核、评议、追责 stated); 孙丽 had begun
    before; the supervisor returns it with `reason`."""
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:], "提交")
    say(store, "zhang", f"确认提交 {ACCEPTED}")
    assert store.report(UNIT, 2025).accepted_warnings == {"R14:s1.oversight": ACCEPTED}  # type: ignore[union-attr]
    say(store, "liu", f"退回 {UNIT} {reason}", "确认")
    assert store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    return store


@pytest.fixture
def returned(store: Store) -> Store:  # noqa: F811
    return handed_in_and_returned(store, "监督保障要写社会评议结果，不能只写领导说就这样")


def notice_to(db: Store, userid: str) -> str:
    rows = db.db.query("SELECT touser, payload FROM outbox WHERE msgtype = 'text' ORDER BY id")
    texts = [json.loads(r["payload"])["content"] for r in rows if userid in r["touser"].split("|")]
    return next(t for t in texts if "已被审核人员退回" in t)


def test_the_return_notice_does_not_tell_a_warning_it_concerns_as_needing_no_new_confirmation(
        returned: Store) -> None:
    notice = notice_to(returned, "sun")
    assert "无需再次确认" not in notice, notice
    assert "退回意见涉及的已确认提示（原确认不再有效" in notice and "监督保障尚未写明" in notice, notice
    assert f"（张明此前确认的原因：{ACCEPTED}）" in notice, notice


def test_a_clerk_meeting_the_return_is_told_the_colleagues_confirmation_no_longer_holds(returned: Store) -> None:
    reply = say(returned, "sun", "继续")
    assert "无需再次确认" not in reply, reply
    assert f"退回意见涉及本单位张明此前确认的 1 条提示（原因：{ACCEPTED}），该确认已不再有效" in reply, reply


def test_handing_in_unchanged_after_the_return_asks_the_warning_again(returned: Store) -> None:
    say(returned, "zhang", "提交")  # held: the return is told first
    reply = say(returned, "zhang", "提交")
    assert "监督保障尚未写明" in reply and "确认提交 原因" in reply, reply
    assert returned.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    assert returned.report(UNIT, 2025).accepted_warnings == {}  # type: ignore[union-attr]
    say(returned, "zhang", f"确认提交 {AGAIN}")
    stored = returned.report(UNIT, 2025)
    assert stored.status == "submitted" and stored.accepted_warnings == {"R14:s1.oversight": AGAIN}  # type: ignore[union-attr]


def test_a_colleagues_new_confirmation_after_the_return_holds_for_the_unit(returned: Store) -> None:
    say(returned, "zhang", "继续")
    assert "已记录您的说明" in say(returned, "zhang", f"确认 {AGAIN}")  # confirmed again, not handed in
    assert returned.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]
    greeting = say(returned, "sun", "提交")  # held: the return is told first
    assert f"本单位张明已确认 1 条提示，原因：{AGAIN}" in greeting and f"原因：{ACCEPTED}" not in greeting, greeting
    reply = say(returned, "sun", "提交")
    assert "监督保障尚未写明" not in reply and "已提交" in reply, reply
    assert returned.report(UNIT, 2025).accepted_warnings == {"R14:s1.oversight": AGAIN}  # type: ignore[union-attr]


def test_a_warning_the_return_reason_does_not_concern_stays_confirmed(store: Store) -> None:  # noqa: F811
    returned = handed_in_and_returned(store, "表二行政许可的数字请再核对")
    assert "无需再次确认" in notice_to(returned, "zhang")
    say(returned, "zhang", "提交")
    reply = say(returned, "zhang", "提交")
    assert "监督保障尚未写明" not in reply and "已提交" in reply, reply
    assert returned.report(UNIT, 2025).accepted_warnings == {"R14:s1.oversight": ACCEPTED}  # type: ignore[union-attr]
