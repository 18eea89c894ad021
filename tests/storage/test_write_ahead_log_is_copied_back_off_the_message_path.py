"""The server's commits do not copy the write-ahead log back into the database file (SQLite's automatic checkpoint
made one batch in thirty wait 20 ms more): a connection of its own does it, in the background."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage import Store
from storage.wal import Checkpointer, checkpoint_elsewhere

ROW = "年报" * 1500  # about two pages


def write_rows(store: Store, rows: int) -> None:
    for _ in range(rows):
        with store.transaction():
            store.db.execute("INSERT INTO filler (text) VALUES (?)", (ROW,))


def pages_in_file(path: Path) -> int:
    return os.path.getsize(path) // 4096


def test_commits_leave_the_log_to_the_checkpointer(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wal.db") as store:
        checkpoint_elsewhere(store.db.conn)
        store.db.execute("CREATE TABLE filler (text TEXT)")
        before = pages_in_file(store.path)
        write_rows(store, 600)  # over 1,000 pages: the automatic checkpoint would have run inside a commit
        assert pages_in_file(store.path) == before
        checkpointer = Checkpointer(store.path)
        try:
            in_log, copied = checkpointer.checkpoint()
            assert in_log > 1000 and copied == in_log
            assert pages_in_file(store.path) > before + 1000
            write_rows(store, 1)
            assert checkpointer.checkpoint()[0] < 10  # the log begins again from its start
        finally:
            checkpointer.close()


CLOSE_DURING_CHECKPOINTS = """
import sqlite3, sys, threading
from storage.wal import Checkpointer
path = sys.argv[1]
conn = sqlite3.connect(path, isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL")
conn.execute("CREATE TABLE t (x)")
for _ in range(100):
    conn.execute("INSERT INTO t VALUES (randomblob(20000))")
    checkpointer, stop = Checkpointer(path), threading.Event()
    def checkpoints():
        while not stop.is_set():
            checkpointer.checkpoint()
    worker = threading.Thread(target=checkpoints)
    worker.start()
    stop.wait(0.001)
    checkpointer.close()  # as the server stops, a checkpoint under way in its thread
    stop.set()
    worker.join()
    assert checkpointer.checkpoint() == (0, 0)
"""


def test_closing_while_a_checkpoint_runs_in_its_thread_waits_for_it(tmp_path: Path) -> None:
    # in a process of its own: closing the connection under a running checkpoint crashed the interpreter
    done = subprocess.run([sys.executable, "-c", CLOSE_DURING_CHECKPOINTS, str(tmp_path / "wal.db")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
