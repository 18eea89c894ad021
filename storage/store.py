"""`Store`: every repository over one connection, plus a worker thread so asyncio code never waits on SQLite."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from .campaigns import CampaignRepository
from .conversations import ConversationRepository
from .db import connect
from .desk import DeskRepository
from .jobs import JobRepository
from .migrations import migrate
from .org import OrgRepository
from .outbox import OutboxRepository
from .reports import ReportRepository
from .supervision import SupervisionRepository

T = TypeVar("T")


class Store(OrgRepository, ReportRepository, ConversationRepository, OutboxRepository, CampaignRepository,
            SupervisionRepository, DeskRepository, JobRepository):
    """The nianbao database. Synchronous methods for the CLI and tests; `await store.run(...)` from asyncio."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None) -> None:
        super().__init__(db)
        self.path = path
        # one worker: SQLite writes are serial anyway, and the queue keeps each caller's calls in order
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nianbao-sqlite")

    @classmethod
    def open(cls, path: str | Path) -> Store:
        """Open (or create) the database file, applying any missing migrations."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
        try:
            migrate(db, path=path)
        except BaseException:
            db.close()
            raise
        return cls(db, path)

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a blocking call (a Store method or a function doing several) in the SQLite worker thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, functools.partial(fn, *args, **kwargs))

    def close(self) -> None:
        self._worker.shutdown(wait=True)
        with self._lock:
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
