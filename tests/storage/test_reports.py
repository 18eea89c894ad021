from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from bot.formats import GOV2021
from bot.report import Report, empty_report
from storage import NotFound, Store, Unit

from .conftest import at


def township_report(**cells: object) -> Report:
    report = empty_report("册井镇", "镇", 2024)
    report.cells["t2.fees"] = Decimal("0.50")
    report.cells["t3.new.person"] = 3
    report.text["s6.other"] = "本年度未收取信息处理费。"
    report.cells.update(cells)
    return report


def test_report_round_trip(store: Store) -> None:
    report = township_report()
    store.save_report(report, "zhangsan", at())
    stored = store.report("册井镇", 2024)
    assert stored is not None
    assert stored.report == report
    assert stored.report.cells["t2.fees"] == Decimal("0.5")
    assert (stored.status, stored.submitted_at, stored.updated_at, stored.accepted_warnings) == ("draft", None, at(), {})
    assert store.unit("册井镇") == Unit("册井镇", "镇", None)  # a report brings its unit along
    assert store.report("册井镇", 2023) is None


def test_first_save_audits_every_given_cell_and_slot(store: Store) -> None:
    changes = store.save_report(township_report(), "zhangsan", at())
    assert len(changes) == len(GOV2021.cell_ids) + 1
    log = store.audit_log("册井镇", 2024)
    assert [r["field"] for r in log] == [c.field for c in changes]
    assert log[0]["field"] == GOV2021.cell_ids[0]  # in the order the format declares
    fees = next(r for r in log if r["field"] == "t2.fees")
    assert (fees["old_value"], fees["new_value"], fees["actor"], fees["at"]) == (None, "0.5", "zhangsan", at())


def test_later_saves_audit_only_what_changed(store: Store) -> None:
    store.save_report(township_report(), "zhangsan", at())
    first = len(store.audit_log("册井镇", 2024))
    edited = township_report(**{"t3.new.person": 4, "t2.fees": Decimal("0.5"), "t4.review.upheld": None})
    edited.text["s5.problems"] = "公开内容还不够全面。"
    changes = store.save_report(edited, "lisi", at(5))
    assert [(c.field, c.old, c.new) for c in changes] == [
        ("t3.new.person", "3", "4"),
        ("t4.review.upheld", "0", ""),  # a blank cell is "", never confused with 0 or with never given
        ("s5.problems", None, "公开内容还不够全面。"),
    ]
    log = store.audit_log("册井镇", 2024)
    assert len(log) == first + 3 and {r["actor"] for r in log[first:]} == {"lisi"}
    assert store.report("册井镇", 2024).updated_at == at(5)

    assert store.save_report(edited, "lisi", at(9)) == []
    assert len(store.audit_log("册井镇", 2024)) == first + 3
    assert store.report("册井镇", 2024).updated_at == at(5)


def test_status_changes_are_audited(store: Store) -> None:
    store.save_report(township_report(), "zhangsan", at())
    store.set_status("册井镇", 2024, "submitted", at(10), "zhangsan")
    store.set_status("册井镇", 2024, "returned", at(20), "wangwu")
    stored = store.report("册井镇", 2024)
    assert (stored.status, stored.submitted_at, stored.updated_at) == ("returned", at(10), at(20))
    statuses = [(r["old_value"], r["new_value"], r["actor"]) for r in store.audit_log("册井镇", 2024)
                if r["field"] == "status"]
    assert statuses == [("draft", "submitted", "zhangsan"), ("submitted", "returned", "wangwu")]
    with pytest.raises(ValueError, match="报告状态"):
        store.set_status("册井镇", 2024, "done", at(30), "wangwu")
    with pytest.raises(NotFound):
        store.set_status("册井镇", 2023, "approved", at(30), "wangwu")


def test_save_with_status(store: Store) -> None:
    changes = store.save_report(township_report(), "zhangsan", at(), status="submitted")
    assert changes[-1].field == "status"
    assert store.report("册井镇", 2024).submitted_at == at()


def test_accepted_warnings(store: Store) -> None:
    store.save_report(township_report(), "zhangsan", at())
    store.accept_warning("册井镇", 2024, "R8:t2.normative.in_force", "本年清理了历年文件", at(1), "zhangsan")
    assert store.report("册井镇", 2024).accepted_warnings == {"R8:t2.normative.in_force": "本年清理了历年文件"}
    store.accept_warning("册井镇", 2024, "R8:t2.normative.in_force", None, at(2), "zhangsan")
    assert store.report("册井镇", 2024).accepted_warnings == {}
    log = [r for r in store.audit_log("册井镇", 2024) if r["field"].startswith("accepted:")]
    assert [(r["old_value"], r["new_value"]) for r in log] == [(None, "本年清理了历年文件"), ("本年清理了历年文件", None)]


def test_reports_of_an_area(store: Store) -> None:
    store.save_unit(Unit("刘街乡", "乡", "永清县"))
    store.save_report(empty_report("刘街乡", "乡", 2024), "a", at())
    store.save_report(township_report(), "b", at())
    assert [s.report.unit for s in store.reports(2024)] == ["册井镇", "刘街乡"]
    assert [s.report.unit for s in store.reports(2024, area="永清县")] == ["刘街乡"]


def test_transaction_rollback_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_report(township_report(), "zhangsan", at())
        store.save_conversation("zhangsan", {"step": "t3"}, at())
        store.remember("msg-1", [{"text": "好的"}], at())
        raise RuntimeError("engine crashed")
    assert store.report("册井镇", 2024) is None
    assert store.unit("册井镇") is None
    assert store.conversation("zhangsan") is None
    assert store.seen("msg-1") is None
    assert store.db["audit"].count == 0


def test_transaction_commits_once_for_several_calls(store: Store, db_path: Path) -> None:
    with Store.open(db_path) as other:
        with store.transaction():
            store.save_report(township_report(), "zhangsan", at())
            store.save_conversation("zhangsan", {"step": "t3"}, at())
            assert other.report("册井镇", 2024) is None  # not visible to another connection before commit
        assert other.report("册井镇", 2024) is not None
        assert other.conversation("zhangsan") == {"step": "t3"}


def test_a_failed_inner_block_does_not_spoil_the_outer_one(store: Store) -> None:
    with store.transaction():
        store.save_conversation("zhangsan", {"step": 1}, at())
        with pytest.raises(RuntimeError), store.transaction():
            store.save_conversation("zhangsan", {"step": 2}, at())
            raise RuntimeError
    assert store.conversation("zhangsan") == {"step": 1}


def test_times_must_carry_a_timezone(store: Store) -> None:
    with pytest.raises(ValueError, match="时区"):
        store.save_report(township_report(), "zhangsan", datetime(2025, 1, 6, 9, 30))
