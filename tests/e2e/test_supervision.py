"""A supervisor's January over the WeCom protocol: a real server on 127.0.0.1, WeComPeer for the callbacks, the
stand-in as WeCom's API (its outbox is what people received, its media what files they got).

Five units of 示范县 hold the five seed reports (imported, renamed, submitted); 柳园口乡's has a 规章 slip. The
supervisor looks at the area, views and returns that report; its staff member gets the reason, fixes the table in
the conversation and resubmits; the supervisor is told, approves everything, and asks for the roll-up and the export.
"""

from __future__ import annotations

import asyncio
import io
import time
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.dialog import initial_state
from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import with_derived
from bot.rules import check_report
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.servers import eventually, make_settings, running_server
from tests.handlers.standin_fixtures import RunningStandIn, running_standin

TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2025, 1, 10, 10, 0, tzinfo=TZ)
UNITS = {0: ("刘街乡", "乡"), 1: ("册井镇", "镇"), 2: ("胡集乡", "乡"), 3: ("塔铺街道", "街道"), 4: ("柳园口乡", "乡")}
RETURNED = "柳园口乡"


def seed_store(store: Store) -> None:
    for n, (name, kind) in UNITS.items():
        store.save_unit(Unit(name, kind, "示范县"))
        store.save_user(User(f"staff{n}", f"经办人{n}", "staff", name, "示范县"))
        report = replace(import_report(seed_path(n)).report, unit=name, unit_kind=kind, year=2024)
        if name == RETURNED:
            report.cells["t2.regulations.issued"] = 1  # a township never makes 规章 (R7)
        store.save_report(report, "import", START - timedelta(days=2), status="submitted")
        # as if typed through the conversation: every question answered, then submitted
        state = {**initial_state(), "greeted": True, "submitted": True, "answered": [q.code for q in GOV2021.questions]}
        store.save_conversation(f"staff{n}", state, START - timedelta(days=2))
    store.save_unit(Unit("外县镇", "镇", "外县"))
    store.save_user(User("sup", "审核员", "supervisor", None, "示范县"))
    store.save_campaign(2024, date(2025, 1, 15), date(2025, 1, 31))


@pytest.fixture
async def wecom() -> AsyncIterator[RunningStandIn]:
    async with running_standin(time.time) as running:  # type: ignore[arg-type]
        yield running


def moving_clock():
    """January 2025, moving at the pace of the wall clock (the outbox worker's rate limits look at it)."""
    t0 = time.monotonic()
    return lambda: START + timedelta(seconds=time.monotonic() - t0)


async def never(_: float) -> None:
    await asyncio.Event().wait()  # the reminder timer ticks at start-up only


def texts(wecom: RunningStandIn, user: str) -> list[str]:
    return [m["text"] for m in wecom.standin.outbox(user) if m["msgtype"] == "text"]


async def a_file(server, wecom: RunningStandIn, user: str, suffix: str, timeout: float = 30) -> tuple[str, bytes]:
    """Wait for a file to `user`, then download it from the stand-in's media as a client would."""
    item = await eventually(lambda: next((m for m in reversed(wecom.standin.outbox(user))
                                          if m["msgtype"] == "file" and m["file_name"].endswith(suffix)), None),
                            timeout=timeout)  # files are made by jobs; a loaded machine is slow
    base = wecom.url
    async with server.session.get(f"{base}/_standin/media/{item['media_id']}") as response:
        assert response.status == 200
        return item["file_name"], await response.read()


async def test_a_supervisor_reviews_returns_approves_and_rolls_up(tmp_path: Path, wecom: RunningStandIn) -> None:
    store = Store.open(tmp_path / "county.db")
    seed_store(store)
    settings = make_settings(store.path, wecom.url)
    try:
        async with running_server(settings, store=store, clock=moving_clock(), timer_sleep=never) as server:
            await review(server, wecom, store)
    finally:
        store.close()


async def review(server, wecom: RunningStandIn, store: Store) -> None:
    summary = await server.say("sup", "汇总")
    assert "示范县2024年度报告进度" in summary and "共5个单位" in summary and "待审核5" in summary
    assert "外县" not in summary

    # 查看: status and findings passively, the report text and the .docx through the API
    view = await server.say("sup", "查看 柳园口")
    assert view.startswith("柳园口乡（乡）") and "检查发现1处错误" in view and "规章" in view
    name, docx = await a_file(server, wecom, "sup", ".docx")
    assert name == "柳园口乡2024年政府信息公开工作年度报告.docx" and docx[:2] == b"PK"
    assert "有1处错误" in await server.say("sup", "通过 柳园口")  # not approved with an open error

    # 退回: the staff member gets the reason and the finding; the next message resumes at 【2.1】规章
    asked = await server.say("sup", "退回 柳园口 规章应为0，请更正后重新提交")
    assert "请确认" in asked and store.report(RETURNED, 2024).status == "submitted"  # nothing yet
    returned = await server.say("sup", "确认")
    assert "已退回柳园口乡" in returned
    notice = await eventually(lambda: texts(wecom, "staff4"))
    assert "退回意见：规章应为0，请更正后重新提交" in notice[0] and "规章" in notice[0]
    resumed = await server.say("staff4", "好的")
    assert "规章应为0" in resumed and "【2.1】规章" in resumed
    await server.say("staff4", "0 0 0")
    done = await server.say("staff4", "提交")
    if "确认提交" in done:  # warnings to confirm first
        done = await server.say("staff4", "确认提交 已核实")
    stored = store.report(RETURNED, 2024)
    assert stored is not None and stored.status == "submitted" and stored.report.cells["t2.regulations.issued"] == 0
    announced = await eventually(lambda: [t for t in texts(wecom, "sup") if t.startswith("【报告重新提交】柳园口乡")])
    assert "请审核" in announced[0] and "退回意见：规章应为0，请更正后重新提交" in announced[0]
    assert "退回后修改了：表二。" in announced[0]  # the fix alone, named for the supervisor to look at

    for name, _ in UNITS.values():
        assert "请确认" in await server.say("sup", f"通过 {name}")
        assert "已审核通过" in await server.say("sup", "确认")
    approved = await eventually(lambda: [t for t in texts(wecom, "staff4") if "已审核通过" in t])
    assert approved and "已审核通过" in approved[0]

    # 汇总表: the sums of the five reports, checked like a report — made by a job (every report is read), sent
    # through the API when ready
    assert "正在汇总" in await server.say("sup", "汇总表")
    # queued behind the Word and PDF files of every 查看 above
    _, rolled_docx = await a_file(server, wecom, "sup", "汇总表.docx", timeout=120)
    table_text = "\n".join(texts(wecom, "sup"))
    assert "示范县汇总（5个单位，仅已通过报告）" in table_text and "合计数据勾稽关系检查通过" in table_text
    rolled = await asyncio.to_thread(import_docx, rolled_docx, server)
    reports = [with_derived(r.report) for r in store.reports(2024, "示范县")]
    assert len(reports) == 5 and all(r.status == "approved" for r in store.reports(2024, "示范县"))
    for cell in GOV2021.cell_ids:
        assert rolled.value(cell) == sum(r.value(cell) for r in reports), cell
    assert [f for f in check_report(rolled) if f.level == "error" and f.rule in ("R1", "R2", "R3", "R4", "R5")] == []

    # 导出: one row per unit, one column per cell, headed by its label
    assert "正在导出" in await server.say("sup", "导出")  # made by a job, sent when ready
    name, xlsx = await a_file(server, wecom, "sup", ".xlsx", timeout=120)  # a job, behind the others
    assert any("已导出5个单位的数据" in t for t in texts(wecom, "sup"))
    assert name.startswith("示范县2024年度报告数据")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx)).active
    rows = list(sheet.iter_rows(values_only=True))
    headings = list(rows[0])
    assert len(rows) == 1 + 5 and {r[0] for r in rows[1:]} == {n for n, _ in UNITS.values()}
    assert {c.label for c in GOV2021.cells} <= set(headings)
    for row in rows[1:]:
        unit = next(r for r in reports if r.unit == row[0])
        assert row[headings.index(GOV2021.cell("t3.new.total").label)] == unit.value("t3.new.total")
        assert row[headings.index("状态")] == "已通过"


def import_docx(data: bytes, server) -> object:
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".docx", delete=False) as f:
        f.write(data)
    return import_report(f.name).report


async def test_staff_are_refused_and_another_areas_supervisor_sees_nothing(tmp_path: Path,
                                                                            wecom: RunningStandIn) -> None:
    store = Store.open(tmp_path / "county.db")
    seed_store(store)
    store.save_user(User("other", "外县审核员", "supervisor", None, "外县"))
    try:
        async with running_server(make_settings(store.path, wecom.url), store=store, clock=moving_clock(),
                                  timer_sleep=never) as server:
            assert "仅供审核人员使用" in await server.say("staff0", "汇总")
            assert "仅供审核人员使用" in await server.say("staff0", "导出")
            for text in ("查看 柳园口", "退回 柳园口乡 不行", "通过 册井", "汇总。", "设置截止 1月20日"):
                assert "仅供审核人员使用" in await server.say("staff0", text), text
            assert "仅供审核人员使用" not in await server.say("staff0", "通过政府网站公开政策文件12件")
            assert "共5个单位" in await server.say("sup", "汇总。")
            for text in ("查看 柳园口", "退回 柳园口 有误", "通过 刘街乡"):
                assert "外县没有找到名为" in await server.say("other", text)
            assert "共1个单位" in await server.say("other", "汇总")
            assert all(r.status == "submitted" for r in store.reports(2024, "示范县"))
            assert wecom.standin.outbox("staff4") == [] and wecom.standin.outbox("staff0") == []
    finally:
        store.close()
