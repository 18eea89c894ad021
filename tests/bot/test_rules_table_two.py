"""QA2 items 2, 10, 13 and 26: R9 reads what the prose says about table 二; a fee with no request is queried; a
township self-word is a slip for any kind of unit; quotes end at punctuation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.findings import errors
from bot.report import Report, empty_report, with_derived
from bot.rules import check_report
from bot.rules.textscan import quote
from tests.bot.test_rules import seed_report


def county(**cells: object) -> Report:
    report = empty_report("示范县人民政府", "县级政府", 2025)
    report.cells.update({"t2.license": 45, "t2.penalty": 0, "t2.enforcement": 0, "t2.normative.issued": 2,
                         "t2.normative.abolished": 1, "t2.normative.in_force": 15, "t2.fees": Decimal("0.35")})
    report.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    return with_derived(report)


def r9(report: Report, text: str, slot: str = "s1.active") -> list[str]:
    out = report.copy()
    out.text[slot] = text
    return [f.message for f in errors(check_report(out)) if f.rule == "R9"]


def test_qa2_item_2_a_licence_count_in_the_text_must_match_table_two() -> None:
    [message] = r9(county(), "全年作出行政许可决定54件。")
    assert "“行政许可决定54件”，但" in message and "即" not in message and "「行政许可」本年处理决定数量为 45" in message
    assert r9(county(), "全年作出行政许可决定45件。") == []


def test_a_count_after_a_rows_label_and_a_colon_with_the_columns_verb_must_match_table_two() -> None:
    [message] = r9(county(), "· 行政许可：共处理600件，均按规定公开办理流程及结果；")
    assert "“行政许可：共处理600件”，但" in message and "「行政许可」本年处理决定数量为 45" in message
    assert r9(county(), "· 行政许可：共处理45件，均按规定公开办理流程及结果；") == []
    assert r9(county(), "· 行政许可：办理咨询600件。") == []  # no verb of the column: may count something else


def test_qa2_item_2_a_draft_that_went_stale_after_a_table_edit_is_caught() -> None:
    found = r9(county(t2__penalty=4), "全年作出行政许可决定45件、行政处罚决定5件。")
    assert len(found) == 1 and "“行政处罚决定5件”，但" in found[0] and "「行政处罚」本年处理决定数量为 4" in found[0]


@pytest.mark.parametrize(("text", "n"), [
    ("本年制发行政规范性文件2件，废止1件，现行有效15件。", 0),
    ("本年制发行政规范性文件3件，废止1件，现行有效15件。", 1),
    ("本年印发规范性文件2件，废止2件，现行有效规范性文件16件。", 2),
    ("本年制发行政规范性文件2件，现行有效15件。", 0),
])
def test_qa2_item_2_normative_document_counts(text: str, n: int) -> None:
    assert len(r9(county(), text)) == n


@pytest.mark.parametrize(("text", "n"), [
    ("全年行政事业性收费0.35万元。", 0),
    ("全年行政事业性收费3500元。", 0),
    ("全年行政事业性收费0.5万元。", 1),
    ("本年度未收取行政事业性收费。", 1),
    ("依法收取行政事业性收费，另收取信息处理费200元。", 0),  # the 200元 is 信息处理费, not 表二
])
def test_qa2_item_2_fees_only_when_plainly_administrative(text: str, n: int) -> None:
    found = r9(county(), text)
    assert len(found) == n, found
    assert all("万元" in m for m in found)


@pytest.mark.parametrize("text", [
    "办理行政许可事项54件。",  # 事项, not 决定
    "对照规章和规范性文件清理出问题5件。",  # a sentence about 规章 too
    "组织行政处罚案卷评查，抽查案卷12份。",
    "全年发布行政许可、行政处罚信息86条。",
])
def test_qa2_item_2_unclear_statements_are_left_alone(text: str) -> None:
    assert r9(county(), text) == []


def test_qa2_item_2_the_seeds_stay_free_of_r9_errors() -> None:
    for n in range(5):
        assert [f.message for f in errors(check_report(seed_report(n))) if f.rule == "R9"] == []


# --- R10: a 信息处理费 with no request at all ----------------------------------------------------------------

def town(**cells: object) -> Report:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    return with_derived(report)


def r10(report: Report, text: str) -> list:
    out = report.copy()
    out.text["s6.other"] = text
    return [f for f in check_report(out) if f.rule == "R10"]


def test_qa2_item_10_a_fee_without_requests_is_a_warning() -> None:
    [finding] = r10(town(), "我镇本年度收取信息处理费200元。")
    assert finding.level == "warning" and "本年度未收到政府信息公开申请" in finding.message
    assert "200元" in finding.message and "请核实" in finding.message


@pytest.mark.parametrize(("cells", "text"), [
    ({"t3.new.person": 1, "t3.open.person": 1}, "我镇本年度收取信息处理费200元。"),
    ({}, "本年度未收取信息处理费。"),
    ({}, "我镇本年度收取信息处理费0元。"),
])
def test_qa2_item_10_no_warning_when_fees_can_be_right(cells: dict, text: str) -> None:
    assert r10(town(**{k.replace(".", "__"): v for k, v in cells.items()}), text) == []


# --- R13: township self-words are a slip for any unit -------------------------------------------------------

@pytest.mark.parametrize(("unit", "kind", "right"), [
    ("示范县人民政府", "县级政府", "我县"),
    ("示范县教育局", "县级部门", "我局"),
])
def test_qa2_item_4_r13_warns_a_county_or_a_department_that_writes_wo_zhen(unit: str, kind: str, right: str) -> None:
    report = empty_report(unit, kind, 2025)
    report.text["s1.management"] = "我镇严格执行保密审查制度。"
    [finding] = [f for f in check_report(report) if f.rule == "R13"]
    assert finding.level == "warning" and f"应自称“{right}”" in finding.message and "“我镇”" in finding.message
    report.text["s1.management"] = f"{right}严格执行保密审查制度。"
    assert [f for f in check_report(report) if f.rule == "R13"] == []


# --- quotes ---------------------------------------------------------------------------------------------------

def test_qa2_item_26_quotes_end_at_punctuation_not_mid_word() -> None:
    text = "本年度，我镇进一步健全信息发布机制。2025年，我镇严格执行保密审查制度，坚持先审查后公开。"
    at = text.index("2025年")
    assert quote(text, at, at + 5) == "…2025年，我镇严格执行保密审查制度…"
    long = "甲" * 60
    assert len(quote(long, 30, 31)) <= 25  # no punctuation near: the window stays small
