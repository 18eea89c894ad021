from __future__ import annotations

from pathlib import Path

from bot.formats import GOV2021
from bot.report import empty_report
from storage import Store
from storage.db import connect, timestamp
from storage.migrations import migrate
from storage.reports import AUTOMATIC

from .conftest import at

CLERK = "zhangsan"


def _audit_rows(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM audit").fetchone()[0]


def test_a_save_of_many_cells_writes_one_row_and_reads_back_one_change_a_row(store: Store) -> None:
    report = empty_report("册井镇", "镇", 2024)
    report.cells.update({cell: n for n, cell in enumerate(GOV2021.cell_ids[:40])})
    changes = store.save_report(report, CLERK, at())
    assert _audit_rows(store) == 1
    log = store.audit_log("册井镇", 2024)
    assert [(r["field"], r["old_value"], r["new_value"], r["actor"], r["at"]) for r in log] == [
        (c.field, c.old, c.new, CLERK, at()) for c in changes]
    assert len(log) == len(GOV2021.cell_ids) and log[0]["field"] == GOV2021.cell_ids[0]  # a first save: every cell


def test_the_assistants_paragraphs_keep_their_actor_and_their_place_among_the_clerks_changes(store: Store) -> None:
    report = empty_report("册井镇", "镇", 2024)
    store.save_report(report, CLERK, at())
    first = _audit_rows(store)
    report.cells["t3.new.person"] = 3
    drafted, typed, drafted_too = GOV2021.slot_ids[:3]  # preface, s1.summary, s1.active: in the format's order
    report.text.update({drafted: "年报助手起草的开头。", typed: "本单位填写的概述。", drafted_too: "助手写的段落。"})
    changes = store.save_report(report, CLERK, at(1), redrafted=[drafted, drafted_too])
    log = [r for r in store.audit_log("册井镇", 2024) if r["at"] == at(1)]
    assert [(r["field"], r["actor"]) for r in log] == [
        ("t3.new.person", CLERK), (drafted, AUTOMATIC), (typed, CLERK), (drafted_too, AUTOMATIC)]
    assert [(r["old_value"], r["new_value"]) for r in log] == [(c.old, c.new) for c in changes]
    assert _audit_rows(store) == first + 4  # one row for each run of one actor's changes


def test_status_changes_and_return_reasons_are_read_as_before(store: Store) -> None:
    report = empty_report("册井镇", "镇", 2024)
    report.cells.update({"t3.new.person": 3, "t3.new.company": 2})
    changes = store.save_report(report, CLERK, at())
    store.set_status("册井镇", 2024, "submitted", at(1), CLERK)
    store.set_status("册井镇", 2024, "returned", at(2), "wangwu", reason="请补充说明。")
    store.record_return_reason("册井镇", 2024, "请补充说明。", at(2), "wangwu")
    assert [(r["field"], r["new_value"]) for r in store.review_history("册井镇", 2024)] == [
        ("status", "submitted"), ("status", "returned"), ("returned_reason", "请补充说明。")]
    assert [r["status"] for r in store.status_changes(2024, None)] == ["submitted", "returned"]
    assert [r["field"] for r in store.audit_log("册井镇", 2024)] == [
        *(c.field for c in changes), "status", "status", "returned_reason"]


def test_a_file_audited_one_row_a_change_is_read_the_same_once_upgraded(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    migrate(db, target=15)  # before the audit kept a save's changes in one row
    db.execute("INSERT INTO units (name, kind) VALUES ('册井镇', '镇')")
    db.execute("INSERT INTO reports (unit, year, format_id, report, updated_at) VALUES ('册井镇', 2024, 'gov2021', "
               "'{}', ?)", (timestamp(at()),))
    written = [(CLERK, at(), "t3.new.person", None, "3"), (CLERK, at(), "preface", None, "开头。"),
               (AUTOMATIC, at(), "s1.summary", "", "概述。"), (CLERK, at(1), "status", "draft", "submitted")]
    db.conn.executemany("INSERT INTO audit (unit, year, actor, at, field, old_value, new_value) "
                        "VALUES ('册井镇', 2024, ?, ?, ?, ?, ?)", [(a, timestamp(t), *rest) for a, t, *rest in written])
    db.close()

    with Store.open(db_path) as store:
        log = store.audit_log("册井镇", 2024)
        assert [(r["actor"], r["at"], r["field"], r["old_value"], r["new_value"]) for r in log] == written
        assert [r["id"] for r in log] == [1, 2, 3, 4]
        assert [(r["field"], r["new_value"]) for r in store.review_history("册井镇", 2024)] == [("status", "submitted")]
        assert [r["status"] for r in store.status_changes(2024, None)] == ["submitted"]
