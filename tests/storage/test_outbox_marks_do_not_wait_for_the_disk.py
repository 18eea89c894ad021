"""Marking an item sent is bookkeeping whose loss only repeats a send with WeCom's duplicate check: its commit does
not wait for the disk. Recording the attempt before the send, and every other commit, still waits (FULL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from storage import Store

from .conftest import at

FULL, NORMAL = 2, 1


@contextmanager
def commits_seen(store: Store) -> Iterator[list[str]]:
    """The synchronous setting each COMMIT ran under, in order."""
    modes: list[str] = []
    current = ["FULL"]

    def trace(sql: str) -> None:
        statement = sql.strip().upper()
        if statement.startswith("PRAGMA SYNCHRONOUS="):
            current[0] = statement.split("=", 1)[1]
        elif statement == "COMMIT":
            modes.append(current[0])

    store.db.conn.set_trace_callback(trace)
    try:
        yield modes
    finally:
        store.db.conn.set_trace_callback(None)


def _synchronous(store: Store) -> int:
    return store.db.conn.execute("PRAGMA synchronous").fetchone()[0]


def test_the_attempt_waits_for_the_disk_and_the_mark_does_not(store: Store) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "您好"}, at())
    with commits_seen(store) as modes:
        store.begin_attempt(item)
        store.mark_sent(item, at(1))
    assert modes == ["FULL", "NORMAL"]
    assert _synchronous(store) == FULL  # every later commit waits again
    assert store.outbox_item(item).status == "sent"


def test_an_unshown_card_is_set_aside_without_waiting_for_the_disk(store: Store) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "请选择", "card": {}}, at())
    with commits_seen(store) as modes:
        store.mark_unshown(item)
        store.enqueue(["lisi"], "text", {"content": "您好"}, at())
    assert modes == ["NORMAL", "FULL"]
    assert _synchronous(store) == FULL


def test_a_refused_mark_leaves_every_commit_waiting_for_the_disk(store: Store) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "您好"}, at())
    store.mark_failed(item, "errcode 81013")
    with commits_seen(store) as modes, pytest.raises(ValueError):
        store.mark_sent(item, at(1))  # not pending: rolled back, nothing committed
    assert modes == [] and _synchronous(store) == FULL


def test_a_mark_inside_a_larger_transaction_commits_with_it_on_disk(store: Store) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "您好"}, at())
    with commits_seen(store) as modes:
        with store.transaction():
            store.mark_sent(item, at(1))
            store.enqueue(["lisi"], "text", {"content": "您好"}, at())
    assert modes == ["FULL"]


def test_a_mark_that_cannot_begin_leaves_every_commit_waiting_for_the_disk(store: Store, db_path) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "您好"}, at())
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    store.db.conn.execute("PRAGMA busy_timeout=10")
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.mark_sent(item, at(1))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _synchronous(store) == FULL
    store.mark_sent(item, at(2))  # and it goes through once the lock is free
    assert store.outbox_item(item).status == "sent"
