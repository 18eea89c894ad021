"""A clerk who wrote this year's report in Word sends the file: an empty draft takes over what the file gave and the
conversation goes on at the first question it left open; a filled draft and a handed-in report are not changed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.render import render_docx
from tests.e2e import test_files
from tests.e2e.servers import Server
from tests.e2e.test_files import UNIT, report_of, send_file, texts

server = test_files.server  # the same server: one unit (a 乡), its clerk, the WeCom stand-in

UNREAD = "t2.penalty"  # printed blank in the file: not read


def this_years_file() -> bytes:
    """Seed 004 as this year's report, one cell of 【2.3】 left blank."""
    report = report_of(2025)
    report.cells[UNREAD] = None
    return render_docx(report)


async def test_a_word_file_of_this_year_becomes_the_empty_draft_and_the_conversation_asks_what_it_left_open(
        server: Server, wecom) -> None:
    data = this_years_file()
    reply = await send_file(server, wecom, "柳园口乡2025年报.docx", data)
    assert "已将文件《柳园口乡2025年报.docx》" in reply and f"导入为{UNIT}2025年度报告的草稿" in reply, reply
    assert "尚需填写：【2.3】" in reply, reply
    assert "【2.3】" in reply.rsplit("下一步", 1)[1], reply  # the question asked next is the one the file left open
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.status == "draft"
    read = import_bytes(data, "柳园口乡2025年报.docx").report
    typed = set(GOV2021.typed_cell_ids)
    assert {c: v for c, v in stored.report.cells.items() if c in typed} == {
        c: v for c, v in read.cells.items() if c in typed and v is not None}
    assert UNREAD not in stored.report.cells  # unknown, not 0
    assert stored.report.text["s5.problems"] == read.text["s5.problems"].strip()
    reply = await server.say("clerk", "0 0 0")
    assert "提交" in reply, reply
    reply = await server.say("clerk", "提交")
    if "确认提交" in reply:  # warnings the file's text earned (a year in its prose): kept, with the reason
        reply = await server.say("clerk", "确认提交：已核实")
    assert server.store.report(UNIT, 2025).status == "submitted", reply


async def test_a_draft_begun_in_the_chat_is_not_overwritten_by_this_years_file(server: Server, wecom) -> None:
    await server.say("clerk", "你好")
    await server.say("clerk", "0 0 0")
    await send_file(server, wecom, "2025年报.docx", this_years_file())
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.report.cells.get("t2.normative.issued") is None  # nothing taken over
    assert stored.report.cells["t2.regulations.issued"] == 0  # nor lost


async def test_a_submitted_report_is_not_changed_by_this_years_file(server: Server, wecom) -> None:
    handed_in = report_of(2025, **{"t2.license": 7}).copy(unit=UNIT, unit_kind="乡")
    server.store.save_report(handed_in, actor="clerk", now=datetime(2026, 1, 5, tzinfo=UTC), status="submitted")
    before = len(texts(wecom))
    await send_file(server, wecom, "2025年报.docx", this_years_file())
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.status == "submitted"
    assert stored.report.cells == handed_in.cells
    assert "已提交" in "\n".join(texts(wecom)[before:])
