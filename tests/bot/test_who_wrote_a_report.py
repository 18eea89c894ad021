"""Who wrote a report when its title does not say it all: the contact line's fuller name, a government that speaks
of itself as 我区 and names itself once in full, an office that prints its level word without the place's name, a
title's name without its place that the prose prints with it, a 街道 named in the contact line after its district's
government, and a department or zone committee opening 一 after its year."""

from __future__ import annotations

import pytest

from bot.checking import check_imported
from bot.importers import import_bytes
from bot.importers.author import kind_from_name


def _report(preface: str, one: str, title: str = ""):
    text = "\n".join(filter(None, [
        title, preface, "一、总体情况", one, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "存在的问题是公开不够及时。",
        "六、其他需要报告的事项", "本年度未收取信息处理费。",
    ]))
    return import_bytes(text.encode("utf-8"), "report.txt")


def test_the_contact_line_gives_the_title_name_its_county() -> None:
    report = _report("如对本报告有疑问，请与桃源县石门乡党政办联系。", "2023年，我乡认真落实条例。",
                     title="石门乡2023年政府信息公开工作年度报告").report
    assert (report.unit, report.unit_kind) == ("桃源县石门乡", "乡")


def test_a_contact_line_of_another_unit_does_not_rename_the_unit() -> None:
    report = _report("如对本报告有疑问，请与桃源县教育局联系。", "2023年，我乡认真落实条例。",
                     title="石门乡2023年政府信息公开工作年度报告").report
    assert report.unit == "石门乡"


def test_a_district_government_named_once_in_its_prose_and_speaking_as_our_district() -> None:
    one = "2024年，江岸区人民政府坚持以公开为常态。我区全年主动公开信息1200条，我区政府网站运行平稳。"
    report = _report("", one).report
    assert (report.unit, report.unit_kind) == ("江岸区人民政府", "县级政府")


def test_a_township_naming_its_county_government_is_not_that_government() -> None:
    one = "2024年，宁乡县人民政府部署政务公开工作，我镇认真落实。我镇全年主动公开信息120条。"
    report = _report("", one).report
    assert report.unit != "宁乡县人民政府" and report.unit_kind in ("镇", "")


def test_an_office_printing_only_its_level_word_takes_the_place_its_prose_names() -> None:
    preface = "现公开县统计局2023年政府信息公开工作年度报告。"
    one = "我局及时发布临澧县统计公报，公开临澧县主要经济指标，指导县政府各部门做好统计信息公开。"
    imported = _report(preface, one)
    assert (imported.report.unit, imported.report.unit_kind) == ("临澧县统计局", "县级部门")
    assert not [f for f in check_imported(imported) if f.rule == "R13"]  # 指导县政府 is its own county's


def test_a_title_name_without_its_place_takes_the_place_its_prose_prints_before_it() -> None:
    office = _report("现公开天门市人民政府办公室2025年政府信息公开工作年度报告。", "2025年，市政府办公室认真落实条例。",
                     title="市人民政府办公室2025年政府信息公开工作年度报告").report
    assert (office.unit, office.unit_kind) == ("天门市人民政府办公室", "县级部门")
    bureau = _report("", "2025年安阳县住建局依申请信息公开办理有69件。",
                     title="住建局 2025 年政府信息公开工作年度报告").report
    assert (bureau.unit, bureau.unit_kind) == ("安阳县住建局", "县级部门")


def test_words_before_a_title_name_without_its_place_are_no_place() -> None:
    report = _report("现公布区统计局2023年政府信息公开工作年度报告。", "2023年，我局认真落实条例。",
                     title="区统计局2023年政府信息公开工作年度报告").report
    assert report.unit == "区统计局"


def test_a_street_named_in_the_contact_line_after_its_districts_government_is_the_street() -> None:
    report = _report("如本报告有疑问，请联系：硚口区人民政府宗关街道办事处，地址：硚口区解放大道461号。",
                     "2025年，街道新收到依申请公开政府信息0件。").report
    assert (report.unit, report.unit_kind) == ("硚口区人民政府宗关街道", "街道")


def test_a_department_opening_its_report_after_its_year_is_the_author() -> None:
    report = _report("", "2025年，区城乡建设局聚焦中心工作和重点领域，积极推进全过程公开。").report
    assert (report.unit, report.unit_kind) == ("区城乡建设局", "县级部门")


def test_a_zone_committee_opening_its_parts_in_long_and_short_form_is_the_author() -> None:
    one = ("2024年，番禺经济技术开发区管委会坚持公开为常态。\n(一)主动公开情况。番禺经开区管委会主动公开各类信息74条。")
    report = _report("", one).report
    assert (report.unit, report.unit_kind) == ("番禺经济技术开发区管委会", "开发区")


def test_two_departments_opening_paragraphs_name_no_author() -> None:
    report = _report("", "2025年，区城乡建设局聚焦中心工作。\n2025年，区交通运输局积极配合。").report
    assert report.unit == ""


def test_a_place_named_only_once_or_always_after_the_same_word_is_not_taken() -> None:
    preface = "现公开县统计局2023年政府信息公开工作年度报告。"
    one = "我局及时发布临澧县统计公报，指导县政府各部门做好统计信息公开。"
    assert _report(preface, one).report.unit == "县统计局"


def test_a_name_starting_with_a_word_that_begins_like_a_level_is_left_as_it_is() -> None:
    preface = "现公开市场监督管理局2023年政府信息公开工作年度报告。"
    one = "本局及时发布临澧市统计公报，公开临澧市主要经济指标。"
    assert _report(preface, one).report.unit == "市场监督管理局"


def test_a_place_whose_name_ends_like_a_common_word_is_still_a_place() -> None:
    preface = "现公开区人民政府办公室2024年政府信息公开工作年度报告。"
    one = "本办及时发布西湖区政府工作报告，公开西湖区重大行政决策事项目录，做好贫困山区和湖区群众的政策解读。"
    assert _report(preface, one).report.unit == "西湖区人民政府办公室"


def test_a_title_without_a_year_still_names_the_unit_and_the_prose_gives_the_year() -> None:
    report = _report("", "2021年度我镇未收到政府信息公开申请。", title="青山镇人民政府政府信息公开工作年度报告").report
    assert (report.unit, report.unit_kind, report.year) == ("青山镇人民政府", "镇", 2021)


def test_a_title_with_its_year_wins_over_a_yearless_one_above_it() -> None:
    title = "青山镇政府信息公开工作年度报告\n青山镇2022年政府信息公开工作年度报告"
    report = _report("", "2023年我镇主动公开信息30条。", title=title).report
    assert report.year == 2022


def test_a_yearless_heading_without_a_unit_is_no_title() -> None:
    report = _report("", "2023年我镇主动公开信息30条。", title="政府信息公开工作年度报告").report
    assert report.unit == "" and report.year == 2023


def test_a_preface_speaking_of_itself_gives_the_year_but_no_name() -> None:
    report = _report("现将本局2020年度政府信息公开情况报告如下。", "本局全年主动公开信息40条。").report
    assert (report.unit, report.unit_kind, report.year) == ("", "县级部门", 2020)


def test_a_street_office_speaking_of_itself_as_our_street() -> None:
    report = _report("", "2020年，我街认真落实条例，我街全年主动公开信息52条。").report
    assert report.unit_kind == "街道"


@pytest.mark.parametrize(("unit", "kind"), [
    ("株洲市芦淞区市场监督管理局", "县级部门"),  # 市 in 市场 is no city
    ("北京市朝阳区市场监督管理局", "县级部门"),
    ("示范市城市管理局", "市级部门"),  # 城市管理: no level word, the city's own bureau
    ("示范区城市管理局", "县级部门"),
    ("市市场监管局", "市级部门"),  # its level word alone
    ("区农业农村局", "县级部门"),
    ("武汉市东湖生态旅游风景区管理委员会卫生健康办公室", "县级部门"),
    ("清远市教育局", "市级部门"),
])
def test_a_departments_level_is_the_last_place_its_name_opens_with(unit: str, kind: str) -> None:
    assert kind_from_name(unit) == kind
