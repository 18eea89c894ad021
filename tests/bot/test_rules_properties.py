"""Properties of the checker over random reports: consistent tables pass R1–R5; any single slip is named."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.findings import errors
from bot.formats import GOV2021
from bot.report import Report, empty_report, with_derived
from bot.rules import RULES, RuleContext, check_report

FMT = GOV2021
ARITHMETIC_RULES = ("R1", "R2", "R3", "R4", "R5")
# the applicant columns: their R1 balances start with a cell somebody types (总计 column is derived)
APPLICANT_BALANCES = [b for b in FMT.balances if b.rule == "R1" and not FMT.cell(b.left[0]).derived]
RESULTS_OF = {s.target: s.addends for s in FMT.sums if s.rule == "R2"}
T34_LEAVES = [c.id for c in FMT.cells if c.table in ("t3", "t4") and not c.derived]
SMALL = st.one_of(st.just(0), st.just(0), st.integers(0, 5))  # mostly zero, like real township tables


@st.composite
def consistent_reports(draw: st.DrawFn) -> Report:
    report = empty_report("永清县刘街乡", "乡", 2024)
    for b in APPLICANT_BALANCES:
        new, carried_in = b.left
        results_total, carry_over = b.right
        results = RESULTS_OF[results_total]
        for cell_id in results:
            report.cells[cell_id] = draw(SMALL)
        report.cells[carry_over] = draw(SMALL)
        handled = sum(report.cells[c] for c in results) + report.cells[carry_over]
        report.cells[carried_in] = draw(st.integers(0, handled))
        report.cells[new] = handled - report.cells[carried_in]
    for cell in FMT.cells:
        if cell.table == "t4" and not cell.derived:
            report.cells[cell.id] = draw(SMALL)
        elif cell.table == "t2" and cell.kind == "count" and cell.row != "regulations":
            report.cells[cell.id] = draw(st.integers(0, 500))
        elif cell.kind == "amount":
            report.cells[cell.id] = draw(st.decimals(0, 1000, places=2))
    return with_derived(report)


def arithmetic_findings(report: Report) -> list:
    ctx = RuleContext()
    return [f for rule in ARITHMETIC_RULES for f in RULES[rule].function(report, ctx)]


@settings(max_examples=150, deadline=None)
@given(consistent_reports())
def test_consistent_reports_pass_r1_to_r5(report: Report) -> None:
    assert arithmetic_findings(report) == []


@settings(max_examples=200, deadline=None)
@given(consistent_reports(), st.sampled_from(T34_LEAVES))
def test_one_changed_leaf_is_named_by_its_row_or_column_total(report: Report, cell_id: str) -> None:
    changed = report.copy()
    changed.cells[cell_id] += 1
    totals = {s.target for s in FMT.sums if cell_id in s.addends}
    found = errors(check_report(changed))
    assert any(totals & set(f.cells) for f in found), (cell_id, [f.message for f in found])


@settings(max_examples=100, deadline=None)
@given(consistent_reports(), st.sets(st.sampled_from(FMT.cell_ids), min_size=1, max_size=12), st.booleans())
def test_blank_or_missing_cells_are_named_by_r5_and_crash_nothing(report: Report, blanks: set[str], drop: bool) -> None:
    broken = report.copy()
    for cell_id in blanks:
        if drop:
            del broken.cells[cell_id]
        else:
            broken.cells[cell_id] = None
    found = check_report(broken)
    named = {c for f in found if f.rule == "R5" for c in f.cells}
    assert named == blanks


@settings(max_examples=100, deadline=None)
@given(consistent_reports(), st.sampled_from([c.id for c in FMT.cells if c.kind == "count"]))
def test_a_negative_count_is_an_r5_error(report: Report, cell_id: str) -> None:
    broken = report.copy()
    broken.cells[cell_id] = -1
    assert any(f.rule == "R5" and f.cells == (cell_id,) for f in errors(check_report(broken)))
    broken.cells[cell_id] = Decimal("0.5")
    assert any(f.rule == "R5" and f.cells == (cell_id,) for f in errors(check_report(broken)))
