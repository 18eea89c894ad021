from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import LATEST, SchemaTooNew, StorageError, Store, upgrade
from storage.db import connect
from storage.migrations import Migration, _apply, migrate, schema_version

ALL_TABLES = {"units", "users", "reports", "audit", "conversations", "seen_messages", "outbox", "unknown_users",
              "campaigns", "reminders"}


def test_empty_file_gets_the_whole_schema_and_pragmas(db_path: Path) -> None:
    with Store.open(db_path) as store:
        assert schema_version(store.db) == LATEST
        assert ALL_TABLES <= set(store.db.table_names())
        pragma = {p: store.db.execute(f"PRAGMA {p}").fetchone()[0]
                  for p in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "cache_size")}
        assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000,  # FULL
                          "cache_size": -64 * 1024}  # KiB: the indexes of a province's units stay in memory


def test_version_1_file_is_upgraded_and_keeps_its_data(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    assert migrate(db, target=1) == (0, 1)
    db.execute("INSERT INTO units (name, kind, area) VALUES ('册井镇', '镇', '永清县')")
    db.execute("INSERT INTO users (userid, name, role, unit) VALUES ('zhangsan', '张三', 'staff', '册井镇')")
    db.close()

    with Store.open(db_path) as store:
        assert schema_version(store.db) == LATEST
        user = store.user("zhangsan")
        assert user is not None and user.active and user.unit == "册井镇"
        assert store.unit("册井镇").area == "永清县"
        assert {"unknown_users", "campaigns", "reminders"} <= set(store.db.table_names())


def test_upgrade_reports_versions_and_is_idempotent(db_path: Path) -> None:
    assert upgrade(db_path) == (0, LATEST)
    assert upgrade(db_path) == (LATEST, LATEST)


def test_newer_file_is_refused_in_chinese(db_path: Path) -> None:
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="高于本程序支持的版本"):
        Store.open(db_path)
    with pytest.raises(SchemaTooNew):
        upgrade(db_path)


def test_a_failing_migration_leaves_the_file_as_it_was(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    migrate(db, target=1)
    broken = Migration(2, "broken", "CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);")
    with pytest.raises(sqlite3.OperationalError):
        _apply(db, broken)
    assert schema_version(db) == 1
    assert "half_done" not in db.table_names()
    db.close()


def test_a_file_that_is_not_a_database_is_named(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("userid,name\n")
    with pytest.raises(StorageError, match="无法打开数据库"):
        Store.open(db_path)


def test_conversations_kept_before_years_are_stamped_with_their_units_newest_report_year(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    migrate(db, target=6)
    db.execute("INSERT INTO units (name, kind) VALUES ('册井镇', '镇')")
    for userid, unit in (("zhangsan", "册井镇"), ("nobody", None)):
        db.execute("INSERT INTO users (userid, name, role, unit) VALUES (?, ?, 'staff', ?)", (userid, userid, unit))
        db.execute("INSERT INTO conversations (userid, state, updated_at) VALUES (?, '{\"v\": 1}', 'x')", (userid,))
    for year in (2024, 2025):
        db.execute("INSERT INTO reports (unit, year, format_id, report, updated_at) VALUES ('册井镇', ?, 'gov2021', "
                   "'{}', 'x')", (year,))
    db.close()
    with Store.open(db_path) as store:
        assert store.conversation("zhangsan") == {"v": 1, "year": 2025}
        assert store.conversation("zhangsan", 2025) == {"v": 1, "year": 2025}
        assert store.conversation("zhangsan", 2026) is None  # next year starts afresh
        assert store.conversation("nobody", 2026) == {"v": 1}  # no report to tell the year: left as it was
