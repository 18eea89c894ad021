"""Areas nest: a city's roll-up equals the sum of its counties' roll-ups, and a unit missed or counted twice
between them shows as the cells that differ."""

from __future__ import annotations

from dataclasses import replace

from bot.importers import import_report
from bot.report import with_derived
from bot.supervision import UnitStatus, rollup
from bot.supervision.rollup import rollup_differences
from tests.conftest import seed_path


def units() -> list[UnitStatus]:
    out = []
    for n, area in ((0, "甲县"), (2, "甲县"), (4, "乙县")):  # seed 4 had one application
        report = with_derived(replace(import_report(seed_path(n)).report, year=2024))
        out.append(UnitStatus(f"单位{n}", report.unit_kind, area, status="approved", report=report))
    return out


def test_the_sum_of_the_counties_is_the_city() -> None:
    every = units()
    whole = rollup(every, area="示范市", year=2024)
    parts = [rollup([u for u in every if u.area == a], area=a, year=2024) for a in ("甲县", "乙县")]
    assert rollup_differences(whole, parts) == []


def test_a_unit_missed_or_counted_twice_is_shown() -> None:
    every = units()
    whole = rollup(every, area="示范市", year=2024)
    missed = [rollup(every[:2], area="甲县", year=2024)]
    twice = [rollup(every, area="甲县", year=2024), rollup(every[2:], area="乙县", year=2024)]
    assert rollup_differences(whole, missed) and rollup_differences(whole, twice)
    assert any("新收" in label for label in rollup_differences(whole, missed))
