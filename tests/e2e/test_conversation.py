"""Issue 4 end to end: clerks fill whole reports over the WeCom protocol against a real server and real SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.importers import import_bytes, import_report
from bot.report import Report
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.clerk import Clerk
from tests.e2e.servers import eventually, make_settings, running_server
from tests.handlers.standin_fixtures import RunningStandIn

YEAR_NOW = 2025  # the server's clock is real: in 2026 the report year is 2025


def seed(n: int) -> Report:
    return import_report(seed_path(n)).report


def register(db: Path, report: Report, userid: str = "clerk") -> None:
    with Store.open(db) as store:
        store.save_unit(Unit(report.unit, report.unit_kind, "示范县"))
        store.save_user(User(userid, "王芳", "staff", report.unit, "示范县"))


def outbox_file(wecom: RunningStandIn, userid: str) -> bytes:
    files = [m for m in wecom.standin.outbox(userid) if m["msgtype"] == "file"]
    return wecom.standin.media_bytes(files[-1]["media_id"]) if files else b""


async def submitted_file(wecom: RunningStandIn, userid: str) -> bytes:
    return await eventually(lambda: outbox_file(wecom, userid), timeout=30)  # rendered by a job


@pytest.mark.parametrize("n, budget", [(0, 25), (1, 40), (2, 25), (3, 25), (4, 35)])
async def test_a_clerk_completes_each_seed_over_wecom(tmp_path: Path, wecom: RunningStandIn, n: int, budget: int):
    target = seed(n)
    db = tmp_path / "nianbao.db"
    register(db, target)
    async with running_server(make_settings(db, wecom.url)) as server:
        clerk = Clerk(server, "clerk", target)
        await clerk.fill_and_submit()
        assert clerk.sent <= budget, clerk.dump()
        stored = server.store.report(target.unit, YEAR_NOW)
        assert stored is not None and stored.status == "submitted"
        assert stored.report.cells == target.cells
        docx = await submitted_file(wecom, "clerk")
        assert "表三" in clerk.transcript[-1][1] and "全文" in clerk.transcript[-1][1]  # phone-sized: the tables summed up
        await clerk.say("全文")  # the whole text is one command away
        await eventually(lambda: "三、收到和处理政府信息公开申请情况" in "".join(
            m.get("text", "") for m in wecom.standin.outbox("clerk") if m["msgtype"] == "text"), timeout=20)
        [card] = await eventually(lambda: [m for m in wecom.standin.outbox("clerk") if m["msgtype"] == "textcard"],
                                  timeout=10)
        assert target.unit in card["title"] and "/reports/" in card["url"]
        async with server.session.get(server.url + urlsplit(card["url"]).path) as page:  # the link works
            assert page.status == 200 and target.unit in await page.text()
    texts = "".join(m.get("text", "") for m in wecom.standin.outbox("clerk") if m["msgtype"] == "text")
    assert "三、收到和处理政府信息公开申请情况" in texts and target.unit in texts
    assert import_bytes(docx, "report.docx").report.cells == target.cells


async def test_seed_000_takes_at_most_25_messages_and_seed_004_at_most_28(tmp_path: Path, wecom: RunningStandIn):
    counts = {}
    for n in (0, 4):
        target = seed(n)
        db = tmp_path / f"{n}.db"
        register(db, target)
        async with running_server(make_settings(db, wecom.url)) as server:
            clerk = Clerk(server, "clerk", target)
            await clerk.fill_and_submit()
            counts[n] = clerk.sent
    print(f"messages to submit: {counts}")
    assert counts[0] <= 25 and counts[4] <= 28, counts


async def test_a_restart_in_the_middle_of_table_three_loses_nothing(tmp_path: Path, wecom: RunningStandIn):
    target = seed(4)
    db = tmp_path / "nianbao.db"
    register(db, target)
    settings = make_settings(db, wecom.url)
    async with running_server(settings) as server:
        clerk = Clerk(server, "clerk", target)
        reply = await clerk.say("你好")
        while "【3.4】" not in reply:
            reply = await clerk.say(clerk.answer(reply))
        assert server.store.report(target.unit, YEAR_NOW).report.cells["t3.new.person"] == 1
    async with running_server(settings) as restarted:  # a new process would see exactly this file
        clerk.server = restarted
        reply = await clerk.say("继续")
        assert "【3.4】" in reply, reply  # the same question again, nothing lost
        while "已提交" not in reply:
            reply = await clerk.say(clerk.answer(reply))
        assert restarted.store.report(target.unit, YEAR_NOW).report.cells == target.cells


async def test_numbers_that_break_r1_show_the_arithmetic_and_the_fixing_command(tmp_path: Path, wecom):
    target = seed(4)
    db = tmp_path / "nianbao.db"
    register(db, target)
    async with running_server(make_settings(db, wecom.url)) as server:
        clerk = Clerk(server, "clerk", target)
        reply = await clerk.say("你好")
        while "【3.5】" not in reply:
            reply = await clerk.say(clerk.answer(reply))
        reply = await clerk.say("3 0 0 0 0 0")  # 予以公开 3, though only 1 came in
        assert "1 + 0 − 3 = -2" in reply or "-2" in reply, reply
        assert "修改 3.5" in reply and "修改 3.2" in reply


async def test_last_years_report_prefills_carry_and_offers_last_years_prose(tmp_path: Path, wecom):
    last = seed(4)
    last.year = YEAR_NOW - 1
    last.cells.update({"t3.carry_over.person": 1, "t3.carry_over.total": 1, "t3.open.person": 0,
                       "t3.open.total": 0, "t3.total.person": 0, "t3.total.total": 0})
    db = tmp_path / "nianbao.db"
    register(db, last)
    with Store.open(db) as store:
        store.save_report(last, actor="import", now=datetime.now(UTC))
    async with running_server(make_settings(db, wecom.url)) as server:
        clerk = Clerk(server, "clerk", last)
        reply = await clerk.say("你好")
        for answer in ("0 0 0", "0 0 0", "0 0 0", "0", "是", "0 0 0 0 0 0"):
            reply = await clerk.say(answer)
        assert "【3.3】" in reply and "去年报告的“结转下年度继续办理”为 1 件" in reply, reply
        reply = await clerk.say("1")
        assert server.store.report(last.unit, YEAR_NOW).report.cells["t3.carried_in.person"] == 1
        while "【1.1】" not in reply:
            reply = await clerk.say(clerk.answer(reply))
        offered = reply.split("年份已顺延")[1]
        # last year's opening "2024 年，柳园口乡坚持…" comes back moved forward a year, without the PDF's space
        assert "2025年，柳园口乡坚持以习近平新时代中国特色社会主义思想为指导" in offered, reply
        assert "2024" not in offered

