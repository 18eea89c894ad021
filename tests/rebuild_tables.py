"""Rebuild a stored page of the corpus as the site published it, from the cells read by hand (`<name>.expected.json`):
table 二 as four <table> elements, one a 第二十条 item (as the pages whose text prints "第二十条第(一)项 | |||" have
it), table 三 as one table with the 2021 format's merged cells; a cell the page printed empty stays an empty <td>.
The prose is the stored text's, up to table 二. Then chromium prints the page to PDF, LibreOffice makes the page a
the same tables are typed into a Word file (python-docx: Word's merged cells, table style 网格) that LibreOffice
prints to PDF (a report printed from Word, its table 三 split across pages).

    .venv/bin/python -m tests.rebuild_tables erdao_fangwu_2022 A5 /tmp/gen   # → _web.html, _web.pdf and _word.docx
    soffice --headless --convert-to pdf --outdir /tmp/gen /tmp/gen/erdao_fangwu_2022_word.docx

Rows of table 三 come in the format's order up to the last row the hand-read cells reach whole; a row the store cut
(fewer cells known than columns, none of them blank) is left out, as the site had it whole.
"""

from __future__ import annotations

import html
import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from bot.formats.gov2021 import T3_ROWS
from tests.rebuild_page import td as page_cell

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
COLUMNS = ("person", "company", "research", "ngo", "legal", "other", "total")
ITEMS = (("第二十条第(一)项", ("本年制发件数", "本年废止件数", "现行有效件数"), (("规章", "regulations"), ("行政规范性文件", "normative"))),
         ("第二十条第(五)项", ("本年处理决定数量",), (("行政许可", "license"),)),
         ("第二十条第(六)项", ("本年处理决定数量",), (("行政处罚", "penalty"), ("行政强制", "enforcement"))),
         ("第二十条第(八)项", ("本年收费金额(单位:万元)",), (("行政事业性收费", "fees"),)))
STYLE = ('body{{font-family:"Noto Serif CJK SC",serif;font-size:10.5pt}}@page{{size:{page};margin:18mm}}'
         "table{{border-collapse:collapse;width:100%;margin:0}}td{{border:1px solid #000;padding:2pt 3pt;"
         "text-align:center}}td.l{{text-align:left}}p{{text-indent:2em;line-height:1.6;margin:4pt 0}}")


def td(text: object, rows: int = 1, cols: int = 1, left: bool = False) -> str:
    return page_cell("" if text is None else str(text), rows, cols, left)  # a cell printed empty: an empty <td>


def _value(cells: dict, blank: set, cell: str) -> object:
    return None if cell in blank else cells[cell]


def table_two(cells: dict, blank: set) -> list[str]:
    out = []
    for item, columns, rows in ITEMS:
        out.append(f"<table><tr>{td(item, cols=4, left=True)}</tr><tr>{td('信息内容')}")
        out.append("".join(td(c) for c in columns) if len(columns) == 3 else td(columns[0], cols=3))
        out.append("</tr>")
        for label, key in rows:
            ids = [f"t2.{key}.{c}" for c in ("issued", "abolished", "in_force")] if len(columns) == 3 else [f"t2.{key}"]
            values = "".join(td(_value(cells, blank, i)) for i in ids) if len(ids) == 3 else td(
                _value(cells, blank, ids[0]), cols=3)
            out.append(f"<tr>{td(label)}{values}</tr>")
        out.append("</table>")
    return out


def _whole_rows(cells: dict, blank: set) -> list:
    rows = []
    for row in T3_ROWS:
        known = [c for c in COLUMNS if f"t3.{row.key}.{c}" in cells or f"t3.{row.key}.{c}" in blank]
        if len(known) < len(COLUMNS):
            break
        rows.append(row)
    return rows


def table_three(cells: dict, blank: set) -> list[str]:
    rows = _whole_rows(cells, blank)
    results = [r for r in rows if r.group]
    out = ["<p>三、收到和处理政府信息公开申请情况</p><table><thead>",
           f"<tr>{td('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', 3, 3)}{td('申请人情况', cols=7)}</tr>",
           f"<tr>{td('自然人', rows=2)}{td('法人或其他组织', cols=5)}{td('总计', rows=2)}</tr>",
           "<tr>" + "".join(td(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")) + "</tr>",
           "</thead><tbody>"]
    opened: set[str] = set()
    for row in rows:
        label = row.label.replace("（", "(").replace("）", ")")
        head = []
        if not row.group:
            head.append(td(label, cols=3, left=True))
        else:
            if not opened:
                head.append(td("三、本年度办理结果", rows=len(results)))
            leaves = [r for r in results if r.group == row.group]
            if row.group != "三、本年度办理结果" and len(leaves) > 1 and row.group not in opened:
                head.append(td(row.group.replace("（", "(").replace("）", ")"), rows=len(leaves)))
            opened.add(row.group)
            head.append(td(label, cols=1 if len(leaves) > 1 and row.group != "三、本年度办理结果" else 2, left=True))
        values = "".join(td(_value(cells, blank, f"t3.{row.key}.{c}")) for c in COLUMNS)
        out.append("<tr>" + "".join(head) + values + "</tr>")
    out.append("</tbody></table>")
    return out


def prose(name: str) -> list[str]:
    lines = []
    for line in (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip().startswith(("二、主动公开", "一、主动公开", "二、 主动公开", "第二十条")):
            lines.append(line.split("|")[0].strip())
            break
        if line.strip():
            lines.append(line.strip())
    return [f"<p>{html.escape(p)}</p>" for p in lines if not p.startswith("第二十条")]


def page(name: str, size: str) -> str:
    expected = json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))
    cells, blank = expected["cells"], set(expected.get("blank", ()))
    body = prose(name) + table_two(cells, blank) + table_three(cells, blank)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{STYLE.format(page=size)}</style></head><body>'
            + "\n".join(body) + "</body></html>")


def word(name: str, folder: str) -> Path:
    """The same tables as a Word file typed in Word (A5, 宋体 10.5 pt, table style 网格): the grid's merged cells are
    Word's merged cells, and LibreOffice prints it to PDF, table 三 running over a page break."""
    from docx import Document
    from docx.shared import Mm, Pt

    body = BeautifulSoup(page(name, "A5"), "html.parser").body
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(148), Mm(210)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Mm(15)
    doc.styles["Normal"].font.size = Pt(10.5)
    for element in body.find_all(["p", "table"], recursive=False):
        if element.name == "p":
            doc.add_paragraph(element.get_text())
        else:
            _word_table(doc, element)
    out = Path(folder) / f"{name}_word.docx"
    doc.save(out)
    return out


def _word_table(doc, element) -> None:
    """An HTML table's grid, rowspans and colspans included, as a Word table with the same cells merged."""
    grid: dict[tuple[int, int], tuple[int, int, int, int, str]] = {}
    rows = element.find_all("tr")
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr.find_all("td"):
            while (r, c) in grid:
                c += 1
            down, across = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for i in range(down):
                for j in range(across):
                    grid[(r + i, c + j)] = (r, c, down, across, cell.get_text())
            c += across
    width = max(c for _, c in grid) + 1
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for (r, c), (top, left, down, across, text) in grid.items():
        if (r, c) == (top, left):
            cell = table.cell(top, left)
            if down > 1 or across > 1:
                cell = cell.merge(table.cell(top + down - 1, left + across - 1))
            cell.text = text


def main(name: str, size: str, folder: str) -> None:
    web = Path(folder) / f"{name}_web.html"
    web.write_text(page(name, size), encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={web.with_suffix('.pdf')}", web.as_uri()], check=True, capture_output=True)
    word(name, folder)


if __name__ == "__main__":
    main(*sys.argv[1:4])
