"""The aiohttp application of `nianbao serve`: the WeCom callback, /healthz, the outbox worker and upkeep — and,
when WECOM_BOT_ID is set, the 智能机器人 long connection as a second channel into the same service and outbox.

WeCom treats any answer but HTTP 200 as a failure and retries, so the callback answers 403/400 only for requests
that are not WeCom's (bad signature, stale, malformed, too large) and 200 for everything else — an unexpected
error is logged and answered 200 with an empty body, never a 500 and never a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gc
import logging
import time
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from typing import Any

import aiohttp
from aiohttp import web

from handlers.config import Settings
from handlers.conversation import NianbaoEngine
from handlers.jobs.figures import FiguresRefresher
from handlers.jobs.queue import JobContext, JobWorker, load_kinds
from handlers.jobs.reminders import ReminderTimer, Sleep
from handlers.llm import ChatModel
from handlers.service import CallbackService, Engine, Handled, utc_now
from handlers.tasks import stop_task, wait_for_event
from handlers.warm_up import warm_up as warm_up_engine
from handlers.web.desk import DESK_PREFIX, Desk, desk_error_page, mount_desk
from handlers.web.desk.access import link as desk_path
from handlers.web.health import HEALTH_KEY, Health, health_ctx, healthz, metrics
from handlers.web.report_pages import (
    REPORT_FILE_PATH,
    REPORT_PATH,
    report_file_response,
    report_response,
    report_url,
)
from handlers.wecom.api import WeComAPI
from handlers.wecom.crypto import (
    MAX_BODY_BYTES,
    BodyTooSlow,
    CallbackCrypto,
    CallbackError,
    MalformedMessage,
    MessageTooLarge,
    text_reply_xml,
    to_incoming,
    update_button_reply_xml,
)
from handlers.wecom.longconn.channel import LongConnectionChannel
from handlers.wecom.longconn.client import DEFAULT_TIMING, LongConnection, Timing
from handlers.wecom.outbox_worker import DUPLICATE_CHECK_INTERVAL, OutboxWorker, Wait
from handlers.wecom.standin import mount_standin
from storage import Store
from storage.wal import Checkpointer, checkpoint_elsewhere

log = logging.getLogger("nianbao.app")

CALLBACK_PATH = "/wecom/callback"
STANDIN_PREFIX = "/wecom-api"
SEEN_KEEP = timedelta(hours=48)  # WeCom retries within seconds; keep well over the 24 hours promised
PURGE_EVERY = 3600.0
CHECKPOINT_EVERY = 1.0  # seconds: the write-ahead log is copied back off the message path (storage.wal)
BODY_READ_SECONDS = 10.0  # WeCom sends a few KB at once; a body still arriving after this is not WeCom's
_STATUS_TEXT = {400: "bad request", 403: "forbidden", 408: "request timeout"}

SETTINGS_KEY = web.AppKey("settings", Settings)
HTTP_KEY = web.AppKey("http", aiohttp.ClientSession)
STORE_KEY = web.AppKey("store", Store)
CRYPTO_KEY = web.AppKey("crypto", CallbackCrypto)
SERVICE_KEY = web.AppKey("service", CallbackService)
WORKER_KEY = web.AppKey("outbox_worker", OutboxWorker)
API_KEY = web.AppKey("wecom_api", WeComAPI)
WALL_CLOCK_KEY = web.AppKey("wall_clock", object)
TIMER_KEY = web.AppKey("reminder_timer", ReminderTimer)
JOBS_KEY = web.AppKey("job_worker", JobWorker)
FIGURES_KEY = web.AppKey("figures", FiguresRefresher)
QUEUED_KEY = web.AppKey("queued_seen", dict)  # each worker's queue count when it was last woken
LONGCONN_KEY = web.AppKey("long_connection", LongConnection)


def create_app(
    settings: Settings,
    *,
    engine: Engine | None = None,
    store: Store | None = None,
    clock: Callable[[], datetime] = utc_now,
    wall_clock: Callable[[], float] = time.time,
    worker_wait: Wait = wait_for_event,
    standin_app: web.Application | None = None,
    timer_sleep: Sleep = asyncio.sleep,
    after_commit: Callable[[list[Handled]], None] | None = None,
    longconn_timing: Timing = DEFAULT_TIMING,
    warm_up: bool = False,
) -> web.Application:
    """The whole server. `store` given → used and left open; else opened from settings and closed at shutdown.

    `engine` defaults to the real one (the guided conversation for staff, commands for supervisors).
    `standin_app` (demo mode) is mounted at /wecom-api; settings.api_base should then point there.
    The reminder timer ticks at start-up, then sleeps `timer_sleep(60)` between ticks (tests inject both clocks).
    `after_commit(results)` runs on the event loop after each batch of messages commits, before they are answered.
    With settings.bot_id the long connection runs too (`longconn_timing`: heartbeats, backoff; tests shrink it).
    `warm_up`: compile the templates and play a short conversation before answering anything (`handlers.warm_up`;
    `nianbao serve` does, tests mostly not: a second of CPU per server).
    """
    app = web.Application(middlewares=[never_500], client_max_size=25 * 1024 * 1024)
    app[SETTINGS_KEY] = settings
    app[QUEUED_KEY] = {}
    app[WALL_CLOCK_KEY] = wall_clock
    if settings.app_channel:  # without it the long connection is the only way in
        app[CRYPTO_KEY] = CallbackCrypto(settings.token, settings.aes_key, settings.corp_id, settings.agent_id,
                                         window_seconds=settings.timestamp_window)
        app.router.add_get(CALLBACK_PATH, verify_url)
        app.router.add_post(CALLBACK_PATH, callback)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get(REPORT_PATH, report_page)
    app.router.add_get(REPORT_FILE_PATH, report_file)
    mount_desk(app, Desk(STORE_KEY, SETTINGS_KEY, API_KEY, clock, wall_clock, _wake_worker))
    app.cleanup_ctx.append(_storage_ctx(store, engine or default_engine(settings), clock, after_commit, warm_up))
    app.cleanup_ctx.append(_api_ctx)
    if settings.long_connection:
        app.cleanup_ctx.append(_longconn_ctx(clock, longconn_timing))
    app.cleanup_ctx.append(_worker_ctx(clock, worker_wait))
    app.cleanup_ctx.append(_jobs_ctx(clock))
    app.cleanup_ctx.append(_figures_ctx)
    app.cleanup_ctx.append(_checkpoint_ctx)
    app.cleanup_ctx.append(_purge_ctx(clock))
    app.cleanup_ctx.append(_timer_ctx(clock, timer_sleep))
    app.cleanup_ctx.append(health_ctx(lambda a: Health(a[STORE_KEY], lambda: a.get(SERVICE_KEY),
                                                       lambda: a.get(JOBS_KEY), lambda: a.get(TIMER_KEY))))
    if standin_app is not None:
        mount_standin(app, standin_app, STANDIN_PREFIX)
    return app


# -- lifecycle ---------------------------------------------------------------------------------------------------


def _storage_ctx(store: Store | None, engine: Engine, clock: Callable[[], datetime],
                 after_commit: Callable[[list[Handled]], None] | None, warm_up: bool):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        own = store is None
        opened = Store.open(app[SETTINGS_KEY].db_path) if own else store
        app[STORE_KEY] = opened
        await opened.run(opened.hold_unit_name_matchers)
        if warm_up:  # in a thread and a database of its own: the storage thread stays free
            await asyncio.to_thread(warm_up_engine, engine)
            # what start-up built (modules, templates, the area's unit names) lives as long as the process: the
            # garbage collector no longer walks it in every full collection (a fiftieth of a message's time)
            gc.freeze()
        app[SERVICE_KEY] = CallbackService(opened, engine, clock=clock, on_queued=lambda: _wake_worker(app),
                                           after_commit=after_commit, app_cards=app[SETTINGS_KEY].cards)
        yield
        if own:
            opened.close()

    return ctx


def _wake_worker(app: web.Application) -> None:
    """Something may have been queued: messages in the outbox, jobs in the job queue, figures gone stale. A worker
    is woken only if its queue grew here since it was last woken (each wake cost a round trip to storage per batch:
    a fifth of all its calls); what another process queues, a worker finds on its own next look."""
    store = app[STORE_KEY]
    seen = app[QUEUED_KEY]
    for key, queued in ((WORKER_KEY, store.outbox_queued), (JOBS_KEY, store.jobs_queued), (FIGURES_KEY, None)):
        worker = app.get(key)
        if worker is not None and (queued is None or seen.get(key) != queued):
            seen[key] = queued
            worker.wake()


def _wake_outbox(app: web.Application) -> None:
    worker = app.get(WORKER_KEY)
    if worker is not None:
        worker.wake()


async def _api_ctx(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS_KEY]
    async with aiohttp.ClientSession() as session:
        app[HTTP_KEY] = session
        app[API_KEY] = WeComAPI(session, settings.api_base, settings.corp_id, settings.secret, settings.agent_id,
                                duplicate_check_interval=DUPLICATE_CHECK_INTERVAL)
        yield


def _worker_ctx(clock: Callable[[], datetime], wait: Wait):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        worker = OutboxWorker(app[STORE_KEY], app[API_KEY], clock=clock, wait=wait, longconn=app.get(LONGCONN_KEY),
                              app_channel=app[SETTINGS_KEY].app_channel, app_cards=app[SETTINGS_KEY].cards)
        app[WORKER_KEY] = worker
        async with _background(worker.run_forever()):
            yield

    return ctx


def _longconn_ctx(clock: Callable[[], datetime], timing: Timing):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        settings = app[SETTINGS_KEY]
        channel = LongConnectionChannel(app[SERVICE_KEY], app[STORE_KEY], clock=clock,
                                        on_queued=lambda: _wake_worker(app))
        connection = LongConnection(settings.gateway_url, settings.bot_id, settings.bot_secret, channel.on_frame,
                                    on_up=lambda: _wake_outbox(app), timing=timing)
        channel.connection = connection
        app[LONGCONN_KEY] = connection
        async with _background(connection.run_forever()):
            yield

    return ctx


def _jobs_ctx(clock: Callable[[], datetime]):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        load_kinds()
        settings = app[SETTINGS_KEY]
        context = JobContext(app[STORE_KEY], api=app[API_KEY], tz=settings.tz,
                             resources={"http": app[HTTP_KEY], **model_resources(settings, app[HTTP_KEY])})
        worker = JobWorker(context, clock=clock, on_queued=lambda: _wake_outbox(app))
        app[JOBS_KEY] = worker
        async with _background(worker.run_forever()):
            yield

    return ctx


async def _figures_ctx(app: web.Application) -> AsyncIterator[None]:
    service = app.get(SERVICE_KEY)
    refresher = FiguresRefresher(app[STORE_KEY], busy=service.busy if service is not None else lambda: False)
    app[FIGURES_KEY] = refresher
    async with _background(refresher.run_forever()):
        yield


async def _checkpoint_ctx(app: web.Application) -> AsyncIterator[None]:
    store = app[STORE_KEY]
    if store.path is None:
        yield
        return
    checkpointer = Checkpointer(store.path)
    await store.run(checkpoint_elsewhere, store.db.conn)

    async def checkpoint_forever() -> None:
        while True:
            await asyncio.sleep(CHECKPOINT_EVERY)
            try:
                await asyncio.to_thread(checkpointer.checkpoint)
            except Exception:
                log.exception("copying the write-ahead log into the database file failed")

    try:
        async with _background(checkpoint_forever()):
            yield
    finally:
        checkpointer.close()


def _timer_ctx(clock: Callable[[], datetime], sleep: Sleep):
    async def ctx(app: web.Application) -> AsyncIterator[None]:
        timer = ReminderTimer(app[STORE_KEY], app[SETTINGS_KEY].tz, clock=clock, sleep=sleep,
                              on_queued=lambda: _wake_worker(app))
        app[TIMER_KEY] = timer
        async with _background(timer.run_forever()):
            yield

    return ctx


def _purge_ctx(clock: Callable[[], datetime]):
    async def purge_forever(store: Store) -> None:
        while True:
            try:
                forgotten = await store.run(store.purge_seen, clock() - SEEN_KEEP)
                if forgotten:
                    log.info("forgot %d answered message ids older than %s", forgotten, SEEN_KEEP)
            except Exception:
                log.exception("purging answered message ids failed")
            await asyncio.sleep(PURGE_EVERY)

    async def ctx(app: web.Application) -> AsyncIterator[None]:
        async with _background(purge_forever(app[STORE_KEY])):
            yield

    return ctx


@contextlib.asynccontextmanager
async def _background(coro) -> AsyncIterator[asyncio.Task]:
    task = asyncio.create_task(coro)
    try:
        yield task
    finally:
        await stop_task(task)


# -- requests ----------------------------------------------------------------------------------------------------


@web.middleware
async def never_500(request: web.Request, handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        log.exception("unexpected error on %s %s", request.method, request.path)
        if request.path == CALLBACK_PATH:
            return web.Response(status=200, text="")
        if request.path == DESK_PREFIX or request.path.startswith(DESK_PREFIX + "/"):
            return desk_error_page()  # a person reads it
        return web.json_response({"ok": False}, status=503)


async def verify_url(request: web.Request) -> web.Response:
    crypto = request.app[CRYPTO_KEY]
    try:
        q = _query(request, "msg_signature", "timestamp", "nonce", "echostr")
        echo = crypto.verify_url(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"],
                                 now=request.app[WALL_CLOCK_KEY]())
    except CallbackError as error:
        return _refused(request, error)
    log.info("WeCom URL verification succeeded")
    return web.Response(text=echo, content_type="text/plain")


async def callback(request: web.Request) -> web.Response:
    started = time.perf_counter()
    app = request.app
    crypto, health = app[CRYPTO_KEY], app[HEALTH_KEY]
    now = app[WALL_CLOCK_KEY]()
    try:
        q = _query(request, "msg_signature", "timestamp", "nonce")
        body = await read_capped(request, MAX_BODY_BYTES)
        incoming = to_incoming(crypto.decrypt(body, q["msg_signature"], q["timestamp"], q["nonce"], now=now))
    except CallbackError as error:
        health.observe(started, "refused")
        return _refused(request, error)
    service = app[SERVICE_KEY]
    handled = await service.handle(incoming)
    health.observe(started, "replayed" if handled.replayed else "answered")
    settings = app[SETTINGS_KEY]
    if handled.card_update:  # a card tap: the card shows the choice, the answer follows through the API
        if handled.passive:
            await service.send_later(incoming, handled.passive)
        xml = update_button_reply_xml(incoming.user_id, settings.corp_id, handled.card_update, now)
        return web.Response(text=crypto.encrypt_reply(xml, q["nonce"], str(int(now))), content_type="text/xml")
    if not handled.passive:
        return web.Response(status=200, text="")
    xml = text_reply_xml(incoming.user_id, settings.corp_id, handled.passive, now)
    reply = crypto.encrypt_reply(xml, q["nonce"], str(int(now)))
    return web.Response(text=reply, content_type="text/xml")


def model_resources(settings: Settings, session: aiohttp.ClientSession) -> dict[str, Any]:
    """What the model-draft job needs: the configured model and an HTTP session (none without NIANBAO_LLM_URL)."""
    model = ChatModel.from_settings(settings)
    return {"llm": model, "http": session} if model else {}


def default_engine(settings: Settings) -> NianbaoEngine:
    """The real engine; submitted reports get a link to their web page when the server has a public address."""
    link = functools.partial(report_url, settings.public_url, settings.secret_key) if settings.public_url else None
    desk = functools.partial(desk_url, settings.public_url) if settings.public_url else None
    return NianbaoEngine(settings.tz, report_link=link, model_drafts=bool(settings.llm_url), desk_link=desk)


def desk_url(public_url: str, *segments: str) -> str:
    """A page of the desk (a unit's: "unit", name; an area's: "area", name; none: the desk's home), where a
    supervisor's WeCom opens it signed in."""
    return public_url.rstrip("/") + desk_path(*segments)


async def report_page(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    return await report_response(request.app[STORE_KEY], settings.secret_key, request.match_info["token"],
                                 settings.tz)


async def report_file(request: web.Request) -> web.Response:
    settings = request.app[SETTINGS_KEY]
    return await report_file_response(request.app[STORE_KEY], settings.secret_key, request.match_info["token"],
                                      request.match_info["name"], settings.tz)


async def read_capped(request: web.Request, limit: int, timeout: float = BODY_READ_SECONDS) -> bytes:
    """The request body, refused beyond `limit` bytes without reading the rest, or when it takes longer than
    `timeout` seconds to arrive (a body sent slowly must not hold a connection forever)."""
    if request.content_length is not None and request.content_length > limit:
        raise MessageTooLarge(f"Content-Length {request.content_length}")
    if request.content.is_eof():  # the whole body came with the headers (a callback's always does): no timer
        body = request.content.read_nowait()
        if len(body) > limit:
            raise MessageTooLarge(f"body over {limit} bytes")
        return body
    chunks, size = [], 0
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.content.iter_chunked(16 * 1024):
                size += len(chunk)
                if size > limit:
                    raise MessageTooLarge(f"body over {limit} bytes")
                chunks.append(chunk)
    except TimeoutError:
        raise BodyTooSlow(f"body not received within {timeout:.0f} s ({size} bytes)") from None
    return b"".join(chunks)


def _query(request: web.Request, *names: str) -> dict[str, str]:
    query = request.query
    values = {name: query.get(name, "") for name in names}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise MalformedMessage(f"missing query parameter {', '.join(missing)}")
    return values


def _refused(request: web.Request, error: CallbackError) -> web.Response:
    log.warning("callback refused (%s, HTTP %d) from %s: %s", error.reason, error.status, request.remote, error)
    return web.Response(status=error.status, text=_STATUS_TEXT.get(error.status, "refused"))
