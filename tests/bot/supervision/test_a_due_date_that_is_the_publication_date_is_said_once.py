"""When the area's due date is the publication date itself (1月31日, the default when none was set), 汇总 says the
date once — 截止日期（即公开期限）2026年1月31日，还有19天。 — not 截止日期2026年1月31日…；公开期限2026年1月31日。"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bot.supervision import area_summary

from .helpers import CAMPAIGN, TZ, at, seed_area


def summary_on(day: int, month: int = 1) -> str:
    area = replace(seed_area(), campaign=replace(CAMPAIGN, due=date(2026, 1, 31)))
    return area_summary(area, at(day, month=month), TZ)[0]


def test_a_due_date_that_is_the_publication_date_is_said_once() -> None:
    assert "截止日期（即公开期限）2026年1月31日，还有19天。" in summary_on(12)
    assert "今天（2026年1月31日）是截止日期，也是公开期限。" in summary_on(31)
    assert "截止日期（即公开期限）2026年1月31日已过3天。" in summary_on(3, month=2)
    assert "公开期限2026年1月31日" not in summary_on(12)
