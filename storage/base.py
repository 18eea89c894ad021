"""What every repository shares: the connection, the lock that serialises its use, and transactions."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlite_utils


class Repository:
    """Base of the repository mixins that make up `Store`; each mixin is one small module."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        # one connection, many threads (the asyncio worker, the CLI, tests): every use goes through this lock
        self._lock = threading.RLock()
        self._depth = 0  # savepoints open inside the current transaction
        self._units_version = 0  # bumped when this process changes a unit (see OrgRepository.unit_name_matcher)
        self._users_version = 0  # … a user (see OrgRepository.user)
        self._campaigns_version = 0  # … a campaign or an area's nesting (see CampaignRepository.current_campaign)
        self._figures_saved = 0  # … units' figures (see OrgRepository.forget_figures)
        # bumped by every rollback: what was held in memory may have been read inside the rolled-back writes
        self._rollbacks = 0
        # SQLite's data_version as read in the write transaction now open: no other connection can commit until it
        # ends, so it is read once per transaction, not on every use of what is held (twice in each message)
        self._version_in_transaction: int | None = None
        self._writing = False  # a transaction begun here (BEGIN IMMEDIATE: it holds the write lock) is open
        # rows this process queued so far (even if rolled back since): the edge wakes a worker only when its count
        # moved
        self.outbox_queued = 0
        self.jobs_queued = 0

    @contextmanager
    def transaction(self, synced: bool = True) -> Iterator[None]:
        """One transaction around everything inside; commits on success, rolls back on any exception.

        Nested blocks join the outer transaction through a savepoint, so repository methods can use it freely.
        BEGIN IMMEDIATE takes the write lock up front: a deferred transaction that later writes could fail with
        SQLITE_BUSY_SNAPSHOT without waiting for the busy timeout.
        In asyncio code, put the whole block in one function given to `Store.run`: never `await` inside it, the
        lock it holds would keep the worker thread waiting.

        `synced=False` (an outermost transaction's own choice; a nested block joins the outer commit): the COMMIT
        does not wait for the disk. It survives the process dying, as every commit does in WAL mode, and is on disk
        with the next synced commit; only a power cut before that loses it. For bookkeeping whose loss repeats a
        step safely, never for anything a user was told.
        """
        with self._lock:
            conn = self.db.conn
            if conn.in_transaction:
                # a plain savepoint (sqlite-utils' atomic() names each with a random token: more work per block)
                self._depth += 1
                savepoint = f"nb{self._depth}"
                conn.execute(f"SAVEPOINT {savepoint}")
                try:
                    yield
                except BaseException:
                    self._rollbacks += 1
                    if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended the whole transaction already
                        conn.execute(f"ROLLBACK TO {savepoint}")
                        conn.execute(f"RELEASE {savepoint}")
                    raise
                else:
                    conn.execute(f"RELEASE {savepoint}")
                finally:
                    self._depth -= 1
                return
            if synced:
                with self._outermost(conn):
                    yield
                return
            conn.execute("PRAGMA synchronous=NORMAL")  # SQLite takes the setting only outside a transaction
            try:
                with self._outermost(conn):
                    yield
            finally:
                conn.execute("PRAGMA synchronous=FULL")  # as `db.connect` set it, for every other commit

    @contextmanager
    def _outermost(self, conn: sqlite3.Connection) -> Iterator[None]:
        conn.execute("BEGIN IMMEDIATE")
        self._writing = True
        try:
            yield
            conn.execute("COMMIT")
        except BaseException:
            self._rollbacks += 1
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            self._writing = False
            self._version_in_transaction = None

    @contextmanager
    def _statements(self) -> Iterator[None]:
        """A write method's few statements: inside a caller's transaction they join it as they are, outside one they
        get one of their own. No savepoint, as `_write`: if a statement fails, the caller's savepoint or transaction
        undoes the rest with everything else (no caller goes on after a storage error); a message spared two
        savepoint pairs."""
        with self._lock:
            if self.db.conn.in_transaction:
                yield
                return
            with self.transaction():
                yield

    def _data_version(self) -> tuple[int, int]:
        """Changes since the last call show here: a commit by another connection (another process, e.g. `nianbao
        org import`) moves SQLite's data_version, and a rollback here moves `_rollbacks`."""
        version = self._version_in_transaction
        if version is None:
            version = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
            if self._writing:
                self._version_in_transaction = version
        return (self._rollbacks, version)

    def _held(self, name: str, version: tuple[Any, ...]) -> dict[Any, Any]:
        """A dict of what is held in memory under `name`, emptied whenever `version` differs from the last call's
        (the caller's own change counter with `_data_version()`)."""
        held = self.__dict__.setdefault(name, {})
        if held.get("version") != version:
            held.clear()
            held["version"] = version
        return held

    def _write(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        """One statement that changes rows. It is atomic by itself, so inside a transaction it needs no savepoint
        of its own (a savepoint pair per write was a tenth of a message's SQL); outside one it gets a transaction."""
        with self._lock:
            if self.db.conn.in_transaction:
                return self.db.conn.execute(sql, params)
            with self.transaction():
                return self.db.conn.execute(sql, params)

    def _rows(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts, read with the plain connection: this is the hot path, and sqlite-utils' query() wraps
        every statement in a savepoint of its own."""
        with self._lock:
            cursor = self.db.conn.execute(sql, params)
            keys = [d[0] for d in cursor.description]
            return [dict(zip(keys, row, strict=True)) for row in cursor.fetchall()]

    def _records(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Rows read by column name (row["name"]) and built in C: for the reads of a whole area, where making a
        dict of every one of 20,000 rows is most of the cost. Read-only mappings without .get()."""
        with self._lock:
            cursor = self.db.conn.execute(sql, params)
            cursor.row_factory = sqlite3.Row
            return cursor.fetchall()

    def _value(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        """The one column of the first row `sql` reads (None: no row): no dict made for it, as `_row` makes (every
        message reads its conversation state and its dedup record so)."""
        with self._lock:
            row = self.db.conn.execute(sql, params).fetchone()
            return row[0] if row is not None else None

    def _row(self, sql: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None
