"""The durable job queue: a job exists iff its transaction committed, runs at least once, delivers its result
exactly once through the outbox (also across a restart), retries a bounded number of times, and isolated work is
capped in time and memory."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.incoming import Reply
from handlers.jobs.queue import (
    CHILD_NICENESS,
    IsolatedFailure,
    JobContext,
    JobKind,
    JobRefused,
    JobWorker,
    deliver_replies,
    run_isolated_blocking,
)
from storage import Store
from storage.jobs import Job
from tests.handlers.jobs.helpers import T0, Clock


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store.open(tmp_path / "nianbao.db")
    yield s
    s.close()


def _echo_kind(calls: list[str], failures: list[str | None], *, fail_times: int = 0, refuse: bool = False,
               max_attempts: int = 3) -> JobKind:
    attempts = {"n": 0}

    def load(store: Store, job: Job) -> str:
        return job.args["text"]

    async def work(ctx: JobContext, job: Job, text: str) -> str:
        attempts["n"] += 1
        calls.append(text)
        if refuse:
            raise JobRefused("文件过大，未导入。")
        if attempts["n"] <= fail_times:
            raise RuntimeError("flaky")
        return text.upper()

    def deliver(store: Store, job: Job, result: str, now: datetime) -> None:
        deliver_replies(store, job, job.args["userid"], [Reply(result)], now)

    def on_failure(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
        failures.append(refusal)

    return JobKind("echo", load, work, deliver, on_failure=on_failure, max_attempts=max_attempts)


def _outbox_texts(store: Store) -> list[str]:
    return [r["payload"] for r in store.db.query("SELECT payload FROM outbox ORDER BY id")]


def test_a_job_exists_only_if_its_transaction_committed(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.enqueue_job("echo", {"text": "lost"}, T0)
        raise RuntimeError("the message failed")
    assert store.job_counts()["pending"] == 0
    with store.transaction():
        store.enqueue_job("echo", {"text": "kept"}, T0)
    assert store.job_counts()["pending"] == 1


async def test_a_job_runs_and_its_result_is_queued_once(store: Store) -> None:
    calls: list[str] = []
    registry = {"echo": _echo_kind(calls, [])}
    store.enqueue_job("echo", {"text": "hi", "userid": "u1"}, T0)
    worker = JobWorker(JobContext(store, isolate=False), clock=Clock(), registry=registry)
    assert await worker.run_until_idle() == 1
    assert calls == ["hi"]
    assert _outbox_texts(store) == ['{"content":"HI"}']
    assert store.job_counts()["done"] == 1
    assert await worker.run_until_idle() == 0  # a done job never runs again


async def test_a_job_left_running_by_a_dead_process_runs_again_and_sends_one_result(store: Store) -> None:
    calls: list[str] = []
    registry = {"echo": _echo_kind(calls, [])}
    job_id = store.enqueue_job("echo", {"text": "hi", "userid": "u1"}, T0)
    claimed = store.claim_job(T0)  # the first process took it and died before finishing
    assert claimed is not None and claimed.id == job_id
    # it had even queued its result before dying (a crash between the deliver and the commit cannot do this,
    # but a duplicate run must not send twice either way)
    deliver_replies(store, claimed, "u1", [Reply("HI")], T0)
    assert store.requeue_running() == 1
    worker = JobWorker(JobContext(store, isolate=False), clock=Clock(), registry=registry)
    assert await worker.run_until_idle() == 1
    assert _outbox_texts(store) == ['{"content":"HI"}']
    assert store.job(job_id).attempts == 2  # type: ignore[union-attr]


async def test_retries_are_bounded_and_the_user_is_told_once(store: Store) -> None:
    calls: list[str] = []
    failures: list[str | None] = []
    registry = {"echo": _echo_kind(calls, failures, fail_times=99, max_attempts=3)}
    store.enqueue_job("echo", {"text": "hi", "userid": "u1"}, T0, max_attempts=3)
    clock = Clock()
    worker = JobWorker(JobContext(store, isolate=False), clock=clock, registry=registry)
    for _ in range(5):
        await worker.run_until_idle()
        clock.now += timedelta(minutes=5)
    assert len(calls) == 3
    assert failures == [None]
    assert store.job_counts()["failed"] == 1
    assert _outbox_texts(store) == []


async def test_a_retry_waits_for_its_backoff(store: Store) -> None:
    calls: list[str] = []
    registry = {"echo": _echo_kind(calls, [], fail_times=1)}
    store.enqueue_job("echo", {"text": "hi", "userid": "u1"}, T0)
    clock = Clock()
    worker = JobWorker(JobContext(store, isolate=False), clock=clock, registry=registry)
    await worker.run_until_idle()
    assert calls == ["hi"] and store.job_counts()["pending"] == 1
    await worker.run_until_idle()
    assert calls == ["hi"]  # not due yet
    clock.now += timedelta(seconds=3)
    await worker.run_until_idle()
    assert calls == ["hi", "hi"] and _outbox_texts(store) == ['{"content":"HI"}']


async def test_a_refused_job_fails_at_once_with_its_sentence(store: Store) -> None:
    calls: list[str] = []
    failures: list[str | None] = []
    registry = {"echo": _echo_kind(calls, failures, refuse=True)}
    store.enqueue_job("echo", {"text": "hi", "userid": "u1"}, T0)
    await JobWorker(JobContext(store, isolate=False), clock=Clock(), registry=registry).run_until_idle()
    assert calls == ["hi"]
    assert failures == ["文件过大，未导入。"]
    assert store.job_counts()["failed"] == 1


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


def _refuse() -> Any:
    raise JobRefused("不行")


def test_isolated_work_returns_its_result() -> None:
    assert run_isolated_blocking(_allocate, (1,), timeout=30) == 1024 * 1024


def test_isolated_work_is_killed_after_its_time() -> None:
    with pytest.raises(IsolatedFailure) as caught:
        run_isolated_blocking(_sleep, (30,), timeout=0.5)
    assert caught.value.reason == "timeout" and "CPU" not in str(caught.value)  # the clock ended it


def _spin(seconds: float) -> None:
    # back to the tests' own priority where allowed: other tests keep the cores busy, and a child at CHILD_NICENESS
    # (or SCHED_IDLE) would get its second slowly
    with contextlib.suppress(OSError, AttributeError):
        os.sched_setscheduler(0, os.SCHED_OTHER, os.sched_param(0))
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, 0, 0)
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_isolated_work_is_ended_after_its_cpu_time_not_the_clocks() -> None:
    # the cap is the work's own CPU time: a spinning child is ended after its 1 s of CPU, however long the clock
    # gives it (60 s here: under a loaded suite, a niced child's second of CPU may take many seconds to come)
    began = time.monotonic()
    with pytest.raises(IsolatedFailure) as caught:
        run_isolated_blocking(_spin, (30,), timeout=1, wall_seconds=60)
    assert caught.value.reason == "timeout" and "CPU" in str(caught.value)
    assert time.monotonic() - began < 60



def test_isolated_work_cannot_take_more_memory_than_its_cap() -> None:
    with pytest.raises(IsolatedFailure) as caught:
        run_isolated_blocking(_allocate, (2048,), timeout=30, memory=512 * 1024 * 1024)
    assert caught.value.reason == "memory"


def test_isolated_work_runs_below_the_servers_priority() -> None:
    # os.nice(0) reads the niceness; the kernel caps it at 19
    assert run_isolated_blocking(os.nice, (0,), timeout=30) == min(os.nice(0) + CHILD_NICENESS, 19)


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is Linux's")
def test_isolated_work_runs_only_when_the_server_leaves_the_core_idle() -> None:
    assert run_isolated_blocking(os.sched_getscheduler, (0,), timeout=30) == os.SCHED_IDLE
    assert os.sched_getscheduler(0) != os.SCHED_IDLE  # the parent keeps its own


def test_an_isolated_refusal_is_raised_again_in_the_parent() -> None:
    with pytest.raises(JobRefused, match="不行"):
        run_isolated_blocking(_refuse, (), timeout=30)
