"""A web page's tables copied as text with their cells run together on one line, one space apart ("规 章 0 0 0
行政规范性文件 0 0 0 第二十条第(五)项 …"): each cell is read where it stands, a label's own space ("规 章", "商业
企业") included; a sentence that holds numbers one space apart stays prose."""

from __future__ import annotations

from bot.importers import import_bytes
from bot.importers.blocks import Paragraph
from bot.importers.txt import blocks_from_text

ONE_LINE = (
    "二、主动公开政府信息情况 第二十条第(一)项 信息内容 本年制发件数 本年废止件数 现行有效件数 规 章 0 0 0 "
    "行政规范性文件 2 1 7 第二十条第(五)项 信息内容 本年处理决定数量 行政许可 52 第二十条第(六)项 信息内容 "
    "本年处理决定数量 行政处罚 15 行政强制 3 第二十条第(八)项 信息内容 本年收费金额(单位:万元) 行政事业性收费 1.5 "
    "三、收到和处理政府信息公开申请情况 (本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) 申请人情况 "
    "自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 "
    "一、本年新收政府信息公开申请数量 4 1 0 0 0 0 5 二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1"
)


def _cells(text: str) -> dict:
    report = ("青山镇2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我镇收到政府信息公开申请5件。\n"
              + text + "\n")
    return import_bytes(report.encode("utf-8"), "report.txt").report.cells


def test_tables_two_and_three_on_one_line_are_read_cell_by_cell() -> None:
    cells = _cells(ONE_LINE)
    assert [cells[f"t2.regulations.{c}"] for c in ("issued", "abolished", "in_force")] == [0, 0, 0]
    assert [cells[f"t2.normative.{c}"] for c in ("issued", "abolished", "in_force")] == [2, 1, 7]
    assert [cells["t2.license"], cells["t2.penalty"], cells["t2.enforcement"], str(cells["t2.fees"])] == \
        [52, 15, 3, "1.5"]
    columns = ("person", "company", "research", "ngo", "legal", "other", "total")
    assert [cells[f"t3.new.{c}"] for c in columns] == [4, 1, 0, 0, 0, 0, 5]
    assert [cells[f"t3.carried_in.{c}"] for c in columns] == [1, 0, 0, 0, 0, 0, 1]


def test_a_sentence_with_numbers_one_space_apart_stays_one_paragraph() -> None:
    sentence = "2024 年 我镇 共 发布 信息 12 条 其中 文件 3 件 动态 5 条 公告 2 条 其他 2 条 均 已 按时 公开。"
    assert blocks_from_text(sentence) == [Paragraph(sentence)]


def test_a_row_of_cells_a_few_spaces_apart_is_still_one_row() -> None:
    blocks = blocks_from_text("行政规范性文件  2  1  7")
    assert len(blocks) == 1 and blocks[0].cells == ("行政规范性文件", "2", "1", "7")
