"""Two clerks of one unit through the real server and the WeCom stand-in: the second, writing 你好 to a report the
first filled in, is told by whom and how far and asked only what is left; the first is told once, with his next
reply, which of his answers she changed, from what to what; 重新开始 names his answers and starts him afresh, told."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store, Unit, User
from tests.e2e.servers import Server, make_settings, running_server
from tests.e2e.test_files import UNIT
from tests.handlers.standin_fixtures import RunningStandIn


@pytest.fixture
async def server(tmp_path: Path, wecom: RunningStandIn) -> AsyncIterator[Server]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("zhang", "张明", "staff", UNIT, "龙亭区"))
        store.save_user(User("sun", "孙丽", "staff", UNIT, "龙亭区"))
    async with running_server(make_settings(db, wecom.url)) as running:
        yield running


async def test_a_changed_answer_is_told_to_the_clerk_who_gave_it_and_a_restart_to_both(server: Server) -> None:
    for text in ("你好", "0 0 0", "1 0 1", "210 12 0", "0"):
        await server.say("zhang", text)
    reply = await server.say("sun", "你好")
    assert reply and "本单位张明已填写 4 题，无需再答" in reply and "【3.1】" in reply and "【2.1】" not in reply, reply
    await server.say("sun", "修改 2.3")
    await server.say("sun", "198 12 0")
    reply = await server.say("zhang", "否")
    told = "本单位孙丽修改了您填写的【2.3】行政许可、处罚、强制：由“210 12 0”改为“198 12 0”"
    assert reply and reply.startswith(told), reply
    assert told not in (await server.say("zhang", "否") or "")  # told once
    assert "张明填写的" in (await server.say("sun", "重新开始") or "")
    await server.say("sun", "确认")
    reply = await server.say("zhang", "你好")
    assert reply and "本单位孙丽已将" in reply and "【2.1】" in reply, reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and "t2.license" not in stored.report.cells
