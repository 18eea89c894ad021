"""高楼乡's report (微山县, 2023) has neither title nor 一、总体情况: its preface (本报告由高楼乡人民政府…编制) runs
straight into (一)主动公开情况. With no section heading and no table it was refused as no report; section 一 now opens
at its first part's heading, and a text that only mentions 主动公开 in a sentence opens nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.importers import NotAReport, import_bytes, import_report

GAOLOU = Path(__file__).parents[1] / "fixtures" / "corpus" / "weishan_gaolou_2023.txt"


def test_the_report_is_read_with_its_parts() -> None:
    report = import_report(GAOLOU).report
    assert (report.unit, report.unit_kind, report.year) == ("高楼乡", "乡", 2023)
    assert report.text["s1.active"].startswith("2023年,高楼乡累计发布各类信息90条")
    assert "1件" in report.text["s1.on_request"]


def test_a_note_that_only_speaks_of_publishing_is_still_no_report() -> None:
    note = "本通知依据《中华人民共和国政府信息公开条例》印发。\n请各单位做好主动公开工作。\n(二)其他事项另行通知。"
    with pytest.raises(NotAReport):
        import_bytes(note.encode("utf-8"), "note.txt")
