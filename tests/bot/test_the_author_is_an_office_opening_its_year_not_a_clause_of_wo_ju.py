"""Who wrote a report that names itself only in its prose: an office under its district opening the year's account
(2022年，二道区房屋征收工作管理办公室认真贯彻…) is the author, a county-level department; a clause the report opens
with its word for itself (2022年，我局通过示范区管委会网站…) names no 管委会 — before, 我局通过示范区管委会 was taken for
the author, a development zone."""

from __future__ import annotations

from bot.importers import import_bytes

TAIL = "\n二、主动公开政府信息情况\n第二十条第(一)项 | |||\n规章 | 0 | 0 | 0 |\n行政规范性文件 | 0 | 0 | 0 |\n"


def _who(opening: str) -> tuple[str, str]:
    text = f"关于2022年度政府信息公开情况的报告\n一、总体情况\n{opening}" + TAIL
    report = import_bytes(text.encode("utf-8"), "report.txt").report
    return report.unit, report.unit_kind


def test_an_office_under_its_district_opening_the_year_is_the_author() -> None:
    assert _who("2022年,二道区房屋征收工作管理办公室认真贯彻落实《条例》,扎实推进政府信息公开工作。") == (
        "二道区房屋征收工作管理办公室", "县级部门")


def test_a_clause_opened_by_wo_ju_names_no_committee() -> None:
    unit, kind = _who("2022年,我局通过示范区管委会网站审计信息栏目公开信息20条。")
    assert "管委会" not in unit and kind != "开发区"
