"""Digits a narrow cell wrapped onto a line of their own (a PDF's or a plain-text page's 12 / 34) join the cell of
the row above that they stand under; the readers of both kinds of page measure the columns, one function joins."""

from __future__ import annotations

from bot.importers.blocks import TableRow, join_wrapped_digits


def test_each_wrapped_digit_joins_the_cell_it_stands_under() -> None:
    row = TableRow(("依申请公开", "12", "3", "45"))
    join_wrapped_digits(row, ["6", "7"], [1, 3])
    assert row.cells == ("依申请公开", "126", "3", "457")


def test_digits_under_no_cell_of_the_row_are_left_out() -> None:
    row = TableRow(("",))  # an empty line read as a row of one cell, under a wider row's columns
    join_wrapped_digits(row, ["6", "7", "8"], [0, None, 2])
    assert row.cells == ("6",)
