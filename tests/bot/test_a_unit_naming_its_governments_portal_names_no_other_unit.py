"""A township or a bureau that publishes on its county government's portal (依托示范县人民政府门户网站) or acts as it
directs (按照示范县人民政府部署) names no other unit of the area (R13): four township reports of the corpus write so.
The government named as the one acting (2025年，示范县人民政府坚持…) is still a pasted text, and another township's name
is still flagged."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import check_report

UNITS = ("示范县人民政府", "城关镇人民政府", "青山乡人民政府", "示范县教育局")


def other_units_named(unit: str, kind: str, text: str) -> list[str]:
    report = Report(unit, kind, 2025)
    report.text["s1.active"] = text
    return [f.message for f in check_report(report, other_units=UNITS, area="示范县") if f.rule == "R13"]


@pytest.mark.parametrize(("unit", "kind"), [("城关镇人民政府", "镇"), ("示范县教育局", "县级部门")])
@pytest.mark.parametrize("text", ["我单位依托示范县人民政府门户网站公开政府信息。", "按照示范县人民政府部署，开展政务公开培训。"])
def test_the_governments_portal_or_direction_is_no_other_unit(unit: str, kind: str, text: str) -> None:
    text = text.replace("我单位", "我镇" if kind == "镇" else "我局")
    assert other_units_named(unit, kind, text) == []


@pytest.mark.parametrize("text", ["2025年，示范县人民政府坚持以习近平新时代中国特色社会主义思想为指导。",
                                  "2025年示范县人民政府坚持以习近平新时代中国特色社会主义思想为指导。",
                                  "我镇与青山乡人民政府联合开展培训。"])
def test_a_pasted_government_text_or_another_township_is_still_flagged(text: str) -> None:
    assert other_units_named("城关镇人民政府", "镇", text)
