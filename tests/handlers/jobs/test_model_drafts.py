"""Model drafts through the job queue (issue 9): the clerk gets "正在草拟…", the draft arrives as the next message;
a model that invents a number or does not answer in time is replaced by the template draft; a restart mid-draft
sends exactly one draft. The model is a real HTTP stand-in on 127.0.0.1 speaking chat completions."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
import pytest

from bot.dialog import DialogContext
from bot.incoming import Incoming
from handlers.conversation import NianbaoEngine
from handlers.jobs.queue import REGISTRY, JobContext, JobWorker
from handlers.llm import ChatModel
from handlers.service import CallbackService
from storage import Store, Unit, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT, Chat
from tests.handlers.jobs.helpers import T0, Clock
from tests.handlers.llm_standin import running_model

import handlers.jobs.model_drafts  # noqa: F401  isort: skip — registers the job kind

TZ = ZoneInfo("Asia/Shanghai")
UNIT, USER = "城关镇人民政府", "zhang"
FACTS = "政府网站信息公开专栏56条，政务公众号120条"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "nianbao.db")
    with s.transaction():
        s.save_unit(Unit(UNIT, "镇", None))
        s.save_user(User(USER, "张明", "staff", UNIT, None))
    _standing_at(s, "1.2")
    yield s
    s.close()


def _standing_at(store: Store, code: str) -> None:
    """The clerk has answered the tables and stands at the facts question of `code` (driven through the dialog)."""
    chat = Chat(DialogContext(user_name="张明", unit=UNIT, unit_kind="镇", year=2025))
    chat.send("开始")
    chat.say_all("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while f"【{code}】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    with store.transaction():
        store.save_report(chat.report, actor=USER, now=T0)
        store.save_conversation(USER, chat.state, T0, year=2025)


async def _say(service: CallbackService, text: str, n: int) -> str | None:
    incoming = Incoming(USER, "text", T0, text=text, message_id=f"m{n}")
    return (await service.handle(incoming)).passive


def _worker(store: Store, model: ChatModel | None, session: aiohttp.ClientSession) -> JobWorker:
    resources = {"llm": model, "http": session} if model else {}
    return JobWorker(JobContext(store, tz=TZ, isolate=False, resources=resources), clock=Clock(),
                     registry={"model_draft": REGISTRY["model_draft"]})


def _sent(store: Store) -> list[str]:
    return [json.loads(r["payload"])["content"] for r in store.db.query("SELECT payload FROM outbox ORDER BY id")]


def _offered(store: Store) -> str:
    return store.conversation(USER)["offered"]["1.2"]  # type: ignore[index]


async def _facts_sent(store: Store) -> CallbackService:
    service = CallbackService(store, NianbaoEngine(TZ, model_drafts=True), clock=lambda: T0)
    passive = await _say(service, FACTS, 1)
    assert passive is not None and "正在根据您提供的情况草拟" in passive and "草拟如下" not in passive
    assert store.job_counts()["pending"] == 1 and _sent(store) == []  # nothing slow in the callback's way
    return service


async def test_a_good_model_draft_arrives_through_the_queue_as_the_next_message(store: Store) -> None:
    await _facts_sent(store)
    async with running_model("good") as model, aiohttp.ClientSession() as session:
        assert await _worker(store, ChatModel(model.url, "m", timeout=5), session).run_until_idle() == 1
    assert len(model.requests) == 1
    prompt = model.requests[0]["messages"][1]["content"]
    assert "1. 政府网站信息公开专栏56条" in prompt and "我镇" in prompt
    (draft,) = _sent(store)
    assert "【1.2】" in draft and "草拟如下" in draft and "方便群众查询获取政府信息" in draft  # the model's words
    assert _offered(store) == "我镇政府网站信息公开专栏56条，政务公众号120条，方便群众查询获取政府信息。"
    assert store.conversation(USER)["drafting"] is None  # type: ignore[index]


async def test_the_inventing_models_draft_is_rejected_and_the_template_draft_is_sent(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    await _facts_sent(store)
    template = _offered(store)
    async with running_model("inventing") as model, aiohttp.ClientSession() as session:
        with caplog.at_level(logging.WARNING, logger="nianbao.model_drafts"):
            await _worker(store, ChatModel(model.url, "m", timeout=5), session).run_until_idle()
    (draft,) = _sent(store)
    assert "9999" not in draft and template in draft and _offered(store) == template
    assert "9999" in caplog.text and "rejected" in caplog.text  # logged for the operator, silent for the clerk


async def test_a_draft_naming_another_unit_of_the_area_is_rejected_by_the_names_the_job_reads_from_the_store(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    with store.transaction():  # the area's names live in the store, not in every queued job
        store.save_unit(Unit(UNIT, "镇", "示范县"))
        store.save_unit(Unit("青山乡人民政府", "乡", "示范县"))
    await _facts_sent(store)
    (job,) = [json.loads(r["args"]) for r in store.db.query("SELECT args FROM jobs")]
    assert "other_units" not in job and "青山乡" not in json.dumps(job, ensure_ascii=False)
    template = _offered(store)
    async with running_model("neighbour") as model, aiohttp.ClientSession() as session:
        with caplog.at_level(logging.WARNING, logger="nianbao.model_drafts"):
            await _worker(store, ChatModel(model.url, "m", timeout=5), session).run_until_idle()
    (draft,) = _sent(store)
    assert "青山乡" not in draft and template in draft
    assert "青山乡人民政府" in caplog.text and "rejected" in caplog.text


async def test_a_model_that_does_not_answer_in_time_falls_back_within_the_configured_time(
        store: Store, caplog: pytest.LogCaptureFixture) -> None:
    await _facts_sent(store)
    template = _offered(store)
    async with running_model("slow", delay=30) as model, aiohttp.ClientSession() as session:
        started = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="nianbao.model_drafts"):
            await _worker(store, ChatModel(model.url, "m", timeout=1), session).run_until_idle()
        took = time.monotonic() - started
    assert took < 5, took  # the configured 1 s, not the model's 30 s
    (draft,) = _sent(store)
    assert template in draft and "no answer within 1 s" in caplog.text


async def test_a_restart_mid_draft_sends_exactly_one_draft(store: Store) -> None:
    await _facts_sent(store)
    job = store.claim_job(T0)  # the first process took the job and died while the model was writing
    assert job is not None and job.kind == "model_draft"
    assert store.requeue_running() == 1  # what `nianbao serve` does at start-up
    async with running_model("good") as model, aiohttp.ClientSession() as session:
        worker = _worker(store, ChatModel(model.url, "m", timeout=5), session)
        assert await worker.run_until_idle() == 1
        assert await worker.run_until_idle() == 0
    assert len(_sent(store)) == 1 and store.job_counts()["done"] == 1


async def test_a_draft_the_clerk_no_longer_waits_for_is_not_sent(store: Store) -> None:
    service = await _facts_sent(store)
    await _say(service, "1", 2)  # adopted the template draft before the model answered
    sent_before = len(_sent(store))
    async with running_model("good") as model, aiohttp.ClientSession() as session:
        await _worker(store, ChatModel(model.url, "m", timeout=5), session).run_until_idle()
    assert len(_sent(store)) == sent_before and store.job_counts()["done"] == 1


async def test_without_a_model_nianbao_drafts_at_once_as_before(store: Store) -> None:
    service = CallbackService(store, NianbaoEngine(TZ), clock=lambda: T0)
    passive = await _say(service, FACTS, 1)
    assert passive is not None and "草拟如下" in passive and "政府网站信息公开专栏发布信息56条" in passive
    assert store.job_counts()["pending"] == 0
