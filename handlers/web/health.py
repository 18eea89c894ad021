"""/healthz and /metrics, answered from the event loop: they never wait behind the storage thread.

Counts that live in SQLite (outbox and jobs by status) are read by a background task every `REFRESH_SECONDS`
and served from memory with their age; what lives in memory (messages waiting for their batch, the age of the
oldest one — the storage lag —, jobs running) is read as it is. A stalled storage thread therefore shows as a
growing `storage_lag_seconds` and `counts_age_seconds`, not as a /healthz that hangs.

/metrics is the Prometheus text format (prometheus_client), one registry per app.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

from handlers.tasks import stop_task
from storage import Store
from storage.migrations import schema_version

REFRESH_SECONDS = 2.0
HEALTHY_LAG_SECONDS = 4.0  # WeCom waits 5 s for an answer


@dataclass
class StoredCounts:
    outbox: dict[str, int] = field(default_factory=dict)
    jobs: dict[str, int] = field(default_factory=dict)
    schema_version: int = 0
    read_at: float = 0.0  # loop time


def read_counts(store: Store) -> StoredCounts:
    with store._lock:  # one short read; no transaction
        rows = store.db.execute("SELECT status, count(*) FROM outbox WHERE status != 'sent' GROUP BY status")
        outbox = {"pending": 0, "failed": 0, **dict(rows.fetchall())}
        version = schema_version(store.db)
    return StoredCounts(outbox, store.job_counts(), version)


class Health:
    """What /healthz and /metrics report; `service`, `jobs`, `timer` are read through getters (set at start-up)."""

    def __init__(self, store: Store, service: Callable[[], Any], jobs: Callable[[], Any],
                 timer: Callable[[], Any]) -> None:
        self.store = store
        self.service, self.jobs, self.timer = service, jobs, timer
        self.counts = StoredCounts()
        self.registry = CollectorRegistry(auto_describe=True)
        self.latency = Histogram("nianbao_callback_seconds", "Time from a callback's arrival to its answer",
                                 buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5),
                                 registry=self.registry)
        self.callbacks: dict[str, int] = {"answered": 0, "replayed": 0, "refused": 0}
        self.registry.register(_Collector(self))

    async def refresh(self) -> None:
        counts = await self.store.run(read_counts, self.store)
        counts.read_at = asyncio.get_running_loop().time()
        self.counts = counts

    async def refresh_forever(self) -> None:
        while True:
            with contextlib.suppress(Exception):
                await self.refresh()
            await asyncio.sleep(REFRESH_SECONDS)

    def snapshot(self) -> dict[str, Any]:
        now = asyncio.get_running_loop().time()
        service, jobs = self.service(), self.jobs()
        lag = service.oldest_wait(now) if service else 0.0
        counts_age = now - self.counts.read_at if self.counts.read_at else None
        return {
            "ok": lag < HEALTHY_LAG_SECONDS,
            "schema_version": self.counts.schema_version,
            "storage_lag_seconds": round(lag, 3),
            "waiting_messages": service.waiting if service else 0,
            "outbox_pending": self.counts.outbox.get("pending", 0),
            "outbox_failed": self.counts.outbox.get("failed", 0),
            "jobs_pending": self.counts.jobs.get("pending", 0),
            "jobs_running": jobs.busy if jobs else 0,
            "jobs_failed": self.counts.jobs.get("failed", 0),
            "counts_age_seconds": None if counts_age is None else round(counts_age, 3),
        }

    def observe(self, started: float, outcome: str) -> None:
        self.callbacks[outcome] = self.callbacks.get(outcome, 0) + 1
        if outcome != "refused":
            self.latency.observe(time.perf_counter() - started)


class _Collector(Collector):
    def __init__(self, health: Health) -> None:
        self.health = health

    def collect(self) -> Iterator[Any]:
        health = self.health
        callbacks = CounterMetricFamily("nianbao_callbacks", "WeCom callbacks by outcome", labels=["outcome"])
        for outcome, n in sorted(health.callbacks.items()):
            callbacks.add_metric([outcome], n)
        yield callbacks
        service, jobs, timer = health.service(), health.jobs(), health.timer()
        now = time.monotonic()
        with contextlib.suppress(RuntimeError):
            now = asyncio.get_running_loop().time()
        yield _gauge("nianbao_waiting_messages", "Messages waiting for the next batch",
                     service.waiting if service else 0)
        yield _gauge("nianbao_storage_lag_seconds", "Age of the oldest message waiting for its batch",
                     service.oldest_wait(now) if service else 0.0)
        batches = CounterMetricFamily("nianbao_batches", "Committed batches of messages")
        batches.add_metric([], service.batches if service else 0)
        yield batches
        batched = CounterMetricFamily("nianbao_batched_messages", "Messages committed in batches")
        batched.add_metric([], service.batched if service else 0)
        yield batched
        outbox = GaugeMetricFamily("nianbao_outbox_messages", "Outbox messages not sent, by status",
                                   labels=["status"])
        for status in ("pending", "failed"):
            outbox.add_metric([status], health.counts.outbox.get(status, 0))
        yield outbox
        queued = GaugeMetricFamily("nianbao_jobs", "Jobs by status (as last read)", labels=["status"])
        for status, n in sorted(health.counts.jobs.items()):
            queued.add_metric([status], n)
        yield queued
        yield _gauge("nianbao_jobs_running", "Jobs being worked on now", jobs.busy if jobs else 0)
        done = CounterMetricFamily("nianbao_jobs_finished", "Jobs finished by this process", labels=["outcome"])
        done.add_metric(["done"], jobs.finished if jobs else 0)
        done.add_metric(["failed"], jobs.failed if jobs else 0)
        yield done
        reminders = CounterMetricFamily("nianbao_reminders_sent", "Reminders queued by the timer")
        reminders.add_metric([], timer.sent if timer else 0)
        yield reminders


def _gauge(name: str, documentation: str, value: float) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, documentation, value=value)


HEALTH_KEY = web.AppKey("health", Health)


def health_ctx(make: Callable[[web.Application], Health]):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        health = make(app)
        app[HEALTH_KEY] = health
        await health.refresh()
        task = asyncio.create_task(health.refresh_forever())
        yield
        await stop_task(task)

    return ctx


async def healthz(request: web.Request) -> web.Response:
    return web.json_response(request.app[HEALTH_KEY].snapshot())


async def metrics(request: web.Request) -> web.Response:
    body = generate_latest(request.app[HEALTH_KEY].registry)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
