from __future__ import annotations

import io
import re
from decimal import Decimal

import docx
import pytest
from bs4 import BeautifulSoup
from docx.oxml.ns import qn
from docx.shared import Mm
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021, Cell, Column, Format, ProseSlot, Row, Section, Sum, Table
from bot.render import format_value, render_docx, render_html, render_text, split_for_wecom
from bot.report import Report, empty_report, with_derived


def numbered_report(fmt: Format = GOV2021) -> Report:
    """Every cell a different number, so a value printed in the wrong place cannot go unnoticed."""
    report = Report("永清县刘街乡", "乡", 2024, format_id=fmt.id)
    for i, cell in enumerate(fmt.cells, start=1):
        report.cells[cell.id] = Decimal(i) / 100 if cell.kind == "amount" else i
    report.text = {
        "preface": "依据《中华人民共和国政府信息公开条例》编制本报告。",
        "s1.summary": "2024年，刘街乡扎实推进政务公开。\n\n第二段。",
        "s1.active": "主动公开政务信息13条。",
        "s5.problems": "公开时效性不高。",
        "s6.other": "本年度未收取信息处理费。",
    }
    return report


def rows_by_label(lines: list[list[str]], fmt: Format = GOV2021) -> dict[str, str]:
    """A minimal reader of printed rows: for each table row, the cells after its label — what an importer does."""
    found: dict[str, str] = {}
    for table in (t for t in fmt.tables if t.layout != "wide"):
        for row in table.rows:
            cols = [c for c in table.columns if any(x.row == row.key and x.col == c.key for x in table.cells)]
            for cells in lines:
                if row.label in cells:
                    values = cells[cells.index(row.label) + 1:]
                    assert len(values) == len(cols), (row.label, cells)
                    for col, value in zip(cols, values, strict=True):
                        cell = next(x for x in table.cells if x.row == row.key and x.col == col.key)
                        found[cell.id] = value
    return found


def wide_values(lines: list[list[str]], table: Table) -> dict[str, str]:
    """表四 prints its 15 values on one line without a label."""
    data = next(cells for cells in lines if len(cells) == len(table.cells) and all(re.fullmatch(r"[\d.]*", c) for c in cells))
    ids = [x.id for r in table.rows for c in table.columns for x in table.cells if x.row == r.key and x.col == c.key]
    return dict(zip(ids, data, strict=True))


def expected_text(report: Report) -> dict[str, str]:
    return {cell_id: format_value(report.cells.get(cell_id)) for cell_id in GOV2021.cell_ids}


# --- cell values ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "printed"),
    [(0, "0"), (17, "17"), (Decimal("0"), "0"), (Decimal("0.00"), "0"), (Decimal("0.350"), "0.35"),
     (Decimal("12.50"), "12.5"), (Decimal("100"), "100"), (Decimal("1E+2"), "100"), (None, "")],
)
def test_cell_values_print_plainly(value, printed):
    assert format_value(value) == printed


# --- text --------------------------------------------------------------------------------------------------


def test_text_has_title_sections_and_sub_headings_in_order():
    text = render_text(numbered_report())
    lines = text.splitlines()
    assert lines[0] == "永清县刘街乡2024年政府信息公开工作年度报告"
    order = [s.heading for s in GOV2021.sections]
    order[1:1] = [s.title for s in GOV2021.slots if s.section == "一" and s.title]
    positions = [lines.index(h) for h in order]
    assert positions == sorted(positions)
    assert lines.index("依据《中华人民共和国政府信息公开条例》编制本报告。") < lines.index("一、总体情况")
    assert "第二段。" in lines
    assert text.endswith("\n") and "\n\n\n" not in text


def test_text_tables_print_every_cell_after_its_label():
    report = numbered_report()
    lines = [line.split("\t") for line in render_text(report).splitlines()]
    found = rows_by_label(lines)
    found.update(wide_values(lines, GOV2021.table("t4")))
    assert found == expected_text(report)


def test_text_tables_follow_the_official_layout():
    text = render_text(with_derived(empty_report("胡集乡", "乡", 2024)))
    lines = text.splitlines()
    for expected in ("第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
                     "第二十条第（五）项", "信息内容\t本年处理决定数量", "行政许可\t0", "行政事业性收费\t0",
                     "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0",
                     "三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0",
                     "\t（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
                     "\t\t2.重复申请\t0\t0\t0\t0\t0\t0\t0",
                     "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0",
                     "\t".join(["0"] * 15)):
        assert expected in lines, expected
    caption = next(i for i, line in enumerate(lines) if line.startswith(GOV2021.table("t3").caption))
    assert lines[caption].split("\t")[-1] == "申请人情况"
    assert lines[caption + 1].split("\t")[3:5] == ["自然人", "法人或其他组织"]
    assert lines[caption + 2].split("\t")[4:] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    body = lines[caption + 3: caption + 3 + 25]
    assert [line.split("\t")[-8] for line in body if line.count("\t") >= 8][0]  # label then 7 values
    assert all(len(line.split("\t")) in (8, 9, 10) for line in body)
    t4 = lines.index("四、政府信息公开行政复议、行政诉讼情况")
    assert lines[t4 + 2].split("\t")[0::5][:2] == ["行政复议", "行政诉讼"]


def test_blank_and_missing_cells_print_empty_never_zero():
    report = with_derived(empty_report("胡集乡", "乡", 2024))
    report.cells["t2.license"] = None
    del report.cells["t3.new.person"]
    report.cells["t2.fees"] = Decimal("12.50")
    lines = render_text(report).splitlines()
    assert "行政许可\t" in lines
    assert "行政事业性收费\t12.5" in lines
    assert "一、本年新收政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0" in lines


# --- HTML --------------------------------------------------------------------------------------------------


def test_html_tables_have_the_merged_cells_of_the_official_form():
    page = BeautifulSoup(render_html(numbered_report()), "html.parser")
    t3 = page.select_one("table.grid-t3")
    assert len(t3.select("tbody tr")) == 25
    assert len(t3.select("thead tr")) == 3

    def header(table, text):
        return next(th for th in table.find_all("th") if th.get_text() == text)

    assert header(t3, "法人或其他组织")["colspan"] == "5"
    assert header(t3, "申请人情况")["colspan"] == "7"
    assert header(t3, "三、本年度办理结果")["rowspan"] == "22"
    assert header(t3, "（三）不予公开")["rowspan"] == "8"
    assert header(t3, "（六）其他处理")["rowspan"] == "3"
    assert header(t3, "一、本年新收政府信息公开申请数量")["colspan"] == "3"
    t4 = page.select_one("table.grid-t4")
    assert header(t4, "行政诉讼")["colspan"] == "10"
    assert header(t4, "行政复议")["colspan"] == "5"
    assert len(t4.select("tbody tr td")) == 15
    t2 = page.select_one("table.grid-t2")
    assert header(t2, "本年收费金额（单位：万元）")["colspan"] == "3"


def test_html_values_sit_in_their_cells():
    report = numbered_report()
    page = BeautifulSoup(render_html(report), "html.parser")
    shown = {td["data-cell"]: td.get_text() for td in page.select("td[data-cell]")}
    assert shown == expected_text(report)
    lines = [[c.get_text() for c in tr.find_all(["th", "td"])] for tr in page.select("tbody tr")]
    assert {k: v for k, v in rows_by_label(lines).items()} == {
        k: v for k, v in expected_text(report).items() if not k.startswith("t4.")
    }


def test_html_is_escaped_and_print_ready():
    report = numbered_report()
    report.unit = "刘街乡<script>alert(1)</script>"
    report.text["s1.active"] = "A&B <b>粗</b>"
    html = render_html(report)
    assert "<script>alert" not in html and "&lt;b&gt;粗&lt;/b&gt;" in html and "A&amp;B" in html
    assert "size: A4; margin: 37mm 28mm 35mm 26mm;" in html
    assert "FangSong" in html and "仿宋" in html
    assert html.lstrip().startswith("<!DOCTYPE html>")


# --- Word --------------------------------------------------------------------------------------------------


def distinct_cells(row) -> list:
    out = []
    for cell in row.cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def test_docx_page_title_and_fonts():
    document = docx.Document(io.BytesIO(render_docx(numbered_report())))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.right_margin, section.bottom_margin, section.left_margin]
    assert [round(m.mm) for m in margins] == [37, 28, 35, 26]
    assert abs(section.top_margin - Mm(37)) < Mm(0.1)
    title = document.paragraphs[0]
    assert title.text == "永清县刘街乡\n2024年政府信息公开工作年度报告"  # too long for a line: cut after the unit
    assert title.alignment == 1 and not title.runs[0].bold and title.runs[0].font.size.pt == 22  # 小标宋, not bold
    normal = document.styles["Normal"]
    assert normal.font.size.pt == 16
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    texts = [p.text for p in document.paragraphs]
    assert [h for h in texts if h in {s.heading for s in GOV2021.sections}] == [s.heading for s in GOV2021.sections]
    assert "（五）监督保障" in texts and "第二段。" in texts


def test_docx_tables_round_trip_by_label_and_merge_headers():
    report = numbered_report()
    document = docx.Document(io.BytesIO(render_docx(report)))
    assert len(document.tables) == 3
    assert all(t.style.name == "Table Grid" for t in document.tables)
    lines = [[c.text for c in distinct_cells(row)] for t in document.tables for row in t.rows]
    found = rows_by_label(lines)
    found.update(wide_values(lines, GOV2021.table("t4")))
    assert found == expected_text(report)
    t3 = document.tables[1]
    assert len(t3.rows) == 28 and len(t3.columns) == 10
    assert [c.text for c in distinct_cells(t3.rows[1])][2] == "法人或其他组织"
    assert distinct_cells(t3.rows[1])[2]._tc.grid_span == 5
    assert t3.cell(5, 0)._tc is t3.cell(27, 0)._tc or t3.cell(5, 0).text == t3.cell(26, 0).text == "三、\n本年度办理结果"
    assert t3.cell(3, 4).paragraphs[0].style.font.size.pt == 9  # 小五, as published tables print
    t4 = document.tables[2]
    assert distinct_cells(t4.rows[0])[1].text == "行政诉讼" and distinct_cells(t4.rows[0])[1]._tc.grid_span == 10


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_importer_reads_back_every_cell(kind):
    """The lead's round trip: render, import with bot.importers, and get the same cells back."""
    importers = pytest.importorskip("bot.importers")
    report = numbered_report()
    rendered = {"txt": lambda: render_text(report).encode(), "docx": lambda: render_docx(report),
                "html": lambda: render_html(report).encode()}[kind]()
    imported = importers.import_bytes(rendered, f"report.{kind}").report
    assert {k: imported.cells.get(k) for k in GOV2021.cell_ids} == report.cells
    assert (imported.unit, imported.year) == (report.unit, report.year) or kind == "html"


# --- another declaration, same templates -----------------------------------------------------------------------


def toy_format() -> Format:
    rows = (Row("a", "甲", "", "甲"), Row("b1", "乙一", "（二）乙类", "乙·一"), Row("b2", "乙二", "（二）乙类", "乙·二"))
    cols = (Column("x", "某列"), Column("y", "子一", "合组"), Column("z", "子二", "合组"), Column("t", "合计"))
    cells = tuple(Cell(f"k1.{r.key}.{c.key}", "k1", r.key, c.key, f"{r.label}{c.label}", derived=c.key == "t")
                  for r in rows for c in cols)
    wide_rows = (Row("p", "诉一", "", "诉一"), Row("q", "诉二", "诉组", "诉二"))
    wide_cols = (Column("m", "维持"), Column("n", "小计"))
    wide_cells = tuple(Cell(f"k2.{r.key}.{c.key}", "k2", r.key, c.key, r.label + c.label) for r in wide_rows for c in wide_cols)
    block_rows = (Row("u", "条目一", "第一项"), Row("v", "条目二", "第二项"))
    block_cols = (Column("c1", "件数"), Column("c2", "金额"))
    block_cells = (Cell("k0.u.c1", "k0", "u", "c1", "u1"), Cell("k0.u.c2", "k0", "u", "c2", "u2"),
                   Cell("k0.v", "k0", "v", "c1", "v1"))
    return Format(
        id="toy", name="试验格式",
        sections=(Section("甲", "概况"), Section("乙", "数据")),
        slots=(ProseSlot("intro", "甲", "（一）开头"),),
        tables=(Table("k0", "乙", "分块", block_rows, block_cols, block_cells, layout="blocks", corner="内容"),
                Table("k1", "乙", "表一", rows, cols, cells, caption="（说明）", column_header="申请人"),
                Table("k2", "乙", "表二", wide_rows, wide_cols, wide_cells, layout="wide")),
        sums=tuple(Sum(f"k1.{r.key}.t", (f"k1.{r.key}.x", f"k1.{r.key}.y", f"k1.{r.key}.z"), "R3") for r in rows),
        balances=(),
    )


def test_the_same_templates_render_another_declaration():
    fmt = toy_format()
    report = numbered_report(fmt)
    report.unit, report.text = "某单位", {"intro": "开头的话。"}
    text = render_text(report, fmt)
    lines = text.splitlines()
    assert lines[:4] == ["某单位2024年政府信息公开工作年度报告", "", "甲、概况", ""]
    assert "（一）开头" in lines and "第一项" in lines and "内容\t件数\t金额" in lines and "条目二\t3" in lines
    assert "（说明）\t\t申请人" in lines
    assert "\t\t某列\t合组\t\t合计" in lines
    assert "甲\t4\t5\t6\t7" in lines and "（二）乙类\t乙一\t8\t9\t10\t11" in lines and "\t乙二\t12\t13\t14\t15" in lines
    assert "诉一\t\t诉组" in lines and "维持\t小计\t诉二" in lines and "\t\t维持\t小计" in lines
    assert "16\t17\t18\t19" in lines
    page = BeautifulSoup(render_html(report, fmt), "html.parser")
    assert next(th for th in page.find_all("th") if th.get_text() == "（二）乙类")["rowspan"] == "2"
    assert next(th for th in page.find_all("th") if th.get_text() == "诉组")["colspan"] == "2"
    document = docx.Document(io.BytesIO(render_docx(report, fmt)))
    assert [len(t.columns) for t in document.tables] == [3, 6, 4]


# --- WeCom pieces ------------------------------------------------------------------------------------------


def nbytes(s: str) -> int:
    return len(s.encode("utf-8"))


def test_a_whole_report_splits_between_paragraphs_and_rows():
    text = render_text(numbered_report())
    parts = split_for_wecom(text)
    assert "".join(parts) == text
    assert all(nbytes(p) <= 2048 for p in parts) and len(parts) > 1
    assert all(p.endswith("\n") for p in parts)  # never inside a line: the report's lines are all short enough


def test_paragraphs_stay_whole_when_they_fit():
    text = "甲" * 300 + "\n\n" + "乙" * 300 + "\n\n" + "丙" * 300
    assert split_for_wecom(text, 1000) == ["甲" * 300 + "\n\n", "乙" * 300 + "\n\n", "丙" * 300]
    assert split_for_wecom(text, 2048) == [text[:604], text[604:]]


def test_long_paragraph_cuts_between_lines_then_characters():
    table = "\n".join(f"第{i}行\t0\t0" for i in range(100))
    parts = split_for_wecom(table, 100)
    assert "".join(parts) == table and all(nbytes(p) <= 100 for p in parts)
    assert all(p.endswith("\n") for p in parts[:-1])
    line = "😀" * 10 + "中" * 10
    parts = split_for_wecom(line, 10)
    assert "".join(parts) == line and all(nbytes(p) <= 10 for p in parts)
    assert parts[:5] == ["😀😀"] * 5


def test_short_and_empty_texts():
    assert split_for_wecom("") == []
    assert split_for_wecom("你好") == ["你好"]
    with pytest.raises(ValueError):
        split_for_wecom("x", 3)


TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("\n\n\n\t 年报表三自然人０１２😀🇨🇳é"), st.characters(codec="utf-8")),
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=4, max_value=120))
def test_split_property_joins_back_and_fits(text, limit):
    parts = split_for_wecom(text, limit)
    assert "".join(parts) == text
    assert all(0 < nbytes(p) <= limit for p in parts)
    for part in parts:
        part.encode("utf-8")  # whole characters only (a cut surrogate pair would not encode)
