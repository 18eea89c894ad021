"""Files a clerk sends in WeCom: downloaded through media/get, last year's report stored, this year's checked (and
taken over by an empty draft: see test_this_years_report_sent_as_a_file_becomes_the_empty_draft)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.importers import import_report
from bot.render import render_docx, render_text
from bot.report import Report
from storage import Store, Unit, User
from tests.conftest import seed_path
from tests.e2e.servers import Server, eventually, make_settings, running_server
from tests.handlers.standin_fixtures import RunningStandIn

UNIT = "龙亭区柳园口乡"


@pytest.fixture
async def server(tmp_path: Path, wecom: RunningStandIn) -> AsyncIterator[Server]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))
    async with running_server(make_settings(db, wecom.url)) as running:
        yield running


def report_of(year: int, **cells: int) -> Report:
    report = import_report(seed_path(4)).report
    report.year = year
    report.cells.update(cells)
    return report


def texts(wecom: RunningStandIn) -> list[str]:
    return [m["text"] for m in wecom.standin.outbox("clerk") if m["msgtype"] == "text"]


async def send_file(server: Server, wecom: RunningStandIn, name: str, data: bytes, timeout: float = 30) -> str:
    """Send a file; it is acknowledged at once and read by a job: the answer is what the job sends afterwards (a
    PDF is read by a child below the server's priority: on a busy machine that takes seconds, not a speed test)."""
    before = len(texts(wecom))
    media_id = wecom.standin.add_user_file(name, data)
    status, body = await server.post(server.peer.file("clerk", media_id, name))
    assert status == 200
    reply = server.peer.decrypt_reply(body)
    assert reply and "已收到文件" in reply["Content"], reply

    def whole_answer() -> list[str]:
        # the job queues its answer's parts in one transaction; the outbox sends them one by one: all of them, once
        # something arrived and nothing is left pending
        arrived = texts(wecom)[before:]
        return arrived if arrived and server.store.next_outbox_time() is None else []

    return "\n".join(await eventually(whole_answer, timeout=timeout))


async def test_last_years_report_is_stored_and_prefills_this_years_carry(server: Server, wecom) -> None:
    last = report_of(2024, **{"t3.carry_over.person": 1, "t3.carry_over.total": 1, "t3.open.person": 0,
                              "t3.open.total": 0, "t3.total.person": 0, "t3.total.total": 0})
    await server.say("clerk", "你好")
    reply = await send_file(server, wecom, "柳园口乡2024年报.docx", render_docx(last))
    assert f"已导入{UNIT}2024年度报告《柳园口乡2024年报.docx》" in reply, reply
    assert "【2.1】" in reply  # and the conversation carries on where it was
    stored = server.store.report(UNIT, 2024)
    assert stored is not None and stored.report.cells["t3.carry_over.person"] == 1
    for answer in ("0 0 0", "0 0 0", "0 0 0", "0", "是", "0 0 0 0 0 0"):
        reply = await server.say("clerk", answer)
    assert "【3.3】" in reply and "为 1 件" in reply, reply


async def test_this_years_report_written_elsewhere_is_checked_and_becomes_the_empty_draft(server: Server,
                                                                                          wecom) -> None:
    broken = report_of(2025, **{"t3.new.person": 2})  # new 2, but only 1 answered and nothing carried over
    reply = await send_file(server, wecom, "2025年报初稿.txt", render_text(broken).encode())
    assert "核对结果" in reply and "【错误】" in reply and "表三「自然人」列" in reply, reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.report.cells["t3.new.person"] == 2  # taken over, errors and all


async def test_this_years_report_sent_onto_a_filled_draft_says_it_was_not_imported_what_was_read_and_what_next(
        server: Server, wecom) -> None:
    await server.say("clerk", "你好")
    await server.say("clerk", "0 0 0")  # a draft begun in the chat: the file must not take its place
    broken = report_of(2025, **{"t3.new.person": 2})
    before = len(texts(wecom))
    await send_file(server, wecom, "2025年报定稿.docx", render_docx(broken))

    def answer() -> str:  # long: sent as two messages, the next step closing the second
        sent = texts(wecom)[before:]
        return "\n".join(sent) if any("下一步" in t for t in sent) else ""

    reply = await eventually(answer)
    assert "文件未自动导入" in reply and "已填写的内容未作任何改动，没有内容丢失" in reply, reply
    assert "从文件中读到：表二、表三、表四的数字，以及「一、总体情况」" in reply, reply
    assert "未能从文件中读到：「报告开头」" in reply, reply  # the seed report opens without the paragraph
    assert "下一步：如需以文件内容替换系统中的草稿，请回复「导入」" in reply and "回复「预览」" in reply, reply
    stored = server.store.report(UNIT, 2025)
    assert stored is not None and stored.report.cells.get("t3.new.person") is None  # nothing taken over
    assert stored.report.cells.get("t2.regulations.issued") == 0  # nor lost


async def test_other_units_other_years_and_non_reports_are_explained(server: Server, wecom) -> None:
    other = report_of(2024)
    other.unit = "沙河市册井镇"
    reply = await send_file(server, wecom, "册井镇.docx", render_docx(other))
    assert "与您的单位" in reply and server.store.report(UNIT, 2024) is None
    reply = await send_file(server, wecom, "2019.docx", render_docx(report_of(2019)))
    assert "2019年度的报告" in reply
    reply = await send_file(server, wecom, "照片.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    assert "未能识别为年度报告" in reply


async def test_a_file_that_cannot_be_downloaded_is_asked_for_again(server: Server, wecom) -> None:
    await server.say("clerk", "你好")  # a token is fetched; the download below fails on WeCom's side
    wecom.standin.fail_next(3, "http500")
    reply = await send_file(server, wecom, "年报.docx", render_docx(report_of(2024)), timeout=30)
    assert "未能下载，请稍后重新发送" in reply
    assert server.store.report(UNIT, 2024) is None


async def test_last_years_report_as_pdf_prefills_this_years_carry(server: Server, wecom, tmp_path: Path) -> None:
    """A clerk whose last year's report exists only as a PDF (issue 8): imported as the Word file is."""
    from tests.pdfs import report_pdf

    last = report_of(2024, **{"t3.carry_over.person": 1, "t3.carry_over.total": 1, "t3.open.person": 0,
                              "t3.open.total": 0, "t3.total.person": 0, "t3.total.total": 0})
    pdf = report_pdf(last, tmp_path, "last").read_bytes()
    await server.say("clerk", "你好")
    reply = await send_file(server, wecom, "柳园口乡2024年报.pdf", pdf)
    assert f"已导入{UNIT}2024年度报告《柳园口乡2024年报.pdf》" in reply, reply
    stored = server.store.report(UNIT, 2024)
    assert stored is not None and stored.report.cells["t3.carry_over.person"] == 1
    for answer in ("0 0 0", "0 0 0", "0 0 0", "0", "是", "0 0 0 0 0 0"):
        reply = await server.say("clerk", answer)
    assert "【3.3】" in reply and "为 1 件" in reply, reply


async def test_a_scanned_pdf_sent_in_the_chat_gets_the_clear_sentence(server: Server, wecom, tmp_path: Path) -> None:
    from tests.pdfs import scanned_pdf

    await server.say("clerk", "你好")
    reply = await send_file(server, wecom, "扫描件.pdf", scanned_pdf(report_of(2024), tmp_path, "scan").read_bytes())
    assert "扫描件" in reply and "Word" in reply, reply


def _zip_bomb(inflated_mb: int) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            block = b"<w:t>" + b"0" * (1024 * 1024 - 5)
            for _ in range(inflated_mb):
                part.write(block)
    return buffer.getvalue()


async def test_a_word_file_that_would_inflate_to_hundreds_of_megabytes_is_refused_unread(server: Server,
                                                                                         wecom) -> None:
    bomb = _zip_bomb(100)
    assert len(bomb) < 1024 * 1024
    reply = await send_file(server, wecom, "年报.docx", bomb)
    assert "解压后超过" in reply and "未导入" in reply, reply
    assert server.store.report(UNIT, 2024) is None
    # the clerk is served as before
    assert await server.say("clerk", "你好")


async def test_a_file_over_wecoms_20_mb_is_refused_without_reading_it_all(server: Server, wecom) -> None:
    reply = await send_file(server, wecom, "年报.html", b"<html>" + b" " * (21 * 1024 * 1024))
    assert "超过 20 MB" in reply, reply
