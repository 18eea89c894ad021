"""The SQLite file: how it is opened, how times are written into it, and how it is copied while in use."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import sqlite_utils

from bot import jsontext, messages

BUSY_TIMEOUT_MS = 5000
PAGE_CACHE_KIB = 64 * 1024


class StorageError(Exception):
    """A storage problem worth a clear sentence to the operator (messages are Chinese)."""


class NotFound(StorageError, LookupError):
    pass


def connect(path: str | Path) -> sqlite_utils.Database:
    """One connection with the pragmas every part of nianbao relies on.

    `isolation_level=None` leaves transactions to us (BEGIN IMMEDIATE in `Store.transaction`), and
    `check_same_thread=False` is safe because `Store` serialises every use of the connection behind one lock.
    """
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    try:
        db.enable_wal()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StorageError(messages.text("storage", "cannot_open", path=path, error=exc)) from exc
    # FULL: a commit is on disk when it returns, so nothing acknowledged is lost to a power cut; group commit
    # (handlers.service) makes that one fsync per batch of messages, not per message
    db.execute("PRAGMA synchronous=FULL")
    db.execute("PRAGMA foreign_keys=ON")
    # 64 MiB of pages, allocated only as used: SQLite's default 2 MiB could not hold the indexes a message walks
    # once an area has thousands of units, and every page read again cost a system call (a message took 1.3 ms of
    # the storage thread with 20,000 units, 0.9 ms with this)
    db.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
    db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return db


def backup(path: str | Path, dest: str | Path) -> Path:
    """Copy the database at `path` to `dest` with SQLite's online backup API; safe while the server writes.

    The copy is taken in one step from one read snapshot: in WAL mode that never blocks writers, and a stepwise
    copy would restart whenever a writer touched the source.
    """
    source, target = Path(path), Path(dest)
    if not source.is_file():
        raise NotFound(messages.text("storage", "db_not_found", path=source))
    if target.exists() and target.resolve() == source.resolve():
        raise StorageError(messages.text("storage", "backup_onto_itself"))
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source), timeout=BUSY_TIMEOUT_MS / 1000)
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


@lru_cache(maxsize=64)  # a message stamps its log, state, dedup record and outbox rows with one same moment
def timestamp(moment: datetime) -> str:
    """A moment as UTC ISO-8601 text of fixed width, so that text order is time order in SQL."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(messages.text("storage", "naive_time"))
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_timestamp(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def day(value: date) -> str:
    return value.isoformat()


def to_json(value: Any) -> str:
    return jsontext.dumps(value)


def json_bytes(value: Any) -> bytes:
    """`value` as JSON for a TEXT column, given as UTF-8 bytes: the statement writes it as `CAST(? AS TEXT)`, so the
    column keeps text (bytes bound as they are would be stored as a BLOB). The cast takes the bytes as they are
    because the file's encoding is UTF-8: SQLite's default, which nianbao never changes."""
    return jsontext.dumps_bytes(value)


def from_json(text: str | bytes | None, default: Any = None) -> Any:
    return default if text is None else jsontext.loads(text)
