"""五（二）改进情况 as a published report writes it: three or more plans are points (一是…；二是…；三是…。), never
one sentence of commas; one or two plans stay one sentence; what was already done reads 已制定, not 已经制定了."""

from __future__ import annotations

import re

from bot.drafting import draft_paragraph
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

NOTES = ("人手不够，都是兼职的，更新不及时，解读少，栏目有的是空的，群众知道的不多，"
         "明年配个专人，多搞点解读，栏目补上，加强宣传")


def _improvements(notes: str, unit: str = "青山乡人民政府", kind: str = "乡") -> str:
    report = with_derived(empty_report(unit, kind, 2025))
    return draft_paragraph("s5.improvements", notes, report, voice(unit, kind, 2025))


def test_four_plans_read_as_four_points() -> None:
    text = _improvements(NOTES)
    # (配备专人 is given the work it is for, QA32: never a bare 一是配备专人)
    assert "一是配备专人负责" in text and "；二是增加解读；三是补齐栏目；四是加强宣传。" in text, text
    assert not re.search(r"[^；]，[^；]*，[^；]*，", text.split("：", 1)[-1]), text  # no run of commas in the points


def test_every_variant_of_the_points_is_one_lead_and_the_points() -> None:
    for variant in range(4):
        report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
        text = draft_paragraph("s5.improvements", NOTES, report, voice("青山乡人民政府", "乡", 2025), variant=variant)
        assert text.count("：") == 1 and text.endswith("四是加强宣传。") and "我乡将" in text, text


def test_two_plans_stay_one_sentence() -> None:
    text = _improvements("更新不及时；改进：明确专人每周更新，增加图解解读")
    assert "一是" not in text and "明确专人每周更新，增加图解解读" in text, text


def test_what_was_done_reads_as_done_once() -> None:
    text = _improvements("更新不及时；改进：今年已经制定了信息发布制度，明年明确专人每周更新", "城关镇人民政府", "镇")
    assert "已制定信息发布制度" in text and "已经" not in text and "制定了" not in text, text


def test_three_short_plans_of_one_piece_of_work_stay_one_sentence() -> None:
    text = _improvements("更新慢；改进：安排专人负责，每周更新，多制作图解", "城关镇人民政府", "镇")
    assert "一是" not in text and "安排专人负责信息更新，做到每周更新，多制作图解" in text, text
