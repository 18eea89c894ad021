"""Areas of units for the supervision tests: real seed reports where a report is needed, made-up names elsewhere."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from zoneinfo import ZoneInfo

from bot.importers import import_report
from bot.report import Report, with_derived
from bot.supervision import AreaView, Campaign, UnitStatus
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
CAMPAIGN = Campaign(2025, date(2026, 1, 15), date(2026, 1, 31), "龙亭区")


def at(day: int, hour: int = 9, minute: int = 0, month: int = 1, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


@cache
def seed_report(n: int) -> Report:
    return with_derived(import_report(seed_path(n)).report)


def seed_unit(n: int, status: str = "submitted", **kw: object) -> UnitStatus:
    report = seed_report(n).copy()
    defaults: dict[str, object] = {"progress": 100, "staff": (f"staff{n}",), "submitted_at": at(10, 10, 30)}
    defaults.update(kw)
    return UnitStatus(report.unit, report.unit_kind, "龙亭区", status, report=report, **defaults)  # type: ignore[arg-type]


def seed_area() -> AreaView:
    """The five seed reports as one area: two approved, one submitted, one returned, one in progress."""
    units = [
        seed_unit(0, "approved"),
        seed_unit(1, "approved", accepted_warnings={"R13:s1.on_request": "镇政府文件沿用"}),
        seed_unit(2, "submitted"),
        seed_unit(3, "returned", progress=90, open_errors=1, submitted_at=None),
        seed_unit(4, "in_progress", progress=40, next_question="【3.2】本年新收", submitted_at=None),
    ]
    return AreaView("龙亭区", CAMPAIGN, units, supervisors=("sup1", "sup2"))


_TOWNS = ("柳园口", "北道门", "午朝门", "大兴", "州桥", "北书店", "相国寺", "西门", "东郊", "南郊", "杏花营",
          "水稻", "仙人庄", "万隆", "韩庄", "八里湾", "朱仙镇", "陈留", "曲兴", "刘店", "半坡店", "罗王", "八里岗",
          "袁坊", "西姜寨", "范村", "兴隆", "杜良", "仇楼", "高阳", "孟寨", "固阳", "城关", "土山岗", "汪屯")
_KINDS = ("乡", "镇", "街道")


def many_units(n: int, area: str = "祥符区") -> list[UnitStatus]:
    """n units with long, realistic names (开封市祥符区半坡店街道办事处) and a spread of statuses and progress."""
    statuses = ("not_started", "in_progress", "in_progress", "returned", "submitted", "approved")
    units = []
    for i in range(n):
        kind = _KINDS[i % 3]
        suffix = "办事处" if kind == "街道" else "人民政府"
        town = _TOWNS[i % len(_TOWNS)] + (str(i // len(_TOWNS)) if i >= len(_TOWNS) else "")
        status = statuses[i % len(statuses)]
        done = status in ("submitted", "approved")
        progress = 0 if status == "not_started" else (100 if done else 10 + (i * 13) % 90)
        errors = 0 if done or status == "not_started" else 1 + i % 12
        units.append(UnitStatus(f"开封市{area}{town}{kind}{suffix}", kind, area, status, progress, "【3.2】本年新收",
                                errors, staff=(f"u{i}a", f"u{i}b")))
    return units
