"""Make the Word file whose PDF repeats table 三's header at the top of the next page (Word's 重复标题行, w:tblHeader):
the city report's Word file (`huaian_2024.docx`, its cells and prose untouched) with table 三's three header rows
printed as one row — the corner cell, then 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计, as units that drop
申请人情况 and 法人或其他组织 print it — marked to repeat, and `pad` empty paragraphs before the table so that the page
breaks between two of its rows. That header row has as many cells as a row of a row group (1.属于国家秘密 | 7 numbers).
With `three`, the header keeps its three rows, all marked to repeat, and rows may split over a page (Word's defaults):
pad 8 puts the heading of 四 at the foot of a page's text, full width, right above table 四.

    .venv/bin/python -m tests.repeated_header_word 6 /tmp/gen          # → huaian_2024_repeated_header.docx
    .venv/bin/python -m tests.repeated_header_word 8 /tmp/gen three    # → huaian_2024_three_header_rows.docx
    soffice --headless --convert-to pdf --outdir /tmp/gen /tmp/gen/huaian_2024_*.docx
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
NAME = "huaian_2024_repeated_header"
THREE = "huaian_2024_three_header_rows"


def _one_header_row(table) -> None:
    """Rows 0 and 1 go; row 2 (商业企业 …) keeps its cells, the merged ones given their own text: the corner's caption,
    自然人, 总计."""
    rows = table._tbl.tr_lst
    corner = rows[0].tc_lst[0].xpath("string(.)")
    for tr in rows[:2]:
        table._tbl.remove(tr)
    cells = rows[2].tc_lst
    for tc, text in ((cells[0], corner), (cells[1], "自然人"), (cells[-1], "总计")):
        for merge in tc.tcPr.findall(qn("w:vMerge")):
            tc.tcPr.remove(merge)
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = text
        run.append(t)
        tc.findall(qn("w:p"))[0].append(run)


def make(pad: int, folder: str, three: bool = False) -> Path:
    doc = Document(CORPUS / "huaian_2024.docx")
    table = doc.tables[1]
    if not three:
        _one_header_row(table)
    for _ in range(pad):
        table._tbl.addprevious(OxmlElement("w:p"))
    if not three:
        for row in table.rows:  # rows never split, so the page breaks between two rows
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for row in table.rows[:3 if three else 1]:  # after w:cantSplit, as the schema orders them
        row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    out = Path(folder) / (f"{THREE}.docx" if three else f"{NAME}.docx")
    doc.save(out)
    return out


if __name__ == "__main__":
    make(int(sys.argv[1]), sys.argv[2], sys.argv[3:] == ["three"])
