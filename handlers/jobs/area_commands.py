"""Supervisor commands that read a whole area, as jobs: 汇总表 (every included report parsed and summed, a Word
file rendered) always, and 汇总, 未完成, 逾期 and 错误单位 of an area of more than `LARGE_AREA` units.

The message only queues the job and says the answer follows (`area_command_reply`). The job answers the command over
its own read-only connection, exactly as the message would have (`handlers.supervisor.answer_command`), and its
replies reach the supervisor through the outbox: no other user's message waits for it. 汇总, 未完成 and 逾期 are
counted by SQLite (a few hundred units at most become objects), so they run in a thread; 汇总表 reads every
included report, and runs in an isolated child (time and memory capped).
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.incoming import Deferred, Reply
from bot.messages import supervision
from bot.supervision.commands import _normalise, _parse
from handlers.jobs.export import ReadingStore
from handlers.jobs.queue import JobContext, JobKind, deliver_replies, isolated_wall_seconds, register
from storage import Store
from storage.db import parse_timestamp
from storage.jobs import Job

# units: a bigger area's 汇总/未完成/逾期 is a job. Counted in SQLite, 20,000 units take some 70 ms of reads: cheap
# for a job, too long to hold every other user's message behind it on the storage thread
LARGE_AREA = 2_000
ALWAYS = ("汇总表",)
WHEN_LARGE = ("汇总", "未完成", "逾期", "错误单位")  # 进度 is 汇总 (`_parse`)
COUNTED = ("汇总", "未完成", "逾期")  # answered from counts in SQLite (`handlers.areas.load_digest`), not every unit's status
COMMAND_SECONDS = 120.0


def runs_as_job(store: Store, area: str | None, text: str) -> tuple[str, int] | None:
    """(the command word, the area's units) when the command `text` is answered by a job; None otherwise."""
    parsed = _parse(_normalise(text))
    if parsed is None:
        return None
    word = parsed[0]
    if word in ALWAYS:
        return word, 0
    if word in WHEN_LARGE and not parsed[1]:
        units = store.area_unit_count(area)
        if units > LARGE_AREA:
            return word, units
    return None


def area_command_reply(word: str, units: int, text: str, now: datetime, tz: ZoneInfo) -> list[Reply]:
    """What the message answers at once: the answer follows, and the job that makes it."""
    job = Deferred("area_command", {"text": text, "word": word, "at": now.isoformat(), "tz": tz.key,
                                    "what": "汇总结果"})
    return [Reply(supervision("area_command_started", word=word, units=units)), Reply(deferred=job)]


def answer_in_child(db_path: str, userid: str, text: str, at: str, tz_key: str) -> list[Reply]:
    """The command's replies, answered as the message would have been — run in an isolated child (or, for the
    commands counted in SQLite, a thread: it opens a connection of its own)."""
    from handlers.supervisor import answer_command  # the child imports the edge; the edge imports this module

    store = ReadingStore.open(db_path)
    try:
        user = store.user(userid)
        if user is None:
            return []
        moment = parse_timestamp(at)
        assert moment is not None
        return answer_command(store, user, text, moment, ZoneInfo(tz_key))
    finally:
        store.close()


def _load(store: Store, job: Job) -> str:
    return str(store.path)


async def _work(ctx: JobContext, job: Job, db_path: str) -> list[Reply]:
    a = job.args
    args = (db_path, a["userid"], a["text"], a["at"], a["tz"])
    if a.get("word") in COUNTED:  # bounded work, mostly inside SQLite (which lets the event loop run meanwhile)
        return await ctx.thread(answer_in_child, *args)
    return await ctx.isolated(answer_in_child, *args, timeout=COMMAND_SECONDS)


def _deliver(store: Store, job: Job, replies: list[Reply], now: datetime) -> None:
    deliver_replies(store, job, job.args["userid"], replies, now)


def _failed(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    from handlers.jobs.kinds import tell_failure

    tell_failure(store, job, refusal, now)


register(JobKind("area_command", _load, _work, _deliver, on_failure=_failed, max_attempts=2,
                 timeout=isolated_wall_seconds(COMMAND_SECONDS) + 30))
