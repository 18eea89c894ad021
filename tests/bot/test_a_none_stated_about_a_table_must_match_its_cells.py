"""QA27 finding 2: "none this year" in the prose is a claim of 0 (R9), as a count is — for table 二 (本年未制发行政规范性
文件, 未作出行政强制决定, 全年未作出行政许可、行政处罚和行政强制决定, 未收取行政事业性收费) as for tables 三 (未收到政府信息公开
申请) and 四 (未发生…行政复议和行政诉讼). A cell that is not known yet (skipped, not read) is no disagreement: unknown is not
zero. A none about something else (规章, a part of a row, a condition) claims nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.findings import Finding
from bot.report import Report, empty_report, with_derived
from bot.rules import check_report
from bot.rules.answer import check_answer

# the 教育局 of the QA round: 3 规范性文件 issued, 2 强制, fees of 1.2万元
BUREAU_CELLS = {"t2.regulations.issued": 0, "t2.regulations.abolished": 0, "t2.regulations.in_force": 0,
                "t2.normative.issued": 3, "t2.normative.abolished": 1, "t2.normative.in_force": 15,
                "t2.license": 45, "t2.penalty": 2, "t2.enforcement": 2, "t2.fees": Decimal("1.2"),
                "t3.new.person": 2, "t3.open.person": 2, "t4.review.upheld": 1, "t4.suit_direct.upheld": 1}


def bureau(**changed: object) -> Report:
    report = empty_report("示范县教育局", "县级部门", 2025)
    report.cells.update(BUREAU_CELLS)
    for key, value in changed.items():
        cell = key.replace("__", ".")
        if value is ...:  # not known: never answered, or not read from the file
            report.cells.pop(cell, None)
        else:
            report.cells[cell] = value
    return with_derived(report)


def r9(report: Report, text: str, slot: str = "s1.active") -> list[Finding]:
    out = report.copy()
    out.text[slot] = text
    return [f for f in check_report(out) if f.rule == "R9"]


@pytest.mark.parametrize(("text", "cells"), [
    ("本年未制发行政规范性文件。", ["t2.normative.issued"]),
    ("2023年无公文解读情况，未印发行政规范性文件。", ["t2.normative.issued"]),
    ("本年未制发、废止行政规范性文件，现行有效15件。", ["t2.normative.issued", "t2.normative.abolished"]),
    ("本年度无新制发和废止的行政规范性文件。", ["t2.normative.issued", "t2.normative.abolished"]),
    ("本年度未制发规章和行政规范性文件。", ["t2.normative.issued"]),
    ("目前无现行有效的行政规范性文件。", ["t2.normative.in_force"]),
    ("全年作出行政许可决定45件、行政处罚决定2件，未作出行政强制决定。", ["t2.enforcement"]),
    ("全年未作出行政许可、行政处罚和行政强制决定。", ["t2.license", "t2.penalty", "t2.enforcement"]),
    ("全年未作出行政处罚、强制决定。", ["t2.penalty", "t2.enforcement"]),
    ("本年度未收取行政事业性收费。", ["t2.fees"]),
])
def test_a_none_about_table_two_disagrees_with_a_cell_that_is_not_zero(text: str, cells: list[str]) -> None:
    found = r9(bureau(), text)
    assert [f.cells[1:] for f in found] == [(c,) for c in cells]
    assert all(f.level == "error" and f.cells[0] == "s1.active" for f in found)
    assert all("，即 0 " in f.message and "请核对正文与表格" in f.message for f in found)


def test_the_message_quotes_the_none_and_names_the_cell_with_its_number() -> None:
    [found] = r9(bureau(), "全年作出行政许可决定45件、行政处罚决定2件，未作出行政强制决定。")
    assert found.message == ("一、总体情况（一）主动公开写“未作出行政强制决定”，即 0 件，但表二「行政强制」本年处理决定数量为 2。"
                             "请核对正文与表格，使二者一致。")
    assert found.fix is None  # no number in the words to replace: the clerk rewrites the sentence


@pytest.mark.parametrize("text", [
    "本年未制发、废止行政规范性文件，现行有效15件。",
    "全年未作出行政许可、行政处罚和行政强制决定。",
    "本年度未收取行政事业性收费。",
])
def test_a_none_agrees_with_cells_that_are_zero(text: str) -> None:
    none = bureau(t2__normative__issued=0, t2__normative__abolished=0, t2__license=0, t2__penalty=0,
                  t2__enforcement=0, t2__fees=Decimal(0))
    assert r9(none, text) == []


@pytest.mark.parametrize(("text", "unknown"), [
    ("本年未制发行政规范性文件。", "t2__normative__issued"),
    ("全年作出行政许可决定45件、行政处罚决定2件，未作出行政强制决定。", "t2__enforcement"),
    ("本年度未收取行政事业性收费。", "t2__fees"),
])
@pytest.mark.parametrize("how", ["skipped", "printed blank"])
def test_a_none_about_a_cell_not_known_is_no_disagreement(text: str, unknown: str, how: str) -> None:
    report = bureau(**{unknown: ... if how == "skipped" else None})
    assert r9(report, text) == []


@pytest.mark.parametrize("text", [
    "本年度未制发规章。",  # 规章, not 规范性文件
    "本年度未制发规章，制发行政规范性文件3件。",
    "本年度未制发和处理区级医疗卫生系统行政规范性文件。",  # a part of the row (a real report's words)
    "本年未制发涉及群众切身利益的规范性文件。",
    "本年未发布规范性文件解读。",
    "对逾期未作出行政许可决定的，视为准予许可。",  # a condition, not a count
    "未作出行政处罚决定前，充分听取当事人意见。",
    "本年度未因行政处罚决定被申请行政复议。",  # about 复议 (表四), not the decisions
    "全年未收到行政许可申请。",  # applications for a licence, not decisions
    "全年未发布行政许可、行政处罚信息。",  # publishing, not deciding
])
def test_a_none_about_something_else_claims_nothing_of_table_two(text: str) -> None:
    assert r9(bureau(), text) == []


def test_a_none_about_tables_three_and_four_disagrees_with_a_total_that_is_not_zero() -> None:
    [applications] = r9(bureau(), "本年度未收到政府信息公开申请。", "s1.on_request")
    assert applications.cells == ("s1.on_request", "t3.new.total")
    text = "年内没有因政府信息公开被申请行政复议或者被提起行政诉讼的情况。"
    assert [f.cells[1:] for f in r9(bureau(), text, "s1.on_request")] == [
        ("t4.review.total",), ("t4.suit_direct.total", "t4.suit_after_review.total")]


def test_a_none_about_tables_three_and_four_not_known_yet_is_no_disagreement() -> None:
    skipped = bureau(t3__new__person=..., t3__open__person=..., t4__review__upheld=..., t4__suit_direct__upheld=...)
    text = "本年度未收到政府信息公开申请，未发生因政府信息公开引起的行政复议和行政诉讼。"
    assert r9(skipped, text, "s1.on_request") == []


def test_the_draft_sentence_is_flagged_as_the_clerk_gives_it() -> None:
    """check_answer (as the dialog runs it on a draft) flags the draft's "none" against the table as it stands."""
    found = check_answer("s1.active", "本年未制发行政规范性文件。全年未作出行政许可、行政处罚和行政强制决定。", bureau())
    assert sorted(c for f in found if f.rule == "R9" for c in f.cells[1:]) == [
        "t2.enforcement", "t2.license", "t2.normative.issued", "t2.penalty"]
