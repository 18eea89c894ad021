"""A message's report, conversation state and replies go to SQLite as UTF-8 bytes (`CAST(? AS TEXT)`) and come back
as bytes: the columns must still hold text — what `nianbao` tooling, sqlite-utils and any SQL JSON function read —
and every value must come back as it was."""

from __future__ import annotations

from decimal import Decimal

from bot.report import empty_report
from storage import Store

from .conftest import at

HUGE = 123456789012345678901234567890


def _types(store: Store, sql: str) -> set[str]:
    return {row[0] for row in store.db.conn.execute(sql)}


def test_a_saved_report_is_text_and_reads_back_exactly(store: Store) -> None:
    report = empty_report("册井镇", "镇", 2024)
    store.save_report(report, "zhangsan", at())
    report.cells.update({"t3.new.person": HUGE, "t2.fees": Decimal("0.5")})
    report.text["s1.summary"] = "全年主动公开政府信息“一网通办”事项，未收到申请。"
    store.save_report(report, "zhangsan", at(1))

    assert _types(store, "SELECT typeof(report) FROM reports") == {"text"}
    assert store.db.conn.execute("SELECT json_extract(report, '$.text.\"s1.summary\"') FROM reports").fetchone()[0] \
        == report.text["s1.summary"]
    year, stored, before = store.year_at_hand("册井镇", 2024)
    assert (year, before) == (2024, None) and stored is not None
    assert stored.report.cells["t3.new.person"] == HUGE
    assert stored.report.cells["t2.fees"] == Decimal("0.5")
    assert stored.report.text == report.text


def test_a_conversation_state_and_the_remembered_replies_are_text(store: Store) -> None:
    state = {"raw": {"1.2": "政务公众号 821 条"}, "n": HUGE, "lone": "\ud800"}
    store.save_conversation("zhangsan", state, at(), year=2024)
    store.remember("m1", [{"kind": "text", "text": "已记录：收到申请 1 件。"}], at())

    assert _types(store, "SELECT typeof(state) FROM conversations") == {"text"}
    assert _types(store, "SELECT typeof(replies) FROM seen_messages") == {"text"}
    assert store.conversation("zhangsan", 2024) == {**state, "year": 2024}
    assert store.seen("m1") == [{"kind": "text", "text": "已记录：收到申请 1 件。"}]
