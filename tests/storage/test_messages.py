from __future__ import annotations

from datetime import date

import pytest

from storage import Store, Unit

from .conftest import at


def test_conversation_state(store: Store) -> None:
    assert store.conversation("zhangsan") is None
    store.save_conversation("zhangsan", {"step": "t3.new", "answers": {"个人": 3}}, at())
    store.save_conversation("zhangsan", {"step": "t3.carry"}, at(1))
    assert store.conversation("zhangsan") == {"step": "t3.carry"}


def test_seen_messages_keep_the_first_reply_and_are_purged(store: Store) -> None:
    assert store.seen("7301") is None
    store.remember("7301", [{"kind": "text", "text": "已记录：新收申请 3 件。"}], at())
    store.remember("7301", [{"kind": "text", "text": "another"}], at(1))
    assert store.seen("7301") == [{"kind": "text", "text": "已记录：新收申请 3 件。"}]
    store.remember("zhangsan|1736127000|enter_agent", [], at(60 * 25))
    assert store.purge_seen(older_than=at(60 * 24)) == 1
    assert store.seen("7301") is None
    assert store.seen("zhangsan|1736127000|enter_agent") == []


def test_outbox_dedup(store: Store) -> None:
    first = store.enqueue(["zhangsan"], "text", {"content": "报告全文如下"}, at(), dedup_key="7301:1")
    again = store.enqueue(["zhangsan"], "text", {"content": "报告全文如下"}, at(1), dedup_key="7301:1")
    other = store.enqueue(["zhangsan", "lisi"], "file", {"name": "年报.docx"}, at(), file_bytes=b"PK\x03\x04")
    assert first == again != other
    assert store.db["outbox"].count == 2
    items = store.due_outbox(at(), limit=10)
    assert [i.id for i in items] == [first, other]
    assert items[1].touser == ["zhangsan", "lisi"] and items[1].file_bytes == b"PK\x03\x04"
    assert items[1].payload == {"name": "年报.docx"} and items[1].status == "pending"
    with pytest.raises(ValueError):
        store.enqueue(["a|b"], "text", {}, at())
    with pytest.raises(ValueError):
        store.enqueue(["a"], "markdown", {}, at())  # type: ignore[arg-type]


def test_outbox_retry_scheduling(store: Store) -> None:
    item = store.enqueue(["zhangsan"], "text", {"content": "你好"}, at())
    assert store.due_outbox(at(-1), 10) == []  # not due before it was queued
    store.mark_retry(item, at(2), "errcode 45009")
    assert store.due_outbox(at(1), 10) == []
    assert store.next_outbox_time() == at(2)
    (due,) = store.due_outbox(at(2), 10)
    # only a send begun counts as an attempt: a retry scheduled without calling WeCom (held, rate limit) does not
    assert (due.attempts, due.last_error, due.next_attempt_at) == (0, "errcode 45009", at(2))
    store.begin_attempt(item)
    store.mark_sent(item, at(2.5))
    assert store.due_outbox(at(100), 10) == [] and store.next_outbox_time() is None
    sent = store.outbox_item(item)
    assert (sent.status, sent.attempts, sent.sent_at, sent.last_error) == ("sent", 1, at(2.5), None)
    with pytest.raises(ValueError):
        store.begin_attempt(item)  # a sent item is never sent again
    with pytest.raises(ValueError):
        store.mark_sent(item, at(3))  # never sent twice

    doomed = store.enqueue(["lisi"], "text", {"content": "x"}, at())
    store.mark_failed(doomed, "errcode 81013 user not found")
    assert store.outbox_item(doomed).status == "failed" and store.due_outbox(at(100), 10) == []


def test_outbox_due_order_and_limit(store: Store) -> None:
    ids = [store.enqueue([f"u{i}"], "text", {"n": i}, at(i)) for i in range(5)]
    store.mark_retry(ids[0], at(10), "timeout")
    assert [i.id for i in store.due_outbox(at(10), limit=3)] == ids[1:4]
    assert [i.id for i in store.due_outbox(at(10), limit=10)] == [*ids[1:], ids[0]]


def test_sent_since_counts_per_member(store: Store) -> None:
    for i, users in enumerate((["a_1"], ["a_1", "b"], ["aX1"], ["b"])):
        store.mark_sent(store.enqueue(users, "text", {}, at(i)), at(i))
    assert store.sent_since("a_1", at(0)) == 2  # "_" is not a wildcard: aX1 is someone else
    assert store.sent_since("b", at(2)) == 1


def test_unknown_users(store: Store) -> None:
    store.log_unknown_user("stranger", at())
    store.log_unknown_user("stranger", at(5))
    store.log_unknown_user("visitor", at(1))
    assert store.unknown_users() == [
        {"userid": "stranger", "first_seen": at(), "last_seen": at(5), "count": 2},
        {"userid": "visitor", "first_seen": at(1), "last_seen": at(1), "count": 1},
    ]


def test_campaigns(store: Store) -> None:
    store.save_unit(Unit("册井镇", "镇", "永清县"))
    campaign = store.save_campaign(2024, date(2025, 1, 15), date(2025, 1, 31), area="永清县")
    assert store.save_campaign(2024, date(2025, 1, 17), date(2025, 1, 31), area="永清县").id == campaign.id
    assert store.campaign(2024, "永清县").due_date == date(2025, 1, 17)
    assert store.campaign(2024) is None


def test_a_conversation_is_about_one_report_year(store: Store) -> None:
    store.save_conversation("zhangsan", {"step": "submitted"}, at(), year=2025)
    assert store.conversation("zhangsan", 2025) == {"step": "submitted", "year": 2025}
    assert store.conversation("zhangsan", 2026) is None  # last year's "submitted" never stands for this year's
    store.save_conversation("zhangsan", {"step": "t3.new"}, at(1), year=2026)
    assert store.conversation("zhangsan", 2026) == {"step": "t3.new", "year": 2026}
    assert store.conversation("zhangsan", 2025) is None


def test_a_users_later_message_never_overtakes_one_waiting_for_its_retry(store: Store) -> None:
    ids = [store.enqueue(["alice"], "text", {"n": i}, at(0)) for i in range(4)]
    store.mark_retry(ids[0], at(10), "timeout")  # the first waits; a restart must not send the others before it
    assert store.due_outbox(at(5)) == []
    assert [i.id for i in store.due_outbox(at(10))] == ids[:1]  # the rest once it is sent
    store.mark_sent(ids[0], at(10))
    assert [i.id for i in store.due_outbox(at(10))] == ids[1:]
