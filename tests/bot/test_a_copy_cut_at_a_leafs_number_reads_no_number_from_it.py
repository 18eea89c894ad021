"""A copy of table 三 cut right after the number of a leaf's label ("(三)不予公开 |" then "1."), one cell a line with
the site's blank cells dropped (nanhu_bureau_2019). "1." is the mark a leaf's label opens with, not a count: the row
above it is not a 2019 one-row 不予公开 of 1 (no R12 about it), the row before it is not cut inside (its one number
cannot be placed in seven columns: not read, and said so), and the rows whose numbers could not be placed are named
one by one, not the table as a heading without numbers."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

TABLE_THREE = """三、收到和处理政府信息公开申请情况
申请人情况 |
||||||||
自然人 |
法人或其他组织 |
总计 |
|||||||
商业企业 |
科研机构 |
社会公益组织 |
法律服务机构 |
其他 |
|||||
一、本年新收政府信息公开申请数量 |
3 |
3 |
|||||||
二、上年结转政府信息公开申请数量 |
0 |
0 |
|||||||
三、本年度办理结果 |
(一)予以公开 |
3 |
3 |
||||||
(二)部分公开(区分处理的,只计这一情形,不计其他情形) |
0 |
||||||||
(三)不予公开 |
1."""


def _imported():
    text = "一、总体情况\n2019年，我局收到依申请公开信息3条。\n二、主动公开政府信息情况\n" + TABLE_THREE
    return import_bytes(text.encode("utf-8"), "report.txt")


def test_a_leafs_number_at_the_cut_is_no_one_row_group() -> None:
    imported = _imported()
    assert not any(c.startswith("t3.refuse_") and v is not None
                   for c, v in imported.report.cells.items())
    findings = check_imported(imported)
    assert not any(f.rule == "R12" for f in findings), [f.message for f in findings if f.rule == "R12"]


def test_the_row_before_the_cut_is_not_read_as_cut_inside() -> None:
    cells = _imported().report.cells
    assert not any(c.startswith("t3.partial.") for c in cells), {c: v for c, v in cells.items() if "partial" in c}


def test_rows_whose_numbers_cannot_be_placed_are_named_and_the_rest_cut() -> None:
    messages = [f.message for f in check_imported(_imported()) if f.rule == "导入" and "表三" in f.message]
    assert not any("没有读到数字" in m for m in messages), messages
    assert sum("无法确定各数所在栏目" in m for m in messages) == 4, messages
    assert any("1.属于国家秘密" in m and "未找到" in m for m in messages), messages
