"""A department names itself by what it is called: 卫生健康委员会 writes 我委, 政府办公室 我办, 政务服务中心 我中心,
教育局 我局 — in the drafts, in the dialog's questions, and in R13's fix; a township keeps its kind's word."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph, self_word, voice_of
from bot.report import empty_report, with_derived
from bot.rules import check_report
from bot.units import UNIT_KINDS, self_word_of


@pytest.mark.parametrize(("unit", "kind", "word"), [
    ("示范县卫生健康委员会", "县级部门", "我委"),
    ("示范县发展和改革委员会", "县级部门", "我委"),
    ("示范县人民政府办公室", "县级部门", "我办"),
    ("示范县政务服务中心", "县级部门", "我中心"),
    ("示范县医疗保障局", "县级部门", "我局"),
    ("某省教育厅", "省级部门", "我厅"),
    ("示范县城关镇人民政府", "镇", "我镇"),
    ("示范县人民政府", "县级政府", "我县"),
])
def test_the_self_word_follows_the_units_name(unit: str, kind: str, word: str) -> None:
    assert self_word_of(UNIT_KINDS[kind], unit) == word
    report = with_derived(empty_report(unit, kind, 2025))
    assert self_word(report) == word
    text = draft_paragraph("management", "修订了保密审查办法", report, voice_of(report))
    assert text.startswith(word), text


def test_r13_fixes_a_committee_to_wo_wei() -> None:
    report = with_derived(empty_report("示范县卫生健康委员会", "县级部门", 2025))
    report.text["s1.management"] = "我镇修订了保密审查办法。"
    [found] = [f for f in check_report(report) if f.rule == "R13"]
    assert found.fix is not None and found.fix.apply(report.text["s1.management"]) == "我委修订了保密审查办法。"
