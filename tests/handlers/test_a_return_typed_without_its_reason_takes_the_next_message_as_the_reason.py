"""退回 typed without a reason asks for it, and the supervisor's next message is the reason: the 退回 is then asked
to be confirmed with it, as 「退回 单位 原因」 is. 确认 before a reason asks for the reason again; a command instead
drops the 退回, saying it was not carried out; 取消 cancels it. Real SQLite, the engine as the WeCom edge calls it."""

from __future__ import annotations

from tests.handlers.test_a_review_not_confirmed_is_said_not_carried_out import first, say, status, store  # noqa: F401


def test_the_message_after_a_return_without_reason_is_the_reason(store) -> None:  # noqa: F811
    asked = first(say(store, "supA", "退回 北道门乡"))
    assert asked.startswith("请直接回复退回北道门乡2025年度报告的原因")
    confirm = first(say(store, "supA", "表三结转数与上年不一致，请核对"))
    assert "请确认：退回北道门乡2025年度报告" in confirm and "退回原因：表三结转数与上年不一致，请核对" in confirm
    assert status(store, "北道门乡") == "submitted"
    assert first(say(store, "supA", "确认")).startswith("已退回北道门乡2025年度报告")
    assert status(store, "北道门乡") == "returned"
    assert store.report("北道门乡", 2025).returned_reason == "表三结转数与上年不一致，请核对"


def test_confirm_before_a_reason_asks_for_the_reason_again(store) -> None:  # noqa: F811
    say(store, "supA", "退回 北道门乡")
    assert first(say(store, "supA", "确认")).startswith("请先回复退回北道门乡2025年度报告的原因")
    assert "请确认：退回北道门乡" in first(say(store, "supA", "规章数字有误"))


def test_a_command_after_a_return_without_reason_drops_it(store) -> None:  # noqa: F811
    say(store, "supA", "退回 北道门乡")
    replies = say(store, "supA", "谁没交")
    assert first(replies).startswith("请注意：退回北道门乡2025年度报告尚未写明退回原因，未予执行")
    assert "尚未提交的单位" in replies[1].text
    assert status(store, "北道门乡") == "submitted"
    say(store, "supA", "退回 北道门乡")
    assert first(say(store, "supA", "取消")).startswith("已取消退回北道门乡2025年度报告")
    assert status(store, "北道门乡") == "submitted"
