"""A row label of table 三 as a published report prints it, a word dropped: 二、上年结转政府信息公开数量 (临潼开发区
管委会's 2021 report) is the 上年结转 row — declared once, as the format's other spelling of that row. Before, the
row was not found and its seven cells went unread."""

from __future__ import annotations

from bot.importers import import_bytes

HEAD = "开发区管委会2021年政府信息公开工作年度报告\n一、总体情况\n2021年，未收到政府信息公开申请。\n三、收到和处理政府信息公开申请情况\n"
ROW = "{label} | {values} |\n"


def _read(rows: dict[str, str]) -> dict:
    text = HEAD + "".join(ROW.format(label=k, values=" | ".join(v.split())) for k, v in rows.items())
    return import_bytes(text.encode("utf-8"), "report.txt").report.cells


def test_carried_in_printed_without_shenqing_is_its_row() -> None:
    cells = _read({"一、本年新收政府信息公开申请数量": "2 0 0 0 0 0 2", "二、上年结转政府信息公开数量": "1 0 0 0 0 0 1"})
    assert [cells.get("t3.carried_in.person"), cells.get("t3.carried_in.total")] == [1, 1]

