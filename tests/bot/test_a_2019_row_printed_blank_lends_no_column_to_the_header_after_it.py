"""A 2019 表二 copied one cell a paragraph, its 其他对外管理服务事项 row printed blank (non-breaking spaces, no line
left): the row's label runs into the next block's header. 其他 inside it is 表三's column label, not a column of
表二's header — else the header has four columns for three numbers and 行政处罚, 行政强制 are not read
(hengnan_health_2020)."""

from __future__ import annotations

from bot.importers import import_bytes

BLOCKS = ["第二十条第(五)项", "信息内容", "上一年项目数量", "本年增/", "处理决定数量", "行政许可", "18", "0", "1625",
          "其他对外管理服务事项", "\u00a0", "\u00a0", "\u00a0",
          "第二十条第(六)项", "信息内容", "上一年项目数量", "本年增/", "处理决定数量",
          "行政处罚", "137", "0", "\u00a0112", "行政强制", "12", "0", "\u00a021"]


def _cells() -> dict:
    text = ("衡南县卫生健康局2020年政府信息公开年度报告\n\n一、总体情况\n\n2020年，我局推进政府信息公开工作。\n\n"
            "二、主动公开政府信息情况\n\n" + "\n\n".join(BLOCKS) + "\n\n三、收到和处理政府信息公开申请情况\n")
    return import_bytes(text.encode("utf-8"), "report.txt").report.cells


def test_the_rows_after_a_blank_2019_row_keep_their_decisions() -> None:
    cells = _cells()
    assert cells.get("t2.license") == 1625
    assert cells.get("t2.penalty") == 112
    assert cells.get("t2.enforcement") == 21
