"""A report handed in again after a return names, under 退回后修改了, only the parts the clerk changed: the opening
paragraph (报告开头的说明) the assistant drafted of itself on the clerk's next message — the report came in without
one — is not the clerk's change, and is said apart as drafted by the assistant. Real SQLite, the engine as the WeCom
edge calls it, the audit log as the desk reads it."""

from __future__ import annotations

from datetime import timedelta

from bot.dialog import initial_state
from bot.formats import GOV2021
from storage import AUTOMATIC, User
from tests.handlers.test_a_review_not_confirmed_is_said_not_carried_out import NOW, say, store  # noqa: F401
from tests.handlers.test_supervisor import outbox


def test_the_preface_drafted_after_a_return_is_not_listed_as_the_clerks_change(store) -> None:  # noqa: F811
    store.save_user(User("bei", "贝", "staff", "北道门乡", "A区"))
    # as if typed through the conversation: every question answered, then submitted
    answered = {**initial_state(), "greeted": True, "submitted": True, "answered": [q.code for q in GOV2021.questions]}
    store.save_conversation("bei", answered, NOW, year=2025)
    assert "preface" not in store.report("北道门乡", 2025).report.text  # handed in without the opening paragraph
    say(store, "supA", "退回 北道门乡 行政规范性文件现行有效件数请核对")
    say(store, "supA", "确认")
    later = NOW + timedelta(hours=1)
    say(store, "bei", "修改 2.2", later)
    say(store, "bei", "0 0 2", later)
    done = "\n".join(r.text for r in say(store, "bei", "提交", later))
    if "确认提交" in done:
        done = "\n".join(r.text for r in say(store, "bei", "确认提交 已核实", later))
    stored = store.report("北道门乡", 2025)
    assert stored.status == "submitted", done
    assert stored.report.text.get("preface")  # drafted meanwhile
    sent = outbox(store, "supA")
    notice = "\n".join(sent[next(i for i, t in enumerate(sent) if t.startswith("【报告重新提交】北道门乡")):])
    assert "退回后修改了：表二。" in notice, notice
    assert "另由助手自动起草或更新（非单位修改）：报告开头的说明。" in notice, notice
    drafted = [r for r in store.audit_log("北道门乡", 2025) if r["field"] == "preface"]
    assert [r["actor"] for r in drafted] == [AUTOMATIC]
