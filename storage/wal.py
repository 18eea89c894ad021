"""The write-ahead log's slow disk work done off the message path: copied back into the database file by a
connection of its own (`Checkpointer`), and made durable by a thread of its own (`LogFlusher`).

SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold: every thirty-odd batches one
batch waited 20 ms more for it, and every message of that batch with it. The server turns it (almost) off on its
connection and `Checkpointer` copies the log back from another thread instead. A PASSIVE checkpoint never blocks
the writer nor waits for it.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

from .db import BUSY_TIMEOUT_MS

# the server's own connection still checkpoints, only if the log grows this far (pages of 4 KB): a safety net
# should the background checkpoints stop, not the way it is done
SERVER_AUTOCHECKPOINT_PAGES = 20_000


class Checkpointer:
    """Checkpoints run in a worker thread, and the server may close while one is under way (a cancelled task
    does not stop its thread): closing a connection another thread is using crashes the process, so `close`
    waits for that checkpoint, and a checkpoint after it does nothing."""

    def __init__(self, path: str | Path) -> None:
        self._conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                                     timeout=BUSY_TIMEOUT_MS / 1000)
        self._lock = threading.Lock()
        self._closed = False

    def checkpoint(self) -> tuple[int, int]:
        """Copy what it can of the log into the database file: (frames in the log, frames copied)."""
        with self._lock:
            if self._closed:
                return 0, 0
            _, in_log, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return max(in_log, 0), max(copied, 0)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._conn.close()


def checkpoint_elsewhere(conn: sqlite3.Connection) -> None:
    """This connection's commits no longer checkpoint (a `Checkpointer` does), unless the log grows very large."""
    conn.execute(f"PRAGMA wal_autocheckpoint={SERVER_AUTOCHECKPOINT_PAGES}")


class LogFlusher:
    """Puts what was committed to the write-ahead log on disk: the fsync a COMMIT makes under synchronous=FULL,
    made here instead, so that the thread that committed can go on with the next batch while the disk works (a
    batch's fsync took 2–4 ms on the machine the benchmarks run on, and the storage thread waited idle through it).

    A commit made without its own fsync (see `Repository.transaction(flush=False)`) is durable once a `flush`
    begun after it returns, or once any later commit with synchronous=FULL returns: the log is appended in order,
    so one fsync covers every commit written before it. SQLite still syncs the log's header whenever the log starts
    over, so the database stays consistent after a power cut either way; only what nobody was told of may be lost.
    """

    def __init__(self, path: str | Path) -> None:
        self._path = str(path) + "-wal"
        self._fd: int | None = None
        self._lock = threading.Lock()

    def flush(self) -> None:
        """Everything committed to the log before this call is on disk when it returns."""
        with self._lock:
            fd = self._log_fd()
            if fd is not None:
                os.fdatasync(fd)

    def _log_fd(self) -> int | None:
        """The log file as it is now: SQLite deletes it when the last connection closes and makes a new one on the
        next open, so an old descriptor is checked against the path every time (two system calls)."""
        try:
            current = os.stat(self._path)
        except FileNotFoundError:  # no log: every commit was copied into the database file, which SQLite synced
            self.close_fd()
            return None
        if self._fd is not None and os.fstat(self._fd).st_ino != current.st_ino:
            self.close_fd()
        if self._fd is None:
            self._fd = os.open(self._path, os.O_RDONLY)
        return self._fd

    def close_fd(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
