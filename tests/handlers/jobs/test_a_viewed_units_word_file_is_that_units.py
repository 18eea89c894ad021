"""查看 <单位> sends the Word file of the unit viewed, to the supervisor who asked, once — also when two 查看 of
different units follow each other before either job has run, when they arrive in one batch, and when the first
job is still running as the second message comes in. The file is read back and its unit checked, not only its name."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document

from bot.importers import import_report
from bot.incoming import Incoming
from handlers.conversation import NianbaoEngine
from handlers.jobs.queue import JobContext, JobWorker, load_kinds
from handlers.service import CallbackService
from storage import Store, Unit, User
from storage.db import from_json
from tests.conftest import seed_path
from tests.handlers.jobs.helpers import T0, Clock

TZ = ZoneInfo("Asia/Shanghai")
UNITS = ("柳园口乡", "北道门乡", "水稻乡")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "view.db")
    for n, name in enumerate(UNITS):
        s.save_unit(Unit(name, "乡", "A区"))
        s.save_user(User(f"clerk{n}", f"经办人{n}", "staff", name, "A区"))
        report = replace(import_report(seed_path(n)).report, unit=name, unit_kind="乡", year=2025)
        s.save_report(report, "seed", T0 - timedelta(days=1), status="submitted")
    s.save_user(User("sup", "审核员", "supervisor", None, "A区"))
    s.save_user(User("sup2", "另一审核员", "supervisor", None, "A区"))
    s.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    yield s
    s.close()


def _service(store: Store, clock: Clock) -> CallbackService:
    return CallbackService(store, NianbaoEngine(TZ), clock=clock)


def _worker(store: Store, clock: Clock) -> JobWorker:
    load_kinds()
    return JobWorker(JobContext(store, tz=TZ, isolate=False), clock=clock)


def _view(user: str, unit: str, n: int, clock: Clock) -> Incoming:
    return Incoming(user, "text", clock.now, text=f"查看 {unit}", message_id=f"{user}-view-{n}")


def _files(store: Store, user: str) -> list[tuple[str, str]]:
    """(file name, the unit the Word file itself names in its title) of every file queued for `user`, in order."""
    rows = store.db.query("SELECT touser, payload, file_bytes FROM outbox WHERE msgtype = 'file' ORDER BY id")
    found = []
    for row in rows:
        if user in row["touser"].split("|"):
            body = "\n".join(p.text for p in Document(io.BytesIO(row["file_bytes"])).paragraphs)
            named = [u for u in UNITS if u in body]
            found.append((from_json(row["payload"])["file_name"], "|".join(named)))
    return found


def _expected(*units: str) -> list[tuple[str, str]]:
    return [(f"{u}2025年政府信息公开工作年度报告.docx", u) for u in units]


async def test_two_views_in_a_row_send_each_units_own_word_file(store: Store) -> None:
    clock = Clock()
    service = _service(store, clock)
    await service.handle(_view("sup", "柳园口", 1, clock))
    clock.now += timedelta(seconds=1)
    await service.handle(_view("sup", "北道门", 2, clock))
    assert await _worker(store, clock).run_until_idle() == 2
    assert _files(store, "sup") == _expected("柳园口乡", "北道门乡")


async def test_views_in_one_batch_send_each_units_own_word_file(store: Store) -> None:
    clock = Clock()
    service = _service(store, clock)
    # arriving together, they are written in one transaction: one savepoint each, one job each
    await asyncio.gather(*(service.handle(_view(user, unit, n, clock)) for n, (user, unit) in
                           enumerate((("sup", "水稻"), ("sup2", "柳园口"), ("sup", "北道门")))))
    assert await _worker(store, clock).run_until_idle() == 3
    assert _files(store, "sup") == _expected("水稻乡", "北道门乡")
    assert _files(store, "sup2") == _expected("柳园口乡")


async def test_a_view_answered_while_the_last_ones_file_is_rendered_gets_its_own(store: Store) -> None:
    clock = Clock()
    service = _service(store, clock)
    worker = _worker(store, clock)
    await service.handle(_view("sup", "北道门", 1, clock))
    first = await store.run(store.claim_job, clock.now)  # its job is running …
    assert first is not None and first.args["unit"] == "北道门乡"
    clock.now += timedelta(seconds=1)
    await service.handle(_view("sup", "水稻", 2, clock))  # … as the next 查看 comes in
    await worker._run(first)  # the first finishes late, after the second was answered
    assert await worker.run_until_idle() == 1
    assert _files(store, "sup") == _expected("北道门乡", "水稻乡")


async def test_the_same_unit_viewed_twice_sends_its_file_twice_and_a_retry_once(store: Store) -> None:
    clock = Clock()
    service = _service(store, clock)
    view = _view("sup", "柳园口", 1, clock)
    await service.handle(view)
    await service.handle(view)  # WeCom's retry of the same message: nothing new
    clock.now += timedelta(seconds=1)
    await service.handle(_view("sup", "柳园口乡", 2, clock))  # asked again: sent again
    assert await _worker(store, clock).run_until_idle() == 2
    assert _files(store, "sup") == _expected("柳园口乡", "柳园口乡")


async def test_a_word_file_a_jobs_replies_ask_for_is_rendered_for_its_unit_never_sent_empty(store: Store) -> None:
    """A job answering for the engine (a model draft, a file read) may get a turn's Word file among its replies: it
    is rendered by a job of its own for the unit named, not queued as an empty file."""
    from bot.incoming import Deferred, Reply
    from handlers.jobs.queue import deliver_replies

    clock = Clock()
    with store.transaction():
        job_id = store.enqueue_job("report_docx", {"unit": "水稻乡", "year": 2025, "userid": "sup"}, clock.now)
    job = store.job(job_id)
    assert job is not None
    word = Reply(kind="file", file_name="北道门乡2025年政府信息公开工作年度报告.docx",
                 deferred=Deferred("report_docx", {"unit": "北道门乡", "year": 2025}))
    with store.transaction():
        deliver_replies(store, job, "sup", [Reply("草稿如下"), word], clock.now)
        store.finish_job(job_id, clock.now)
    assert not store.db.execute("SELECT 1 FROM outbox WHERE msgtype = 'file' AND (file_bytes IS NULL OR "
                                "length(file_bytes) = 0)").fetchall()
    assert await _worker(store, clock).run_until_idle() == 1
    assert _files(store, "sup") == _expected("北道门乡")


def _texts_before_files(store: Store, user: str) -> list[str]:
    """The text queued right before each file for `user` (from the same job), '' when the file comes alone."""
    rows = store.db.query("SELECT touser, msgtype, payload, dedup_key FROM outbox ORDER BY id")
    mine = [r for r in rows if user in r["touser"].split("|")]
    out = []
    for n, row in enumerate(mine):
        if row["msgtype"] == "file":
            before = mine[n - 1] if n else None
            same_job = before is not None and before["dedup_key"].split("#")[0] == row["dedup_key"].split("#")[0]
            out.append(from_json(before["payload"])["content"] if same_job and before["msgtype"] == "text" else "")
    return out


async def test_a_file_that_follows_the_answer_to_a_later_view_says_whose_it_is(store: Store) -> None:
    clock = Clock()
    service = _service(store, clock)
    await service.handle(_view("sup", "柳园口", 1, clock))
    await service.handle(_view("sup", "北道门", 2, clock))  # before the first file was made
    await _worker(store, clock).run_until_idle()
    first, second = _texts_before_files(store, "sup")
    assert "柳园口乡2025年政府信息公开工作年度报告.docx" in first and "此前" in first
    assert second == ""  # the file of the last view follows its own answer: nothing to say
    clock.now += timedelta(minutes=1)
    await service.handle(_view("sup", "水稻", 3, clock))
    await _worker(store, clock).run_until_idle()
    assert _texts_before_files(store, "sup")[2] == ""
