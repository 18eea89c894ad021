"""Review that never acts on the wrong unit (issue 11), over the WeCom protocol: a real server on 127.0.0.1, the
callbacks encrypted as WeCom sends them, the stand-in as WeCom's API (its outbox is what people received).

甲县's supervisor names 乙县's 刘街乡: nothing is found and nothing changes. 通过 and 退回 change nothing until 确认.
A clerk withdraws a submission before review and cannot after it. 导出 of an area named 示范县/开发区 with a unit
named like a formula gives a workbook whose every text cell is text.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.dialog import initial_state
from bot.formats import GOV2021
from bot.importers import import_report
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.servers import eventually, make_settings, running_server
from tests.e2e.test_supervision import START, a_file, moving_clock, never, texts
from tests.handlers.standin_fixtures import RunningStandIn, running_standin

FORMULA = '=HYPERLINK("http://example.com/x","点此查看")'


def seed(store: Store, area: str, units: dict[str, str]) -> None:
    """Each unit of `area` with a clerk (staff0, staff1 …) and a submitted 2024 report; one supervisor, sup."""
    for n, (name, kind) in enumerate(units.items()):
        store.save_unit(Unit(name, kind, area))
        store.save_user(User(f"staff{n}", f"经办人{n}", "staff", name, area))
        # seeds without errors (seed 001 is in the 2019 format: two rows of table 三 are blank in ours)
        report = replace(import_report(seed_path((0, 2, 3, 4)[n])).report, unit=name, unit_kind=kind, year=2024)
        store.save_report(report, "import", START - timedelta(days=2), status="submitted")
        state = {**initial_state(), "greeted": True, "submitted": True, "answered": [q.code for q in GOV2021.questions]}
        store.save_conversation(f"staff{n}", state, START - timedelta(days=2))
    store.save_user(User("sup", "审核员", "supervisor", None, area))
    store.save_campaign(2024, date(2025, 1, 15), date(2025, 1, 31))


@pytest.fixture
async def wecom() -> AsyncIterator[RunningStandIn]:
    import time

    async with running_standin(time.time) as running:  # type: ignore[arg-type]
        yield running


async def slow_file(server, wecom: RunningStandIn, user: str, suffix: str) -> tuple[str, bytes]:
    """A file rendered by a job (a PDF takes seconds on a loaded machine), downloaded as the client would."""
    item = await eventually(lambda: next((m for m in wecom.standin.outbox(user)
                                          if m["msgtype"] == "file" and m["file_name"].endswith(suffix)), None),
                            timeout=120)
    async with server.session.get(f"{wecom.url}/_standin/media/{item['media_id']}") as response:
        assert response.status == 200
        return item["file_name"], await response.read()


def import_report_bytes(data: bytes, path: Path):
    path.write_bytes(data)
    return import_report(path).report


def statuses(store: Store) -> dict[str, str]:
    return {r.report.unit: r.status for r in store.reports(2024)}


async def test_another_countys_unit_is_not_found_and_nothing_changes_without_confirmation(
        tmp_path: Path, wecom: RunningStandIn) -> None:
    store = Store.open(tmp_path / "county.db")
    seed(store, "甲县", {"甲县刘街乡人民政府": "乡", "城关镇人民政府": "镇"})
    before = statuses(store)
    try:
        async with running_server(make_settings(store.path, wecom.url), store=store, clock=moving_clock(),
                                  timer_sleep=never) as server:
            for text in ("通过 乙县刘街乡", "退回 乙县刘街乡 数字有误", "查看 乙县刘街乡", "通过 乙县城关镇"):
                reply = await server.say("sup", text)
                assert "甲县没有找到名为「乙县" in reply, (text, reply)
                offered = reply.split("您是否要找：")[1]  # candidates from the supervisor's own area only
                assert "乙县" not in offered and ("刘街乡" in offered or "城关镇" in offered), reply
                assert "请确认" not in reply and "已审核通过" not in reply
            assert "没有等待确认" in await server.say("sup", "确认")
            assert statuses(store) == before

            # 通过 without 确认: nothing happens; another message drops the question; a late 确认 acts on nothing
            asked = await server.say("sup", "通过 刘街乡")
            assert "请确认" in asked and "甲县刘街乡人民政府2024年度报告" in asked
            assert statuses(store) == before
            await server.say("sup", "汇总")
            assert "没有等待确认" in await server.say("sup", "确认")
            assert statuses(store) == before and wecom.standin.outbox("staff0") == []

            # confirmed, it acts on exactly the unit it named
            assert "请确认" in await server.say("sup", "退回 刘街乡 表三结转数与上年不一致")
            assert "已退回甲县刘街乡人民政府" in await server.say("sup", "确认")
            assert statuses(store) == {**before, "甲县刘街乡人民政府": "returned"}
            notice = await eventually(lambda: texts(wecom, "staff0"))
            assert "表三结转数与上年不一致" in notice[0]
    finally:
        store.close()


async def test_a_clerk_withdraws_before_review_but_not_after(tmp_path: Path, wecom: RunningStandIn) -> None:
    store = Store.open(tmp_path / "county.db")
    seed(store, "示范县", {"刘街乡": "乡", "册井镇": "镇"})
    try:
        async with running_server(make_settings(store.path, wecom.url), store=store, clock=moving_clock(),
                                  timer_sleep=never) as server:
            reply = await server.say("staff0", "撤回")
            assert "已撤回刘街乡2024年" in reply, reply
            assert store.report("刘街乡", 2024).status == "draft"  # type: ignore[union-attr]
            told = await eventually(lambda: [t for t in texts(wecom, "sup") if t.startswith("【报告撤回】刘街乡")])
            assert "2024年度报告" in told[0]
            assert "尚未提交，无需撤回" in await server.say("staff0", "撤回")
            assert "请确认" not in await server.say("sup", "通过 刘街乡")  # nothing to approve now

            # the other clerk's report is approved: 撤回 is refused and the status stays
            assert "请确认" in await server.say("sup", "通过 册井")
            assert "已审核通过" in await server.say("sup", "确认")
            refused = await server.say("staff1", "撤回")
            assert "已审核通过，不能撤回" in refused, refused
            assert store.report("册井镇", 2024).status == "approved"  # type: ignore[union-attr]

            # approved: the clerk gets the report to publish, as Word and as PDF, and the PDF reads back
            _, docx = await slow_file(server, wecom, "staff1", ".docx")
            name, pdf = await slow_file(server, wecom, "staff1", ".pdf")
            assert docx[:2] == b"PK" and pdf[:4] == b"%PDF" and name == "册井镇2024年政府信息公开工作年度报告.pdf"
            back = import_report_bytes(pdf, tmp_path / "back.pdf")
            stored = store.report("册井镇", 2024).report  # type: ignore[union-attr]
            assert {k: back.cells.get(k) for k in stored.cells} == stored.cells
    finally:
        store.close()


async def test_export_of_an_area_with_a_slash_keeps_a_formula_like_name_as_text(tmp_path: Path,
                                                                               wecom: RunningStandIn) -> None:
    from openpyxl import load_workbook

    store = Store.open(tmp_path / "county.db")
    seed(store, "示范县/开发区", {FORMULA: "镇", "+SUM(1,2)": "乡", "胡集乡": "乡"})
    try:
        async with running_server(make_settings(store.path, wecom.url), store=store, clock=moving_clock(),
                                  timer_sleep=never) as server:
            assert "正在导出" in await server.say("sup", "导出")  # a job: the file follows through the outbox
            name, xlsx = await a_file(server, wecom, "sup", ".xlsx")
            assert any("已导出3个单位的数据" in m.get("text", "") for m in wecom.standin.outbox("sup"))
            assert "/" not in name and name.startswith("示范县／开发区2024年度报告数据")
            sheet = load_workbook(io.BytesIO(xlsx)).active
            assert sheet.title == "示范县／开发区"
            cells = {sheet.cell(row=r, column=1).value: sheet.cell(row=r, column=1) for r in range(2, 5)}
            assert set(cells) == {FORMULA, "+SUM(1,2)", "胡集乡"}
            assert all(c.data_type == "s" for c in cells.values())
            raw = io.BytesIO(xlsx)
            import zipfile

            with zipfile.ZipFile(raw) as z:
                sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
            assert "<f>" not in sheet_xml  # no formula anywhere in the sheet
    finally:
        store.close()
