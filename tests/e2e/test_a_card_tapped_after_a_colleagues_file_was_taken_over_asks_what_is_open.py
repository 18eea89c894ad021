"""A unit of two clerks, cards on: 李明 has the card of 【3.1】 on his phone when 王芳's file of this year's report
becomes the draft (导入) and answers it. His tap on that card is stale; the answer says so, then what happened — the
colleague's file — and asks the question the draft left open, with its card, instead of leaving him at a card and a
question that are no longer asked ("请以最新一条消息为准" pointed at 【3.1】)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from storage import Store, Unit, User
from tests.e2e.servers import Server, eventually, make_settings, running_server
from tests.e2e.test_files import UNIT, send_file
from tests.e2e.test_this_years_report_sent_as_a_file_becomes_the_empty_draft import this_years_file
from tests.handlers.standin_fixtures import RunningStandIn

FILE = "柳园口乡2025年报.docx"


@pytest.fixture
async def server(tmp_path: Path, wecom: RunningStandIn) -> AsyncIterator[Server]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))  # sends the file
        store.save_user(User("li", "李明", "staff", UNIT, "龙亭区"))  # at 【3.1】 with its card
    async with running_server(replace(make_settings(db, wecom.url), cards=True)) as running:
        yield running


def cards_to(wecom: RunningStandIn, user: str) -> list[dict]:
    return [m for m in wecom.standin.outbox(user) if m["msgtype"] == "template_card"]


def texts_to(wecom: RunningStandIn, user: str) -> list[str]:
    return [m["text"] for m in wecom.standin.outbox(user) if m["msgtype"] == "text"]


async def test_a_stale_card_tapped_after_a_take_over_tells_it_and_asks_the_question_left_open(
        server: Server, wecom: RunningStandIn) -> None:
    for answer in ("你好", "0 0 0", "0 0 0", "0 0 0", "0"):
        asked = await server.say("li", answer)
    assert asked and "【3.1】" in asked
    [card] = await eventually(lambda: cards_to(wecom, "li"))
    await send_file(server, wecom, FILE, this_years_file())  # li's draft is filled: the file is offered
    assert "已按文件" in (await server.say("clerk", "导入") or "")
    before = len(texts_to(wecom, "li"))
    status, body = await server.post(server.peer.card("li", "是", card["card"]["task_id"]))
    assert status == 200 and server.peer.decrypt_reply(body)["Button"]["ReplaceName"] == "已过期"
    await eventually(lambda: any("【2.3】" in t for t in texts_to(wecom, "li")[before:]))
    stale, told = texts_to(wecom, "li")[before:]  # said in that order
    assert stale.startswith("这张卡片已过期") and "本单位同事已更新了报告" in stale, stale
    assert told.startswith(f"本单位王芳已将文件《{FILE}》导入") and "【3.1】" not in told, told
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and "t2.penalty" not in stored.report.cells  # the tap changed nothing
