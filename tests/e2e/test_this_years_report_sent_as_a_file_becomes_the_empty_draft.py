"""A clerk who wrote this year's report in Word sends the file: an empty draft takes over what the file gave and the
conversation goes on at the first question it left open; a filled draft and a handed-in report are not changed."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.render import render_docx
from tests.e2e import test_files
from tests.e2e.servers import Server, eventually
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


async def draft_begun_in_the_chat_then_this_years_file(server: Server, wecom) -> str:
    await server.say("clerk", "你好")
    await server.say("clerk", "0 0 0")
    await server.say("clerk", "2 0 2")  # 行政规范性文件: 2 issued (the file says 0)
    before = len(texts(wecom))
    await send_file(server, wecom, "2025年报.docx", this_years_file())
    return "\n".join(await eventually(lambda: (sent := texts(wecom)[before:]) and any("下一步" in t for t in sent)
                                      and sent))


async def test_a_draft_begun_in_the_chat_is_not_overwritten_by_this_years_file_without_daoru(server: Server,
                                                                                          wecom) -> None:
    reply = await draft_begun_in_the_chat_then_this_years_file(server, wecom)
    assert "文件未自动导入" in reply and "请回复「导入」" in reply, reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.report.cells.get("t3.new.person") is None  # nothing taken over
    assert stored.report.cells["t2.normative.issued"] == 2  # nor lost
    reply = await server.say("clerk", "0 0 0")  # an answer instead: the offer is dropped, said so
    assert "文件未导入" in reply, reply
    reply = await server.say("clerk", "导入")
    assert "目前没有待导入的文件" in reply, reply
    assert server.store.report(UNIT, 2025).report.cells.get("t3.new.person") is None


async def test_daoru_replaces_the_filled_draft_with_the_file_and_the_audit_keeps_what_was_replaced(
        server: Server, wecom) -> None:
    await draft_begun_in_the_chat_then_this_years_file(server, wecom)
    reply = await server.say("clerk", "预览")  # a look first leaves the offer standing
    reply = await server.say("clerk", "dao ru")
    assert "已按文件《2025年报.docx》替换" in reply and "尚需填写：【2.3】" in reply, reply
    assert "【2.3】" in reply.rsplit("尚需填写", 1)[1], reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.report.cells["t2.normative.issued"] == 0
    assert stored.report.cells["t3.new.person"] == report_of(2025).cells["t3.new.person"]
    assert UNREAD not in stored.report.cells
    assert stored.report.text["s5.problems"]
    replaced = [row for row in server.store.audit_log(UNIT, 2025) if row["field"] == "t2.normative.issued"]
    assert [str(row["new_value"]) for row in replaced] == ["2", "0"], replaced  # typed, then replaced: both kept
    assert str(replaced[-1]["old_value"]) == "2", replaced


async def test_a_submitted_report_is_not_changed_by_this_years_file(server: Server, wecom) -> None:
    handed_in = report_of(2025, **{"t2.license": 7}).copy(unit=UNIT, unit_kind="乡")
    server.store.save_report(handed_in, actor="clerk", now=datetime(2026, 1, 5, tzinfo=UTC), status="submitted")
    before = len(texts(wecom))
    await send_file(server, wecom, "2025年报.docx", this_years_file())
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.status == "submitted"
    assert stored.report.cells == handed_in.cells
    assert "已提交" in "\n".join(texts(wecom)[before:])
