"""The drafts of (一)主动公开 and (二)依申请公开 each open with the time (全年, 本年度, 一年来, 年内), and (二) says it
again at 复议诉讼. Chosen apart, one unit in three read 一年来 … 一年来: as a template reads. The choice is now made
once per unit and the parts list the words in turned orders, so no two of them say the same."""

from __future__ import annotations

import re

import pytest

from bot.drafting.parts import draft_paragraph, voice_of
from bot.report import empty_report, with_derived

TIMES = ("全年", "本年度", "一年来", "年内")
UNITS = [f"{name}镇人民政府" for name in ("城关", "青山", "柳河", "石桥", "东城", "西关", "刘街", "册井", "胡集", "塔铺",
                                          "龙亭", "柳园口", "水稻", "大麦地", "湖东", "杨柳")]


def _times(paragraph: str) -> list[str]:
    return re.findall("|".join(TIMES), paragraph)


@pytest.mark.parametrize("unit", UNITS)
def test_parts_one_and_two_never_open_with_the_same_time(unit: str) -> None:
    report = with_derived(empty_report(unit, "镇", 2025))
    voice = voice_of(report)
    active = draft_paragraph("active", ["政府网站信息公开专栏56条", "政务公众号120条"], report, voice)
    on_request = draft_paragraph("on_request", [], report, voice)
    said = [_times(active)[0], *_times(on_request)]
    assert len(set(said)) == len(said) >= 2, (active, on_request)
