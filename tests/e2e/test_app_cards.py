"""The app channel and template cards: off by default (the WeChat plug-in shows none); with NIANBAO_CARDS=1 the same
cards go through message/send, a template_card_event tap is answered with the update_button passive reply and the
answer through the API, and a retried tap (same FromUserName + CreateTime + task id) counts once."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import replace
from pathlib import Path

from storage import Store, Unit, User
from tests.e2e.servers import Server, eventually, make_settings, running_server
from tests.handlers.standin_fixtures import FakeClock, RunningStandIn, running_standin

UNIT = "龙亭区柳园口乡"
UP_TO_THE_GATE = ("你好", "0 0 0", "0 0 0", "0 0 0", "0")


def organisation(tmp_path: Path) -> Path:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))
    return db


def sent(wecom: RunningStandIn, msgtype: str) -> list[dict]:
    return [m for m in wecom.standin.outbox("clerk") if m["msgtype"] == msgtype]


async def reach_the_gate(server: Server) -> None:
    for answer in UP_TO_THE_GATE:
        asked = await server.say("clerk", answer)
    assert asked and "【3.1】" in asked


async def test_the_app_sends_no_cards_unless_asked_to(tmp_path: Path) -> None:
    db = organisation(tmp_path)
    async with running_standin(FakeClock()) as wecom, running_server(make_settings(db, wecom.url)) as server:
        await reach_the_gate(server)
        with sqlite3.connect(db) as reader:  # its own connection: the server's is busy in its storage thread
            cards = reader.execute("SELECT count(*) FROM outbox WHERE payload LIKE '%\"card\"%'").fetchone()[0]
        assert cards == 0  # not even queued: nobody writing through this app sees cards
        assert sent(wecom, "template_card") == []


async def test_with_cards_on_the_app_sends_them_and_a_tap_answers_once(tmp_path: Path) -> None:
    settings = replace(make_settings(organisation(tmp_path), ""), cards=True)
    async with running_standin(FakeClock()) as wecom, \
            running_server(replace(settings, api_base=wecom.url)) as server:
        await reach_the_gate(server)
        [card] = await eventually(lambda: sent(wecom, "template_card"))
        card = card["card"]
        assert card["card_type"] == "button_interaction" and card["main_title"]["title"] == "【3.1】是否收到申请"
        assert [b["key"] for b in card["button_list"]] == ["是", "否"] and "“是”或“否”" in card["sub_title_text"]
        tapped_at = int(time.time())
        for _ in range(2):  # WeCom retries a callback it got no answer to in time: the same tap, twice
            status, body = await server.post(server.peer.card("clerk", "否", card["task_id"], create_time=tapped_at))
            assert status == 200
            update = server.peer.decrypt_reply(body)
            assert update["MsgType"] == "update_button" and update["Button"]["ReplaceName"] == "已选择：否"
        answers = await eventually(lambda: [m["text"] for m in sent(wecom, "text") if "【4.1】" in m["text"]])
        assert len(answers) == 1  # answered once, through the API
        assert [r["text"] for r in server.store.message_log("clerk")].count("否") == 1
        status, body = await server.post(server.peer.card("clerk", "是", card["task_id"]))  # a stale card now
        stale = server.peer.decrypt_reply(body)
        assert stale["Button"]["ReplaceName"] == "已过期"
        await eventually(lambda: any("已过期" in m["text"] for m in sent(wecom, "text")))
        stored = server.store.report(UNIT, 2025)
        assert stored is not None and stored.report.cells["t3.new.person"] == 0  # still 否
