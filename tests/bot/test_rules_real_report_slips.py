"""Issue 8: what real reports get wrong, caught by the right rule — R9 carry-over and channel counts, R11 years
named for a reason, R12 the 2019 format however it shows, R14 the parts of 一 by their meaning. Each case quoted
in the issue is joined by phrasings it did not quote."""

from __future__ import annotations

import pytest

from bot.formats import GOV2021
from bot.report import LayoutNote, Report, empty_report, with_derived
from bot.rules import check_report


def report(year: int = 2023, text: dict[str, str] | None = None, **cells: int) -> Report:
    out = empty_report("延津县塔铺街道", "街道", year)
    out.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    out.text.update(text or {})
    return with_derived(out)


def messages(found: list, rule: str) -> list[str]:
    return [f.message for f in found if f.rule == rule]


# --- R9 -------------------------------------------------------------------------------------------------------

CARRIED = {"t3__new__person": 6, "t3__carried_in__person": 2, "t3__open__person": 7, "t3__carry_over__person": 1}


@pytest.mark.parametrize("text", [
    "共收到政府信息公开申请8件（含上年度结转2件）。",
    "本年度共受理信息公开申请8件，含2022年结转的2件。",
    "2022年结转的2件申请已全部办结。",
    "上年结转的2件申请均已答复。",
    "有1件申请因需征求第三方意见顺延至下一年答复。",
    "另有1件结转下年度继续办理。",
    "其中1件延期至2024年答复。",
])
def test_carry_over_phrasing_agrees_with_the_table(text: str) -> None:
    found = check_report(report(text={"s1.on_request": text}, **CARRIED))
    assert messages(found, "R9") == []


@pytest.mark.parametrize(("text", "row"), [
    ("含2022年结转的3件。", "上年结转"),
    ("共收到申请8件（含上年度结转3件）。", "上年结转"),
    ("有2件申请顺延至下一年答复。", "结转下年度"),
    ("其中2件转入2024年继续办理。", "结转下年度"),
])
def test_carry_over_phrasing_that_disagrees_names_the_right_row(text: str, row: str) -> None:
    found = messages(check_report(report(text={"s1.on_request": text}, **CARRIED)), "R9")
    assert len(found) == 1 and row in found[0], found


@pytest.mark.parametrize("text", [
    "收到纸质申请36件、网上申请14件。",
    "收到当面申请3件。",
    "通过信函方式收到申请5件，均已答复。",
    "共收到申请50件，其中纸质申请36件，网上申请14件。",
])
def test_counts_by_channel_are_not_totals(text: str) -> None:
    found = check_report(report(text={"s1.on_request": text}, t3__new__person=50, t3__open__person=50))
    assert messages(found, "R9") == []


def test_a_channel_count_with_all_is_the_total() -> None:
    text = "通过信函、网上等方式共收到申请4件。"
    found = messages(check_report(report(text={"s1.on_request": text}, t3__new__person=5, t3__open__person=5)), "R9")
    assert len(found) == 1 and "4" in found[0]


# --- R11 ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "主动公开2023年度部门决算和2024年度部门预算。",
    "按时报送2023年行政执法统计年报。",
    "共收到申请3件，含2023年结转的1件。",
    "2023年政府信息公开工作年度报告已于2024年1月20日在政府网站公布。",
    "公开2022年度财政决算信息。",
    "公开2023年度财政支出项目绩效评价结果。",
    "受理申请16件，办结15件，结转至2025年办理1件。",
])
def test_an_earlier_year_named_for_a_reason_is_not_stale(text: str) -> None:
    assert messages(check_report(report(2024, {"s1.active": text})), "R11") == []


def test_a_report_naming_its_own_statistics_period_is_not_published_that_year() -> None:
    text = "现公布2024年青山镇政府信息公开工作年度报告，其主要内容涵盖青山镇2024年1月1日至12月31日期间的政府信息公开工作情况。"
    assert messages(check_report(report(2024, {"s1.active": text})), "R11") == []


@pytest.mark.parametrize("text", [
    "2024年政府信息公开工作年度报告已于2024年1月20日在政府网站公布。",
    "我街道2024年度政务公开工作年报于2024年2月在县政府网站发布。",
])
def test_this_years_report_published_this_year_is_copied_text(text: str) -> None:
    found = messages(check_report(report(2024, {"s1.active": text})), "R11")
    assert len(found) == 1 and "应在次年公布" in found[0]


def test_a_stale_year_is_still_stale() -> None:
    found = messages(check_report(report(2024, {"s1.active": "2023年，我街道主动公开信息13条。"})), "R11")
    assert len(found) == 1 and "2023年" in found[0]


# --- R12 ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》要求编制本报告。",
    "本报告依据《关于政府信息公开工作年度报告有关事项的通知》编制。",
    "按照关于政府信息公开工作\n年度报告有关事项的通知的要求，",
    "本报告根据国办公开办函〔2019〕60号要求编制。",
    "本报告根据国办公开办函[2019]60号要求编制。",
])
def test_the_2019_notice_however_cited(text: str) -> None:
    found = messages(check_report(report(text={"preface": text})), "R12")
    assert len(found) == 1 and "国办公开办函〔2021〕30号" in found[0]


def test_the_2021_notice_is_no_old_format() -> None:
    text = ("按照《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）编制。")
    assert messages(check_report(report(text={"preface": text})), "R12") == []


@pytest.mark.parametrize(("text", "term"), [
    ("其他对外管理服务事项 0 0 0", "其他对外管理服务事项"),
    ("第二十条第(九)项 政府集中采购", "第二十条第（九）项"),
    ("上一年项目数量  本年增/减  处理决定数量", "上一年项目数量"),
    ("本年新 制作数量 5", "本年新制作数量"),
    ("本年新公开\n数量", "本年新公开数量"),
    ("对外公开 总数量 12", "对外公开总数量"),
    ("采购总金额 3.5", "采购总金额"),
])
def test_2019_table_two_labels_in_the_text(text: str, term: str) -> None:
    found = messages(check_report(report(text={"s1.active": text})), "R12")
    assert any(f"“{term}”" in m for m in found), found


def test_a_2019_layout_recorded_by_the_import_is_reported() -> None:
    plain = report()
    assert messages(check_report(plain), "R12") == []
    imported = plain.copy(layout_notes=(LayoutNote("legacy_labels", "t2", ("上一年项目数量", "本年增/减"),
                                                   "2019年试行格式"),))
    found = [f for f in check_report(imported) if f.rule == "R12"]
    assert len(found) == 1 and found[0].level == "error"
    assert "表二按2019年试行格式填报" in found[0].message and "“上一年项目数量”" in found[0].message
    assert set(found[0].cells) == {c.id for c in GOV2021.table("t2").cells}


# --- R14 ------------------------------------------------------------------------------------------------------

FIVE = {
    "s1.active": "全年通过政府网站主动公开各类信息13条。",
    "s1.on_request": "全年未收到政府信息公开申请。",
    "s1.management": "严格落实保密审查制度。",
    "s1.platform": "依托政府网站和公众号发布信息。",
    "s1.oversight": "将政务公开纳入年度考核。",
}


def parts_missing(text: dict[str, str]) -> list[tuple[str, ...]]:
    return [f.cells for f in check_report(report(text=text)) if f.rule == "R14" and "缺少" in f.message]


def test_the_five_parts_by_their_own_words() -> None:
    assert parts_missing(FIVE) == []


@pytest.mark.parametrize(("slot", "text"), [
    ("s1.active", "主动公示：通过公开栏公示惠民资金发放情况。"),
    ("s1.active", "围绕重点领域加大政策解读力度。"),
    ("s1.on_request", "政务信息公开申请：本年度未收到。"),
    ("s1.management", "党政办公室负责信息公开内容维护，实行“三审”制度。"),
    ("s1.platform", "持续加强政务新媒体管理，微信公众号发布信息56条。"),
    ("s1.oversight", "成立政务公开领导小组，定期开展业务培训。"),
])
def test_variant_wordings_of_a_part(slot: str, text: str) -> None:
    assert parts_missing({**FIVE, slot: text}) == []


@pytest.mark.parametrize("text", [
    "畅通群众咨询渠道，全年接听群众咨询和投诉电话42次，均及时回复。",
    "认真办理12345热线转办事项，办结率100%。",
    "做好信访举报受理工作。",
])
def test_another_topic_in_a_parts_place_is_not_that_part(text: str) -> None:
    assert parts_missing({**FIVE, "s1.management": text}) == [("s1.management",)]


def test_a_part_named_elsewhere_in_one_is_there() -> None:
    text = {**FIVE, "s1.management": "", "s1.summary": "我街道从主动公开、依申请公开、政府信息管理、平台建设、监督保障五方面推进。"}
    assert parts_missing(text) == []


def test_a_sentence_listing_the_reports_sections_is_about_no_part() -> None:
    outline = ("本报告内容包括政府信息公开总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
               "存在主要问题和改进情况等部分。本报告中所列数据的统计期限为2023年1月1日至12月31日。")
    only_outline = {"s1.summary": outline}
    (missing,) = parts_missing(only_outline)
    assert {"s1.active", "s1.on_request"} <= set(missing)
    assert parts_missing({**FIVE, "s1.summary": outline}) == []


def test_a_part_with_plain_words_gets_the_benefit_of_the_doubt() -> None:
    assert parts_missing({**FIVE, "s1.management": "有关制度落实到位。"}) == []

