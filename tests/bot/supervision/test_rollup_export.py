from __future__ import annotations

import io
import re
from datetime import datetime
from decimal import Decimal

from openpyxl import load_workbook

from bot.formats import GOV2021
from bot.report import with_derived
from bot.rules import check_report
from bot.supervision import AreaView, rollup, rollup_text, supervisor_command, table_findings
from bot.supervision.export import export_xlsx

from .helpers import CAMPAIGN, TZ, at, seed_unit
from .helpers import seed_area as plain_seed_area

# numbers that keep every rule satisfied: 3 new + 0 carried in = 2 results + 1 carried over
BUSY = {"t3.new.person": 3, "t3.open.person": 1, "t3.other_3.person": 1, "t3.carry_over.person": 1,
        "t3.new.company": 1, "t3.unable_1.company": 1, "t4.review.upheld": 1, "t4.suit_direct.pending": 1,
        "t2.license": 7, "t2.fees": Decimal("0.35")}


def seed_area() -> AreaView:
    """The seed area with applications, fees and appeals in its approved and submitted reports."""
    area = plain_seed_area()
    for unit in area.units[:3]:
        unit.report.cells.update(BUSY)
        unit.report = with_derived(unit.report)
    return area


def test_rollup_is_the_sum_of_the_approved_units() -> None:
    area = seed_area()
    report = rollup(area.units, "approved", "龙亭区", 2025)
    approved = [u.report for u in area.units if u.status == "approved"]
    assert report.unit == "龙亭区汇总" and report.year == 2025 and len(approved) == 2
    for cell in GOV2021.cells:  # typed and derived alike
        assert report.cells[cell.id] == sum(r.value(cell.id) for r in approved), cell.id
    assert report.cells["t2.fees"] == Decimal("0.70") and report.cells["t3.new.total"] == 8
    assert report.cells["t4.review.total"] == 2 and report.cells["t2.license"] == 14
    assert report == with_derived(report)


def test_rollup_with_submitted_and_the_rules() -> None:
    area = seed_area()
    report = rollup(area.units, "submitted", "龙亭区", 2025)
    chosen = [u.report for u in area.units if u.status in ("approved", "submitted")]
    assert len(chosen) == 3
    assert report.cells["t3.new.total"] == sum(r.value("t3.new.total") for r in chosen) > 0
    for r in chosen:  # the units pass the table rules …
        assert not [f for f in check_report(r) if f.rule in ("R1", "R2", "R3", "R4", "R5")]
    assert not [f for f in check_report(report) if f.rule in ("R1", "R2", "R3", "R4", "R5")]  # … so does the sum
    assert table_findings(report) == []
    assert report.unit_kind == ""  # 乡 and 镇 mixed: no kind-specific rule applies


def test_rollup_checks_catch_a_broken_unit() -> None:
    area = seed_area()
    broken = area.units[0].report
    broken.cells["t3.open.person"] = broken.value("t3.open.person") + 2  # a result with no application behind it
    report = rollup(area.units, "approved", "龙亭区", 2025)
    assert {f.rule for f in table_findings(report)} >= {"R1"}
    text = rollup_text(report, 2, "approved")
    assert "合计数据检查发现" in text


def test_rollup_command_text_and_docx() -> None:
    result = supervisor_command("汇总表", "supervisor", seed_area(), at(20), TZ)
    text = "\n".join(r.text for r in result.replies if r.kind == "text")
    assert "龙亭区汇总（2个单位，仅已通过报告）" in text and "勾稽关系检查通过" in text
    assert all(len(r.text.encode()) <= 2048 for r in result.replies)
    assert "本年新收：" in text and "表四" in text
    file = result.replies[-1]
    assert file.kind == "file" and file.file_name == "龙亭区2025年政府信息公开工作年度报告汇总表.docx"
    from docx import Document

    doc = Document(io.BytesIO(file.file_bytes))
    assert len(doc.tables) >= 3
    with_submitted = supervisor_command("汇总表 含已提交", "supervisor", seed_area(), at(20), TZ)
    assert "3个单位，含已提交待审报告" in with_submitted.replies[0].text


def test_rollup_with_nothing_approved() -> None:
    area = AreaView("龙亭区", CAMPAIGN, [seed_unit(2, "submitted")])
    result = supervisor_command("汇总表", "supervisor", area, at(20), TZ)
    assert "还没有审核通过的报告" in result.replies[0].text and len(result.replies) == 1


def test_export_opens_with_one_row_per_unit() -> None:
    area = seed_area()
    area.units[0].submitted_at = datetime(2026, 1, 10, 2, 30, tzinfo=TZ).astimezone(TZ).replace(hour=2)
    data = export_xlsx(area.units, TZ)
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    body = rows[1:]
    assert len(body) == len(area.units) == 5
    assert [r[0] for r in body] == [u.unit for u in area.units]
    assert sheet.freeze_panes == "B2"
    col = column_of(rows[0])
    liuyuankou = body[4]
    assert liuyuankou[col["状态"]] == "填写中" and liuyuankou[col["完成进度(%)"]] == 40
    assert liuyuankou[col["表三「本年新收」行「总计」列"]] == area.units[4].report.value("t3.new.total")
    assert body[0][col["提交时间"]] == datetime(2026, 1, 10, 2, 30)  # local time, no offset
    assert body[3][col["提交时间"]] is None
    # what a person sees: the heading row bold, the names readable, the time as a time
    assert all(c.font.b for c in sheet[1]) and not any(c.font.b for c in sheet[2])
    assert sheet.column_dimensions["A"].width >= 28
    assert sheet.cell(row=2, column=col["提交时间"] + 1).number_format == "yyyy-mm-dd hh:mm"


def column_of(headings: tuple[object, ...]) -> dict[object, int]:
    return {heading: i for i, heading in enumerate(headings)}


def test_export_is_headed_in_chinese_by_the_formats_row_and_column_names_only() -> None:
    """QA round as a county supervisor: the first row was English keys (unit, t3.new.person …) above the Chinese
    labels. An official expects one row of Chinese headings: 单位, 状态 …, then each cell by its table, row and
    column as the format names them."""
    for units in (seed_area().units, []):  # an area of no units is headed alike
        rows = list(load_workbook(io.BytesIO(export_xlsx(units, TZ))).active.iter_rows(values_only=True))
        headings = rows[0]
        assert headings[:5] == ("单位", "类别", "状态", "提交时间", "完成进度(%)")
        assert list(headings[5:]) == [c.label for c in GOV2021.cells]
        assert "表三「本年新收」行「自然人」列" in headings and "表四「行政复议」结果维持" in headings
        assert not [h for h in headings if re.search(r"[A-Za-z]", str(h))], headings
        assert not any(set(GOV2021.cell_ids) & set(row) for row in rows)
        assert len(rows) == 1 + len(units)


def test_export_writes_amounts_and_totals_as_numbers_and_nothing_for_a_blank() -> None:
    from bot.supervision.area import UnitStatus

    area = seed_area()
    given = area.units[0].report.copy()
    given.cells = {c: v for c, v in given.cells.items() if not GOV2021.cell(c).derived}  # as stored: no totals
    given.cells["t2.license"] = None  # printed blank
    units = [UnitStatus(area.units[0].unit, "镇", "龙亭区", report=given), UnitStatus("新设镇", "镇", "龙亭区")]
    rows = list(load_workbook(io.BytesIO(export_xlsx(units, TZ))).active.iter_rows(values_only=True))
    col = {cell: column_of(rows[0])[GOV2021.cell(cell).label] for cell in ("t2.fees", "t2.license", "t3.new.total")}
    first, unstarted = rows[1], rows[2]
    assert first[col["t2.fees"]] == 0.35 and first[col["t2.license"]] is None
    assert first[col["t3.new.total"]] == with_derived(given).value("t3.new.total") == 4  # derived on the way out
    assert unstarted[0] == "新设镇" and set(unstarted[5:]) == {None}


def test_export_command_queues_the_workbook_as_a_job() -> None:
    result = supervisor_command("导出", "supervisor", seed_area(), at(20), TZ)
    file = result.replies[-1]
    assert file.kind == "file" and file.file_name == "龙亭区2025年度报告数据20260120.xlsx"
    assert not file.file_bytes and file.deferred is not None and file.deferred.kind == "export_xlsx"
    assert file.deferred.args["year"] == 2025 and file.deferred.args["tz"] == "Asia/Shanghai"


def test_the_rollup_docx_has_no_empty_prose_headings_and_its_check_is_tables_only() -> None:
    import io

    from docx import Document

    from bot.supervision.rollup import TABLE_RULES, render_rollup_docx, table_findings
    from bot.supervision.rollup import rollup as make_rollup

    report = make_rollup(seed_area().units, "submitted", "龙亭区", 2025)
    paragraphs = [p.text for p in Document(io.BytesIO(render_rollup_docx(report, "龙亭区"))).paragraphs if p.text.strip()]
    assert not any(p.startswith("（一）主动公开") or p.startswith("（一）存在的主要问题") for p in paragraphs)
    # no heading of prose alone (一、五、六): nothing of it is summed, as the line under the title says once
    assert not [p for p in paragraphs if p.startswith(("一、", "五、", "六、"))]
    assert [p for p in paragraphs if p.startswith("（汇总表仅汇总")] == [paragraphs[2]]
    assert {"R1", "R2", "R3", "R4", "R5"} <= TABLE_RULES and not TABLE_RULES & {"R9", "R10", "R11", "R13", "R14"}
    assert all(f.rule in TABLE_RULES for f in table_findings(report))


def test_the_rollup_text_gives_amounts_with_their_unit() -> None:
    report = rollup(seed_area().units, "approved", "龙亭区", 2025)
    text = rollup_text(report, 2, "approved")
    assert "行政事业性收费：0.7万元" in text  # 0.35 万元 from each of the two approved units


def test_the_rollup_docx_has_no_sub_headings_at_all() -> None:
    import re

    from docx import Document

    from bot.supervision.rollup import render_rollup_docx

    report = rollup(seed_area().units, "submitted", "龙亭区", 2025)
    body = Document(io.BytesIO(render_rollup_docx(report, "龙亭区"))).element.body
    # the document in order: each paragraph's text, "<table>" for a table
    blocks = ["<table>" if el.tag.endswith("}tbl") else "".join(el.itertext()).strip()
              for el in body if el.tag.endswith(("}p", "}tbl"))]
    blocks = [b for b in blocks if b]
    assert not [b for b in blocks if re.match(r"^（[一二三四五六七八九十]+）", b)]
    headings = [i for i, b in enumerate(blocks) if re.match(r"^[一二三四五六]、", b)]
    assert [blocks[i][:2] for i in headings] == ["二、", "三、", "四、"]  # the sections that hold tables
    # every section is followed by its table, never by the next heading or nothing
    for i in headings:
        assert i + 1 < len(blocks) and not re.match(r"^[一二三四五六]、", blocks[i + 1]), blocks[i]


def test_export_writes_every_text_as_text_and_takes_any_area_name() -> None:
    """issue 11: a unit named like a formula stays text; 示范县/开发区 is a sheet title Excel accepts."""
    from openpyxl import load_workbook

    from bot.file_names import file_name
    from bot.supervision.area import UnitStatus as Status
    from bot.supervision.export import export_xlsx, sheet_title

    names = ['=HYPERLINK("http://x","点我")', "+1+2", "-3", "@SUM(A1)", "普通镇"]
    units = [Status(n, "镇", "示范县/开发区") for n in names]
    for area in ("示范县/开发区", "甲县[北区]:新城?*", "'", "很长的区域名称" * 6):
        book = load_workbook(io.BytesIO(export_xlsx(units, TZ, title=area)))
        sheet = book.active
        assert 0 < len(sheet.title) <= 31 and not set(sheet.title) & set('/\\\\?*[]:')
        cells = [sheet.cell(row=r, column=1) for r in range(2, 2 + len(names))]
        assert [c.value for c in cells] == names and all(c.data_type == "s" for c in cells)
    assert sheet_title("示范县/开发区") == "示范县／开发区"
    assert "/" not in file_name("示范县/开发区2025年度报告数据.xlsx")
