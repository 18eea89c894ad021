"""A report titled only 政府信息公开工作年度报告, its unit on the line below (武昌经开区管委会(滨江商务区管委会), then the
date): the unit is that line's name, without the alias in brackets, and the year comes from the prose. A development
zone is no county: naming its district's government (在武昌区政府外网公开) is no other place's text. A bare title with
no unit line under it names nothing."""

from __future__ import annotations

from bot.checking import check_imported
from bot.importers import import_bytes
from bot.rules.names import places_of

BODY = ("一、总体情况\n2025年，管委会深入贯彻落实条例，在武昌区政府外网主动公开机构职能等信息。\n二、主动公开政府信息情况\n"
        "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
        "公开内容还不够丰富。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n")


def _import(head: str):
    return import_bytes((head + BODY).encode("utf-8"), "report.txt")


def test_the_unit_on_the_line_below_a_bare_title_is_the_author() -> None:
    report = _import("政府信息公开工作年度报告\n武昌经开区管委会(滨江商务区管委会)\n2026年1月8日\n").report
    assert (report.unit, report.year) == ("武昌经开区管委会", 2025)


def test_a_zone_naming_its_districts_government_is_not_told_it_copied_another_place() -> None:
    imported = _import("政府信息公开工作年度报告\n武昌经开区管委会(滨江商务区管委会)\n2026年1月8日\n")
    assert not [f.message for f in check_imported(imported) if f.rule == "R13"]


def test_a_bare_title_over_a_sentence_names_no_unit() -> None:
    report = _import("政府信息公开工作年度报告\n根据条例规定，编制本报告。\n").report
    assert report.unit == ""


def test_a_development_zone_is_no_place_of_its_own_but_its_city_is() -> None:
    assert places_of("武昌经开区管委会") == ()
    assert places_of("湛江市经开区管委会") == ("湛江市",)
    assert places_of("开封市龙亭区柳园口乡") == ("开封市", "龙亭区")
