"""The callback edge over real HTTP: verification, passive replies, dedup, per-user order, refusals, latency."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest

from bot.incoming import Incoming, Reply
from handlers.config import load_settings
from handlers.engine_placeholder import placeholder_engine
from handlers.service import split_passive
from handlers.web.app import SERVICE_KEY, create_app
from handlers.wecom.peer import WeComPeer
from storage import LATEST, Store, User
from tests.e2e.servers import AES_KEY, TOKEN, eventually, make_settings, running_server
from tests.handlers.standin_fixtures import RunningStandIn, running_app, running_standin


class RecordingEngine:
    """Echoes like the placeholder, records every call, optionally slow (in the storage worker thread)."""

    def __init__(self, delay: float = 0.0, replies: list[Reply] | None = None) -> None:
        self.calls: list[tuple[str, str]] = []
        self.delay = delay
        self.replies = replies
        self.lock = threading.Lock()

    def __call__(self, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        with self.lock:
            self.calls.append((user.userid, incoming.text))
        if self.delay:
            time.sleep(self.delay)
        if self.replies is not None:
            return self.replies
        return placeholder_engine(store, user, incoming, now)


@pytest.fixture
async def wecom() -> AsyncIterator[RunningStandIn]:
    async with running_standin(time.time) as running:  # type: ignore[arg-type]
        yield running


def serve(store: Store, wecom: RunningStandIn, engine=placeholder_engine, **kwargs):
    return running_server(make_settings(store.path, wecom.url), store=store, engine=engine, **kwargs)


# -- URL verification --------------------------------------------------------------------------------------------

OFFICIAL = {
    "WECOM_TOKEN": "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo",
    "WECOM_AES_KEY": "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt",
    "WECOM_CORP_ID": "ww1436e0e65a779aee",
}
OFFICIAL_QUERY = {
    "msg_signature": "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "timestamp": "1476416373", "nonce": "47744683",
    "echostr": "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==",
}


def official_settings(tmp_path: Path):
    env = {"WECOM_AGENT_ID": "1000002", "WECOM_SECRET": "s", "NIANBAO_DB": str(tmp_path / "v.db"),
           "NIANBAO_PUBLIC_URL": "http://127.0.0.1", "NIANBAO_SECRET_KEY": "k" * 20, **OFFICIAL}
    return load_settings(env)


@pytest.mark.parametrize(("clock", "status", "body"), [
    (1476416373 + 10, 200, "1288432023552776189"),
    (1476416373 + 3600, 403, "forbidden"),
])
async def test_url_verification_with_the_official_vector(tmp_path, clock, status, body) -> None:
    app = create_app(official_settings(tmp_path), wall_clock=lambda: clock)
    async with running_app(app) as url, aiohttp.ClientSession() as session:
        async with session.get(url + "/wecom/callback", params=OFFICIAL_QUERY) as response:
            assert (response.status, await response.text()) == (status, body)


# -- passive replies and dedup -----------------------------------------------------------------------------------


async def test_text_gets_a_passive_reply(store, wecom) -> None:
    async with serve(store, wecom) as server:
        assert await server.say("alice", "帮助") == (
            "您好，张明。这里是政府信息公开工作年度报告助手（试运行）。\n目前可回复：\n帮助：查看本说明\n"
            "其他任何文字：助手将确认收到\n完整的填报引导即将上线，敬请留意。"
        )
        assert await server.say("alice", "你好") == "已收到：你好"
        assert wecom.standin.send_calls == 0  # nothing needed the API


async def test_a_retried_delivery_gets_the_same_reply_and_one_engine_call(store, wecom) -> None:
    engine = RecordingEngine()
    async with serve(store, wecom, engine) as server:
        msg_id = server.peer.next_msg_id()
        replies = [await server.say("alice", "第一条", msg_id=msg_id) for _ in range(3)]
        assert replies == ["已收到：第一条"] * 3
        assert engine.calls == [("alice", "第一条")]


async def test_a_retry_arriving_while_the_first_is_processed_waits_for_its_reply(store, wecom) -> None:
    engine = RecordingEngine(delay=0.3)
    async with serve(store, wecom, engine) as server:
        msg_id = server.peer.next_msg_id()
        replies = await asyncio.gather(*(server.say("alice", "并发", msg_id=msg_id) for _ in range(3)))
        assert replies == ["已收到：并发"] * 3
        assert engine.calls == [("alice", "并发")]


async def test_events_are_deduplicated_by_user_time_and_event(store, wecom) -> None:
    engine = RecordingEngine()
    async with serve(store, wecom, engine) as server:
        created = int(time.time())
        for _ in range(2):
            status, body = await server.post(server.peer.enter_agent("alice", create_time=created))
            assert status == 200 and "欢迎使用年报助手" in server.peer.decrypt_reply(body)["Content"]
        await server.post(server.peer.enter_agent("alice", create_time=created - 1))
        assert len(engine.calls) == 2


async def test_an_engine_error_is_apologised_for_and_the_retry_runs_again(store, wecom) -> None:
    calls = []

    def flaky(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        calls.append(incoming.message_id)
        store.save_conversation(user.userid, {"step": len(calls)}, now)  # must be rolled back on the error
        if len(calls) == 1:
            raise RuntimeError("boom")
        return [Reply("好的")]

    async with serve(store, wecom, flaky) as server:
        msg_id = server.peer.next_msg_id()
        assert "稍后重新发送" in await server.say("alice", "x", msg_id=msg_id)
        assert store.conversation("alice") is None
        assert await server.say("alice", "x", msg_id=msg_id) == "好的"
        assert await server.say("alice", "x", msg_id=msg_id) == "好的"
        assert len(calls) == 2 and store.conversation("alice") == {"step": 2}


async def test_an_unknown_user_is_told_whom_to_ask_and_logged(store, wecom) -> None:
    engine = RecordingEngine()
    async with serve(store, wecom, engine) as server:
        reply = await server.say("stranger", "你好")
        assert "尚未登记" in reply and "请联系管理员（周管理员）" in reply and "企业微信账号（stranger）" in reply
        assert engine.calls == []
        assert [u["userid"] for u in store.unknown_users()] == ["stranger"]


async def test_without_admins_the_unknown_user_is_sent_to_the_local_officer(tmp_path, wecom) -> None:
    with Store.open(tmp_path / "empty.db") as empty:
        async with serve(empty, wecom) as server:
            assert "本单位政务公开工作负责人" in await server.say("stranger", "你好")


# -- per-user order ----------------------------------------------------------------------------------------------


async def test_messages_of_one_user_are_handled_in_arrival_order_others_interleave(store, wecom) -> None:
    engine = RecordingEngine(delay=0.02)
    async with serve(store, wecom, engine) as server:
        service = server.app[SERVICE_KEY]
        tasks = []
        for i in range(20):
            tasks.append(asyncio.create_task(server.say("alice", f"消息{i}")))
            await eventually(lambda n=i: service.turns.waiting("alice") == n + 1 or len(engine.calls) > n)
            if i == 2:
                tasks.append(asyncio.create_task(server.say("bob", "乙")))
        replies = await asyncio.gather(*tasks)
        alice = [text for user, text in engine.calls if user == "alice"]
        assert alice == [f"消息{i}" for i in range(20)]
        assert [user for user, _ in engine.calls].index("bob") < 10  # not behind all of alice's queue
        assert replies[:3] == ["已收到：消息0", "已收到：消息1", "已收到：消息2"]
        assert len(service.turns) == 0  # locks are dropped when idle


async def test_messages_that_arrive_together_are_committed_together_and_each_answered(store, wecom) -> None:
    users = [f"u{i}" for i in range(30)]
    with store.transaction():
        for userid in users:
            store.save_user(User(userid, "某", "staff", "城关镇人民政府", "示范县"))
    engine = RecordingEngine(delay=0.01)
    async with serve(store, wecom, engine) as server:
        service = server.app[SERVICE_KEY]
        replies = await asyncio.gather(*(server.say(u, f"第{n}条") for n in range(3) for u in users))
        assert replies == [f"已收到：第{n}条" for n in range(3) for _ in users]
        for userid in users:  # each user's messages in their order
            assert [t for u, t in engine.calls if u == userid] == ["第0条", "第1条", "第2条"]
        assert service.batched == 90 and service.batches < 90  # several messages per commit
        assert len(store.db.execute("SELECT key FROM seen_messages").fetchall()) == 90


async def test_an_engine_error_in_a_batch_rolls_back_that_message_only(store, wecom) -> None:
    def engine(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        store.log_message(user.userid, now, "text", incoming.text, None)
        if incoming.text == "坏":
            raise RuntimeError("boom")
        return [Reply(f"好：{incoming.text}")]

    async with serve(store, wecom, engine) as server:
        replies = await asyncio.gather(server.say("alice", "坏"), server.say("bob", "甲"))
    assert "稍后" in replies[0] and replies[1] == "好：甲"
    logged = [r[0] for r in store.db.execute("SELECT text FROM message_log ORDER BY id").fetchall()]
    assert logged == ["甲"]


# -- long replies and files through the outbox -------------------------------------------------------------------


async def test_a_long_reply_is_split_and_the_rest_and_files_go_through_the_api(store, wecom) -> None:
    long_text = "\n\n".join(f"第{i}段：" + "政府信息公开" * 40 for i in range(12))
    engine = RecordingEngine(replies=[Reply(long_text), Reply(kind="file", file_name="年报.docx",
                                                              file_bytes=b"PK\x03\x04" + b"x" * 5000)])
    async with serve(store, wecom, engine) as server:
        passive = await server.say("alice", "预览")
        parts = [passive]
        # the file is queued last, so the outbox is complete once it has arrived
        delivered = await eventually(lambda: any(m["msgtype"] == "file" for m in wecom.standin.outbox("alice"))
                                     and wecom.standin.outbox("alice"))
        parts += [item["text"] for item in delivered if item["msgtype"] == "text"]
        assert len(passive.encode("utf-8")) <= 2048
        # XML parsing trims the whitespace around a passive reply's Content (the blank line at a cut)
        assert "".join(parts).replace("\n", "") == long_text.replace("\n", "")
        assert all(len(p.encode()) <= 2048 for p in parts) and len(parts) >= 3
        assert delivered[-1]["msgtype"] == "file" and delivered[-1]["file_name"] == "年报.docx"
        assert delivered[-1]["size"] == 5004
        await eventually(lambda: store.next_outbox_time() is None)


def test_split_passive_keeps_order_and_never_puts_a_file_first() -> None:
    file = Reply(kind="file", file_name="a.docx", file_bytes=b"123456")
    assert split_passive([file, Reply("说明")]) == (None, [file, Reply("说明")])
    assert split_passive([Reply(""), Reply("x")]) == (None, [Reply("x")])
    passive, rest = split_passive([Reply("好"), file])
    assert passive == "好" and rest == [file]


# -- refusals: the right 4xx, never a 500, still healthy ---------------------------------------------------------


async def test_bad_requests_are_refused_with_the_right_status(store, wecom, caplog) -> None:
    async with serve(store, wecom) as server:
        p = server.peer
        good = p.text("alice", "x")
        bad_sig = {**good.query, "msg_signature": "0" * 40}
        stale = p.text("alice", "x", now=time.time() - 3600)
        garbage = p.wrap("!!!not-base64!!!")
        bad_padding = p.wrap(p.encrypt_raw(b"\x00" * 47 + b"\x07"))
        dtd = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xml><Encrypt>&a;</Encrypt></xml>'
        oversize = b"<xml><Encrypt>" + b"A" * (64 * 1024) + b"</Encrypt></xml>"
        wrong_agent = p.wrap(p.encrypt("<xml><FromUserName>alice</FromUserName></xml>"), agent_id=999)
        wrong_corp = WeComPeer(TOKEN, AES_KEY, "wwsomeothercorp00", p.agent_id).text("alice", "x")
        cases = [
            (bad_sig, good.body, 403), (stale.query, stale.body, 403), (garbage.query, garbage.body, 400),
            (bad_padding.query, bad_padding.body, 400), (good.query, dtd, 400), (good.query, oversize, 400),
            (wrong_agent.query, wrong_agent.body, 403), (wrong_corp.query, wrong_corp.body, 403),
            ({}, good.body, 400), (good.query, b"not xml", 400),
        ]
        for query, body, status in cases:
            async with server.session.post(server.url + "/wecom/callback", params=query, data=body) as r:
                assert r.status == status, (query, body[:60])
                assert "Traceback" not in await r.text()
        assert "callback refused" in caplog.text
        async with server.session.get(server.url + "/healthz") as r:
            assert r.status == 200 and (await r.json())["ok"] is True
        assert await server.say("alice", "还在") == "已收到：还在"


async def test_an_unexpected_error_is_answered_200_empty(store, wecom) -> None:
    async with serve(store, wecom) as server:
        async def broken(incoming: Incoming):
            raise RuntimeError("unexpected")

        server.app[SERVICE_KEY].handle = broken
        status, body = await server.post(server.peer.text("alice", "x"))
        assert (status, body) == (200, b"")


async def test_the_server_copies_the_write_ahead_log_back_in_the_background(store, wecom, monkeypatch) -> None:
    from handlers.web import app as app_module
    from storage.wal import SERVER_AUTOCHECKPOINT_PAGES
    from tests.storage.test_write_ahead_log_is_copied_back_off_the_message_path import (
        pages_in_file,
        write_rows,
    )

    monkeypatch.setattr(app_module, "CHECKPOINT_EVERY", 0.05)
    store.db.execute("CREATE TABLE filler (text TEXT)")
    async with serve(store, wecom):
        assert store.db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == SERVER_AUTOCHECKPOINT_PAGES
        before = pages_in_file(store.path)
        await store.run(write_rows, store, 300)
        await eventually(lambda: pages_in_file(store.path) > before + 500)


async def test_healthz_reports_schema_and_pending_outbox(store, wecom) -> None:
    store.enqueue(["alice"], "text", {"content": "待发"}, datetime.now(UTC) + timedelta(hours=1))
    async with serve(store, wecom) as server:
        async with server.session.get(server.url + "/healthz") as r:
            health = await r.json()
        assert health["ok"] is True and health["schema_version"] == LATEST and health["outbox_pending"] == 1
        assert health["storage_lag_seconds"] == 0 and health["waiting_messages"] == 0


async def test_healthz_answers_while_storage_is_busy_and_reports_the_lag(store, wecom) -> None:
    engine = RecordingEngine(delay=1.5)  # a message holds the storage thread
    async with serve(store, wecom, engine) as server:
        slow = asyncio.create_task(server.say("alice", "慢"))
        await eventually(lambda: engine.calls)
        queued = asyncio.create_task(server.say("bob", "等"))  # waits for the next batch
        await asyncio.sleep(0.3)
        async with server.session.get(server.url + "/healthz", timeout=aiohttp.ClientTimeout(total=1)) as r:
            health = await r.json()
        assert health["waiting_messages"] == 1 and health["storage_lag_seconds"] >= 0.2, health
        await asyncio.gather(slow, queued)


async def test_metrics_in_prometheus_text_format(store, wecom) -> None:
    async with serve(store, wecom) as server:
        await server.say("alice", "你好")
        async with server.session.get(server.url + "/metrics") as r:
            assert r.status == 200 and r.headers["Content-Type"].startswith("text/plain")
            text = await r.text()
    for line in ('nianbao_callbacks_total{outcome="answered"} 1.0', "nianbao_callback_seconds_bucket",
                 'nianbao_outbox_messages{status="pending"}', "nianbao_jobs_running", "nianbao_waiting_messages",
                 "nianbao_reminders_sent_total", "nianbao_batches_total"):
        assert line in text, line


async def test_a_slowly_sent_body_is_not_held_forever(store, wecom, monkeypatch) -> None:
    import handlers.web.app as app_module

    monkeypatch.setattr(app_module, "BODY_READ_SECONDS", 0.5)
    monkeypatch.setattr(app_module.read_capped, "__defaults__", (0.5,))
    async with serve(store, wecom) as server:
        host, port = server.url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        request = server.peer.text("alice", "你好")
        query = "&".join(f"{k}={v}" for k, v in request.query.items())
        writer.write(f"POST /wecom/callback?{query} HTTP/1.1\r\nHost: x\r\nContent-Length: {len(request.body)}"
                     f"\r\n\r\n".encode() + request.body[:10])
        await writer.drain()  # ... and the rest never comes
        head = await asyncio.wait_for(reader.readline(), timeout=5)
        writer.close()
    assert b" 408 " in head, head


async def test_answered_message_ids_older_than_two_days_are_purged_at_start(store, wecom) -> None:
    now = datetime.now(UTC)
    store.remember("old", [], now - timedelta(days=3))
    store.remember("recent", [], now - timedelta(hours=25))
    async with serve(store, wecom):
        await eventually(lambda: store.seen("old") is None)
        assert store.seen("recent") == []


# -- latency -----------------------------------------------------------------------------------------------------


async def test_passive_reply_latency(store, wecom, capsys) -> None:
    async with serve(store, wecom) as server:
        await server.say("alice", "预热")
        samples = []
        for i in range(200):
            request = server.peer.text("alice" if i % 2 else "bob", f"测{i}")
            start = time.perf_counter()
            status, _ = await server.post(request)
            samples.append(time.perf_counter() - start)
            assert status == 200
    samples.sort()
    p50, p99 = statistics.median(samples), samples[int(len(samples) * 0.99) - 1]
    with capsys.disabled():
        print(f"\npassive reply latency over {len(samples)}: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms")
    assert p99 < 1.0
