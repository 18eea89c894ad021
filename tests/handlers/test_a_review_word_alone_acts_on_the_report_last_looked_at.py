"""通过 or 退回 typed alone after 查看 X act on X, however many reports wait for review: the report last opened with
查看 is remembered in the supervisor's pending state (it outlives the questions asked and dropped between), and the
question before anything happens says it is the report just looked at — still nothing without 确认. Real SQLite, the
engine as the WeCom edge calls it."""

from __future__ import annotations

from tests.handlers.test_a_review_not_confirmed_is_said_not_carried_out import first, say, status, store  # noqa: F401


def test_approve_and_return_alone_act_on_the_report_last_looked_at(store) -> None:  # noqa: F811
    assert status(store, "柳园口乡") == status(store, "北道门乡") == "submitted"  # two waiting: no "the one"
    assert "柳园口乡" in first(say(store, "supA", "查看 柳园口乡"))
    assert "北道门乡" in first(say(store, "supA", "查看 北道门乡"))
    assert "柳园口乡" in first(say(store, "supA", "查看 柳园口乡"))  # the last one looked at counts

    asked = first(say(store, "supA", "通过"))
    assert asked.startswith("请确认：审核通过您刚查看的柳园口乡2025年度报告"), asked
    assert status(store, "柳园口乡") == "submitted"  # nothing before 确认
    assert "已审核通过" in first(say(store, "supA", "确认"))
    assert status(store, "柳园口乡") == "approved" and status(store, "北道门乡") == "submitted"

    say(store, "supA", "查看 北道门乡")
    say(store, "supA", "汇总")  # another command between: what was looked at is still remembered
    asked = first(say(store, "supA", "退回"))
    assert "退回您刚查看的北道门乡2025年度报告的原因" in asked, asked
    asked = first(say(store, "supA", "表三结转数与上年不一致"))
    assert asked.startswith("请确认：退回北道门乡2025年度报告"), asked
    say(store, "supA", "确认")
    assert status(store, "北道门乡") == "returned" and status(store, "柳园口乡") == "approved"
