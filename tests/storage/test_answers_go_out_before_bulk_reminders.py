"""A tick queues thousands of reminders at once; a clerk's answer, a file or a notice queued after them goes out
first (the outbox worker takes the due rows in this order, a batch at a time)."""

from __future__ import annotations

from storage import Store

from .conftest import at


def test_an_answer_queued_after_a_tick_of_reminders_is_sent_first(store: Store) -> None:
    store.enqueue_texts([([f"clerk{i}"], "请尽快填报", f"reminder:1:unit{i}:before-3") for i in range(200)], at(0))
    answer = store.enqueue(["zhangsan"], "text", {"content": "已记录"}, at(1))
    notice = store.enqueue(["sup"], "text", {"content": "【报告提交】"}, at(2))
    due = store.due_outbox(at(3), limit=10)
    assert [item.id for item in due[:2]] == [answer, notice]
    assert all(item.dedup_key.startswith("reminder:") for item in due[2:])  # then the reminders, oldest first


def test_a_later_retry_still_holds_back_what_was_queued_after_it_for_the_same_person(store: Store) -> None:
    first = store.enqueue(["zhangsan"], "text", {"content": "第一条"}, at(0))
    store.mark_retry(first, at(10), "timeout")
    store.enqueue_texts([(["zhangsan"], "请尽快填报", "reminder:1:u:due")], at(1))
    second = store.enqueue(["zhangsan"], "text", {"content": "第二条"}, at(1))
    assert [item.id for item in store.due_outbox(at(2))] == []  # both wait behind the retry, as before
    assert [item.id for item in store.due_outbox(at(11))] == [first]
    store.mark_sent(first, at(11))
    due = store.due_outbox(at(11))
    assert due[0].id == second and due[1].dedup_key == "reminder:1:u:due"
