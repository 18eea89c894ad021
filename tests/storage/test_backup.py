from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from storage import LATEST, StorageError, Store, backup

from .conftest import at


def conversations_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA user_version").fetchone() == (LATEST,)
        return conn.execute("SELECT count(*) FROM conversations").fetchone()[0]
    finally:
        conn.close()


def test_backup_while_another_connection_writes(store: Store, db_path: Path, tmp_path: Path) -> None:
    stop, errors, written = threading.Event(), [], [0]

    def writer() -> None:
        try:
            with Store.open(db_path) as own:
                while not stop.is_set():
                    own.save_conversation(f"user{written[0]}", {"step": written[0], "pad": "x" * 500}, at())
                    written[0] += 1
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        # at least five copies, and until one was taken while a write landed (on a busy machine a copy may well
        # finish before the writer thread runs again)
        while len(copies) < 5 or not any(after > before for before, _, after in copies) and len(copies) < 100:
            while written[0] < 200 * (len(copies) + 1):  # let the writer make progress between copies
                time.sleep(0.001)
            before = written[0]
            dest = backup(db_path, tmp_path / "backups" / f"copy{len(copies)}.db")
            copies.append((before, conversations_in(dest), written[0]))
    finally:
        stop.set()
        thread.join()
    assert errors == []
    for before, copied, after in copies:
        assert before <= copied <= after
    assert any(after > before for before, _, after in copies)  # writes landed while copies were taken


def test_backup_refuses_to_overwrite_the_database(store: Store, db_path: Path) -> None:
    with pytest.raises(StorageError):
        backup(db_path, db_path)
    with pytest.raises(StorageError, match="不存在"):
        backup(db_path.with_name("missing.db"), db_path.with_name("copy.db"))
