"""Durable jobs: slow work outside the message transaction, its result delivered once through the outbox.

API (for every room that has slow work — files, rendering, exports, reminder ticks, model drafts):

    from handlers.jobs.queue import JobKind, register, enqueue, deliver_replies

    def load(store, job) -> Any: ...                        # storage thread: read what the work needs (short)
    async def work(ctx: JobContext, job, loaded) -> Any: ... # event loop: network (ctx.api), CPU work through
                                                             #   ctx.isolated(fn, *args) (a child process with
                                                             #   time and memory caps) or ctx.thread(fn, *args)
    def deliver(store, job, result, now) -> None: ...        # storage thread, in the transaction that marks the job
                                                             #   done: write results, queue replies with
                                                             #   deliver_replies(store, job, userid, replies, now)
    register(JobKind("report_docx", load, work, deliver, on_failure=…, max_attempts=3, timeout=60))

    enqueue(store, "report_docx", {"unit": …, "year": …, "userid": …}, now)   # inside the caller's transaction

Guarantees:
- a job exists iff the transaction that enqueued it committed (`enqueue` joins the open transaction);
- at least once: a job is claimed (its attempt counted) before it runs; one left running by a process that died is
  claimed again after the restart (`JobWorker.run_forever` requeues at start-up);
- its result exactly once: `deliver` runs in the same transaction that marks the job done, and the outbox rows it
  queues carry the dedup keys `job:<id>#<n>`, so a job run twice still sends one result;
- bounded retries: a failing attempt waits 2 s, 4 s, 8 s …; after `max_attempts` (or at once when the work raises
  `JobRefused(sentence)`) the job is failed and `on_failure(store, job, sentence or None, now)` runs in that
  transaction, to tell the user (a refusal's sentence, or a polite "could not be done");
- jobs never run inside a message transaction and never hold the storage thread while they work.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import math
import multiprocessing
import multiprocessing.connection
import os
import resource
import signal
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.incoming import Reply
from handlers.tasks import wait_for_event
from storage import Store
from storage.jobs import Job

log = logging.getLogger("nianbao.jobs")

FIRST_BACKOFF = timedelta(seconds=2)
MAX_BACKOFF = timedelta(minutes=10)
IDLE_SECONDS = 30.0
PARALLEL = 2  # jobs worked on at once (a long import does not hold a submission's Word file back)
STARVED_FACTOR = 4  # an isolated child's time on the clock, in multiples of the CPU time it may use
CHILD_NICENESS = 15  # an isolated child's scheduling priority below the server's (0)
CHILD_MEMORY_BYTES = 1536 * 1024 * 1024  # address space of one isolated child: a parse that needs more is refused
# modules a forked child has already imported, so an isolated call starts in milliseconds, not seconds
PRELOAD = ["bot.importers", "bot.render", "bot.supervision", "bot.checking", "handlers.files", "handlers.jobs.kinds",
           "handlers.jobs.export", "handlers.jobs.rollup", "handlers.jobs.reminders", "docx",
           "rustpy_xlsxwriter", "handlers.jobs.child_preload"]


class JobRefused(Exception):
    """The job cannot succeed (a file too large, a zip bomb, not a report): fail at once, no retry.
    The message is the user-facing sentence (from a template)."""


class IsolatedFailure(Exception):
    """An isolated child ran out of time or memory, or died."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason  # timeout | memory | crashed | error


Load = Callable[[Store, Job], Any]
Work = Callable[["JobContext", Job, Any], Awaitable[Any]]
Deliver = Callable[[Store, Job, Any, datetime], None]
OnFailure = Callable[[Store, Job, "str | None", datetime], None]  # refusal: the user-facing sentence, or None


@dataclass(frozen=True)
class JobKind:
    name: str
    load: Load
    work: Work
    deliver: Deliver
    on_failure: OnFailure | None = None
    max_attempts: int = 3
    timeout: float = 120.0  # the whole attempt, load to deliver


REGISTRY: dict[str, JobKind] = {}
# the modules that register the kinds: whoever enqueues (a callback, a command, the CLI) finds every kind there
KIND_MODULES = ("handlers.jobs.kinds", "handlers.jobs.export", "handlers.jobs.area_commands",
                "handlers.jobs.model_drafts")


def load_kinds() -> dict[str, JobKind]:
    """Every job kind, their modules imported on first use."""
    for module in KIND_MODULES:
        importlib.import_module(module)
    return REGISTRY


def register(kind: JobKind) -> JobKind:
    REGISTRY[kind.name] = kind
    return kind


def enqueue(store: Store, kind: str, args: dict[str, Any], now: datetime, *, dedup_key: str | None = None,
            data: bytes | None = None) -> int:
    """Queue a job of a registered kind; joins the caller's open transaction."""
    if kind not in REGISTRY and kind not in load_kinds():
        raise KeyError(f"unknown job kind {kind!r}")
    return store.enqueue_job(kind, args, now, dedup_key=dedup_key, max_attempts=REGISTRY[kind].max_attempts,
                             data=data)


def deliver_replies(store: Store, job: Job, userid: str, replies: list[Reply], now: datetime) -> int:
    """Queue a job's replies to one user, with dedup keys `job:<id>#<n>`: a job run twice sends them once. A reply
    that stands for more slow work (a Word file the engine's turn asked for) becomes that job, as a message's
    would (`job:<id>#job<n>`), never an empty file."""
    from handlers.service import enqueue_deferred, enqueue_replies  # the edge's one way to queue replies

    key = f"job:{job.id}"
    queued = enqueue_deferred(store, userid, replies, now, key)
    return queued + enqueue_replies(store, userid, [r for r in replies if r.deferred is None], now, key)


def backoff(attempts: int) -> timedelta:
    return min(FIRST_BACKOFF * (2 ** max(min(attempts - 1, 20), 0)), MAX_BACKOFF)


# -- isolated children -------------------------------------------------------------------------------------------


_context: multiprocessing.context.BaseContext | None = None


def _mp_context() -> multiprocessing.context.BaseContext:
    # forkserver: children fork from a clean process that never ran threads or the event loop, with PRELOAD imported
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def start_isolation() -> None:
    """Start the fork server now (it imports PRELOAD once), so the first job does not wait for it."""
    from multiprocessing import forkserver

    _mp_context()
    forkserver.ensure_running()


def isolated_wall_seconds(cpu_seconds: float) -> float:
    """How long an isolated child may take on the clock, for `cpu_seconds` of work: it runs below the server's
    priority, so on a busy core its seconds of CPU come slower (a job's own time limit must allow for this)."""
    return cpu_seconds * STARVED_FACTOR


def _child(conn: multiprocessing.connection.Connection, fn: Callable[..., Any], args: tuple[Any, ...],
           memory: int, cpu_seconds: float) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    with contextlib.suppress(ValueError, OSError):  # the work's own time: SIGXCPU ends it, however busy the core
        limit = max(1, math.ceil(cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit + 5))
    # a job may wait; a clerk's answer may not. SCHED_IDLE: the child runs only on a core the server leaves idle,
    # and a server thread that wakes (its fsync done, a request in) takes the core back at once; a merely niced
    # child kept it to the end of its time slice, in every pause of the server. The niceness is for systems
    # without SCHED_IDLE.
    with contextlib.suppress(OSError):
        os.nice(CHILD_NICENESS)
    with contextlib.suppress(OSError, AttributeError):
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    try:
        result = ("ok", fn(*args))
    except MemoryError:
        result = ("memory", "")
    except BaseException as error:  # noqa: BLE001 — everything goes back to the parent as data
        result = ("raised", (error, traceback.format_exc()))
    try:
        conn.send(result)
    except Exception as error:  # an unpicklable result or exception
        conn.send(("error", repr(error)))
    finally:
        conn.close()


def run_isolated_blocking(fn: Callable[..., Any], args: tuple[Any, ...], timeout: float,
                          memory: int = CHILD_MEMORY_BYTES, wall_seconds: float | None = None) -> Any:
    """`fn(*args)` in a forked child with an address-space cap, ended after `timeout` seconds of CPU (or after
    `wall_seconds` on the clock, by default `isolated_wall_seconds(timeout)`, however little CPU it had: a child
    stuck waiting).

    An exception `fn` raises is raised again here (JobRefused stays JobRefused); running out of time or memory,
    or dying, is `IsolatedFailure`."""
    ctx = _mp_context()
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, fn, args, memory, timeout), daemon=True)
    process.start()
    child.close()
    try:
        wall = isolated_wall_seconds(timeout) if wall_seconds is None else wall_seconds
        if not parent.poll(wall):
            raise IsolatedFailure("timeout", f"over {wall:.0f} s")
        try:
            status, value = parent.recv()
        except EOFError:
            process.join(5)
            if process.exitcode == -signal.SIGXCPU:
                raise IsolatedFailure("timeout", f"over {timeout:.0f} s of CPU") from None
            raise IsolatedFailure("crashed", f"exit code {process.exitcode}") from None
    finally:
        parent.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if status == "ok":
        return value
    if status == "memory":
        raise IsolatedFailure("memory", f"over {memory // (1024 * 1024)} MB")
    if status == "raised":
        error, trace = value
        log.debug("isolated %s raised:\n%s", getattr(fn, "__name__", fn), trace)
        raise error
    raise IsolatedFailure("error", str(value))


async def run_isolated(fn: Callable[..., Any], args: tuple[Any, ...], timeout: float,
                       memory: int = CHILD_MEMORY_BYTES) -> Any:
    """`run_isolated_blocking`, awaited without blocking the event loop."""
    return await asyncio.to_thread(run_isolated_blocking, fn, args, timeout, memory)


@dataclass
class JobContext:
    """What a job's `work` may use: the WeCom API (downloads), settings, and ways to run CPU work off the loop."""

    store: Store
    api: Any = None
    tz: Any = None
    resources: dict[str, Any] = field(default_factory=dict)
    isolate: bool = True  # False in a few unit tests that run work in threads

    async def isolated(self, fn: Callable[..., Any], *args: Any, timeout: float = 60.0,
                       memory: int = CHILD_MEMORY_BYTES) -> Any:
        """CPU-bound or untrusted work in a child process (time and memory capped), awaited without blocking."""
        if not self.isolate:
            return await asyncio.to_thread(fn, *args)
        return await run_isolated(fn, args, timeout, memory)

    async def thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await asyncio.to_thread(fn, *args)


# -- the worker --------------------------------------------------------------------------------------------------


class JobWorker:
    """Claims due jobs and runs up to `parallel` at once; `run_forever` is a background task of `nianbao serve`."""

    def __init__(self, ctx: JobContext, *, clock: Callable[[], datetime], parallel: int = PARALLEL,
                 on_queued: Callable[[], None] = lambda: None, registry: dict[str, JobKind] | None = None) -> None:
        self.ctx = ctx
        self.store = ctx.store
        self.clock = clock
        self.parallel = parallel
        self.on_queued = on_queued
        self.registry = REGISTRY if registry is None else registry
        self._wake = asyncio.Event()
        self._running: set[asyncio.Task] = set()
        self.finished = 0
        self.failed = 0

    def wake(self) -> None:
        self._wake.set()

    @property
    def busy(self) -> int:
        return len(self._running)

    async def run_forever(self) -> None:
        if self.ctx.isolate:
            await asyncio.to_thread(start_isolation)
        requeued = await self.store.run(self.store.requeue_running)
        if requeued:
            log.info("%d job(s) left running by the last process are queued again", requeued)
        try:
            while True:
                self._wake.clear()
                try:
                    await self._start_due()
                    delay = await self._idle_seconds()
                except Exception:
                    log.exception("job round failed")
                    delay = FIRST_BACKOFF.total_seconds()
                await wait_for_event(self._wake, delay)
        finally:
            for task in list(self._running):
                task.cancel()
            await asyncio.gather(*self._running, return_exceptions=True)

    async def run_until_idle(self) -> int:
        """Run every job due now (and those they queue) to the end; how many ran. For tests and the CLI."""
        ran = 0
        while True:
            job = await self.store.run(self.store.claim_job, self.clock(), tuple(self.registry))
            if job is None:
                return ran
            await self._run(job)
            ran += 1

    async def _start_due(self) -> None:
        while len(self._running) < self.parallel:
            job = await self.store.run(self.store.claim_job, self.clock(), tuple(self.registry))
            if job is None:
                return
            task = asyncio.create_task(self._run(job))
            self._running.add(task)
            task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task) -> None:
        self._running.discard(task)
        self._wake.set()  # a slot is free

    async def _idle_seconds(self) -> float:
        if len(self._running) >= self.parallel:
            return IDLE_SECONDS
        next_at = await self.store.run(self.store.next_job_time)
        if next_at is None:
            return IDLE_SECONDS
        return min(max((next_at - self.clock()).total_seconds(), 0.05), IDLE_SECONDS)

    async def _run(self, job: Job) -> None:
        kind = self.registry[job.kind]
        try:
            async with asyncio.timeout(kind.timeout):
                loaded = await self.store.run(kind.load, self.store, job)
                result = await kind.work(self.ctx, job, loaded)
                await self.store.run(self._deliver, kind, job, result)
        except asyncio.CancelledError:
            raise  # shutting down: the job stays running and is requeued at the next start
        except JobRefused as refusal:
            await self._give_up(kind, job, str(refusal), str(refusal))
        except Exception as error:
            reason = f"{type(error).__name__}: {error}"
            if job.attempts >= job.max_attempts:
                log.exception("job %s (%s) failed for good after %d attempts", job.id, job.kind, job.attempts)
                await self._give_up(kind, job, reason, None)
            else:
                log.warning("job %s (%s) attempt %d failed: %s", job.id, job.kind, job.attempts, reason, exc_info=True)
                await self.store.run(self.store.retry_job, job.id, self.clock() + backoff(job.attempts), reason)
        else:
            self.finished += 1
        self.on_queued()

    def _deliver(self, kind: JobKind, job: Job, result: Any) -> None:
        now = self.clock()
        with self.store.transaction():
            kind.deliver(self.store, job, result, now)
            self.store.finish_job(job.id, now)

    async def _give_up(self, kind: JobKind, job: Job, reason: str, refusal: str | None) -> None:
        self.failed += 1

        def fail() -> None:
            now = self.clock()
            with self.store.transaction():
                if kind.on_failure is not None:
                    kind.on_failure(self.store, job, refusal, now)
                self.store.fail_job(job.id, now, reason)

        try:
            await self.store.run(fail)
        except Exception:
            log.exception("job %s (%s): recording its failure failed", job.id, job.kind)
            await self.store.run(self.store.fail_job, job.id, self.clock(), reason)
