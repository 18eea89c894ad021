"""A batch's messages are answered only once its commit is on disk (the log's fsync, made by a thread of its own);
meanwhile the storage thread writes the next batch. A batch whose fsync fails is answered with the polite "try
again", and WeCom's retry is answered from what was committed."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.incoming import Incoming
from bot.messages import edge
from handlers.engine_placeholder import placeholder_engine
from handlers.service import CallbackService
from storage import Store
from storage.wal import LogFlusher
from tests.e2e.servers import eventually, seed_org

NOW = datetime(2025, 3, 1, 2, tzinfo=UTC)


class GatedStore(Store):
    """A store whose log flushes wait for the test to let them through, and can be made to fail."""

    gate: asyncio.Event
    fail: bool = False
    flushes = 0

    async def flush_log(self) -> None:
        await self.gate.wait()
        if self.fail:
            raise OSError(5, "Input/output error")
        await super().flush_log()
        self.flushes += 1


@pytest.fixture
def store(tmp_path: Path) -> Iterator[GatedStore]:
    s = GatedStore.open(tmp_path / "gated.db")
    seed_org(s)
    yield s
    s.close()


def text(user: str, message_id: str, content: str) -> Incoming:
    return Incoming(user, "text", NOW, text=content, message_id=message_id)


async def test_the_next_batch_is_written_while_the_last_waits_for_the_disk(store: GatedStore) -> None:
    store.gate = asyncio.Event()
    service = CallbackService(store, placeholder_engine)
    first = asyncio.create_task(service.handle(text("alice", "m1", "一")))
    await eventually(lambda: store.seen("m1") is not None)  # committed
    second = asyncio.create_task(service.handle(text("bob", "m2", "二")))
    await eventually(lambda: store.seen("m2") is not None)  # written while the first batch is not yet on disk
    await asyncio.sleep(0.05)
    assert not first.done() and not second.done()  # nobody is told before the disk has it
    store.gate.set()
    assert [(await first).passive, (await second).passive] == ["已收到：一", "已收到：二"]
    assert store.flushes == 2 and service.batches == 2


async def test_a_users_next_message_waits_for_the_answer_to_the_last(store: GatedStore) -> None:
    store.gate = asyncio.Event()
    service = CallbackService(store, placeholder_engine)
    first = asyncio.create_task(service.handle(text("alice", "m1", "一")))
    await eventually(lambda: store.seen("m1") is not None)
    second = asyncio.create_task(service.handle(text("alice", "m2", "二")))
    await asyncio.sleep(0.05)
    assert store.seen("m2") is None  # held for its turn: the first is not answered yet
    store.gate.set()
    assert [(await first).passive, (await second).passive] == ["已收到：一", "已收到：二"]


async def test_a_batch_whose_fsync_fails_is_not_acknowledged_and_its_retry_is_answered(store: GatedStore) -> None:
    store.gate = asyncio.Event()
    store.gate.set()
    store.fail = True
    service = CallbackService(store, placeholder_engine)
    failed = await service.handle(text("alice", "m1", "一"))
    assert failed.passive == edge("engine_error")
    store.fail = False
    retried = await service.handle(text("alice", "m1", "一"))  # WeCom's retry of the same MsgId
    assert retried.replayed and retried.passive == "已收到：一"


def test_a_batch_commit_leaves_the_connection_waiting_for_the_disk_again(store: GatedStore) -> None:
    service = CallbackService(store, placeholder_engine)
    service._process_batch([(text("alice", "m1", "一"), "m1", "app")])
    assert store.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL for every other commit
    with pytest.raises(RuntimeError), store.transaction(synced=False):
        raise RuntimeError("rolled back")
    assert store.db.conn.execute("PRAGMA synchronous").fetchone()[0] == 2


def test_the_flusher_follows_the_log_when_sqlite_makes_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    wal = Path(f"{path}-wal")
    flusher = LogFlusher(path)
    with Store.open(path) as first:
        seed_org(first)
        flusher.flush()
        assert os.fstat(flusher._fd).st_ino == wal.stat().st_ino
    assert not wal.exists()  # the last connection closed: SQLite copied the log back and removed it
    flusher.flush()  # nothing left to put on disk
    assert flusher._fd is None
    with Store.open(path) as second:
        seed_org(second)
        flusher.flush()
        assert os.fstat(flusher._fd).st_ino == wal.stat().st_ino
    flusher.close_fd()
