"""R13 looks for another unit's name in a report's text (a paragraph pasted from elsewhere). Two real reports named
only themselves and were told otherwise: 大坡乡's account is “融安县大坡乡”微信公众号 — its own name after its
county's —, and 丰泽区卫健局 积极参加区政府组织的…培训 — its own district's government, read as a place 积极参加区."""

from __future__ import annotations

from bot.report import empty_report
from bot.rules import check_report


def _r13(unit: str, kind: str, slot: str, text: str) -> list:
    report = empty_report(unit, kind, 2024, fill=None)
    report.text[slot] = text
    return [f for f in check_report(report) if f.rule == "R13"]


def test_an_account_named_with_the_county_before_the_townships_own_name_is_its_own() -> None:
    text = "全年累计主动公开政府信息162条,通过“融安县大坡乡”微信公众号发布信息293篇。"
    assert _r13("大坡乡人民政府", "乡", "s1.active", text) == []


def test_an_account_of_another_township_in_the_county_is_still_found() -> None:
    text = "全年累计主动公开政府信息162条,通过“融安县长安镇”微信公众号发布信息293篇。"
    assert len(_r13("大坡乡人民政府", "乡", "s1.active", text)) == 1


def test_a_training_of_the_district_government_taken_part_in_names_no_other_place() -> None:
    text = "积极参加区政府组织的政府信息公开工作培训,加强局属单位信息公开工作监督。"
    assert _r13("丰泽区卫健局", "县级部门", "s1.oversight", text) == []
