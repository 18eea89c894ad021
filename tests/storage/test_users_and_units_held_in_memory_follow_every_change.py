"""Every message reads its user, its unit and the channel it came by, so those are held in memory; what is held
must follow every change: made here, made by another process, and made and then rolled back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage import Store, Unit, User

from .conftest import at


@pytest.fixture
def org(store: Store) -> Store:
    store.save_unit(Unit("册井镇", "镇", "永清县"))
    store.save_unit(Unit("里澜城镇", "镇", "永清县"))
    store.save_user(User("wangfang", "王芳", "staff", "册井镇", "永清县"))
    return store


def test_a_user_or_unit_changed_here_is_seen_at_once(org: Store) -> None:
    assert org.user("wangfang").unit == "册井镇"
    org.save_user(User("wangfang", "王芳", "staff", "里澜城镇", "永清县"))
    assert org.user("wangfang").unit == "里澜城镇"
    org.deactivate_users_except(set())
    assert not org.user("wangfang").active
    org.save_unit(Unit("册井镇", "乡", "永清县"))
    assert org.unit("册井镇").kind == "乡"


def test_a_change_another_process_commits_is_seen_in_the_next_transaction(org: Store, db_path: Path) -> None:
    with org.transaction():  # what a message's batch does: the version is read once in the transaction
        assert org.user("wangfang").name == "王芳"
        assert org.unit("册井镇").area == "永清县"
    other = sqlite3.connect(db_path)  # e.g. `nianbao org import` in another process
    with other:
        other.execute("UPDATE users SET name = '王芳芳' WHERE userid = 'wangfang'")
        other.execute("UPDATE units SET area = '固安县' WHERE name = '册井镇'")
    other.close()
    with org.transaction():
        assert org.user("wangfang").name == "王芳芳"
        assert org.unit("册井镇").area == "固安县"
    assert org.user("wangfang").name == "王芳芳"


def test_a_user_saved_then_rolled_back_is_not_held(org: Store) -> None:
    with pytest.raises(RuntimeError), org.transaction():
        org.save_user(User("wangfang", "王芳", "supervisor", None, "永清县"))
        assert org.user("wangfang").role == "supervisor"  # read inside the transaction that is then undone
        raise RuntimeError
    assert org.user("wangfang").role == "staff"


def test_an_unknown_user_or_unit_is_looked_up_again_once_it_exists(org: Store) -> None:
    assert org.user("lisi") is None and org.unit("柳泉镇") is None
    org.save_unit(Unit("柳泉镇", "镇", "永清县"))
    org.save_user(User("lisi", "李四", "staff", "柳泉镇", "永清县"))
    assert org.user("lisi").unit == "柳泉镇" and org.unit("柳泉镇").kind == "镇"


def test_a_channel_noted_in_a_rolled_back_transaction_is_noted_again(org: Store) -> None:
    with pytest.raises(RuntimeError), org.transaction():
        org.note_channel("wangfang", "longconn", at(0))
        raise RuntimeError
    assert org.channels_of(["wangfang"]) == {"wangfang": "app"}
    org.note_channel("wangfang", "longconn", at(1))  # held as written before the rollback: it must be written again
    assert org.channels_of(["wangfang"]) == {"wangfang": "longconn"}
    org.note_channel("wangfang", "app", at(2))
    assert org.channels_of(["wangfang"]) == {"wangfang": "app"}
