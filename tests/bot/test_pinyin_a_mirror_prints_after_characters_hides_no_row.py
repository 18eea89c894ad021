"""Some mirror sites copy a report in traditional characters and print pinyin after some of them (規(guī)章,
鶴城鎮(zhèn), 行政事業(yè)性收費): the rows of table 二 are read as without it, and a bracket of plain latin letters
after a character (网站(app)) is left as it is."""

from __future__ import annotations

from bot.importers import import_bytes
from bot.importers.blocks import Paragraph
from bot.importers.chinese import without_pinyin

TABLE_TWO = """鶴城鎮(zhèn)2023年政府信息公開工作年度報告
一、總體情況
2023年,我鎮(zhèn)在政府門戶網(wǎng)站公開信息共82條。
二、主動公開政府信息情況
第二十條第(一)項 |
信息內(nèi)容 | 本年制發(fā)件數(shù) | 本年廢止件數(shù) | 現(xiàn)行有效件數(shù) |
規(guī)章 | 0 | 0 | 0 |
行政規(guī)范性文件 | 1 | 0 | 3 |
第二十條第(五)項 |
信息內(nèi)容 | 本年處理決定數(shù)量 |
行政許可 | 0 |
第二十條第(六)項 |
信息內(nèi)容 | 本年處理決定數(shù)量 |
行政處罰 | 18 |
行政強制 | 5 |
第二十條第(八)項 |
信息內(nèi)容 | 本年收費金額(單位:萬元) |
行政事業(yè)性收費 | 1.5 |
"""


def test_rows_printed_with_pinyin_after_their_characters_are_read() -> None:
    report = import_bytes(TABLE_TWO.encode("utf-8"), "report.txt").report
    assert report.unit == "鹤城镇" and report.year == 2023
    assert [report.cells.get(f"t2.regulations.{c}") for c in ("issued", "abolished", "in_force")] == [0, 0, 0]
    assert [report.cells.get(f"t2.normative.{c}") for c in ("issued", "abolished", "in_force")] == [1, 0, 3]
    assert (report.cells["t2.penalty"], report.cells["t2.enforcement"], str(report.cells["t2.fees"])) == (18, 5, "1.5")


def test_latin_letters_in_brackets_without_a_tone_mark_are_kept() -> None:
    kept = [Paragraph("通过政务服务网站(app)和小程序(wx)公开信息。")]
    assert without_pinyin(kept) == kept
    assert without_pinyin([Paragraph("規(guī)章和內(nèi)容")]) == [Paragraph("規章和內容")]
