"""The outbox worker against the real stand-in over HTTP, with a clock moved by hand (no wall-clock sleeps)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.incoming import Reply
from handlers.service import enqueue_replies
from handlers.wecom.api import WeComAPI
from handlers.wecom.outbox_worker import DUPLICATE_CHECK_INTERVAL, OutboxWorker, backoff, queue_text
from storage import Store
from tests.handlers.standin_fixtures import AGENT, CORP, SECRET, FakeClock, RunningStandIn, running_standin


def as_datetime(clock: FakeClock):
    return lambda: datetime.fromtimestamp(clock(), UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "outbox.db")
    yield s
    s.close()


def make_worker(store: Store, session, wecom: RunningStandIn, clock: FakeClock, api_class=WeComAPI) -> OutboxWorker:
    api = api_class(session, wecom.url, CORP, SECRET, AGENT, clock=clock,
                    duplicate_check_interval=DUPLICATE_CHECK_INTERVAL)
    return OutboxWorker(store, api, clock=as_datetime(clock))


@pytest.fixture
def worker(store, session, wecom, clock) -> OutboxWorker:
    return make_worker(store, session, wecom, clock)


def now(clock: FakeClock) -> datetime:
    return datetime.fromtimestamp(clock(), UTC)


def texts(wecom: RunningStandIn, user: str) -> list[str]:
    return [item.get("text") or item.get("file_name") for item in wecom.standin.outbox(user)]


async def test_long_text_is_split_and_delivered_in_order(store, worker, wecom, clock) -> None:
    text = "\n".join(f"第{i}行：" + "年度报告" * 30 for i in range(40))
    assert enqueue_replies(store, "alice", [Reply(text)], now(clock), "m1") >= 3
    assert await worker.run_once() >= 3
    delivered = texts(wecom, "alice")
    assert "".join(delivered) == text and all(len(t.encode()) <= 2048 for t in delivered)
    assert store.next_outbox_time() is None


async def test_a_file_is_uploaded_then_sent(store, worker, wecom, clock) -> None:
    enqueue_replies(store, "alice", [Reply(kind="file", file_name="2024年报.docx", file_bytes=b"PK" + b"d" * 100)],
                    now(clock), "m1")
    await worker.run_once()
    [item] = wecom.standin.outbox("alice")
    assert item["msgtype"] == "file" and item["file_name"] == "2024年报.docx" and item["size"] == 102
    assert wecom.standin.media_bytes(item["media_id"]) == b"PK" + b"d" * 100


async def test_an_outage_is_retried_with_backoff_then_delivered_once(store, worker, wecom, clock) -> None:
    [item_id] = queue_text(store, ["alice"], "停机后补发", now(clock))
    wecom.standin.fail_next(4, "http500")
    waits = []
    for _ in range(4):
        assert await worker.run_once() == 0
        item = store.outbox_item(item_id)
        waits.append((item.next_attempt_at - now(clock)).total_seconds())
        clock.advance(1)
        assert await worker.run_once() == 0  # not due yet: nothing is tried
        clock.advance(waits[-1])
    assert waits == [2, 4, 8, 16]
    assert await worker.run_once() == 1
    assert texts(wecom, "alice") == ["停机后补发"]
    assert store.outbox_item(item_id).status == "sent"
    assert [backoff(n).total_seconds() for n in (0, 1, 9, 30)] == [2, 4, 600, 600]


async def test_busy_errcode_is_retried_and_order_is_kept_meanwhile(store, worker, wecom, clock) -> None:
    queue_text(store, ["alice"], "第一条", now(clock))
    queue_text(store, ["alice"], "第二条", now(clock))
    queue_text(store, ["bob"], "给乙", now(clock))
    wecom.standin.fail_next(1, "busy")
    await worker.run_once()
    assert texts(wecom, "alice") == [] and texts(wecom, "bob") == ["给乙"]  # bob is not held up by alice
    queue_text(store, ["alice"], "第三条", now(clock))  # newer, due now, must still wait for the first
    await worker.run_once()
    assert texts(wecom, "alice") == []
    clock.advance(2)
    await worker.run_once()
    assert texts(wecom, "alice") == ["第一条", "第二条", "第三条"]


async def test_an_expired_token_is_renewed(store, worker, wecom, clock) -> None:
    queue_text(store, ["alice"], "一", now(clock))
    await worker.run_once()
    wecom.standin.fail_next(1, "token_expired")
    queue_text(store, ["alice"], "二", now(clock))
    await worker.run_once()
    assert texts(wecom, "alice") == ["一", "二"] and wecom.standin.gettoken_calls == 2


async def test_a_permanent_error_marks_the_item_failed(tmp_path, store, session, clock) -> None:
    async with running_standin(clock, known_users=frozenset({"alice"})) as wecom:
        worker = make_worker(store, session, wecom, clock)
        [bad] = queue_text(store, ["ghost"], "无此人", now(clock))
        [good] = queue_text(store, ["alice"], "有此人", now(clock))
        await worker.run_once()
        assert store.outbox_item(bad).status == "failed" and "81013" in store.outbox_item(bad).last_error
        assert store.outbox_item(good).status == "sent"


async def test_at_most_30_a_minute_reach_one_member_and_none_is_dropped(store, worker, wecom, clock) -> None:
    for i in range(45):
        queue_text(store, ["alice"], f"第{i}条", now(clock))
    rounds = 0
    while store.next_outbox_time() is not None:
        await worker.run_once()
        clock.advance(5)
        rounds += 1
        assert rounds < 100
    delivered = wecom.standin.outbox("alice")
    assert [m["text"] for m in delivered] == [f"第{i}条" for i in range(45)]
    assert wecom.standin.dropped("alice") == 0
    times = [m["time"] for m in delivered]
    assert max(sum(1 for t in times if start <= t < start + 60) for start in times) <= 30


async def test_the_same_text_to_many_goes_in_batches_of_1000(store, worker, wecom, clock) -> None:
    users = [f"u{i:04d}" for i in range(2500)]
    ids = queue_text(store, users, "请于本月底前提交年度报告。", now(clock), key="notice")
    assert [len(store.outbox_item(i).touser) for i in ids] == [1000, 1000, 500]
    assert queue_text(store, users, "请于本月底前提交年度报告。", now(clock), key="notice") == ids  # idempotent
    await worker.run_once()
    assert wecom.standin.send_calls == 3
    assert all(texts(wecom, u) == ["请于本月底前提交年度报告。"] for u in (users[0], users[1500], users[-1]))


class CrashAfterSend(WeComAPI):
    """The process dies after WeCom accepted a message and before the queue marked it sent."""

    async def send_text(self, touser, text, *, duplicate_check=False):
        await super().send_text(touser, text, duplicate_check=duplicate_check)
        raise asyncio.CancelledError


async def test_a_restart_sends_pending_rows_and_never_twice(tmp_path, session, wecom, clock) -> None:
    path = tmp_path / "restart.db"
    first = Store.open(path)
    for text in ("甲", "乙", "丙"):
        queue_text(first, ["alice"], text, now(clock))
    with pytest.raises(asyncio.CancelledError):
        await make_worker(first, session, wecom, clock, CrashAfterSend).run_once()
    first.close()
    assert texts(wecom, "alice") == ["甲"]
    clock.advance(3)
    with Store.open(path) as second:
        await make_worker(second, session, wecom, clock).run_once()
        assert second.next_outbox_time() is None
    assert texts(wecom, "alice") == ["甲", "乙", "丙"]
    assert wecom.standin.duplicates_filtered == 1


async def test_the_background_loop_wakes_on_enqueue_and_picks_up_old_rows(store, session, wecom, clock) -> None:
    queue_text(store, ["alice"], "重启前留下的", now(clock))
    worker = make_worker(store, session, wecom, clock)
    task = asyncio.create_task(worker.run_forever())
    try:
        for _ in range(200):
            if texts(wecom, "alice"):
                break
            await asyncio.sleep(0.01)
        queue_text(store, ["alice"], "新消息", now(clock))
        worker.wake()
        for _ in range(200):
            if len(texts(wecom, "alice")) == 2:
                break
            await asyncio.sleep(0.01)
        assert texts(wecom, "alice") == ["重启前留下的", "新消息"]
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_the_same_text_asked_for_twice_within_a_minute_arrives_twice(store, worker, wecom, clock) -> None:
    """预览 twice: two messages with the same text are two messages — WeCom's duplicate check must not eat one."""
    queue_text(store, ["alice"], "【预览】城关镇2025年度报告（1/4）", now(clock))
    await worker.run_once()
    clock.advance(30)
    queue_text(store, ["alice"], "【预览】城关镇2025年度报告（1/4）", now(clock))
    await worker.run_once()
    assert texts(wecom, "alice") == ["【预览】城关镇2025年度报告（1/4）"] * 2
    assert wecom.standin.duplicates_filtered == 0


async def test_only_a_resend_asks_wecom_for_the_duplicate_check(store, worker, wecom, clock) -> None:
    """A send that failed after WeCom may have taken it (HTTP 500) is retried with the check; a first send never."""
    item = queue_text(store, ["alice"], "同样的话", now(clock))[0]
    wecom.standin.fail_next(1, "http500")
    await worker.run_once()
    assert texts(wecom, "alice") == [] and store.outbox_item(item).attempts == 1
    clock.advance(3)
    await worker.run_once()
    assert texts(wecom, "alice") == ["同样的话"] and store.outbox_item(item).status == "sent"
    # WeCom took it, then the process died before the queue heard back: the resend is filtered, the user sees it once
    taken = queue_text(store, ["alice"], "第二句", now(clock))[0]
    store.begin_attempt(taken)
    await worker.api.send_text(["alice"], "第二句")
    clock.advance(5)
    await worker.run_once()
    assert store.outbox_item(taken).status == "sent" and wecom.standin.duplicates_filtered == 1
    assert texts(wecom, "alice") == ["同样的话", "第二句"]
    # long after (beyond the interval) the same words are a message of their own again
    clock.advance(DUPLICATE_CHECK_INTERVAL + 1)
    queue_text(store, ["alice"], "第二句", now(clock))
    await worker.run_once()
    assert texts(wecom, "alice") == ["同样的话", "第二句", "第二句"]


async def test_the_stand_in_down_for_a_minute_then_back_delivers_everything_once(store, session, clock) -> None:
    """Not an injected error code: the WeCom host refuses connections for a minute, then comes back on its port."""
    from aiohttp import web

    from handlers.wecom.standin import create_standin_app, standin_of

    app = create_standin_app(CORP, SECRET, AGENT, clock=clock)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    url = f"http://{host}:{port}"
    api = WeComAPI(session, url, CORP, SECRET, AGENT, clock=clock, duplicate_check_interval=DUPLICATE_CHECK_INTERVAL)
    worker = OutboxWorker(store, api, clock=as_datetime(clock))
    await runner.cleanup()  # down
    queue_text(store, ["alice"], "第一条", now(clock))
    queue_text(store, ["bob"], "第二条", now(clock))
    for _ in range(6):  # a minute of retries while nobody answers on that port
        assert await worker.run_once() == 0
        clock.advance(10)
    assert store.next_outbox_time() is not None  # still queued, nothing lost
    back = create_standin_app(CORP, SECRET, AGENT, clock=clock)
    runner = web.AppRunner(back)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    try:
        clock.advance(600)
        assert await worker.run_once() == 2
        clock.advance(600)
        assert await worker.run_once() == 0  # nothing twice
        standin = standin_of(back)
        assert [m["text"] for m in standin.outbox("alice")] == ["第一条"]
        assert [m["text"] for m in standin.outbox("bob")] == ["第二条"]
    finally:
        await runner.cleanup()
