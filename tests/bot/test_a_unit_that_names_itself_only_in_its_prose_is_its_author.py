"""A report copied without its title names its unit only in its prose: a 街道 that is the subject of its sentences
after a year (2025年中仓街道积极推动…, 2023年度东湖街道办事处通过…), one named once by its formal name and no other
(官洲街道办事处认真贯彻落实…), a department named by its level word (区农业农村局坚持…) — each is the author; a name
given once in passing, or two names, are not."""

from __future__ import annotations

from bot.importers import import_bytes


def _report(one: str):
    text = "\n".join([
        "一、总体情况", one, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "存在的问题是公开不够及时。",
        "六、其他需要报告的事项", "本年度未收取信息处理费。",
    ])
    return import_bytes(text.encode("utf-8"), "report.txt").report


def test_a_street_the_subject_of_its_sentences_after_a_year_is_the_author() -> None:
    report = _report("2025年中仓街道积极推动政府信息公开工作。2025年度中仓街道政府信息公开工作主要涉及预算公开。")
    assert (report.unit, report.unit_kind) == ("中仓街道", "街道")


def test_a_street_named_once_by_its_formal_name_and_no_other_is_the_author() -> None:
    report = _report("2023年，在区委、区政府的坚强领导下，官洲街道办事处认真贯彻落实条例，主动公开政府信息63条。")
    assert (report.unit, report.unit_kind) == ("官洲街道", "街道")


def test_the_only_street_opening_a_paragraph_after_its_year_is_the_author() -> None:
    report = _report("2025年，矿市街道深入贯彻落实上级关于政府信息公开工作的决策部署，坚持以公开为常态。")
    assert (report.unit, report.unit_kind) == ("矿市街道", "街道")


def test_a_township_named_after_its_county_keeps_the_county() -> None:
    report = _report("2025年，双柏县大麦地镇人民政府持续将政务公开作为构建透明政府的关键抓手。")
    assert (report.unit, report.unit_kind) == ("双柏县大麦地镇", "镇")


def test_a_street_named_once_later_in_a_paragraph_is_not_the_author() -> None:
    report = _report("2025年，我们坚持以公开为常态，矿市街道深入贯彻落实上级部署。")
    assert report.unit == ""


def test_a_street_named_once_in_passing_is_not_the_author() -> None:
    report = _report("2023年，我们参照官洲街道的做法，主动公开政府信息63条。")
    assert report.unit == ""


def test_two_streets_named_once_each_by_formal_name_name_no_author() -> None:
    report = _report("2023年，官洲街道办事处认真贯彻落实条例，南洲街道办事处积极配合。")
    assert report.unit == ""


def test_a_department_named_by_its_level_word_twice_is_a_county_level_department() -> None:
    report = _report("2025年，区农业农村局坚持依法公开。2025年区农业农村局未收到政府信息公开申请。")
    assert (report.unit, report.unit_kind) == ("区农业农村局", "县级部门")


def test_a_street_named_by_its_formal_name_after_its_districts_government_is_the_author() -> None:
    report = _report("2020年，在区委、区政府的正确领导下，越秀区人民政府北京街道办事处认真贯彻落实条例，"
                     "及时准确地向社会公开政府信息。")
    assert (report.unit, report.unit_kind) == ("北京街道", "街道")


def test_a_department_named_once_by_its_full_name_opening_a_clause_is_the_author() -> None:
    report = _report("2022年，抚远市自然资源局不断强化宣传信息报送工作，通过政府门户网站共发布信息18篇。")
    assert report.unit == "抚远市自然资源局"


def test_two_departments_named_by_their_full_names_name_no_author() -> None:
    report = _report("2022年，抚远市自然资源局不断强化宣传，抚远市住房和城乡建设局积极配合。")
    assert report.unit == ""


def test_a_unit_named_in_a_tables_caption_line_is_the_author() -> None:
    text = "\n".join(["一、总体情况", "2023年，市自然资源和规划局认真贯彻落实条例。", "二、主动公开政府信息情况",
                      "单位: 东阳市自然资源和规划局 2023年度", "第二十条第(一)项 |",
                      "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "规章 | 0 | 0 | 0 |"])
    report = import_bytes(text.encode("utf-8"), "report.txt").report
    assert report.unit == "东阳市自然资源和规划局"


def test_a_caption_naming_no_unit_names_no_author() -> None:
    text = "\n".join(["一、总体情况", "2023年，我局认真贯彻落实条例。", "二、主动公开政府信息情况", "单位: 件",
                      "第二十条第(一)项 |", "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "规章 | 0 | 0 | 0 |"])
    report = import_bytes(text.encode("utf-8"), "report.txt").report
    assert report.unit == ""


def test_a_unit_named_in_its_contact_line_after_a_colon_is_the_author() -> None:
    report = _report("如本报告有疑问,请联系:硚口区荣华街道办事处党政综合办公室,电话:027-83785453。2025年，我街未收到申请。")
    assert (report.unit, report.unit_kind) == ("硚口区荣华街道", "街道")


def test_a_commission_named_once_by_its_full_name_opening_a_clause_is_the_author() -> None:
    report = _report("2025年，沙坪坝区卫生健康委员会主动及时公开卫生健康领域信息，切实保障公众的知情权。")
    assert (report.unit, report.unit_kind) == ("沙坪坝区卫生健康委员会", "县级部门")


def test_a_department_of_a_one_character_county_named_once_by_its_full_name_is_the_author() -> None:
    report = _report("2023年度，洋县自然资源局共完成政府网站信息发布65条，其中工作动态42条。")
    assert (report.unit, report.unit_kind) == ("洋县自然资源局", "县级部门")


def test_a_department_named_after_we_or_all_of_the_county_is_no_author() -> None:
    report = _report("2023年，全县自然资源局系统主动公开信息65条，我县自然资源局共完成信息发布42条。")
    assert report.unit == ""


def test_a_department_that_received_the_years_requests_named_once_is_the_author() -> None:
    report = _report("2024年，台安县交通运输局收到和处理政府信息公开申请2件。")
    assert (report.unit, report.unit_kind) == ("台安县交通运输局", "县级部门")


def test_a_department_of_an_urban_area_named_in_passing_is_no_author() -> None:
    # 城区, 市区 are no county of one character: the report's own unit says 我局 and is not named
    assert _report("2024年，我局积极推进政务公开。6月，城区公安局在我局指导下开展业务培训。").unit == ""
    assert _report("2024年，本局收到申请2件；同时，市区自然资源局收到转办申请3件。").unit == ""
