"""A report that types its own kind twice (鸭南乡乡人民政府在市委、市政府的正确领导下…, as a real 2021 report of 鸭南乡
does) names itself with a slip: R13 must not take it for another township pasted in. Another township whose name
merely ends the same way is still flagged."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import check_report


def r13(text: str, unit: str) -> list[str]:
    kind = unit.removesuffix("人民政府")[-1]
    report = Report(unit, kind, 2021, text={"s1.summary": text})
    return [f.message for f in check_report(report) if f.rule == "R13"]


@pytest.mark.parametrize(("text", "unit"), [
    ("2021年以来，鸭南乡乡人民政府在市委、市政府的正确领导下，认真贯彻落实条例。", "鸭南乡"),
    ("2021年，青山镇镇政府坚持公开为常态。", "青山镇人民政府"),
])
def test_the_units_own_name_with_its_kind_typed_twice_is_not_another_unit(text: str, unit: str) -> None:
    assert r13(text, unit) == []


def test_another_township_is_still_flagged_beside_the_slip() -> None:
    found = r13("鸭南乡乡人民政府认真落实条例。同时，北山乡坚持公开为常态。", "鸭南乡")
    assert len(found) == 1 and "“北山乡”" in found[0], found
