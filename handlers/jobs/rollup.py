"""The desk's 汇总表 download: the chosen reports read on a read connection of its own in an isolated child,
summed, checked and rendered there, so a large area's roll-up never holds the storage thread. (The chat's 汇总表
runs the whole command the same way: `handlers.jobs.area_commands`.)"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.supervision.rollup import INCLUDED_STATUSES, Include, render_rollup_docx, rollup
from handlers.areas import area_campaign, attach_reports, load_units
from handlers.jobs.export import ReadingStore

ROLLUP_SECONDS = 120.0


@dataclass(frozen=True)
class RolledUp:
    units: int  # reports summed (0: none to sum)
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
        return RolledUp(0, b"")
    report = rollup(units, include, label, year)
    return RolledUp(len(chosen), render_rollup_docx(report, label))
