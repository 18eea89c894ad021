"""What a step reports as changed (`report_diff`), and a report's stored form read back (`Report.from_dict`)."""

from __future__ import annotations

from decimal import Decimal

from bot.report import Report, report_diff


def test_a_cell_given_blank_differs_from_one_never_given_and_from_a_number() -> None:
    old = Report("永清县刘街乡", "乡", 2024, {"t2.regulations.issued": 0, "t3.new.natural": None}, {"s1.summary": "甲"})
    new = old.copy()
    new.cells["t2.regulations.issued"] = None  # a number made blank
    del new.cells["t3.new.natural"]  # a blank no longer given
    new.cells["t2.normative.issued"] = 2  # a cell given for the first time
    new.text["s1.summary"] = "乙"
    assert report_diff(old, new) == {
        "t2.normative.issued": (None, 2),
        "t2.regulations.issued": (0, None),
        "t3.new.natural": (None, None),
        "s1.summary": ("甲", "乙"),
    }
    assert list(report_diff(old, new)) == ["t2.normative.issued", "t2.regulations.issued", "t3.new.natural",
                                           "s1.summary"]  # cells in id order, then the prose slots


def test_equal_values_of_another_type_are_no_change() -> None:
    old = Report("永清县刘街乡", "乡", 2024, {"t2.fees": Decimal("1.0"), "t3.new.natural": 1})
    assert report_diff(old, Report("永清县刘街乡", "乡", 2024, {"t2.fees": 1, "t3.new.natural": 1})) == {}


def test_stored_cells_come_back_as_counts_amounts_and_blanks() -> None:
    report = Report("永清县刘街乡", "乡", 2024, {"t3.new.natural": 3, "t3.new.legal": None, "t3.new.total": 3,
                                              "t2.fees": Decimal("0.5")})
    again = Report.from_json(report.to_json())
    assert again.cells == report.cells
    assert list(again.cells) == list(report.cells)
    assert Report.from_dict({"unit": "x", "year": 2024, "cells": {"t3.new.natural": True, "t3.new.legal": "2"}}
                            ).cells == {"t3.new.natural": None, "t3.new.legal": 2}


def test_a_copy_keeps_every_field_and_shares_no_cells_or_text() -> None:
    from dataclasses import fields

    from bot.report import LayoutNote

    report = Report("永清县刘街乡", "乡", 2024, {"t3.new.natural": 3}, {"s1.summary": "甲"}, "gov2021",
                    frozenset({"t3.new.legal"}), (LayoutNote("legacy_labels", "t2", ("上一年项目数量",)),))
    copied = report.copy()
    # Report.copy names each field: a field added to Report must be added there too
    assert [f.name for f in fields(Report)] == ["unit", "unit_kind", "year", "cells", "text", "format_id", "not_found",
                                                "layout_notes"]
    assert all(getattr(copied, f.name) == getattr(report, f.name) for f in fields(Report))
    copied.cells["t3.new.natural"] = 4
    copied.text["s1.summary"] = "乙"
    assert report.cells["t3.new.natural"] == 3 and report.text["s1.summary"] == "甲"
    assert report.copy(year=2025).year == 2025
