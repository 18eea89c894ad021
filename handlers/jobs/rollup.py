"""汇总表 as a job: the chosen reports read on the job's own read connection in an isolated child, summed, checked
and rendered there; the text and the Word file delivered through the outbox. The desk's download runs the same
function."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.incoming import Reply
from bot.messages import supervision
from bot.supervision.messages import pieces
from bot.supervision.rollup import INCLUDED_STATUSES, Include, render_rollup_docx, rollup, rollup_text
from handlers.areas import area_campaign, attach_reports, load_units
from handlers.jobs.export import ReadingStore
from handlers.jobs.queue import JobContext, JobKind, deliver_replies, register
from storage import Store
from storage.jobs import Job

ROLLUP_SECONDS = 120.0


@dataclass(frozen=True)
class RolledUp:
    units: int  # reports summed (0: none to sum)
    text: str  # the roll-up for a phone
    docx: bytes


def rollup_area(db_path: str, area: str | None, label: str, year: int, include: Include, tz_key: str) -> RolledUp:
    """The roll-up of an area's reports `include` chooses — run in an isolated child."""
    store = ReadingStore.open(db_path)
    try:
        campaign, _ = area_campaign(store, area, datetime.now(UTC), ZoneInfo(tz_key))
        units = load_units(store, replace(campaign, year=year), area=area, reports=False)
        attach_reports(store, year, units, {u.unit for u in units if u.status in INCLUDED_STATUSES[include]}, area)
    finally:
        store.close()
    chosen = [u for u in units if u.status in INCLUDED_STATUSES[include] and u.report is not None]
    if not chosen:
        return RolledUp(0, "", b"")
    report = rollup(units, include, label, year)
    return RolledUp(len(chosen), rollup_text(report, len(chosen), include), render_rollup_docx(report))


def _load(store: Store, job: Job) -> str:
    return str(store.path)


async def _work(ctx: JobContext, job: Job, db_path: str) -> RolledUp:
    a = job.args
    return await ctx.isolated(rollup_area, db_path, a["area"], a["label"], a["year"], a["include"], a["tz"],
                              timeout=ROLLUP_SECONDS)


def _deliver(store: Store, job: Job, result: RolledUp, now: datetime) -> None:
    if not result.units:  # everything was returned or withdrawn meanwhile
        replies = [Reply(supervision("rollup_empty", include=job.args["include"]))]
    else:
        replies = [Reply(t) for t in pieces(result.text)]
        replies.append(Reply(kind="file", file_name=job.args["file_name"], file_bytes=result.docx))
    deliver_replies(store, job, job.args["userid"], replies, now)


def _failed(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    from handlers.jobs.kinds import tell_failure

    tell_failure(store, Job(**{**job.__dict__, "args": {**job.args, "what": "汇总表"}}), refusal, now)


register(JobKind("rollup_docx", _load, _work, _deliver, on_failure=_failed, max_attempts=2,
                 timeout=ROLLUP_SECONDS + 30))
