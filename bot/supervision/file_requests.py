"""汇总表 and 导出 answer with a note at once and a job that makes the file: reading every report of an area takes
seconds for a large one and must not hold any other message. Both the chat's command and the edge's shortcut (导出
without reading the area first) build their answer here, so there is one way to ask for each file."""

from __future__ import annotations

from datetime import datetime, tzinfo

from ..incoming import Deferred, Reply
from .export import file_name
from .messages import say
from .rollup import Include


def export_request(area: str | None, label: str, year: int, now: datetime, tz: tzinfo) -> list[Reply]:
    """导出: `area` is what the job reads (None: every unit), `label` how the file and sheet are named."""
    stamp = now.astimezone(tz).strftime("%Y%m%d")
    name = file_name(f"{label}{year}年度报告数据{stamp}.xlsx")
    job = Deferred("export_xlsx", {"area": area, "label": label, "year": year, "tz": _tz_key(tz)})
    return [Reply(say("export_started")), Reply(kind="file", file_name=name, deferred=job)]


def rollup_request(area: str | None, label: str, year: int, include: Include, units: int,
                   tz: tzinfo) -> list[Reply]:
    """汇总表 of the `units` reports `include` chooses (counted from their status; the job reads them)."""
    name = file_name(f"{label}汇总{year}年政府信息公开工作年度报告表格.docx")
    job = Deferred("rollup_docx", {"area": area, "label": label, "year": year, "include": include,
                                   "tz": _tz_key(tz)})
    return [Reply(say("rollup_started", units=units, include=include)),
            Reply(kind="file", file_name=name, deferred=job)]


def _tz_key(tz: tzinfo) -> str:
    return getattr(tz, "key", None) or str(tz)
