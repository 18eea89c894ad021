"""QA round as an evaluator reading 导出 back: every count came back as a float (openpyxl read 2.0, 5.0), because the
writer stores each number as a float. A count reads back as an integer, 完成进度(%) too; 行政事业性收费 (万元, the only
decimal cell of the format) keeps its decimals; text stays text."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import load_workbook

from bot.formats import GOV2021
from bot.report import with_derived
from bot.supervision.export import export_xlsx

from .helpers import TZ, seed_area


def test_counts_read_back_as_integers_and_the_fee_as_its_decimal() -> None:
    area = seed_area()
    unit = area.units[0]
    unit.report.cells.update({"t3.new.person": 2, "t3.open.person": 1, "t3.carry_over.person": 1, "t2.license": 5,
                              "t2.fees": Decimal("0.35")})
    unit.report = with_derived(unit.report)
    rows = list(load_workbook(io.BytesIO(export_xlsx(area.units, TZ))).active.iter_rows(values_only=True))
    column = {heading: i for i, heading in enumerate(rows[0])}
    first = rows[1]
    fee = GOV2021.cell("t2.fees").label
    assert first[column[fee]] == 0.35 and type(first[column[fee]]) is float
    assert first[column[GOV2021.cell("t3.new.person").label]] == 2
    assert first[column[GOV2021.cell("t2.license").label]] == 5
    counts = [c.label for c in GOV2021.cells if c.kind != "amount"]
    for row in rows[1:]:
        values = [row[column[label]] for label in counts if row[column[label]] is not None]
        assert values and all(type(v) is int for v in values), [v for v in values if type(v) is not int][:5]
        assert type(row[column["完成进度(%)"]]) is int
        assert type(row[column["单位"]]) is str

