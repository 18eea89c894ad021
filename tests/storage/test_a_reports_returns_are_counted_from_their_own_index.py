"""While a report is returned, every message of its clerks counts its returns (`Store.times_returned`: what tells this
return from an earlier one of the same reason). That count had read every audit row of the report, hundreds once it
has been filled in; it now reads the `audit_returns` index, which holds the return rows alone (review: hot path)."""

from __future__ import annotations

from storage import Store
from storage.reports import TIMES_RETURNED_SQL

from .conftest import at
from .test_reports import township_report


def test_the_returns_are_counted_from_the_index_of_return_rows(store: Store) -> None:
    plan = " ".join(r[-1] for r in store.db.execute(f"EXPLAIN QUERY PLAN {TIMES_RETURNED_SQL}", ("册井镇", 2024)))
    assert "INDEX audit_returns (unit=? AND year=?)" in plan, plan  # its return rows alone, not every audit row


def test_a_report_saved_many_times_counts_only_its_returns(store: Store) -> None:
    report = township_report()
    for minute in range(30):
        report.text["s6.other"] = f"本年度未收取信息处理费。第{minute}稿"
        store.save_report(report, "zhangsan", at(minute))
    for minute, status in ((40, "submitted"), (41, "returned"), (42, "submitted"), (43, "returned")):
        store.set_status("册井镇", 2024, status, at(minute), "wangwu")
    assert store.times_returned("册井镇", 2024) == 2
    assert store.times_returned("册井镇", 2023) == 0
    indexed = store.db.execute("SELECT count(*) FROM audit INDEXED BY audit_returns WHERE unit = '册井镇' AND year = 2024 "
                               "AND field = 'status' AND new_value = 'returned'").fetchone()[0]
    assert indexed == 2
