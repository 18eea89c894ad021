"""The write-ahead log copied back into the database file by a connection of its own, off the message path.

SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold: every thirty-odd batches one
batch waited 20 ms more for it, and every message of that batch with it. The server turns it (almost) off on its
connection and `Checkpointer` copies the log back from another thread instead. A PASSIVE checkpoint never blocks
the writer nor waits for it.
"""

from __future__ import annotations

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
