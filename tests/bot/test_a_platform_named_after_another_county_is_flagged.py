"""A platform named after another place — a county's media app (云上延津, 掌上长垣) or account (“延津县发布”公众号) —
in the report of a unit that is not of that place is flagged by R13, as an account named after another township is:
text copied from that county's report. No replacement is guessed (the clerk knows which platform is the unit's); the
unit's own county's platforms, a service named after the brand (掌上办事) and a unit whose county is unknown are not
flagged."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.report import Report
from bot.rules import check_report

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat

AREA = ("示范县城关镇人民政府", "示范县青山乡人民政府", "示范县东城街道办事处", "示范县教育局")


def r13(text: str, unit: str = "示范县青山乡人民政府", others: object = AREA, area: str = "") -> list:
    report = Report(unit, "乡", 2025, text={"s1.platform": text})
    return [f for f in check_report(report, other_units=others, area=area) if f.rule == "R13"]


@pytest.mark.parametrize(("text", "platform", "place"), [
    ("依托“云上延津”客户端发布信息12条。", "云上延津", "延津"),
    ("通过云上延津APP发布信息。", "云上延津", "延津"),
    ("在掌上长垣发布信息。", "掌上长垣", "长垣"),
    ("通过“延津县发布”公众号转发信息。", "延津县发布", "延津县"),
    ("通过西华县融媒公众号发布信息。", "西华县融媒", "西华县"),
])
def test_a_platform_named_after_another_county_is_flagged(text: str, platform: str, place: str) -> None:
    found = r13(text)
    assert len(found) == 1, [f.message for f in found]
    assert f"“{platform}”以其他地方（{place}）命名" in found[0].message and "本单位属于示范县" in found[0].message
    assert found[0].fix is None


@pytest.mark.parametrize(("text", "unit", "place"), [
    ("通过“渝北区发布”公众号转发信息。", "北碚区卫生健康委员会", "渝北区"),  # 北 opens 北碚 but ends 渝北
    ("通过“巴南区发布”公众号转发信息。", "南岸区卫生健康委员会", "巴南区"),
    ("通过“江宁区发布”公众号转发信息。", "宁河区卫生健康委员会", "江宁区"),
    ("通过“健康长宁区”公众号发布信息。", "长寿区卫生健康委员会", "健康长宁区"),
    ("通过“石景山区发布”公众号转发信息。", "山亭区卫生健康委员会", "石景山区"),  # 山 opens 山亭 but ends 石景山
])
def test_a_district_whose_name_ends_where_the_units_begins_is_another_place(text: str, unit: str, place: str) -> None:
    found = r13(text, unit=unit, others=())
    assert len(found) == 1 and f"以其他地方（{place}）命名" in found[0].message, [f.message for f in found]


def test_the_area_tells_the_county_when_the_name_does_not() -> None:
    found = r13("依托“云上延津”客户端发布信息。", unit="柳园口乡", others=(), area="龙亭区")
    assert len(found) == 1 and "本单位属于龙亭区" in found[0].message


@pytest.mark.parametrize(("text", "unit"), [
    ("依托“云上示范”客户端发布信息。", "示范县青山乡人民政府"),  # its own county's
    ("通过“示范县发布”公众号转发信息。", "示范县青山乡人民政府"),
    ("依托“云上延津”客户端发布信息。", "延津县塔铺街道"),
    ("依托“云上延津”客户端发布信息。", "胡集乡"),  # its county unknown: nothing said
    ("通过掌上办事平台办理事项。", "示范县青山乡人民政府"),  # a service, not a place
    ("云上会议系统投入使用。", "示范县青山乡人民政府"),
    ("依托县融媒公众号和本县发布公众号转发信息。", "示范县青山乡人民政府"),
    ("大力推广“健康沙区”公众号。", "沙坪坝区卫生健康委员会"),  # 沙区: its own district called short
])
def test_what_is_no_platform_of_another_place(text: str, unit: str) -> None:
    found = r13(text, unit=unit, others=AREA if unit.startswith("示范县") else ())
    assert found == [], [f.message for f in found]


@pytest.mark.parametrize(("unit", "others", "area"), [
    ("示范县青山乡人民政府", AREA, ""),
    ("青山乡人民政府", ("城关镇人民政府", "青山乡人民政府", "东城街道办事处"), "示范县"),  # the county from the area
])
def test_another_countys_app_told_as_a_note_is_flagged_in_the_dialog(unit: str, others: tuple, area: str) -> None:
    chat = Chat(DialogContext(user_name="李华", unit=unit, unit_kind="乡", year=2025, other_units=others, area=area))
    chat.say_all("开始", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.5】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    said = chat.send("依托云上延津客户端发布信息")
    assert "“云上延津”以其他地方（延津）命名" in said, said
