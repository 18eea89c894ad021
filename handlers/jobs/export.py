"""导出 of a whole area as a job: its own read connection in an isolated child, reports read and written to the
sheet a chunk at a time (bounded memory), the file delivered through the outbox.

The message that asked for it only queues the job (`bot.supervision.export.export_reply`): an 导出 of 20,000 units takes seconds and
must not hold the storage thread, nor any other user's message, for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot import jsontext
from bot.formats import FORMATS, GOV2021
from bot.incoming import Reply
from bot.messages import supervision
from bot.report import Report
from bot.supervision.area import UnitStatus
from bot.supervision.export import export_xlsx
from handlers.areas import area_campaign, load_units
from handlers.jobs.queue import JobContext, JobKind, deliver_replies, isolated_wall_seconds, register
from storage import Store
from storage.jobs import Job

CHUNK = 500  # reports parsed and written at a time
EXPORT_SECONDS = 300.0  # of CPU; 20,000 units × 205 columns (four million cells) take about 7 s


class ReadingStore(Store):
    """A store that only reads: deferred transactions (no write lock, so the server's writes never wait for an
    export) and figures not stored (the server's figures task stores them)."""

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self._lock:
            if self.db.conn.in_transaction:
                yield
                return
            self.db.conn.execute("BEGIN")
            try:
                yield
            finally:
                self.db.conn.execute("ROLLBACK")

    def save_figures(self, rows: Any) -> None:
        list(rows)


def export_area(db_path: str, area: str | None, label: str, year: int, tz_key: str) -> tuple[int, bytes]:
    """(units, the workbook's bytes) — run in an isolated child."""
    tz = ZoneInfo(tz_key)
    store = ReadingStore.open(db_path)
    try:
        campaign, _ = area_campaign(store, area, datetime.now(UTC), tz)
        units = load_units(store, replace(campaign, year=year), area=area, reports=False)
        return len(units), export_xlsx(_with_reports(store, year, units), tz, title=label or "年度报告")
    finally:
        store.close()


def _with_reports(store: Store, year: int, units: list[UnitStatus]) -> Iterator[UnitStatus]:
    for start in range(0, len(units), CHUNK):
        chunk = units[start : start + CHUNK]
        rows = {r["unit"]: r for r in store.area_report_cells(year, [u.unit for u in chunk])}
        for unit in chunk:
            row = rows.get(unit.unit)
            yield replace(unit, report=_cells_only(row, year)) if row else unit


def _cells_only(row: dict[str, Any], year: int) -> Report:
    """A stored report's cells as stored, without its prose (the workbook has none); `export_xlsx` derives the
    totals, once."""
    fmt = FORMATS.get(row["format_id"], GOV2021)
    if row["report"] is not None:  # JSON only Python reads (a NaN or Infinity): read whole, here
        cells = jsontext.loads(row["report"]).get("cells")
    else:
        cells = jsontext.loads(row["cells"]) if row["cells"] is not None else None
    return Report.from_dict({"unit": row["unit"], "year": year, "format": row["format_id"], "cells": cells}, fmt)


def _load(store: Store, job: Job) -> str:
    return str(store.path)


async def _work(ctx: JobContext, job: Job, db_path: str) -> tuple[int, bytes]:
    a = job.args
    return await ctx.isolated(export_area, db_path, a["area"], a["label"], a["year"], a["tz"],
                              timeout=EXPORT_SECONDS)


def _deliver(store: Store, job: Job, result: tuple[int, bytes], now: datetime) -> None:
    units, data = result
    replies = [Reply(supervision("export_ok", units=units)),
               Reply(kind="file", file_name=job.args["file_name"], file_bytes=data)]
    deliver_replies(store, job, job.args["userid"], replies, now)


def _failed(store: Store, job: Job, refusal: str | None, now: datetime) -> None:
    from handlers.jobs.kinds import tell_failure

    tell_failure(store, Job(**{**job.__dict__, "args": {**job.args, "what": "导出的 Excel 文件"}}), refusal, now)


register(JobKind("export_xlsx", _load, _work, _deliver, on_failure=_failed, max_attempts=2,
                 timeout=isolated_wall_seconds(EXPORT_SECONDS) + 30))
