"""Issue 9 end to end: with NIANBAO_LLM_URL set, `nianbao serve` answers facts with "正在草拟…" at once and the
model's draft arrives through the WeCom API as the next message (real server, real SQLite, the WeCom stand-in and a
chat-completions stand-in, all on 127.0.0.1)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from bot.dialog import DialogContext
from storage import Store
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT, Chat
from tests.e2e.servers import eventually, make_settings, running_server, seed_org
from tests.handlers.llm_standin import running_model
from tests.handlers.standin_fixtures import RunningStandIn

YEAR_NOW = 2025  # the server's clock is real: in 2026 the report year is 2025


def _clerk_at_active_facts(db: Path) -> None:
    chat = Chat(DialogContext(user_name="张明", unit="城关镇人民政府", unit_kind="镇", year=YEAR_NOW))
    chat.send("开始")
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.2】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    now = datetime.now(UTC)
    with Store.open(db) as store:
        seed_org(store)
        store.save_report(chat.report, actor="alice", now=now)
        store.save_conversation("alice", chat.state, now, year=YEAR_NOW)


async def test_the_model_draft_arrives_as_the_next_message(tmp_path: Path, wecom: RunningStandIn) -> None:
    db = tmp_path / "nianbao.db"
    _clerk_at_active_facts(db)
    async with running_model("good") as model:
        settings = dataclasses.replace(make_settings(db, wecom.url), llm_url=model.url, llm_model="m", llm_timeout=5)
        async with running_server(settings) as server:
            passive = await server.say("alice", "政府网站56条，政务公众号120条")
            assert passive is not None and "正在根据您提供的情况草拟" in passive
            texts = await eventually(lambda: [m["text"] for m in wecom.standin.outbox("alice")
                                              if m["msgtype"] == "text" and "草拟如下" in m.get("text", "")], 10)
    assert len(model.requests) == 1
    assert "我镇政府网站56条，政务公众号120条，方便群众查询获取政府信息。" in texts[0]
