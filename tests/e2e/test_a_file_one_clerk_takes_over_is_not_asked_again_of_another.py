"""A unit with several clerks: when one clerk's file of this year's report becomes the draft (sent to an empty
draft, or 导入 over a filled one), the others are not asked again what it answered — their next reply says who took
which file over, and asks the first question the file left open."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import Store, Unit, User
from tests.e2e.servers import Server, make_settings, running_server
from tests.e2e.test_files import UNIT, send_file
from tests.e2e.test_this_years_report_sent_as_a_file_becomes_the_empty_draft import this_years_file
from tests.handlers.standin_fixtures import RunningStandIn

FILE = "柳园口乡2025年报.docx"
TOLD = f"本单位王芳已将文件《{FILE}》导入为{UNIT}2025年度报告的草稿"


@pytest.fixture
async def server(tmp_path: Path, wecom: RunningStandIn) -> AsyncIterator[Server]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))  # sends the file
        store.save_user(User("li", "李明", "staff", UNIT, "龙亭区"))  # was asked 【2.1】 before it came
        store.save_user(User("zhao", "赵强", "staff", UNIT, "龙亭区"))  # writes for the first time after it
    async with running_server(make_settings(db, wecom.url)) as running:
        yield running


async def test_the_other_clerks_go_on_at_the_first_question_the_file_left_open(server: Server, wecom) -> None:
    assert "【2.1】" in (await server.say("li", "你好") or "")
    await send_file(server, wecom, FILE, this_years_file())
    reply = await server.say("li", "0 0 0")  # typed for 【2.1】, which the file answered
    assert reply and reply.startswith(TOLD) and "【2.3】" in reply, reply
    assert "【2.1】" not in reply and "【2.2】" not in reply, reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and "t2.penalty" not in stored.report.cells  # the file's draft, li's 0 0 0 not in it
    reply = await server.say("zhao", "你好")
    assert reply and TOLD in reply and reply.index("您好") < reply.index(TOLD) < reply.index("【2.3】"), reply
    reply = await server.say("li", "1 2 3")  # the question left open, answered by either clerk
    assert reply and "本单位王芳" not in reply, reply  # told once
    assert server.store.report(UNIT, 2025).report.cells["t2.penalty"] == 2


async def test_daoru_over_a_filled_draft_tells_the_other_clerks_too(server: Server, wecom) -> None:
    await server.say("li", "你好")
    for answer in ("0 0 0", "0 0 0", "5 2 0"):  # li fills table 二, 【2.3】 included
        await server.say("li", answer)
    await send_file(server, wecom, FILE, this_years_file())  # a filled draft: offered, not taken over
    assert "已按文件" in (await server.say("clerk", "导入") or "")
    reply = await server.say("li", "继续")
    assert reply and reply.startswith(TOLD) and "【2.3】" in reply, reply  # the file left it open: blank again
