"""After a file — this year's taken over as the draft, or last year's stored to draw on — the conversation asks the
question it goes on at right away, as it asks one after any answer: the question in the text, then its card (a
gate's 是/否 buttons) where the app sends cards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.formats import GOV2021
from bot.render import render_docx
from storage import Store, Unit, User
from tests.e2e.servers import Server, eventually, make_settings, running_server
from tests.e2e.test_files import UNIT, report_of, send_file
from tests.handlers.standin_fixtures import RunningStandIn


@pytest.fixture
async def server(tmp_path: Path, wecom: RunningStandIn) -> AsyncIterator[Server]:
    db = tmp_path / "nianbao.db"
    with Store.open(db) as store:
        store.save_unit(Unit(UNIT, "乡", "龙亭区"))
        store.save_user(User("clerk", "王芳", "staff", UNIT, "龙亭区"))
    async with running_server(replace(make_settings(db, wecom.url), cards=True)) as running:
        yield running


def file_leaving_the_applications_gate_open() -> bytes:
    """This year's report whose table 三 reads all 0 but one blank cell: whether there were applications is asked."""
    report = report_of(2025)
    for cell in GOV2021.typed_cell_ids:
        if cell.startswith("t3."):
            report.cells[cell] = 0
    report.cells["t3.new.person"] = None
    return render_docx(report)


def sent_after(wecom: RunningStandIn, before: int) -> list[dict]:
    """What went out through the API since `before` (the file's acknowledgement is the passive reply)."""
    return wecom.standin.outbox("clerk")[before:]


async def the_card_after_the_question(wecom: RunningStandIn, before: int) -> None:
    """The gate's card arrives once, after the text that asks 【3.1】 (none with the acknowledgement, which asks
    nothing), and nothing asks anything after it."""
    def arrived() -> list[dict]:
        sent = sent_after(wecom, before)
        return sent if any(m["msgtype"] == "template_card" for m in sent) else []

    sent = await eventually(arrived, timeout=30)
    kinds = [m["msgtype"] for m in sent]
    asked = max(i for i, m in enumerate(sent) if m["msgtype"] == "text" and "【3.1】是否收到申请（第" in m["text"])
    assert kinds.count("template_card") == 1 and kinds.index("template_card") == asked + 1 == len(sent) - 1, kinds
    card = sent[-1]["card"]
    assert card["main_title"]["title"] == "【3.1】是否收到申请" and [b["key"] for b in card["button_list"]] == ["是", "否"]


async def test_a_file_taken_over_asks_the_question_it_left_open_with_its_card(server: Server, wecom) -> None:
    before = len(wecom.standin.outbox("clerk"))
    reply = await send_file(server, wecom, "2025年报.docx", file_leaving_the_applications_gate_open())
    assert "尚需填写：【3.1】" in reply and "【3.1】是否收到申请（第" in reply.rsplit("下一步", 1)[1], reply
    await the_card_after_the_question(wecom, before)


async def test_last_years_file_sent_at_a_gate_asks_it_again_with_its_card(server: Server, wecom) -> None:
    for answer in ("你好", "0 0 0", "0 0 0", "0 0 0", "0"):
        asked = await server.say("clerk", answer)
    assert asked and "【3.1】" in asked
    await eventually(lambda: any(m["msgtype"] == "template_card" for m in wecom.standin.outbox("clerk")))
    before = len(wecom.standin.outbox("clerk"))
    reply = await send_file(server, wecom, "2024年报.docx", render_docx(report_of(2024)))
    assert "已导入" in reply and "【3.1】" in reply, reply
    await the_card_after_the_question(wecom, before)
