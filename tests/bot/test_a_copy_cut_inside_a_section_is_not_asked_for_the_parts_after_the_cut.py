"""Most stored copies of a report end about 2,000 bytes in, often inside 一. R14 asks for each of 一's five parts; a
copy cut in (三) was asked for (四) and (五), which it never let us read (高平市原村乡, 锡山区厚桥街道, 义安区老洲乡 …).
The parts after the last one read are unread, not missing; a part missing before it is still asked for (丰泽区卫健局
goes from 依申请公开 to 平台建设 with no 政府信息管理)."""

from __future__ import annotations

from pathlib import Path

from bot.checking import check_imported
from bot.importers import import_bytes, import_report

CORPUS = Path(__file__).parents[1] / "fixtures" / "corpus"
CUT_IN_THREE = """示范县示范乡2024年政府信息公开工作年度报告
一、总体情况
(一)主动公开政府信息情况
2024年,我乡累计主动公开政府信息80条。
(二)依申请公开政府信息情况
2024年,我乡未收到政府信息公开申请。
(三)政府信息管理
为切实强化政府信息公开力度,我乡紧密结合自身实际,确立了主要工作由分管领导亲自挂帅、"""


def _r14(findings: list) -> list:
    return [f for f in findings if f.rule == "R14"]


def test_the_parts_after_the_cut_are_unread_and_not_asked_for() -> None:
    imported = import_bytes(CUT_IN_THREE.encode("utf-8"), "cut.txt")
    assert {"s1.platform", "s1.oversight"} <= imported.report.not_found
    assert _r14(check_imported(imported)) == []


def test_a_part_missing_before_the_last_one_read_is_still_asked_for() -> None:
    imported = import_report(CORPUS / "fengze_health_2023.txt")
    assert [f.cells for f in _r14(check_imported(imported))] == [("s1.management",)]


def test_a_whole_report_is_asked_for_a_missing_part() -> None:
    whole = CUT_IN_THREE.replace("(三)政府信息管理", "(四)平台建设") + "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况"
    assert _r14(check_imported(import_bytes(whole.encode("utf-8"), "whole.txt")))
