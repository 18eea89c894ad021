"""A point of a paragraph the return reason finds fault with (市长热线不属于主动公开), mended by one clerk of the unit
with 改 N after the return, is mended for the unit (handlers.conversation, real SQLite): a colleague is not led to
it again, whether they meet the return after the mending or had met it before. An untouched point stays flagged."""

from __future__ import annotations

import pytest

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    UNIT,
    say,
    store,
)

REASON = "主动公开部分的市长热线不属于主动公开，请删除"
HOTLINE = "政务公众号120条，市长热线转办290件"
MENDED = "改 2 市长热线相关信息已移至其他部分"


@pytest.fixture
def returned(store: Store) -> Store:  # noqa: F811
    """张明 fills the report in, 1.2 naming the 市长热线, and hands it in; 孙丽 had begun before; it is returned for
    the 市长热线."""
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", PROSE_ALL_DEFAULT[0], HOTLINE, *PROSE_ALL_DEFAULT[2:], "提交")
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    assert "退回意见提到第 2 条" in say(store, "zhang", "继续")
    return store


def test_a_point_a_colleague_mended_is_not_flagged_to_a_clerk_meeting_the_return_after(returned: Store) -> None:
    say(returned, "zhang", MENDED, "1")
    reply = say(returned, "sun", "继续")
    assert "【1.2】" in reply and "市长热线相关信息已移至其他部分" in reply, reply
    assert "退回意见提到" not in reply, reply


def test_a_point_a_colleague_mended_is_not_flagged_to_a_clerk_who_met_the_return_before(returned: Store) -> None:
    assert "退回意见提到第 2 条" in say(returned, "sun", "继续")
    say(returned, "sun", "1")  # keeps 1.2 as it is for now
    say(returned, "zhang", MENDED, "1")
    reply = say(returned, "sun", "修改 1.2")
    assert "2. 市长热线相关信息已移至其他部分" in reply and "退回意见提到" not in reply, reply  # his points, mended


def test_a_point_left_untouched_by_a_colleague_is_still_flagged(returned: Store) -> None:
    say(returned, "zhang", "改 1 政务公众号发布信息120条", "1")
    reply = say(returned, "sun", "继续")
    assert "退回意见提到第 2 条（市长热线）" in reply, reply
