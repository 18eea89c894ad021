"""The whole-report checks of the conversation (the errors of the last answer and of 进度, the findings 提交 lists) are
held for a report as it stands: asked again about the same report, with the same context, they are not run again;
after any change — one cell, one text, last year's report, the area — they find exactly what a fresh check finds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.dialog.checks as checks
from bot.dialog.context import DialogContext, initial_state
from bot.dialog.flow import Turn
from bot.findings import Finding
from bot.formats import FORMATS
from bot.report import Report, with_derived
from bot.rules import RULES, check_report, check_rules
from tests.bot.test_rules import good, last_year, seed_report

ERROR_RULES = [r for r, rule in RULES.items() if rule.level == "error"]
AREA = ("永清县刘街乡", "永清县别古庄镇", "册井镇", "柳园口乡")
# what one answer leaves in a cell: counts, a blank, a slip, and amounts that are equal but shown apart (0.5, 0.50)
VALUES = st.one_of(st.integers(0, 12), st.none(), st.just(-1), st.sampled_from(
    [Decimal("1.5"), Decimal("0.5"), Decimal("0.50"), Decimal("2"), Decimal("2.0")]))
TEXTS = st.sampled_from(["", "2023年，我乡共收到申请5件。", "我镇未收到政府信息公开申请。", "册井镇本年度未收取信息处理费。",
                         "XX年度，依托公众号发布信息120条，行政许可增加主要是承接下放事项。"])


def _reports() -> list[Report]:
    return [good(), good(unit="沙河市册井镇人民政府", unit_kind="镇"), *(seed_report(n) for n in range(5))]


REPORTS = _reports()


def _context(report: Report, previous: Report | None, names: tuple[str, ...], area: str) -> DialogContext:
    fmt = FORMATS.get(report.format_id) or next(iter(FORMATS.values()))
    return DialogContext("赵", report.unit, report.unit_kind, report.year, previous=previous, other_units=names,
                         area=area, fmt=fmt)


def _fresh(turn: Turn) -> tuple[list[Finding], list[Finding]]:
    """What the checks found before they were held: a full check, and the errors of the error rules."""
    report, ctx = turn.derived(), turn.ctx
    full = check_report(report, previous=ctx.previous, fmt=ctx.fmt, other_units=ctx.other_units, area=ctx.area)
    errors = [f for f in check_rules(report, ERROR_RULES, previous=ctx.previous, fmt=ctx.fmt,
                                     other_units=ctx.other_units) if f.level == "error"]
    return full, errors


def _same(found: list[Finding], expected: list[Finding]) -> None:
    assert found == expected
    assert [(f.message, f.fix) for f in found] == [(f.message, f.fix) for f in expected]


EDITS = st.one_of(
    st.tuples(st.just("cell"), st.sampled_from(sorted(next(iter(FORMATS.values())).typed_cell_ids)), VALUES),
    st.tuples(st.just("text"), st.sampled_from(["s1.summary", "s1.on_request", "s6.other", "s5.problems"]), TEXTS),
    st.tuples(st.just("previous"), st.sampled_from([None, "same", "other"]), st.none()),
    st.tuples(st.just("area"), st.sampled_from(["", "龙亭区"]), st.booleans()),
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(range(len(REPORTS))), st.lists(EDITS, min_size=1, max_size=6))
def test_after_each_change_the_held_checks_find_what_a_fresh_check_finds(which: int, edits: list) -> None:
    report = REPORTS[which].copy()
    previous: Report | None = last_year(t3__carry_over__person=1, t2__normative__in_force=4)
    names, area = AREA, ""
    for kind, where, value in edits:
        if kind == "cell":
            report = with_derived(report.copy(cells={**report.cells, where: value}))
        elif kind == "text":
            report = report.copy(text={**report.text, where: value})
        elif kind == "previous":
            previous = None if where is None else last_year(t3__carry_over__person=1 if where == "same" else 2)
        else:
            area, names = where, AREA if value else ()
        for _ in range(2):  # asked again: held, and still what a fresh check finds
            turn = Turn(_context(report, previous, names, area), initial_state(), report)
            full, errors = _fresh(turn)
            _same(checks.findings_now(turn), full)
            _same(checks.errors_now(turn), errors)


@pytest.mark.parametrize("cell", ["t2.fees", "t3.new.person"])
def test_a_cell_changed_to_an_equal_number_written_otherwise_is_checked_again(cell: str) -> None:
    """0.5 and 0.50 are equal, but a finding shows each as written: they are not the same report to the checks."""
    shown = []
    for value in (Decimal("0.5"), Decimal("0.50"), Decimal("-0.5"), Decimal("-0.50")):
        report = with_derived(good().copy(cells={**good().cells, cell: value}))
        turn = Turn(_context(report, None, AREA, ""), initial_state(), report)
        found = checks.findings_now(turn)
        _same(found, _fresh(turn)[0])
        shown.append([f.message for f in found])
    assert shown[2] != shown[3] or shown[0] != shown[1]  # at least one pair is shown apart: the test can fail


def test_the_same_report_asked_again_is_not_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    report = seed_report(1)
    turn = Turn(_context(report, last_year(), AREA, "沙河市"), initial_state(), report)
    first = checks.findings_now(turn), checks.errors_now(turn)
    runs = []
    monkeypatch.setattr(checks, "check_rules", lambda *a, **k: runs.append(a) or [])
    again = Turn(_context(report.copy(), last_year(), AREA, "沙河市"), initial_state(), report.copy())
    assert (checks.findings_now(again), checks.errors_now(again)) == first and first[0]
    assert runs == []
