"""The job kinds of nianbao, registered with `handlers.jobs.queue` on import (the app imports this module).

Each kind reads what it needs in a short read, works outside the storage thread (CPU-bound work in an isolated
child process), and delivers its replies through the outbox in the transaction that marks it done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from bot.formats import FORMATS, GOV2021
from bot.incoming import Reply
from bot.messages import edge
from bot.render import render_docx
from bot.report import Report, with_known_totals
from handlers.conversation import NianbaoEngine
from handlers.files import FileRefused, FileVerdict, read_file
from handlers.handed_in import current_handed_in_at, day_of
from handlers.jobs.queue import (
    IsolatedFailure,
    JobContext,
    JobKind,
    JobRefused,
    deliver_replies,
    isolated_wall_seconds,
    register,
)
from handlers.wecom.api import MAX_MEDIA_BYTES, MediaTooLarge, WeComAPIError
from handlers.wecom.longconn.media import download_media
from storage import Store
from storage.jobs import Job

log = logging.getLogger("nianbao.jobs")


def tell_failure(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    """The user who asked hears that the job could not be done: its refusal, or a polite 'try again'."""
    userid = job.args.get("userid")
    if userid:
        text = refusal or edge("job_failed", what=job.args.get("what", ""))
        deliver_replies(store, job, userid, [Reply(text)], now)


# -- a report's Word file (at submission, 查看) -------------------------------------------------------------------


Loaded = tuple[str, str, datetime | None]  # (report JSON, format id, when the version shown was handed in)


def _load_report(store: Store, job: Job) -> Loaded | None:
    """The report as it stands, and when it was handed in while it is the version handed in (its 落款 date)."""
    stored = store.report(job.args["unit"], job.args["year"])
    if stored is None:
        return None
    return stored.report.to_json(), stored.report.format_id, current_handed_in_at(stored)


async def _render_isolated(ctx: JobContext, loaded: Loaded | None,
                           render_bytes: Callable[[str, str, date | None], bytes], timeout: float) -> bytes | None:
    """`render_bytes(report JSON, format id, day handed in)` in an isolated child; the day in the unit's time zone."""
    if loaded is None:
        return None
    report_json, format_id, handed_in = loaded
    submitted_on = day_of(handed_in, ctx.tz) if handed_in else None
    return await ctx.isolated(render_bytes, report_json, format_id, submitted_on, timeout=timeout)


def report_docx_bytes(report_json: str, format_id: str, submitted_on: date | None = None) -> bytes:
    fmt = FORMATS.get(format_id, GOV2021)
    return render_docx(with_known_totals(Report.from_json(report_json, fmt), fmt), fmt, submitted_on)


async def _render_report(ctx: JobContext, job: Job, loaded: Loaded | None) -> bytes | None:
    return await _render_isolated(ctx, loaded, report_docx_bytes, DOCX_SECONDS)


def _deliver_file(store: Store, job: Job, data: Any, now: datetime) -> None:
    if not data:
        return
    userid = job.args["userid"]
    replies = [Reply(kind="file", file_name=job.args["file_name"], file_bytes=data)]
    if store.asked_again_since(job, userid):  # it follows the answer to a later request: it says what it answers
        replies.insert(0, Reply(edge("file_follows", name=job.args["file_name"])))
    deliver_replies(store, job, userid, replies, now)


DOCX_SECONDS = 30.0  # of CPU: python-docx writes a report in a fraction of a second
register(JobKind("report_docx", _load_report, _render_report, _deliver_file, on_failure=tell_failure,
                 timeout=isolated_wall_seconds(DOCX_SECONDS) + 30))


# -- the approved report's PDF for publishing (sent with the Word file on approval) ------------------------------


def report_pdf_bytes(report_json: str, format_id: str, submitted_on: date | None = None) -> bytes:
    from bot.render import render_pdf

    fmt = FORMATS.get(format_id, GOV2021)
    return render_pdf(with_known_totals(Report.from_json(report_json, fmt), fmt), fmt, submitted_on)


async def _render_pdf(ctx: JobContext, job: Job, loaded: Loaded | None) -> bytes | None:
    return await _render_isolated(ctx, loaded, report_pdf_bytes, PDF_SECONDS)


PDF_SECONDS = 120.0  # of CPU: WeasyPrint lays out a report in seconds
register(JobKind("report_pdf", _load_report, _render_pdf, _deliver_file, on_failure=tell_failure,
                 timeout=isolated_wall_seconds(PDF_SECONDS) + 30))


# -- a file a staff member sent -----------------------------------------------------------------------------------

UNNAMED = "未命名文件"
PARSE_SECONDS = 60.0  # of CPU for one file's import, in its child; WeCom's limit for the download is its own


def _load_file(store: Store, job: Job) -> tuple[str, str, bytes | None] | None:
    user = store.user(job.args["userid"])
    unit = store.unit(user.unit or "") if user else None
    return (unit.name, unit.kind, store.job_data(job.id)) if unit else None


async def _read_file(ctx: JobContext, job: Job, loaded: tuple[str, str, bytes | None] | None) -> FileVerdict | None:
    if loaded is None:
        return None  # the user no longer works for a unit
    unit, kind, data = loaded
    name = job.args["name"]
    if not data:
        downloaded_name, data = await _download(ctx, job)
        name = name or downloaded_name
    name = name or UNNAMED
    try:
        return await ctx.isolated(read_file, data, name, unit, kind, job.args["year"], timeout=PARSE_SECONDS)
    except FileRefused as refusal:
        raise JobRefused(str(refusal)) from None
    except IsolatedFailure as failure:
        log.warning("file %s of %s refused: %s", name, job.args["userid"], failure)
        raise JobRefused(edge("file", outcome="too_slow", name=name)) from None


async def _download(ctx: JobContext, job: Job) -> tuple[str, bytes]:
    """(the file's name as served, its bytes): through the app's media/get, or — for a file sent over the long
    connection — from the message's own URL, decrypted with the message's own key."""
    name = job.args["name"]
    try:
        if job.args.get("url"):
            return await _download_longconn(ctx, job.args["url"], job.args.get("aeskey", ""))
        if not job.args.get("media_id") or ctx.api is None:
            raise JobRefused(edge("file", outcome="not_downloaded", name=name))
        return await ctx.api.get_media(job.args["media_id"])
    except MediaTooLarge:
        raise JobRefused(edge("file", outcome="too_large", name=name, limit=MAX_MEDIA_BYTES // (1024 * 1024))) from None
    except WeComAPIError as error:
        if not error.retryable or job.attempts >= job.max_attempts:
            raise JobRefused(edge("file", outcome="not_downloaded", name=name)) from error
        raise


async def _download_longconn(ctx: JobContext, url: str, aeskey: str) -> tuple[str, bytes]:
    session = ctx.resources.get("http")
    if session is not None:
        return await download_media(session, url, aeskey)
    async with aiohttp.ClientSession() as own:
        return await download_media(own, url, aeskey)


def _deliver_verdict(store: Store, job: Job, verdict: FileVerdict | None, now: datetime) -> None:
    user = store.user(job.args["userid"])
    if verdict is None or user is None:
        return
    engine = NianbaoEngine(ZoneInfo(job.args["tz"]))
    deliver_replies(store, job, user.userid, engine.after_file(store, user, job.args["year"], verdict, now), now)


# the download (capped at WeCom's 20 MB) and the parse in its child
register(JobKind("import_file", _load_file, _read_file, _deliver_verdict, on_failure=tell_failure,
                 timeout=isolated_wall_seconds(PARSE_SECONDS) + 60))

import handlers.jobs.model_drafts  # noqa: E402,F401 — registers the model-draft job kind
