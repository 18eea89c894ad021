"""Importers: the five seeds, damaged copies of them, Word and web-page reports built here, and files that are
not reports at all."""

from __future__ import annotations

import io
import re
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021
from bot.importers import ImportResult, NotAReport, import_bytes, import_report
from bot.importers.prose import heading_section
from bot.report import Report
from tests.conftest import SEEDS, seed_path

T2, T3, T4 = (GOV2021.table(k) for k in ("t2", "t3", "t4"))
CHINESE = re.compile(r"[\u4e00-\u9fff]")

SEED_UNITS = {
    0: ("永清县刘街乡", "乡"),
    1: ("沙河市册井镇人民政府", "镇"),
    2: ("胡集乡", "乡"),
    3: ("延津县塔铺街道", "街道"),
    4: ("龙亭区柳园口乡人民政府", "乡"),
}
SEED_NONZERO = {
    1: {"t2.license": 204, "t2.penalty": 12},
    4: {f"t3.{row}.{col}": 1 for row in ("new", "open", "total") for col in ("person", "total")},
}
PART_SLOTS = [s.id for s in GOV2021.slots if s.section in ("一", "五", "六")]


def _cells_of(row: str, table=T3) -> list[str]:
    return [c.id for c in table.cells if c.row == row]


def _seed_lines(number: int) -> list[str]:
    return seed_path(number).read_text(encoding="utf-8").split("\n")


def _import_text(text: str, name: str = "report.txt") -> ImportResult:
    return import_bytes(text.encode("utf-8"), name)


# --- the five seeds -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", sorted(SEED_UNITS))
def test_seed_reads_every_cell_unit_kind_and_year(number: int) -> None:
    report = import_report(seed_path(number)).report
    expected = {cell_id: 0 for cell_id in GOV2021.cell_ids} | SEED_NONZERO.get(number, {})
    assert report.cells == expected
    assert not report.not_found
    assert all(type(v) is int for k, v in report.cells.items() if k != "t2.fees")
    assert isinstance(report.cells["t2.fees"], Decimal)
    assert (report.unit, report.unit_kind, report.year) == (*SEED_UNITS[number], 2024)
    assert report.format_id == GOV2021.id


@pytest.mark.parametrize("number", sorted(SEED_UNITS))
def test_seed_fills_every_prose_part(number: int) -> None:
    text = import_report(seed_path(number)).report.text
    assert [slot for slot in PART_SLOTS if not text.get(slot, "").strip()] == []
    assert set(text) <= set(GOV2021.slot_ids)
    if number in (0, 1):  # the other three print no paragraph between title and 一
        assert text["preface"].startswith(("依据", "本年度报告依据"))
    for value in text.values():
        assert "政府信息公开工作年度报告" not in value.replace(" ", "")[:40]  # the title is never prose


def test_seed_findings_only_the_old_other_processing_layout_of_001() -> None:
    for number in (0, 2, 3, 4):
        assert import_report(seed_path(number)).findings == []
    (finding,) = import_report(seed_path(1)).findings  # its one row is 0 throughout: every leaf is 0
    assert (finding.rule, finding.level) == ("R12", "warning")
    assert finding.cells == tuple(_cells_of("other_1") + _cells_of("other_2") + _cells_of("other_3"))
    assert "（六）其他处理" in finding.message and "3.其他" in finding.message


def test_seed_prose_is_split_at_the_right_places() -> None:
    seed0, seed1, seed2, seed3, seed4 = (import_report(seed_path(n)).report.text for n in range(5))
    # markers and short titles are dropped, the rest kept verbatim
    assert seed0["s1.active"].startswith("经过对全乡各项工作的信息梳理和编目")
    assert seed1["s1.active"].startswith("2024年我镇主动公开乡村振兴")
    assert seed3["s1.active"].startswith("近年来，塔铺街道围绕重点领域")
    assert seed4["s1.management"].startswith("2024 年，柳园口乡严格按照")  # （三）对政府信息进行管理的情况。
    assert seed1["s1.oversight"].startswith("[bookmark: _GoBack]建立镇政府信息公开领导小组")
    # seed 002: numbered sub-headings inside 一 and 五 are not section headings; the repeated title is dropped
    assert seed2["s1.summary"].startswith("政务公开是推进依法行政")
    assert seed2["s1.oversight"].startswith("以乡信息公开工作领导小组为领导")
    assert seed2["s5.problems"].startswith("一是部分部门")
    assert seed2["s5.improvements"].startswith("（一）提升思想认识")
    assert seed2["s5.improvements"].count("\n") == 2
    # 五 split at 改进情况 / 改进措施
    assert seed0["s5.problems"].endswith("现有制度执行力度还有待加强。")
    assert seed0["s5.improvements"].startswith("一是配强队伍")
    assert seed3["s5.problems"].startswith("一是主动公开需进一步规范细化")
    assert seed4["s5.improvements"].startswith("一是提高政务公开时效性")
    assert seed1["s6.other"].startswith("认真贯彻执行国务院办公厅")  # under "6、 其他需要报告的事项"
    assert "主动公开政府信息情况" not in seed0["s1.oversight"]  # 000 prints that heading without "二、"


def test_importing_the_five_seeds_is_fast() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    import_report(paths[0])  # module loading is not the import's cost
    start = time.perf_counter()
    for path in paths:
        import_report(path)
    elapsed = time.perf_counter() - start
    print(f"five seeds imported in {elapsed * 1000:.1f} ms")
    assert elapsed < 1.0


# --- damaged copies of the seeds ------------------------------------------------------------------------------


@pytest.mark.parametrize("blank", ["/", "—", "-", "无", "", "／"])
def test_blank_cell_in_tab_rows_is_none_never_zero(blank: str) -> None:
    lines = _seed_lines(2)
    i = next(i for i, line in enumerate(lines) if "2. 重复申请" in line)
    cells = lines[i].split("\t")
    cells[5] = blank  # "\t\t2. 重复申请\t自然人\t商业企业\t科研机构…"
    lines[i] = "\t".join(cells)
    result = _import_text("\n".join(lines))
    assert result.report.cells["t3.reject_2.research"] is None
    assert result.report.cells["t3.reject_2.company"] == 0
    assert result.report.cells["t3.reject_2.ngo"] == 0
    assert result.findings == []


def test_blank_cell_in_one_cell_per_line_layout_is_none() -> None:
    lines = _seed_lines(0)
    i = next(i for i, line in enumerate(lines) if line == "\t4.保护第三方合法权益")
    lines[i + 1] = "\t/"  # its 自然人 value
    lines[i + 7] = "\t"  # its 总计 value printed blank
    report = _import_text("\n".join(lines)).report
    assert report.cells["t3.refuse_4.person"] is None
    assert report.cells["t3.refuse_4.total"] is None
    assert report.cells["t3.refuse_4.company"] == 0


def test_deleted_row_is_named_once_and_its_cells_are_not_found_never_zero() -> None:
    lines = [line for line in _seed_lines(2) if not line.startswith("(七) 总计")]
    result = _import_text("\n".join(lines))
    (finding,) = result.findings
    assert (finding.rule, finding.level) == ("导入", "warning")
    assert set(finding.cells) <= result.report.not_found
    assert finding.cells == tuple(_cells_of("total"))
    assert re.search(r"未找到表三.*（七）总计.*行", finding.message)
    assert not set(finding.cells) & set(result.report.cells)
    assert len(result.report.cells) == 200 - 7


def test_deleted_row_in_one_cell_per_line_layout() -> None:
    lines = _seed_lines(0)
    i = lines.index("\t4.无正当理由大量反复申请")
    del lines[i:i + 8]
    result = _import_text("\n".join(lines))
    (finding,) = result.findings
    assert finding.cells == tuple(_cells_of("reject_4"))
    assert "未找到表三「4.无正当理由大量反复申请」行" in finding.message


def test_missing_tables_are_named() -> None:
    lines = _seed_lines(3)
    start = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、存在的主要问题"))
    result = _import_text("\n".join(lines[:start] + lines[end:]))
    finding = next(f for f in result.findings if f.rule == "导入")
    assert finding.cells == tuple(c.id for c in T4.cells)
    assert "未找到表四" in finding.message
    assert result.report.text["s5.problems"]


def test_a_table_headed_but_printed_without_numbers_is_said_so_not_missing() -> None:
    """A page that prints a table's heading and labels but no number (a copy that lost them) is told apart from a
    document without the table: the clerk is not sent looking for a table that is there."""
    lines = _seed_lines(0)  # one cell per line: a copy that lost its numbers leaves the labels only
    start = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、存在的主要问题"))
    labels = [line for line in lines[start + 1:end] if not any(ch.isdigit() for ch in line)]
    result = _import_text("\n".join(lines[: start + 1] + labels + lines[end:]))
    (finding,) = result.findings
    assert finding.cells == tuple(c.id for c in T4.cells)
    assert "找到了表四" in finding.message and "没有读到数字" in finding.message
    assert "未找到表四" not in finding.message
    assert set(finding.cells) <= result.report.not_found


def test_2019_columns_are_r12_errors_and_their_numbers_are_not_taken_by_position() -> None:
    text = seed_path(3).read_text(encoding="utf-8")
    text = text.replace("本年制发件数\t本年度止件数\t现行有效件数", "本年新制作数量\t本年新公开数量\t对外公开总数量")
    text = text.replace("行政规范性文件\t0\t0\t0", "规范性文件\t1\t2\t3")
    result = _import_text(text)
    messages = [f.message for f in result.findings if (f.rule, f.level) == ("R12", "error")]
    assert len(messages) == 2
    assert any("本年新制作数量" in m and "2021" in m and "未导入" in m for m in messages)
    assert any("「规范性文件」" in m and "行政规范性文件" in m for m in messages)
    unread = _cells_of("normative", T2) + _cells_of("regulations", T2)
    assert not set(unread) & set(result.report.cells)
    assert set(unread) <= result.report.not_found
    (note,) = result.report.layout_notes
    assert (note.kind, note.table) == ("legacy_labels", "t2")
    assert {"本年新制作数量", "规范性文件"} <= set(note.labels)


def test_unknown_suffix_is_sniffed() -> None:
    data = seed_path(2).read_bytes()
    assert import_bytes(data, "upload.dat").source == "txt"
    assert import_bytes(data, "").report.unit == "胡集乡"
    assert import_bytes(data.decode("utf-8").encode("gb18030"), "gbk.txt").report.unit == "胡集乡"


# --- JSON -----------------------------------------------------------------------------------------------------


def test_json_round_trip(tmp_path: Path) -> None:
    report = import_report(seed_path(4)).report
    path = tmp_path / "r.json"
    path.write_text(report.to_json(), encoding="utf-8")
    result = import_report(path)
    assert result.report == report and result.findings == [] and result.source == "json"


# --- Word and web pages built the way the official format prints them ----------------------------------------


def _distinct_values() -> dict[str, int | Decimal]:
    """Every cell a different number, so that a cell read from the wrong column cannot pass."""
    values: dict[str, int | Decimal] = {cid: i + 1 for i, cid in enumerate(GOV2021.cell_ids)}
    values["t2.fees"] = Decimal("12.34")
    return values


def _t3_label_columns(row) -> list[tuple[str, int]]:
    """The three label columns of a 表三 row: (text, span) pairs as the official table prints them."""
    if not row.group:
        return [(row.label, 3)]
    if row.group == "三、本年度办理结果":
        return [(row.group, 1), (row.label, 2)]
    return [("", 1), (row.group, 1), (row.label, 1)]


def _build_docx(values: dict) -> bytes:
    doc = Document()
    doc.add_paragraph("永清县刘街乡").add_run().add_break()  # a line break inside the title paragraph
    doc.paragraphs[0].add_run("2024年政府信息公开工作年度报告")
    doc.add_paragraph("本报告依据《中华人民共和国政府信息公开条例》编制。")
    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph("2024年，刘街乡扎实推进政务公开。")
    for title in ("（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）政府信息公开平台建设", "（五）监督保障"):
        doc.add_paragraph(f"{title}。{title[3:]}方面，我乡认真落实各项要求。")
    doc.add_heading("二、主动公开政府信息情况", level=1)
    _docx_t2(doc, values)
    doc.add_heading("三、收到和处理政府信息公开申请情况", level=1)
    _docx_t3(doc, values)
    doc.add_heading("四、政府信息公开行政复议、行政诉讼情况", level=1)
    _docx_t4(doc, values)
    doc.add_heading("五、存在的主要问题及改进情况", level=1)
    doc.add_paragraph("存在的主要问题：公开内容还不够丰富。")
    doc.add_paragraph("改进情况：加强培训，丰富公开内容。")
    doc.add_heading("六、其他需要报告的事项", level=1)
    doc.add_paragraph("本年度未收取信息处理费。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _docx_t2(doc, values: dict) -> None:
    table = doc.add_table(rows=0, cols=4)

    def merged_row(texts: list[str], last_span: bool = False) -> None:
        cells = table.add_row().cells
        if last_span:
            cells[len(texts) - 1].merge(cells[3])
        for cell, text in zip(cells, texts, strict=False):
            cell.text = text

    for group, rows in (("第二十条第（一）项", ("regulations", "normative")), ("第二十条第（五）项", ("license",)),
                        ("第二十条第（六）项", ("penalty", "enforcement")), ("第二十条第（八）项", ("fees",))):
        merged_row([group], last_span=True)
        if rows[0] == "regulations":
            merged_row(["信息内容", *(c.label for c in T2.columns[:3])])
            for row in rows:
                merged_row([T2.row(row).label, *(str(values[c]) for c in _cells_of(row, T2))])
        else:
            header = T2.columns[4].label if rows[0] == "fees" else T2.columns[3].label
            merged_row(["信息内容", header], last_span=True)
            for row in rows:
                merged_row([T2.row(row).label, str(values[_cells_of(row, T2)[0]])], last_span=True)


def _docx_t3(doc, values: dict) -> None:
    table = doc.add_table(rows=3 + len(T3.rows), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2)).text = T3.caption
    table.cell(0, 3).merge(table.cell(0, 9)).text = "申请人情况"
    table.cell(1, 3).merge(table.cell(2, 3)).text = "自然人"
    table.cell(1, 4).merge(table.cell(1, 8)).text = "法人或其他组织"
    table.cell(1, 9).merge(table.cell(2, 9)).text = "总计"
    for i, column in enumerate(T3.columns[1:6]):
        table.cell(2, 4 + i).text = column.label
    first = {}
    for r, row in enumerate(T3.rows, start=3):
        labels = _t3_label_columns(row)
        col = 0
        for text, span in labels:
            cell = table.cell(r, col).merge(table.cell(r, col + span - 1)) if span > 1 else table.cell(r, col)
            col += span
            if text and text == row.group:
                first.setdefault(text, (r, col - span))
                continue
            cell.text = text
        for i, cid in enumerate(_cells_of(row.key)):
            table.cell(r, 3 + i).text = str(values[cid])
    last = {}
    for r, row in enumerate(T3.rows, start=3):
        if row.group:
            last[row.group] = r
    for group, (r0, c0) in first.items():  # group labels merged down their rows, as on paper
        table.cell(r0, c0).merge(table.cell(last[group], c0)).text = group


def _docx_t4(doc, values: dict) -> None:
    table = doc.add_table(rows=4, cols=15)
    table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
    table.cell(0, 5).merge(table.cell(0, 14)).text = "行政诉讼"
    for i, column in enumerate(T4.columns):
        table.cell(1, i).merge(table.cell(2, i)).text = column.label
        table.cell(2, 5 + i).text = column.label
        table.cell(2, 10 + i).text = column.label
    table.cell(1, 5).merge(table.cell(1, 9)).text = "未经复议直接起诉"
    table.cell(1, 10).merge(table.cell(1, 14)).text = "复议后起诉"
    for i, cell in enumerate(T4.cells):
        table.cell(3, i).text = str(values[cell.id])


def test_docx_with_merged_cells_gives_every_cell() -> None:
    values = _distinct_values()
    result = import_bytes(_build_docx(values), "报告.docx")
    assert result.source == "docx"
    assert result.findings == []
    assert result.report.cells == values
    assert (result.report.unit, result.report.unit_kind, result.report.year) == ("永清县刘街乡", "乡", 2024)
    text = result.report.text
    assert text["preface"] == "本报告依据《中华人民共和国政府信息公开条例》编制。"
    assert text["s1.summary"] == "2024年，刘街乡扎实推进政务公开。"
    assert text["s1.platform"] == "政府信息公开平台建设方面，我乡认真落实各项要求。"
    assert text["s5.problems"] == "公开内容还不够丰富。"
    assert text["s5.improvements"] == "加强培训，丰富公开内容。"
    assert text["s6.other"] == "本年度未收取信息处理费。"


def _html_report(values: dict) -> str:
    def tds(texts, **attrs) -> str:
        extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return "".join(f"<td{extra}>{t}</td>" for t in texts)

    t2 = []
    for group, rows in (("第二十条第（一）项", ("regulations", "normative")), ("第二十条第（五）项", ("license",)),
                        ("第二十条第（六）项", ("penalty", "enforcement")), ("第二十条第（八）项", ("fees",))):
        t2.append(f'<tr><td colspan="4"><p>{group}</p></td></tr>')
        if rows[0] == "regulations":
            t2.append("<tr>" + tds(["信息内容", *(c.label for c in T2.columns[:3])]) + "</tr>")
        for row in rows:
            cells = [str(values[c]) for c in _cells_of(row, T2)]
            span = {} if len(cells) == 3 else {"colspan": 3}
            t2.append(f"<tr><td>{T2.row(row).label}</td>" + tds(cells, **span) + "</tr>")
    t3 = [
        f'<tr><td rowspan="3" colspan="3">{T3.caption}</td><td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        "<tr>" + tds(c.label for c in T3.columns[1:6]) + "</tr>",
    ]
    seen_groups = set()
    for row in T3.rows:
        labels = ""
        if not row.group:
            labels = f'<td colspan="3">{row.label}</td>'
        else:
            size = sum(1 for r in T3.rows if r.group == row.group)
            if row.group not in seen_groups:
                labels += f'<td rowspan="{size}">{row.group}</td>'
                seen_groups.add(row.group)
            labels += f'<td colspan="2">{row.label}</td>' if row.group == "三、本年度办理结果" else f"<td>{row.label}</td>"
        t3.append(f"<tr>{labels}" + tds(str(values[c]) for c in _cells_of(row.key)) + "</tr>")
    t4 = [
        '<tr><th colspan="5">行政复议</th><th colspan="10">行政诉讼</th></tr>',
        "<tr>" + "".join(f'<th rowspan="2">{c.label}</th>' for c in T4.columns)
        + '<th colspan="5">未经复议直接起诉</th><th colspan="5">复议后起诉</th></tr>',
        "<tr>" + "".join(f"<th>{c.label}</th>" for c in T4.columns) * 2 + "</tr>",
        "<tr>" + tds(str(values[c.id]) for c in T4.cells) + "</tr>",
    ]
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>沙河市册井镇人民政府2024年政府信息公开工作年度报告_沙河市人民政府</title>
<style>p {{ text-indent: 2em; }}</style><script>var a = "一、总体情况";</script></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
<h1 class="title">沙河市册井镇人民政府
2024年政府信息公开工作年度报告</h1><div class="meta">发布时间：2025-01-15 来源：册井镇</div>
<div class="article"><div class="TRS_Editor">
<p>本年度报告依据《中华人民共和国政府信息公开条例》编制。</p>
<p><strong>一、总体情况</strong></p>
<p>2024年，我镇坚持以公开促落实，全面推进基层政务公开标准化规范化。</p>
<p>（一）主动公开方面。2024年我镇主动公开各类信息300余条。</p>
<p>（二）依申请公开方面。2024年，我镇收到政府信息公开申请<span>{values['t3.new.total']}</span>件。</p>
<p>（三）政府信息管理方面。严格执行保密审查制度。</p>
<p>（四）政府信息公开平台建设方面。持续完善政府网站专栏。</p>
<p>（五）监督保障方面。镇党委、政府主要领导多次督查指导。</p>
<p>二、主动公开政府信息情况</p><table border="1"><tbody>{''.join(t2)}</tbody></table>
<p>三、收到和处理政府信息公开申请情况</p><table border="1"><tbody>{''.join(t3)}</tbody></table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><table border="1"><tbody>{''.join(t4)}</tbody></table>
<p>五、存在的主要问题及改进情况</p>
<p>（一）存在的主要问题。人员更换后对接不及时。</p><p>（二）改进情况。加强人员培训。</p>
<p>六、其他需要报告的事项</p><p>2024年我镇未收取信息处理费。</p>
</div></div>
<div class="footer">主办单位：沙河市人民政府办公室 网站标识码：1305820001<br>冀ICP备05000000号</div>
</body></html>"""


def test_html_page_with_rowspan_and_colspan_gives_every_cell() -> None:
    values = _distinct_values()
    result = import_bytes(_html_report(values).encode("utf-8"), "2024nb.html")
    assert result.source == "html"
    assert result.findings == []
    assert result.report.cells == values
    assert (result.report.unit, result.report.unit_kind, result.report.year) == ("沙河市册井镇人民政府", "镇", 2024)
    text = result.report.text
    assert text["preface"] == "本年度报告依据《中华人民共和国政府信息公开条例》编制。"  # no navigation, no 发布时间
    assert text["s1.on_request"] == f"2024年，我镇收到政府信息公开申请{values['t3.new.total']}件。"
    assert text["s5.problems"] == "人员更换后对接不及时。"
    assert text["s5.improvements"] == "加强人员培训。"
    assert text["s6.other"] == "2024年我镇未收取信息处理费。"  # no footer


def test_html_is_sniffed_and_gbk_pages_are_read() -> None:
    page = _html_report(_distinct_values()).replace('charset="utf-8"', 'charset="gbk"')
    result = import_bytes(page.encode("gbk"), "content_12345")
    assert result.source == "html" and result.report.unit == "沙河市册井镇人民政府"


# --- not reports ----------------------------------------------------------------------------------------------


def _zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    return out.getvalue()


def _docx_without_report() -> bytes:
    doc = Document()
    doc.add_paragraph("关于召开2024年度工作会议的通知")
    doc.add_paragraph("各村、各站所：定于下周一上午九点召开会议。")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


NOT_REPORTS = {
    "random text": ("notes.txt", "今天天气很好，我们去公园散步。\nThe quick brown fox.\n".encode()),
    "empty": ("empty.txt", b""),
    "whitespace": ("blank.docx", b"  \n\t\n"),
    "png": ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
    "png named txt": ("report.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "jpeg": ("scan.jpg", b"\xff\xd8\xff\xe0" + bytes(100)),
    "pdf": ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
    "old word": ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)),
    "corrupt docx": ("report.docx", b"PK\x03\x04" + bytes(range(256)) * 8),
    "truncated docx": ("report.docx", b""),  # replaced below
    "zip not docx": ("files.zip", b""),
    "docx not a report": ("notice.docx", b""),
    "binary": ("data.bin", bytes(range(256)) * 16),
    "json list": ("r.json", b"[1, 2, 3]"),
    "json no year": ("r.json", '{"unit": "胡集乡"}'.encode()),
    "json bad year": ("r.json", b'{"unit": "x", "year": "next"}'),
    "json bad cells": ("r.json", b'{"unit": "x", "year": 2024, "cells": [1, 2]}'),
    "json broken": ("r.json", b'{"unit": '),
    "html not report": ("page.html", "<html><body><p>欢迎访问</p><table><tr><td>1</td></tr></table></body></html>".encode()),
}


@pytest.mark.parametrize("case", sorted(NOT_REPORTS))
def test_not_a_report_raises_not_a_report_in_chinese(case: str) -> None:
    name, data = NOT_REPORTS[case]
    if case == "truncated docx":
        data = _build_docx(_distinct_values())[:3000]
    elif case == "zip not docx":
        data = _zip_without_word()
    elif case == "docx not a report":
        data = _docx_without_report()
    with pytest.raises(NotAReport) as caught:
        import_bytes(data, name)
    assert CHINESE.search(str(caught.value))
    assert caught.value.message == str(caught.value)


def test_missing_path_is_not_a_report(tmp_path: Path) -> None:
    with pytest.raises(NotAReport, match="无法打开"):
        import_report(tmp_path / "nothing.docx")


def test_report_type_is_the_shared_report() -> None:
    assert isinstance(import_report(str(seed_path(0))).report, Report)


# --- variants seen in other published reports ----------------------------------------------------------------


def test_signature_under_the_last_section_is_not_prose() -> None:
    text = seed_path(3).read_text(encoding="utf-8") + "\n\n延津县塔铺街道办事处\n2025年1月15日\n"
    assert _import_text(text).report.text["s6.other"] == "2024年度我街道未收取政府信息公开信息处理费。"
    one_line = seed_path(3).read_text(encoding="utf-8") + "\n延津县塔铺街道办事处 2025年1月15日\n"
    assert _import_text(one_line).report.text["s6.other"] == "2024年度我街道未收取政府信息公开信息处理费。"


def test_arabic_part_markers_and_parts_without_short_titles() -> None:
    text = seed_path(3).read_text(encoding="utf-8")
    for numeral, digit in zip("一二三四五", "12345", strict=True):
        text = text.replace(f"({numeral}) ", f"{digit}.", 1)
    text = text.replace("3.政府信息管理情况：", "3.")  # a part with its number only
    slots = _import_text(text).report.text
    original = import_report(seed_path(3)).report.text
    assert slots["s1.active"] == original["s1.active"]
    assert slots["s1.management"] == original["s1.management"]
    assert slots["s1.oversight"] == original["s1.oversight"]


def test_html_page_title_names_the_unit_when_the_body_does_not() -> None:
    page = _html_report(_distinct_values())
    page = re.sub(r'<h1 class="title">.*?</h1>', "", page, flags=re.DOTALL)
    report = import_bytes(page.encode("utf-8"), "a.htm").report
    assert (report.unit, report.unit_kind, report.year) == ("沙河市册井镇人民政府", "镇", 2024)
    assert report.text["preface"].startswith("本年度报告依据")


def test_row_labels_in_other_spellings() -> None:
    text = seed_path(3).read_text(encoding="utf-8")
    for old, new in (("一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
                     ("(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "（二）部分公开"),
                     ("1. 属于国家秘密", "1、属于国家秘密"), ("3. 危及“三安全一稳定”", '3.危及"三安全一稳定"'),
                     ("\t2. 重复申请\t0", "\t重复申请\t0"), ("(七) 总计", "（七）  总 计")):
        assert old in text
        text = text.replace(old, new)
    result = _import_text(text)
    assert result.findings == []
    assert result.report.cells == {cell_id: 0 for cell_id in GOV2021.cell_ids}


# --- never a traceback ---------------------------------------------------------------------------------------

_SEED_LINES = [line for n in SEED_UNITS for line in _seed_lines(n)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=2000),
        st.lists(st.sampled_from(_SEED_LINES), max_size=120).map(lambda ls: "\n".join(ls).encode()),
        st.text(max_size=500).map(str.encode),
    ),
    name=st.sampled_from(["a.txt", "a.docx", "a.html", "a.json", "a", "a.htm"]),
)
def test_any_bytes_give_a_report_or_not_a_report(data: bytes, name: str) -> None:
    try:
        result = import_bytes(data, name)
    except NotAReport as refused:
        assert CHINESE.search(str(refused))
    else:
        assert isinstance(result.report, Report)
        assert set(result.report.cells) <= set(GOV2021.cell_ids)


def test_a_part_title_is_dropped_only_from_the_paragraph_that_carries_it() -> None:
    """QA2 item 7: “（一）主动公开” on its own line, then a paragraph whose opening looks like a short title."""
    from bot.formats import GOV2021
    from bot.importers.prose import split_slots

    paragraphs = ["总体情况。", "（一）主动公开", "我镇全年主动公开政府信息：网站56条。", "（二）依申请公开：全年未收到申请。"]
    slots = split_slots("一", paragraphs, GOV2021)
    assert slots["s1.active"] == "我镇全年主动公开政府信息：网站56条。"
    assert slots["s1.on_request"] == "全年未收到申请。"


@pytest.mark.parametrize("title", ["工作基本情况", "基本情况", "概述", "工作总体推进情况", "工作开展情况"])
def test_section_one_under_another_title_of_its_own_number_is_section_one(title: str) -> None:
    text = seed_path(3).read_text(encoding="utf-8").replace("一、总体情况", f"一、{title}", 1)
    slots = _import_text(text).report.text
    original = import_report(seed_path(3)).report.text
    assert slots["s1.active"] == original["s1.active"] and slots["s1.oversight"] == original["s1.oversight"]
    assert heading_section(f"二、{title}", GOV2021) is None  # only under its own number


@pytest.mark.parametrize(("heading", "section"), [
    ("一、工作总体推进情况", "一"), ("五、存在的主要问题和下一步改进情况", "五"), ("二、主动公开情况", "二"),
    ("一、主动公开情况", None), ("三、存在问题", None),
])
def test_a_title_with_a_word_put_in_counts_only_under_its_own_number(heading: str, section: str | None) -> None:
    assert heading_section(heading, GOV2021) == section
