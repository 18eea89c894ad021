"""舒城开发区 is what people and texts call 舒城县经济开发区管委会's zone: a place's 开发区 alone is its 经济开发区, so
XX开发区, XX经济开发区, XX经济技术开发区 and XX经开区 find each other, both ways, with or without the county's 县. The
county's other zones stay apart: its 高新技术产业开发区 (which ends in 开发区 too) and a zone of another kind
(舒城县工业开发区), or of a town (杭埠经济开发区)."""

from __future__ import annotations

import pytest

from bot.supervision import UnitStatus, match_unit
from bot.units import same_zone, zone_forms

ZONE = "舒城县经济开发区管委会"


@pytest.mark.parametrize("written", ["舒城开发区", "舒城县开发区", "舒城开发区管委会", "舒城经济开发区",
                                     "舒城经济技术开发区管理委员会", "舒城经开区"])
def test_the_short_and_long_forms_are_one_zone_both_ways(written: str) -> None:
    assert same_zone(written, ZONE) and same_zone(ZONE, written)
    assert same_zone(written, "舒城开发区") and same_zone("舒城开发区", written)


def test_a_text_writing_kaifaqu_alone_names_the_zone() -> None:
    assert {"舒城开发区", "舒城县开发区", "舒城开发区管委会"} <= set(zone_forms(ZONE))


@pytest.mark.parametrize("other", ["舒城高新技术产业开发区", "舒城高新区", "舒城县工业开发区", "杭埠经济开发区",
                                   "庐江开发区"])
def test_another_zone_of_the_county_or_another_place_is_not_it(other: str) -> None:
    assert not same_zone("舒城开发区", other) and not same_zone(ZONE, other)


def test_a_high_tech_zone_written_gaoxin_kaifaqu_is_the_high_tech_zone() -> None:
    assert same_zone("合肥高新开发区", "合肥高新技术产业开发区管委会") and not same_zone("合肥高新开发区", "合肥开发区")


def test_a_supervisor_typing_the_short_form_finds_the_zone_and_not_the_high_tech_one() -> None:
    county = [UnitStatus(n, k, "舒城县") for n, k in (
        ("舒城县杭埠镇人民政府", "镇"), (ZONE, "开发区"), ("舒城高新技术产业开发区管委会", "开发区"))]
    found = match_unit("舒城开发区", county, strict=True)
    assert isinstance(found, UnitStatus) and found.unit == ZONE, found


def test_a_zone_named_with_its_county_before_its_town_is_the_towns_zone_however_written() -> None:
    assert same_zone("舒城县杭埠经济开发区管委会", "杭埠开发区") and same_zone("杭埠经开区", "舒城县杭埠经济开发区")
    assert "杭埠经开区" in zone_forms("舒城县杭埠经济开发区管委会")
    assert not same_zone("舒城县杭埠经济开发区管委会", "舒城经开区")
