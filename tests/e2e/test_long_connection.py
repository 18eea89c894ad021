"""Issue 13, first slice: the 智能机器人 long connection is a second channel into the same service, storage and
outbox — over real WebSockets on 127.0.0.1 against the gateway stand-in, with the faults a real network has."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.importers import import_bytes, import_report
from handlers.conversation import NianbaoEngine
from handlers.web.app import WORKER_KEY
from handlers.wecom.longconn.client import LongConnection
from handlers.wecom.outbox_worker import queue_text
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.clerk import Clerk
from tests.e2e.longconn import BOT_ID, BOT_SECRET, FAST, running_bot
from tests.e2e.servers import eventually, seed_org
from tests.handlers.standin_fixtures import RunningStandIn

YEAR_NOW = 2025


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        seed_org(store)
    return db


class CountingEngine:
    """The real engine, counting its calls: a redelivered message must not reach it again."""

    def __init__(self) -> None:
        self.engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
        self.calls: list[str] = []

    def __call__(self, store, user, incoming, now):
        self.calls.append(incoming.message_id)
        return self.engine(store, user, incoming, now)


async def test_a_clerk_fills_seed_004_and_gets_the_word_file_over_the_long_connection(tmp_path: Path,
                                                                                   wecom: RunningStandIn):
    target = import_report(seed_path(4)).report
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(target.unit, target.unit_kind, "示范县"))
        store.save_user(User("clerk", "王芳", "staff", target.unit, "示范县"))
    async with running_bot(db, wecom.url) as bot:
        clerk = Clerk(bot, "clerk", target)  # type: ignore[arg-type]  # the same `say` as the callback's server
        await clerk.fill_and_submit()
        stored = bot.store.report(target.unit, YEAR_NOW)
        assert stored is not None and stored.status == "submitted"
        assert stored.report.cells == target.cells
        [word] = await eventually(lambda: bot.gateway.files("clerk"), timeout=30)
        assert import_bytes(word.data, word.file_name).report.cells == target.cells
        assert bot.store.channels_of(["clerk"]) == {"clerk": "longconn"}
    # every reply and file went over the long connection, nothing through the app's API
    assert wecom.standin.outbox("clerk") == []
    texts = [s for s in bot.gateway.shown["clerk"] if s.msgtype != "template_card"]  # cards follow their questions
    assert all(s.via == "respond" for s in texts[: clerk.sent])


async def test_a_drop_mid_conversation_reconnects_within_the_backoff_and_loses_nothing(tmp_path: Path,
                                                                                     wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        first = await bot.say("alice", "你好")
        assert first
        await bot.gateway.drop()
        await eventually(lambda: len(bot.gateway.subscribed_at) == 2)
        waited = bot.gateway.subscribed_at[1] - bot.gateway.dropped_at[0]
        assert FAST.first_backoff * 0.9 <= waited < FAST.first_backoff + 2.0, waited  # waits the backoff, then comes back
        second = await bot.say("alice", "1")
        assert second
        log = [row["text"] for row in bot.store.message_log("alice")]
        assert log.count("你好") == 1 and log.count("1") == 1  # every answer recorded once
        assert [s.content for s in bot.gateway.shown["alice"]] == [first, second]  # every reply shown once


async def test_a_reply_cut_off_in_flight_arrives_after_the_reconnect_once(tmp_path: Path, wecom: RunningStandIn):
    engine = CountingEngine()
    async with running_bot(seeded(tmp_path), wecom.url, engine=engine) as bot:
        bot.gateway.drop_on_reply = True
        msgid = await bot.gateway.user_says("alice", "你好")
        await eventually(lambda: bot.gateway.texts("alice"), timeout=10)  # sent again once the connection is back
        [shown] = bot.gateway.shown["alice"]
        assert shown.via == "send" and shown.content == bot.store.seen(msgid)[0]["text"]
        await bot.gateway.redeliver(msgid)  # WeCom, unsure it arrived, delivers the message again
        await asyncio.sleep(0.5)
        assert engine.calls == [msgid]
        assert len(bot.gateway.shown["alice"]) == 1  # the queued reply was the answer; not repeated
        assert len(bot.gateway.subscribed_at) == 2


async def test_unanswered_heartbeats_count_as_a_drop(tmp_path: Path, wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        bot.gateway.answer_pings = False
        started = asyncio.get_running_loop().time()
        await eventually(lambda: bot.gateway.dropped_at)
        noticed = bot.gateway.dropped_at[0] - started
        # two pings go unanswered, the third tick gives up: about three heartbeats, never the first one
        assert FAST.heartbeat * FAST.missed_acks <= noticed < FAST.heartbeat * (FAST.missed_acks + 1) + 2.0, noticed
        bot.gateway.answer_pings = True
        await eventually(lambda: len(bot.gateway.subscribed_at) == 2)
        assert await bot.say("alice", "你好")


async def test_a_redelivered_message_is_answered_from_the_stored_reply(tmp_path: Path, wecom: RunningStandIn):
    engine = CountingEngine()
    async with running_bot(seeded(tmp_path), wecom.url, engine=engine) as bot:
        msgid = await bot.gateway.user_says("alice", "你好")
        first = await bot.reply_to(msgid)
        await bot.gateway.drop()
        await eventually(lambda: len(bot.gateway.subscribed_at) == 2)
        await bot.gateway.redeliver(msgid)
        await eventually(lambda: len(bot.gateway.replies_to(msgid)) == 2)
        assert [s.content for s in bot.gateway.replies_to(msgid)] == [first, first]
        assert engine.calls == [msgid]  # one engine call for two deliveries


async def test_notices_go_to_each_user_over_the_channel_they_use_once(tmp_path: Path, wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        assert await bot.say("alice", "你好")  # alice writes over the long connection; bob has used the app
        now = datetime.now(UTC)
        bot.store.note_channel("bob", "app", now)
        queue_text(bot.store, ["alice", "bob"], "请于1月15日前提交2025年度报告。", now, key="notice-1")
        bot.server.app[WORKER_KEY].wake()
        await eventually(lambda: "请于1月15日前提交2025年度报告。" in bot.gateway.texts("alice"))
        await eventually(lambda: wecom.standin.outbox("bob"))
        await asyncio.sleep(0.3)
        assert bot.gateway.texts("alice").count("请于1月15日前提交2025年度报告。") == 1
        assert [m["text"] for m in wecom.standin.outbox("bob")] == ["请于1月15日前提交2025年度报告。"]
        assert wecom.standin.outbox("alice") == []  # not through the app as well


async def test_a_notice_queued_while_the_connection_is_down_goes_out_when_it_is_back(tmp_path: Path,
                                                                                   wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        assert await bot.say("alice", "你好")
        bot.gateway.outage = True  # the gateway cannot be reached…
        await bot.gateway.drop()
        await eventually(lambda: not bot.connection.up)
        queue_text(bot.store, ["alice"], "催报提醒", datetime.now(UTC), key="notice-2")
        bot.server.app[WORKER_KEY].wake()
        await asyncio.sleep(0.3)
        assert "催报提醒" not in bot.gateway.texts("alice")
        bot.gateway.outage = False  # …until the network heals
        await eventually(lambda: "催报提醒" in bot.gateway.texts("alice"), timeout=10)
        assert bot.gateway.texts("alice").count("催报提醒") == 1


async def test_another_instance_taking_the_bot_stops_this_one_with_one_clear_line(tmp_path: Path,
                                                                                wecom: RunningStandIn, caplog):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        async def nothing(frame):
            return None

        url = bot.connection.url
        other = LongConnection(url, BOT_ID, BOT_SECRET, nothing, timing=FAST)
        with caplog.at_level(logging.ERROR, logger="nianbao.longconn"):
            task = asyncio.create_task(other.run_forever())
            try:
                await eventually(lambda: bot.connection.displaced)
                await asyncio.sleep(FAST.max_backoff)
                assert len(bot.gateway.subscribed_at) == 2  # the other one; ours did not come back to take it
                assert other.up and not bot.connection.up
            finally:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        lines = [r.getMessage() for r in caplog.records if "taken over" in r.getMessage()]
        assert len(lines) == 1 and BOT_ID in lines[0]



async def test_a_reminder_run_reaches_each_user_once_over_the_channel_they_use(tmp_path: Path, wecom: RunningStandIn):
    from tests.handlers.jobs.test_reminders import at, seed

    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        seed(store)
        for userid in ("s1", "s4a"):  # they wrote over the long connection before this restart
            store.note_channel(userid, "longconn", at(5))

    async def never(_: float) -> None:
        await asyncio.Event().wait()  # the reminder timer ticks at start-up only

    async with running_bot(db, wecom.url, clock=lambda: at(6, 9), timer_sleep=never) as bot:
        def recipients() -> set[str]:
            return {u for row in bot.store.db.query("SELECT touser FROM outbox") for u in row["touser"].split("|")}

        queued: set[str] = set()
        while not queued:  # through the store's own thread: the timer is writing on it meanwhile
            queued = await bot.store.run(recipients)
            await asyncio.sleep(0.05)
        assert {"s1", "s4a", "s2"} <= queued
        await eventually(lambda: all(bot.gateway.texts(u) for u in ("s1", "s4a")), timeout=10)
        await eventually(lambda: all(wecom.standin.outbox(u) for u in queued - {"s1", "s4a"}), timeout=10)
        await asyncio.sleep(0.3)
        for userid in queued:
            over_bot, over_app = bot.gateway.texts(userid), wecom.standin.outbox(userid)
            if userid in ("s1", "s4a"):
                assert len(over_bot) == 1 and over_app == [], userid
            else:
                assert over_bot == [] and len(over_app) == 1, userid


async def test_the_long_connection_alone_needs_no_app_and_reaches_everyone(tmp_path: Path):
    """No WECOM_CORP_ID, no callback, no API: one outbound WebSocket is the whole connection to WeCom."""
    async with running_bot(seeded(tmp_path), "http://127.0.0.1:9", app_channel=False) as bot:
        async with bot.server.session.post(bot.server.url + "/wecom/callback") as response:
            assert response.status == 404  # nothing listens for WeCom's callbacks
        assert await bot.say("alice", "你好")
        queue_text(bot.store, ["bob"], "请于1月15日前提交2025年度报告。", datetime.now(UTC), key="notice-3")
        bot.server.app[WORKER_KEY].wake()  # bob never wrote: with no app, he is reached over the long connection
        await eventually(lambda: bot.gateway.texts("bob") == ["请于1月15日前提交2025年度报告。"])


async def test_entering_the_chat_is_answered_with_a_welcome_on_the_events_req_id(tmp_path: Path, wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        msgid = await bot.gateway.user_enters("alice")
        welcome = await bot.reply_to(msgid)
        assert welcome and "张明" in welcome  # the engine's greeting, by name
        [shown] = bot.gateway.shown["alice"]
        assert shown.via == "respond" and shown.msgtype == "text"  # aibot_respond_welcome_msg, not the outbox


async def test_a_drop_during_a_file_upload_sends_the_file_once_after_the_reconnect(tmp_path: Path,
                                                                                wecom: RunningStandIn):
    async with running_bot(seeded(tmp_path), wecom.url) as bot:
        assert await bot.say("alice", "你好")  # alice is on the long connection
        data = bytes(range(256)) * 5000  # 1.2 MB: three chunks of 512 KB
        bot.gateway.drop_on_chunk = 1  # the connection is cut half-way through the upload
        bot.store.enqueue(["alice"], "file", {"file_name": "城关镇2025年报.docx"}, datetime.now(UTC),
                          dedup_key="file-1", file_bytes=data)
        bot.server.app[WORKER_KEY].wake()
        [shown] = await eventually(lambda: bot.gateway.files("alice"), timeout=30)
        assert shown.data == data and shown.file_name == "城关镇2025年报.docx"
        assert len(bot.gateway.subscribed_at) == 2  # it went out over the connection that came back
        await asyncio.sleep(0.5)
        assert len(bot.gateway.files("alice")) == 1  # once
