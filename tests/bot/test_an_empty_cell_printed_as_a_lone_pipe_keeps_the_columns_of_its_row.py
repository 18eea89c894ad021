"""A web table copied as text one cell a line, each written cell ending in its pipe ("56 |") and each empty cell
left as a pipe alone on its line (二道区房屋征收工作管理办公室's 2022 page): the lone pipes are the row's empty cells,
so 56 stands under 自然人 and 总计 and the others are blank (R5) — even where, a table of blanks, the lone pipes
outnumber the written cells. Where numbers are printed bare between lines of "|", a lone pipe still separates."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes

HEAD = ("二道区房屋征收工作管理办公室2022年政府信息公开工作年度报告\n一、总体情况\n2022年，我办受理依申请信息56条。\n"
        "三、收到和处理政府信息公开申请情况\n")
BLANK_ROW = "|\n" * 7 + "||\n"


def _tagged(rows: list[tuple[str, list[str]]]) -> str:
    out = []
    for label, values in rows:
        out.append(f"{label} |\n" + "".join(f"{v} |\n" if v else "|\n" for v in values) + "||\n")
    return "".join(out)


def test_lone_pipes_among_tagged_cells_are_the_rows_empty_cells() -> None:
    rows = [("一、本年新收政府信息公开申请数量", ["56", "", "", "", "", "", "56"]),
            ("二、上年结转政府信息公开申请数量", ["0", "", "", "", "", "", "0"]),
            ("(一)予以公开", ["18", "", "", "", "", "", ""]),
            ("(二)部分公开(区分处理的,只计这一情形,不计其他情形)", [""] * 7),
            ("1.属于国家秘密", [""] * 7),
            ("2.其他法律行政法规禁止公开", [""] * 7)]
    imported = import_bytes((HEAD + _tagged(rows)).encode("utf-8"), "report.txt")
    cells = imported.report.cells
    assert [cells["t3.new.person"], cells["t3.new.total"], cells["t3.open.person"]] == [56, 56, 18]
    assert [cells["t3.new.company"], cells["t3.open.total"], cells["t3.partial.person"]] == [None, None, None]
    blanks = {c for f in check_imported(imported) if f.rule == "R5" for c in f.cells}
    assert {"t3.new.company", "t3.partial.total", "t3.refuse_2.person"} <= blanks


def test_lone_pipes_between_bare_cells_still_separate_them() -> None:
    cells = ["一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3",
             "二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"]
    imported = import_bytes((HEAD + "\n|\n".join(cells) + "\n").encode("utf-8"), "report.txt")
    read = imported.report.cells
    assert [read["t3.new.person"], read["t3.new.company"], read["t3.new.total"], read["t3.carried_in.total"]] == [3, 0, 3, 0]
