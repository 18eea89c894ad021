"""`check_rules(about=cells)` — what the conversation runs after each answer — finds exactly the findings of a full
check that name one of those cells, though R1–R5 look only at the rows and sums holding them."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021
from bot.report import Report, with_derived
from bot.rules import CELL_RULES, RULES, check_rules

FMT = GOV2021
# a half-typed draft: most cells given, some never given, blank, negative, a fraction or far off
VALUES = st.one_of(st.integers(0, 3), st.integers(0, 3), st.none(), st.just(-1), st.just(Decimal("1.5")),
                   st.just("missing"))
PREVIOUS = Report("永清县刘街乡", "乡", 2023, {c: 1 for c in FMT.cell_ids})


@st.composite
def drafts(draw: st.DrawFn) -> Report:
    report = Report("永清县刘街乡", "乡", 2024, text={"s1.summary": "2024年，我乡共收到申请3件。"})
    for cell_id in FMT.typed_cell_ids:
        value = draw(VALUES)
        if value != "missing":
            report.cells[cell_id] = value
    return with_derived(report) if draw(st.booleans()) else report


@settings(max_examples=120, deadline=None)
@given(drafts(), st.sets(st.sampled_from(FMT.cell_ids), min_size=1, max_size=8), st.booleans())
def test_findings_about_some_cells_are_those_of_the_full_check_naming_them(
        report: Report, about: set[str], with_previous: bool) -> None:
    previous = PREVIOUS if with_previous else None
    full = check_rules(report, RULES, previous=previous)
    focused = check_rules(report, RULES, previous=previous, about=about)
    assert focused == [f for f in full if about & set(f.cells)]
    assert [f.message for f in focused] == [f.message for f in full if about & set(f.cells)]


def test_a_row_with_a_blank_is_found_about_its_own_cell_only() -> None:
    report = with_derived(Report("永清县刘街乡", "乡", 2024, {c: 0 for c in FMT.typed_cell_ids}))
    report.cells["t2.regulations.issued"] = None
    assert [f.rule for f in check_rules(report, ["R5"], about=["t2.regulations.issued"])] == ["R5"]
    assert check_rules(report, ["R5"], about=["t2.normative.issued"]) == []


@settings(max_examples=60, deadline=None)
@given(drafts(), st.booleans())
def test_the_rules_judging_rows_and_sums_name_the_formats_cells_only(report: Report, with_previous: bool) -> None:
    """What lets a table's check ask them about the table's cells (bot.dialog.checks.check_table)."""
    found = check_rules(report, CELL_RULES, previous=PREVIOUS if with_previous else None)
    assert {c for f in found for c in f.cells} <= set(FMT.cell_ids)


@settings(max_examples=60, deadline=None)
@given(drafts())
def test_a_tables_findings_are_those_of_the_full_check_naming_it(report: Report) -> None:
    for table in FMT.tables:
        prefix = f"{table.key}."
        cells = {c for c in FMT.cell_ids if c.startswith(prefix)}
        full = [f for f in check_rules(report, CELL_RULES) if any(c.startswith(prefix) for c in f.cells)]
        assert check_rules(report, CELL_RULES, about=cells) == full
