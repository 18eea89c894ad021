"""Real published reports in (issue 8): every document of tests/fixtures/corpus against its expected.json.

Each document imports (a scanned PDF, or a document that is no report, is refused with one clear sentence); the
cells it holds are read right — all 200 for a complete document, PDFs included; the findings it must give are there
and none it must not give; a copy of each complete document cut in the middle of table 三 says what it could not read
and no rule speaks about the rest; each complete document in every text layout real copies come in reads all 200
cells.

Where a document is not read right yet, `KNOWN_GAPS` says so and why; the test then expects the failure (strict), so
fixing the importer turns the entry into a failure that asks for the entry to go.
"""

from __future__ import annotations

import re

import pytest

from bot.checking import check_imported
from bot.importers import NotAReport, import_bytes, import_report, read_blocks
from tests.bench_corpus import Case, _unit_core, load_cases, run_case
from tests.layouts import LAYOUTS, import_layout, spaces

CASES = load_cases()
COMPLETE = [c for c in CASES if c.expected.get("complete")]
READABLE = [c for c in CASES if not c.expected.get("scanned") and not c.expected.get("refused")]
CUT_RULES = {"R1", "R2", "R9", "R10"}  # what a cut-off table must never set off

# document name → why it is not read right yet (test expects the failure until it is)
KNOWN_GAPS: dict[str, str] = {  # "name.txt:cells" (or ":findings", ":who") → why it is not read right yet
    "wuhan_sthj_branch_2023_mirror.txt:cells": "a mirror dropped the 行 of 行政许可/行政处罚/行政强制 (政许可 132): a "
                                               "label missing its first character is no row's label, so those three "
                                               "cells are said unread rather than guessed",
}


def _ids(case: Case) -> str:
    return case.name


def _gap(case: Case, what: str):
    reason = KNOWN_GAPS.get(f"{case.name}:{what}")
    return pytest.mark.xfail(reason=reason, strict=True) if reason else ()


def _param(cases: list[Case], what: str) -> list:
    return [pytest.param(c, id=c.name, marks=_gap(c, what)) for c in cases]


def test_the_corpus_is_there() -> None:
    assert len({c.doc_id for c in CASES}) >= 26
    assert len(COMPLETE) >= 10
    assert any(c.path.suffix == ".pdf" for c in COMPLETE)


@pytest.mark.parametrize("case", [c for c in CASES if c.expected.get("scanned")], ids=_ids)
def test_a_scanned_pdf_is_refused_with_one_clear_sentence(case: Case) -> None:
    with pytest.raises(NotAReport) as refused:
        import_report(case.path)
    assert "扫描件" in refused.value.message and refused.value.message.count("。") <= 3


@pytest.mark.parametrize("case", [c for c in CASES if c.expected.get("refused")], ids=_ids)
def test_a_document_that_is_no_report_is_refused_saying_what_it_is(case: Case) -> None:
    with pytest.raises(NotAReport) as refused:
        import_report(case.path)
    assert case.expected["refused"] in refused.value.message and refused.value.message.count("。") <= 3


@pytest.mark.parametrize("case", _param(READABLE, "cells"))
def test_every_document_imports_and_its_cells_are_read_right(case: Case) -> None:
    outcome = run_case(case)
    assert outcome.imported, outcome.reason
    assert not outcome.wrong, outcome.wrong[:10]
    assert not outcome.extra, outcome.extra[:10]
    if case.expected.get("complete"):
        assert outcome.right == 200


@pytest.mark.parametrize("case", _param(READABLE, "findings"))
def test_expected_findings_are_given_and_no_false_ones(case: Case) -> None:
    outcome = run_case(case)
    assert outcome.imported, outcome.reason
    findings = case.expected.get("findings", {})
    assert set(findings.get("must", ())) <= outcome.rules
    assert not set(findings.get("must_not", ())) & outcome.rules


@pytest.mark.parametrize("case", _param(READABLE, "who"))
def test_who_wrote_it_and_the_year(case: Case) -> None:
    report = import_report(case.path).report
    expected = case.expected
    if expected.get("unit"):
        assert _unit_core(report.unit) == _unit_core(expected["unit"])
    if expected.get("unit_kind"):
        assert report.unit_kind == expected["unit_kind"]
    if expected.get("year"):
        assert report.year == expected["year"]


@pytest.mark.parametrize("case", _param(COMPLETE, "cut"))
def test_a_copy_cut_in_the_middle_of_table_three_says_what_it_could_not_read(case: Case) -> None:
    text = spaces(read_blocks(case.path.read_bytes(), case.name))
    table = re.search(r"三、\s*收到和处理政府信息公开申请情况", text)
    cut = table and re.search(r"[（(]四[）)]", text[table.end():])
    assert cut, "table 三 not found in the document's text"
    imported = import_bytes(text[: table.end() + cut.start()].encode("utf-8"), "cut.txt")
    findings = check_imported(imported)
    errors = {f.rule for f in findings if f.level == "error"}
    assert not errors & CUT_RULES, [f.message for f in findings if f.rule in CUT_RULES]
    unread = [f for f in findings if "只读到前" in f.message]
    assert len(unread) == 1 and "表三" in unread[0].message
    assert all(c not in imported.report.cells for c in unread[0].cells)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("case", [c for c in COMPLETE if c.path.suffix != ".pdf"
                                  and "wrapped-labels" not in c.expected.get("layout", "")], ids=_ids)
def test_every_complete_document_in_every_text_layout_reads_all_cells(case: Case, layout: str) -> None:
    truth = {k: v for k, v in import_report(case.path).report.cells.items()}
    report = import_layout(read_blocks(case.path.read_bytes(), case.name), layout).report
    wrong = {k: (v, report.cells.get(k, "未读到")) for k, v in truth.items() if report.cells.get(k, "未读到") != v}
    assert not wrong, list(wrong.items())[:8]
    assert report.year == import_report(case.path).report.year
