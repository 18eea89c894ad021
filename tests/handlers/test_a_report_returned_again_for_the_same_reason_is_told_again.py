"""A supervisor who returns a report a second time with word for word the reason of the first (handlers.conversation,
real SQLite): each clerk is told the return again, as a return made again, and a clerk's 提交 is held until they have
read it — the reason alone had told the second return from the first, so it went unseen and 提交 went through."""

from __future__ import annotations

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    OVERSIGHT_FACTS,
    UNIT,
    say,
    store,
)

REASON = "表二行政许可的数字请再核对"


def _returned_twice(store: Store, mend: tuple[str, ...] = ()) -> None:  # noqa: F811
    """张明 fills in and hands in; 刘主任 returns it; both clerks meet the return; 张明 hands it in again (having
    answered `mend` first); 刘主任 returns it again for the same reason."""
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT, "提交", "提交")
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    say(store, "zhang", "继续", *mend)
    say(store, "sun", "继续")
    say(store, "zhang", "提交")
    assert store.report(UNIT, 2025).status == "submitted"  # type: ignore[union-attr]
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    assert store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]


def test_a_clerk_is_told_a_second_return_of_the_same_reason_as_returned_again(store: Store) -> None:  # noqa: F811
    _returned_twice(store)
    reply = say(store, "zhang", "继续")
    assert reply.startswith("张明，您好！城关镇人民政府2025年度报告已被审核人员再次退回，退回意见（与上次相同）："
                            + REASON), reply
    assert "【2.3】" in reply, reply  # led to the part the reason concerns again


def test_a_colleagues_handing_in_after_a_second_return_of_the_same_reason_is_held(store: Store) -> None:  # noqa: F811
    _returned_twice(store, mend=("200 12 0",))
    reply = say(store, "sun", "提交")
    assert "再次退回" in reply and "您发送的「提交」暂未执行" in reply, reply
    assert store.report(UNIT, 2025).status == "returned"  # type: ignore[union-attr]


def test_a_confirmation_to_hand_in_asked_before_the_return_is_held_as_handing_in(store: Store) -> None:  # noqa: F811
    """孙丽 was asked 确认提交 (a warning to state why) before 张明 handed the report in and it came back: her 确认
    is the 提交 of a report she has not seen returned."""
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0")
    say(store, "sun", "你好")
    say(store, "zhang", "否", "否", *PROSE_ALL_DEFAULT[:OVERSIGHT_FACTS], "培训 2 次",
        *PROSE_ALL_DEFAULT[OVERSIGHT_FACTS + 1:])
    assert "确认提交" in say(store, "sun", "提交")
    say(store, "zhang", "提交", "确认提交 已向县政务公开办核实")
    say(store, "liu", f"退回 {UNIT} {REASON}", "确认")
    reply = say(store, "sun", "确认")
    assert "已被审核人员退回" in reply and "您发送的「提交」暂未执行" in reply, reply
