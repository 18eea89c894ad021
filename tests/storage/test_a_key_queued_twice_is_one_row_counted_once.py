"""A message or job queued again under a key already queued (a retried delivery, a job delivering twice) is the row
queued first: its id comes back, nothing is added, and no worker is woken for it. Rows queued without a key are
never taken for one another."""

from __future__ import annotations

from storage import Store

from .conftest import at


def test_a_message_queued_twice_under_one_key_is_one_row_counted_once(store: Store) -> None:
    with store.transaction():  # as a message's batch queues its replies
        first = store.enqueue(["wangfang"], "text", {"content": "已记录"}, at(0), dedup_key="7301#1")
        again = store.enqueue(["wangfang"], "text", {"content": "已记录。"}, at(1), dedup_key="7301#1")
    assert again == first and store.outbox_queued == 1
    assert store.outbox_item(first).payload == {"content": "已记录"}
    unkeyed = [store.enqueue(["wangfang"], "text", {"content": "提醒"}, at(2)) for _ in range(2)]
    assert len({first, *unkeyed}) == 3 and store.outbox_queued == 3
    assert store.db["outbox"].count == 3


def test_a_job_queued_twice_under_one_key_is_one_row_counted_once(store: Store) -> None:
    with store.transaction():
        first = store.enqueue_job("render_word", {"unit": "册井镇"}, at(0), dedup_key="7301#job1")
        again = store.enqueue_job("render_word", {"unit": "里澜城镇"}, at(1), dedup_key="7301#job1")
    assert again == first and store.jobs_queued == 1
    unkeyed = [store.enqueue_job("figures", {}, at(2)) for _ in range(2)]
    assert len({first, *unkeyed}) == 3 and store.jobs_queued == 3
    rows = store.db.execute("SELECT id, args FROM jobs ORDER BY id").fetchall()
    assert rows[0] == (first, '{"unit":"册井镇"}') and len(rows) == 3
