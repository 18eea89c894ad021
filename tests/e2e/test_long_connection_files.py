"""Files a clerk sends over the 智能机器人 long connection: downloaded from the message's own URL, decrypted with its
own key and read by the same file-import job as the app's files — so last year's report prefills 上年结转."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.importers import import_report
from bot.render import render_docx
from bot.report import Report
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.longconn import BotServer, running_bot
from tests.e2e.servers import eventually
from tests.handlers.standin_fixtures import FakeClock, running_standin

UNIT = "龙亭区柳园口乡"


@pytest.fixture
async def bot(tmp_path: Path) -> AsyncIterator[BotServer]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))
    async with running_standin(FakeClock()) as wecom, running_bot(db, wecom.url) as running:
        yield running


def last_year(**cells: int) -> Report:
    report = import_report(seed_path(4)).report
    report.year = 2024
    report.cells.update(cells)
    return report


async def send_file(bot: BotServer, name: str, data: bytes, text: str = "", timeout: float = 30) -> str:
    """Send a file: acknowledged on the message's req_id at once, answered by the job afterwards."""
    before = len(bot.gateway.texts("clerk"))
    msgid = await bot.gateway.user_sends_file("clerk", name, data, text)
    ack = await bot.reply_to(msgid)
    assert ack and "已收到文件" in ack, ack
    await eventually(lambda: len(bot.gateway.texts("clerk")) > before + 1, timeout=timeout)
    return "\n".join(bot.gateway.texts("clerk")[before + 1 :])


async def test_last_years_word_file_sent_over_the_long_connection_prefills_the_carry(bot: BotServer) -> None:
    last = last_year(**{"t3.carry_over.person": 1, "t3.carry_over.total": 1, "t3.open.person": 0,
                        "t3.open.total": 0, "t3.total.person": 0, "t3.total.total": 0})
    await bot.say("clerk", "你好")
    reply = await send_file(bot, "柳园口乡2024年报.docx", render_docx(last))
    assert f"已导入{UNIT}2024年度报告《柳园口乡2024年报.docx》" in reply, reply  # the name from the download
    assert "【2.1】" in reply  # the conversation carries on where it was
    stored = bot.store.report(UNIT, 2024)
    assert stored is not None and stored.report.cells["t3.carry_over.person"] == 1
    for answer in ("0 0 0", "0 0 0", "0 0 0", "0", "是", "0 0 0 0 0 0"):
        reply = await bot.say("clerk", answer)
    assert reply and "【3.3】" in reply and "为 1 件" in reply, reply
    assert bot.gateway.downloads == 1


async def test_the_file_of_a_mixed_message_is_read_too(bot: BotServer) -> None:
    await bot.say("clerk", "你好")
    reply = await send_file(bot, "去年年报.docx", render_docx(last_year()), text="这是去年的年报")
    assert "已导入" in reply and bot.store.report(UNIT, 2024) is not None, reply


async def test_a_file_over_twenty_megabytes_is_refused_and_an_expired_address_asked_for_again(bot: BotServer) -> None:
    await bot.say("clerk", "你好")
    reply = await send_file(bot, "扫描合集.docx", b"PK\x03\x04" + bytes(20 * 1024 * 1024 + 1))
    assert "超过 20 MB" in reply, reply
    assert bot.store.report(UNIT, 2024) is None
    bot.gateway.media_seconds = 0.0  # the address has expired before the job downloads it
    reply = await send_file(bot, "年报.docx", render_docx(last_year()))
    assert "未能下载" in reply and bot.store.report(UNIT, 2024) is None, reply
