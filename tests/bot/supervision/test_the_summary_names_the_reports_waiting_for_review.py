"""汇总 names the reports handed in and waiting for review, the earliest first, with an example of 查看 to open one:
a supervisor asked 进度 in January wants to know whose report to review, not only how many there are."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import AreaView, area_summary

from .helpers import CAMPAIGN, TZ, at, seed_area


def test_the_summary_names_each_report_waiting_for_review_earliest_first() -> None:
    area = seed_area()
    units = [replace(u, status="submitted", submitted_at=at(11, 15)) if u.unit.endswith("刘街乡") else u
             for u in area.units]
    text = "\n".join(area_summary(replace(area, units=units), at(12, 10), TZ))
    assert "待审核2个：胡集乡（2026年1月10日 10:30提交）、刘街乡（2026年1月11日 15:00提交）。回复「查看 胡集乡」审核。" in text


def test_the_summary_says_nothing_of_review_when_nothing_waits() -> None:
    area = AreaView("龙亭区", CAMPAIGN, [u for u in seed_area().units if u.status != "submitted"])
    assert "待审核0" in area_summary(area, at(12, 10), TZ)[0] and "审核。" not in area_summary(area, at(12, 10), TZ)[0]
