"""A report handed in again after a return tells the supervisors so — 【报告重新提交】, the reason it was returned for
and the parts the clerk changed since (表三; 五、存在的主要问题及改进情况（一）存在的主要问题) — or, when nothing
changed, says that plainly: the supervisor reviews the fix, not the whole report again. Real SQLite."""

from __future__ import annotations

from datetime import timedelta

from handlers.supervisor import notify_submitted
from tests.handlers.test_a_review_not_confirmed_is_said_not_carried_out import NOW, TZ, say, store  # noqa: F401
from tests.handlers.test_supervisor import outbox

LATER = NOW + timedelta(hours=2)


def return_and_hand_in_again(store, change) -> str:  # noqa: F811
    say(store, "supA", "退回 北道门乡 存在问题写得太笼统")
    say(store, "supA", "确认")
    stored = store.report("北道门乡", 2025)
    assert stored is not None and stored.status == "returned"
    report = stored.report.copy()
    change(report)
    store.save_report(report, "bei", LATER, status="submitted")
    notify_submitted(store, "北道门乡", 2025, LATER, TZ)
    return outbox(store, "supA")[-1]


def test_a_report_handed_in_again_names_the_reason_and_the_parts_changed(store) -> None:  # noqa: F811
    def fix(report) -> None:
        report.text["s5.problems"] = "村级公开栏更新不及时，部分村两个月未更新。"
        report.cells["t3.new.natural"] = (report.cells.get("t3.new.natural") or 0) + 0  # unchanged: not named

    notice = return_and_hand_in_again(store, fix)
    assert notice.startswith("【报告重新提交】北道门乡于2026年1月8日 12:00修改后重新提交了年度报告，请审核。")
    assert "退回意见：存在问题写得太笼统" in notice
    assert "退回后修改了：五、存在的主要问题及改进情况（一）存在的主要问题。" in notice


def test_a_report_handed_in_again_unchanged_says_so(store) -> None:  # noqa: F811
    notice = return_and_hand_in_again(store, lambda report: None)
    assert "注意：退回后报告内容未作修改。" in notice
    assert "修改后重新提交" not in notice and "重新提交了年度报告" in notice


def test_a_first_hand_in_is_no_hand_in_again(store) -> None:  # noqa: F811
    notify_submitted(store, "柳园口乡", 2025, LATER, TZ)
    assert outbox(store, "supA")[-1].startswith("【报告提交】柳园口乡")
