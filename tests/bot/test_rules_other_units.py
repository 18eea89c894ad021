"""R13 (issue 8, issue 10): other units of the area by any of their names, other counties' governments, a bureau's
self-word in a township's report — found by one scan per text, whatever the size of the area."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import AreaNames, check_report
from bot.rules.names import area_names, name_forms, places_of

LONGTING = ("龙亭区柳园口乡人民政府", "龙亭区城关镇", "龙亭区北道门街道", "龙亭区水稻乡", "龙亭区黄河路街道",
            "龙亭区教育局")


def r13(unit: str, kind: str, text: str, others: object = (), area: str = "") -> list[str]:
    report = Report(unit, kind, 2025, text={"s1.summary": text})
    return [f.message for f in check_report(report, other_units=others, area=area) if f.rule == "R13"]


def test_a_township_named_by_its_short_name() -> None:
    found = r13("龙亭区城关镇", "镇", "2025年，柳园口乡坚持以人民为中心，聚焦全乡重点工作。", LONGTING)
    assert len(found) == 1 and "“柳园口乡”" in found[0]


@pytest.mark.parametrize(("text", "form"), [
    ("北道门办事处持续推进政务公开。", "北道门办事处"),
    ("水稻乡人民政府网站发布信息12条。", "水稻乡"),
    ("龙亭区水稻乡扎实开展工作。", "龙亭区水稻乡"),
    ("在柳园口镇政务服务中心设置查阅点。", "柳园口镇"),
])
def test_other_forms_of_a_name(text: str, form: str) -> None:
    found = r13("龙亭区城关镇", "镇", text, LONGTING)
    assert len(found) == 1 and f"“{form}”" in found[0]


@pytest.mark.parametrize("text", [
    "黄河路沿线设置公开栏3处。",  # the bare core of 黄河路街道 is also a road
    "配合教育局做好信息发布。",  # a bureau only by its full name
    "我镇城关镇政务公开工作稳步推进。",  # its own name
    "城关镇人民政府网站发布信息。",
])
def test_what_is_not_another_units_name(text: str) -> None:
    assert r13("龙亭区城关镇", "镇", text, LONGTING) == []


def test_its_own_unit_listed_under_another_spelling() -> None:
    assert r13("龙亭区柳园口乡", "乡", "柳园口乡人民政府高度重视。", LONGTING) == []


@pytest.mark.parametrize(("unit", "area", "text", "place"), [
    ("延津县塔铺街道", "", "依托郸城县人民政府网站发布信息。", "郸城县"),
    ("胡集乡", "延津县", "通过郸城县政府门户网站公开。", "郸城县"),
    ("沙河市册井镇人民政府", "", "在西华县人民政府信息公开专栏发布。", "西华县"),
    ("禹王台区汪屯乡", "开封市禹王台区", "登录郑州市人民政府网站查询。", "郑州市"),
    ("麻阳苗族自治县板栗树乡", "", "通过芷江县政府门户网站发布信息。", "芷江县"),
])
def test_another_countys_government_as_its_own(unit: str, area: str, text: str, place: str) -> None:
    found = r13(unit, "", text, area=area)
    assert len(found) == 1 and f"“{place}”的人民政府" in found[0]


@pytest.mark.parametrize(("unit", "area", "text"), [
    ("延津县塔铺街道", "", "依托延津县人民政府网站发布信息。"),
    ("塔铺街道", "延津县", "依托延津县人民政府网站发布信息。"),
    ("龙亭区柳园口乡", "龙亭区", "按照开封市人民政府要求开展工作。"),  # its city, though no name says so
    ("胡集乡", "", "依托郸城县人民政府网站发布信息。"),  # its county unknown: nothing said
    ("延津县塔铺街道", "", "依托县政府门户网站和本县人民政府公众号发布信息。"),
    ("延津县塔铺街道", "", "依托XX县人民政府网站发布信息。"),  # a placeholder (R14), not a county
    ("杭州市西湖区转塘街道", "", "在西湖区人民政府网站公开信息。"),  # 杭州市, not 杭州 then 市西湖区
    ("南通市通州区兴东街道", "", "在通州区人民政府网站公开信息。"),  # 通州区, not 通州
    ("麻阳苗族自治县板栗树乡", "", "通过麻阳县政府门户网站发布信息。"),  # an autonomous county's short name
    ("恭城瑶族自治县莲花镇", "", "通过恭城县人民政府网站发布信息。"),
    # the party committee named with the government of the same level: 县委县政府 is no county called 县委县
    ("桃源县石门乡", "", "在县委县政府的正确领导下，扎实推进政务公开。"),
    ("杭州市西湖区转塘街道", "", "按照区委、区政府工作部署，及时公开信息。"),
    ("南通市通州区兴东街道", "", "坚决落实市委市政府决策部署。"),
])
def test_its_own_county_and_what_cannot_be_told(unit: str, area: str, text: str) -> None:
    assert r13(unit, "", text, area=area) == []


def test_the_area_names_tell_the_county() -> None:
    found = r13("城关镇", "镇", "依托郸城县人民政府网站发布信息。", LONGTING)
    assert len(found) == 1 and "本单位属于龙亭区" in found[0]


@pytest.mark.parametrize(("kind", "text", "flagged"), [
    ("乡", "我单位高度重视政务公开。", True),
    ("镇", "我局将进一步加强培训。", True),
    ("街道", "我街道高度重视政务公开。", False),
    ("县级部门", "我单位高度重视政务公开。", False),
])
def test_a_bureaus_self_word_in_a_townships_report(kind: str, text: str, flagged: bool) -> None:
    assert bool(r13("某某单位", kind, text)) == flagged


def test_the_matcher_is_built_once_per_area() -> None:
    area = AreaNames(LONGTING)
    assert area_names(area) is area
    assert area_names(list(LONGTING)) is area_names(list(LONGTING))  # a plain list: compiled once, then kept
    assert r13("龙亭区城关镇", "镇", "柳园口乡坚持…", area) == r13("龙亭区城关镇", "镇", "柳园口乡坚持…", LONGTING)


def test_forms_and_places() -> None:
    assert places_of("开封市龙亭区柳园口乡") == ("开封市", "龙亭区")
    assert places_of("胡集乡") == ()
    assert places_of("南通市通州区兴东街道") == ("南通市", "通州区")
    assert places_of("杭州市西湖区转塘街道") == ("杭州市", "西湖区")
    assert {"龙亭区柳园口乡", "柳园口乡", "柳园口镇"} <= set(name_forms("龙亭区柳园口乡人民政府"))
    assert "柳园口" not in name_forms("龙亭区柳园口乡人民政府")
    assert name_forms("龙亭区教育局") == ("龙亭区教育局",)
