"""The job kinds of nianbao, registered with `handlers.jobs.queue` on import (the app imports this module).

Each kind reads what it needs in a short read, works outside the storage thread (CPU-bound work in an isolated
child process), and delivers its replies through the outbox in the transaction that marks it done.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.formats import FORMATS, GOV2021
from bot.incoming import Reply
from bot.messages import edge
from bot.render import render_docx
from bot.report import Report, with_derived
from handlers.jobs.queue import JobContext, JobKind, deliver_replies, register
from storage import Store
from storage.jobs import Job


def tell_failure(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    """The user who asked hears that the job could not be done: its refusal, or a polite 'try again'."""
    userid = job.args.get("userid")
    if userid:
        text = refusal or edge("job_failed", what=job.args.get("what", ""))
        deliver_replies(store, job, userid, [Reply(text)], now)


# -- a report's Word file (at submission, 查看) -------------------------------------------------------------------


def _load_report(store: Store, job: Job) -> tuple[str, str] | None:
    stored = store.report(job.args["unit"], job.args["year"])
    return (stored.report.to_json(), stored.report.format_id) if stored else None


def report_docx_bytes(report_json: str, format_id: str) -> bytes:
    fmt = FORMATS.get(format_id, GOV2021)
    return render_docx(with_derived(Report.from_json(report_json, fmt), fmt), fmt)


async def _render_report(ctx: JobContext, job: Job, loaded: tuple[str, str] | None) -> bytes | None:
    return None if loaded is None else await ctx.isolated(report_docx_bytes, *loaded)


def _deliver_file(store: Store, job: Job, data: Any, now: datetime) -> None:
    if data:
        deliver_replies(store, job, job.args["userid"], [Reply(kind="file", file_name=job.args["file_name"],
                                                                file_bytes=data)], now)


register(JobKind("report_docx", _load_report, _render_report, _deliver_file, on_failure=tell_failure))
