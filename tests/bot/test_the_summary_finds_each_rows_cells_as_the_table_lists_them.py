"""The summary of the tables (提交, 预览, a supervisor's 查看) finds each row's cells among those held row by row for the
format: for every row of every table of every format, they are the table's cells of that row, in the table's order,
as picking them out of the whole table gave them — the only thing a row's item reads of the format."""

from __future__ import annotations

from bot import summary
from bot.formats import FORMATS


def test_every_rows_cells_are_the_tables_cells_of_that_row_in_order() -> None:
    for fmt in FORMATS.values():
        for table in fmt.tables:
            for row in table.rows:
                picked = tuple(c for c in table.cells if c.row == row.key)
                assert summary._cells_by_row(fmt, table.key).get(row.key, ()) == picked
