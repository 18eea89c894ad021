"""Warming up at start-up: every template compiles, the short conversation is really answered by the engine, and
the server's own database is never touched by it."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp

from bot.incoming import Incoming, Reply
from bot.messages import edge
from handlers.conversation import NianbaoEngine
from handlers.warm_up import SCRIPT, compile_templates, play_conversation
from handlers.web.app import create_app
from storage import Store, User
from tests.e2e.servers import make_settings
from tests.handlers.standin_fixtures import running_app

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_every_template_compiles() -> None:
    assert compile_templates() == len(list(TEMPLATES.rglob("*.j2")))


def test_the_script_is_answered_by_the_engine_not_by_its_error_reply() -> None:
    engine = NianbaoEngine(ZoneInfo("Asia/Shanghai"))
    answers: list[list[Reply]] = []

    def recording(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        answers.append(engine(store, user, incoming, now))
        return answers[-1]

    assert play_conversation(recording) == len(SCRIPT)
    first_texts = [replies[0].text for replies in answers]
    assert edge("engine_error") not in first_texts
    assert "规章" in first_texts[1]  # the first table answer was recorded, not refused


async def test_a_warm_start_leaves_the_database_as_it_was(tmp_path, caplog) -> None:
    db = tmp_path / "nianbao.db"
    Store.open(db).close()
    caplog.set_level(logging.INFO, logger="nianbao.warm_up")
    app = create_app(make_settings(db), warm_up=True)
    async with running_app(app) as url, aiohttp.ClientSession() as session:
        async with session.get(url + "/healthz") as response:
            assert response.status == 200
    assert any(r.message.startswith("warmed up") for r in caplog.records)
    with Store.open(db) as store:
        assert [store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("units", "users", "reports", "audit", "conversations")] == [0, 0, 0, 0, 0]


async def test_a_failing_warm_up_still_lets_the_server_start(tmp_path, caplog) -> None:
    def broken(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        raise RuntimeError("broken engine")

    app = create_app(make_settings(tmp_path / "nianbao.db"), engine=broken, warm_up=True)
    async with running_app(app) as url, aiohttp.ClientSession() as session:
        async with session.get(url + "/healthz") as response:
            assert response.status == 200
    assert any("warming up failed" in r.message for r in caplog.records)
