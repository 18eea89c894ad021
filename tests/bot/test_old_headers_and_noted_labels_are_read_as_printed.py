"""2019-format tables as real copies print them: the 本年增/减 header with another separator, none, or its second word
lost where the header cell wrapped; row labels that keep the template's long explanatory note. The old columns are
still told apart, so 处理决定数量 is read (the only old column with a 2021 meaning), and the old rows are still
recognised as the 2019 format's (R12)."""

from __future__ import annotations

import pytest

from bot.checking import check_imported
from bot.importers import ImportResult, import_bytes

# as a web copy prints it: the spaces where the template's narrow cell wrapped its lines kept
NOTE = ("（行政机关制定发布的决定、公告、通告、意见、通 知，以及标题采用“规定”“办法”“细则”“规范”“规程” “规则”"
        "等字样的公文，一般情况下属于规范性文件）")


def _import(change: str, normative: str = "规范性文件") -> ImportResult:
    cells = [
        "石桥镇2020年政府信息公开工作年度报告", "一、总体情况", "2020年，我镇未收到政府信息公开申请。",
        "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量",
        "规章", "0", "0", "0", normative, "2", "2", "9",
        "第二十条第（五）项", "信息内容", "上一年项目数量", change, "处理决定数量",
        "行政许可", "8", "5", "93", "其他对外管理服务事项", "0", "0", "0",
        "第二十条第（六）项", "信息内容", "上一年项目数量", change, "处理决定数量",
        "行政处罚", "90", "0", "22", "行政强制", "4", "4", "7",
    ]
    return import_bytes("\n\n".join(cells).encode("utf-8"), "report.txt")


@pytest.mark.parametrize("change", ["本年增/减", "本年增\\减", "本年增、减", "本年增减", "本年增／减", "本年增/"])
def test_the_change_column_however_printed_keeps_the_decisions_column_apart(change: str) -> None:
    cells = _import(change).report.cells
    assert (cells.get("t2.license"), cells.get("t2.penalty"), cells.get("t2.enforcement")) == (93, 22, 7)


def test_a_row_label_with_the_templates_note_is_still_the_old_row() -> None:
    imported = _import("本年增/减", normative="规范性文件" + NOTE)
    messages = [f.message for f in check_imported(imported) if f.rule == "R12"]
    assert any("「规范性文件」行" in m for m in messages)
    assert not any(f.rule == "导入" and "行政规范性文件" in f.message for f in check_imported(imported))
    assert imported.report.cells["t2.license"] == 93
