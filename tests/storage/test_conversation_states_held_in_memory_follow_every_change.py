"""Every message reads its person's conversation state, which the message before wrote: what this process wrote or
read is held in memory. What is held must follow every change: made here, made by another process, made and then
rolled back, and it must hold no more states than its bound."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import Store, conversations

from .conftest import at


def test_a_state_saved_here_is_read_back_as_saved(store: Store) -> None:
    assert store.conversation("wangfang") is None
    store.save_conversation("wangfang", {"cur": "2.1"}, at(0))
    assert store.conversation("wangfang") == {"cur": "2.1"}
    store.save_conversation("wangfang", {"cur": "2.2"}, at(1), year=2024)
    assert store.conversation("wangfang") == {"cur": "2.2", "year": 2024}
    assert store.conversation("wangfang", 2025) is None


def test_each_read_is_the_readers_own_to_change(store: Store) -> None:
    store.save_conversation("wangfang", {"answered": ["2.1"]}, at(0))
    store.conversation("wangfang")["answered"].append("2.2")
    assert store.conversation("wangfang") == {"answered": ["2.1"]}


def test_a_state_another_process_commits_is_read_in_the_next_transaction(store: Store, db_path: Path) -> None:
    with store.transaction():  # what a message's batch does: the version is read once in the transaction
        store.save_conversation("wangfang", {"cur": "2.1"}, at(0))
        assert store.conversation("wangfang") == {"cur": "2.1"}
    other = sqlite3.connect(db_path)  # e.g. another process working on the same file
    with other:
        other.execute("""UPDATE conversations SET state = '{"cur":"3.1"}' WHERE userid = 'wangfang'""")
    other.close()
    with store.transaction():
        assert store.conversation("wangfang") == {"cur": "3.1"}
    assert store.conversation("wangfang") == {"cur": "3.1"}


def test_a_state_saved_then_rolled_back_is_not_held(store: Store) -> None:
    store.save_conversation("wangfang", {"cur": "2.1"}, at(0))
    with store.transaction():
        with pytest.raises(RuntimeError), store.transaction():  # a message's savepoint, undone by an engine error
            store.save_conversation("wangfang", {"cur": "2.2"}, at(1))
            assert store.conversation("wangfang") == {"cur": "2.2"}
            raise RuntimeError
        assert store.conversation("wangfang") == {"cur": "2.1"}
    with pytest.raises(RuntimeError), store.transaction():  # a whole batch undone
        store.save_conversation("wangfang", {"cur": "2.3"}, at(2))
        raise RuntimeError
    assert store.conversation("wangfang") == {"cur": "2.1"}


def test_more_people_than_are_held_each_read_their_own_state(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conversations, "STATES_HELD", 3)
    with store.transaction():
        for n in range(5):
            store.save_conversation(f"u{n}", {"n": n}, at(n))
        assert len(store._states_held()) == 3
        assert [store.conversation(f"u{n}") for n in range(5)] == [{"n": n} for n in range(5)]
        assert len(store._states_held()) == 3


def test_a_state_read_back_from_memory_keeps_every_number_exact(store: Store) -> None:
    state = {"raw": {"2.1": "1234567890123456789"}, "n": [2**64 - 1, 10**30, 1.5e300]}
    with store.transaction():
        store.save_conversation("wangfang", state, at(0))
        again = store.conversation("wangfang")
        assert again == state and [type(v) for v in again["n"]] == [int, int, float]
