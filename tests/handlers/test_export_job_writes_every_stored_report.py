"""导出 as the job runs it (`handlers.jobs.export.export_area`, on a real SQLite file): every unit of the area
is a row, a report's totals are derived from its stored cells, and a report whose JSON only Python reads (an
Infinity the standard library once wrote) is still exported, its unreadable amount left blank."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import with_derived
from handlers.jobs.export import export_area
from storage import Store, Unit
from tests.conftest import seed_path
from tests.handlers.test_supervisor import TZ

AREA = "示范县"
SUBMITTED = datetime(2026, 1, 10, 9, 0, tzinfo=TZ)


def test_the_job_exports_every_unit_and_reads_every_stored_report(tmp_path: Path) -> None:
    db = tmp_path / "county.db"
    report = with_derived(import_report(seed_path(4)).report)
    typed = {c: v for c, v in report.cells.items() if not GOV2021.cell(c).derived} | {"t2.fees": Decimal("0.35")}
    with Store.open(db) as store:
        store.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
        for name in ("城关镇", "北道门乡", "水稻乡"):
            store.save_unit(Unit(name, "乡", AREA))
        for name in ("城关镇", "北道门乡"):  # stored as a clerk leaves them: typed cells only, no totals
            store.save_report(replace(report, unit=name, year=2025, cells=dict(typed)), "seed", SUBMITTED,
                              status="submitted")
        with store.transaction():  # what json.dumps wrote for an amount too large for a float
            stored = store.db.conn.execute("SELECT report FROM reports WHERE unit = '北道门乡'").fetchone()[0]
            infinite = re.sub(r'"t2\.fees":\s*[^,}]+', '"t2.fees":Infinity', stored)
            assert infinite != stored
            store.db.conn.execute("UPDATE reports SET report = ? WHERE unit = '北道门乡'", (infinite,))

    units, data = export_area(str(db), AREA, AREA, 2025, TZ.key)

    rows = list(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    col = {c.id: rows[0].index(c.label) for c in GOV2021.cells}  # headed by the format's labels
    body = {r[0]: r for r in rows[1:]}
    assert units == 3 and set(body) == {"城关镇", "北道门乡", "水稻乡"}
    total = report.value("t3.new.total")
    assert total > 0 and body["城关镇"][col["t3.new.total"]] == body["北道门乡"][col["t3.new.total"]] == total
    assert body["城关镇"][col["t2.fees"]] == 0.35
    assert body["北道门乡"][col["t2.fees"]] is None  # not a number Excel holds: blank, and the rest is there
    assert body["北道门乡"][col["t3.new.person"]] == report.value("t3.new.person") == 1
    assert body["北道门乡"][rows[0].index("提交时间")] == datetime(2026, 1, 10, 9, 0)
    assert set(body["水稻乡"][5:]) == {None}  # no report: its row says so, with no number in it
