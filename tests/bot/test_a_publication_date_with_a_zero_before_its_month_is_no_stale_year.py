"""A 2021 report that a site shows under its publication line (发布时间:2022年01月30日 15:52) speaks of next year
only as the day it was published: sites print the month with a zero before it, and January to March of next year
is as fine as 2022年1月 — R11 no longer warns that 2022 is later than the report. A later month still is."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

REPORT = ("石家庄市桥西区中山街道办事处2021年政府信息公开工作年度报告\n发布时间:{date} 15:52\n一、总体情况\n"
          "2021年度，中山街道累计对外公示政务135条。\n")


def _r11(date: str) -> list[str]:
    imported = import_bytes(REPORT.format(date=date).encode("utf-8"), "report.txt")
    return [f.message for f in check_imported(imported) if f.rule == "R11"]


def test_january_of_next_year_written_with_a_zero_is_the_publication_date() -> None:
    assert _r11("2022年01月30日") == []


def test_a_later_month_of_next_year_is_still_pointed_out() -> None:
    assert any("2022" in m for m in _r11("2022年10月30日"))
