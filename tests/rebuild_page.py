"""Rebuild a stored pipes-text page (`tests/fixtures/corpus/<name>.txt`) as the site's page had it — the 2021 format's tables with their
merged cells — then print it to PDF with chromium (how `<name>_web.{html,pdf}` were made; LibreOffice made the .docx).

    python tests/rebuild_page.py longgang_dept_2024 A5 /tmp/gen
    python tests/rebuild_page.py haizhu_guanzhou_2023 "148mm 175mm" /tmp/gen
    soffice --headless --convert-to "docx:MS Word 2007 XML" --outdir /tmp/gen /tmp/gen/NAME_web.html

The numbers are the stored text's, row by row; the row the stored text was cut in is left out (the page had it whole).
Table 三's three header rows are a <thead>, which chromium repeats on a new page when it can.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
GROUPS = {"(三)不予公开": 8, "(四)无法提供": 3, "(五)不予处理": 5, "(六)其他处理": 3}
LEAF_GROUPS = [g for g, n in GROUPS.items() for _ in range(n)]
TABLE_TWO = (("第二十条第(一)项", ("规章", "行政规范性文件")), ("第二十条第(五)项", ("行政许可",)),
             ("第二十条第(六)项", ("行政处罚", "行政强制")), ("第二十条第(八)项", ("行政事业性收费",)))
STYLE = ('body{{font-family:"Noto Serif CJK SC",serif;font-size:10.5pt}}@page{{size:{page};margin:18mm}}'
         "table{{border-collapse:collapse;width:100%;margin:6pt 0}}td{{border:1px solid #000;padding:2pt 3pt;"
         "text-align:center}}td.l{{text-align:left}}p{{text-indent:2em;line-height:1.6;margin:4pt 0}}")


def td(text: str, rows: int = 1, cols: int = 1, left: bool = False) -> str:
    span = (f' rowspan="{rows}"' if rows > 1 else "") + (f' colspan="{cols}"' if cols > 1 else "")
    align = ' class="l"' if left else ""
    return f"<td{span}{align}>{html.escape(text)}</td>"


def read(text: str) -> tuple[list[str], dict[str, list[str]], list[tuple[str, list[str]]]]:
    prose, two, three, section = [], {}, [], "prose"
    for line in (s.strip() for s in text.splitlines()):
        if line.startswith("二、主动公开"):
            section = "two"
        elif line.startswith("三、收到和处理"):
            section = "three"
            continue
        if section == "prose" or line.startswith("二、主动公开"):
            prose.append(line)
        elif "|" in line:
            cells = [c.strip() for c in line.split("|")]
            numbers = [c for c in cells if NUMBER.match(c)]
            labels = [c for c in cells if c and not NUMBER.match(c)]
            if numbers and labels:
                if section == "two":
                    two[labels[-1]] = numbers
                else:
                    three.append((labels[-1], numbers))
    if three and len(three[-1][1]) < 7:
        three.pop()
    return prose, two, three


def page(prose: list[str], two: dict[str, list[str]], three: list[tuple[str, list[str]]], size: str) -> str:
    out = [f'<!DOCTYPE html><html><head><meta charset="utf-8"><style>{STYLE.format(page=size)}</style></head><body>']
    out += [f"<p>{html.escape(p)}</p>" for p in prose]
    out.append("<table>")
    for head, rows in TABLE_TWO:
        out.append(f"<tr>{td(head, cols=4)}</tr>")
        if len(rows) == 2 and "(一)" in head:
            out.append("<tr>" + "".join(td(c) for c in ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")) + "</tr>")
        else:
            column = "本年收费金额(单位:万元)" if "(八)" in head else "本年处理决定数量"
            out.append(f"<tr>{td('信息内容')}{td(column, cols=3)}</tr>")
        for row in rows:
            values = two[row]
            cells = "".join(td(v) for v in values) if len(values) == 3 else td(values[0], cols=3)
            out.append(f"<tr>{td(row)}{cells}</tr>")
    out.append("</table><p>三、收到和处理政府信息公开申请情况</p><table><thead>")
    out.append(f"<tr>{td('(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', 3, 3)}"
               f"{td('申请人情况', cols=7)}</tr>")
    out.append(f"<tr>{td('自然人', rows=2)}{td('法人或其他组织', cols=5)}{td('总计', rows=2)}</tr>")
    out.append("<tr>" + "".join(td(c) for c in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")) + "</tr>")
    out.append("</thead><tbody>")
    leaves, opened = 0, set()
    for label, numbers in three:
        cells = []
        if label.startswith(("一、", "二、", "四、")):
            cells.append(td(label, cols=3, left=True))
        elif re.match(r"^\d\.", label):
            group = LEAF_GROUPS[leaves]
            leaves += 1
            if group not in opened:
                opened.add(group)
                cells.append(td(group, rows=GROUPS[group]))
            cells.append(td(label, left=True))
        else:
            if label.startswith("(一)"):
                cells.append(td("三、本年度办理结果", rows=22))
            cells.append(td(label, cols=2, left=True))
        out.append("<tr>" + "".join(cells) + "".join(td(n) for n in numbers) + "</tr>")
    out.append("</tbody></table></body></html>")
    return "\n".join(out)


def main(name: str, size: str, folder: str) -> None:
    prose, two, three = read((Path(__file__).parent / "fixtures" / "corpus" / f"{name}.txt").read_text(encoding="utf-8"))
    web = Path(folder) / f"{name}_web.html"
    web.write_text(page(prose, two, three, size), encoding="utf-8")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={web.with_suffix('.pdf')}", web.as_uri()], check=True, capture_output=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
