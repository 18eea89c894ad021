"""A paragraph a clerk pastes from another unit's report (“2023年，城关镇坚持…”) is checked as a whole: R13 flags any
乡、镇 or 街道 that is not this unit named as the one who acts — known to the area's list or not — and R11 the year of
an older report; the other township never reaches the notes or the draft."""

from __future__ import annotations

import pytest

from bot.report import Report
from bot.rules import check_report

from .test_dialog_prose import at, reply

PASTED = ("2023年，城关镇坚持把政府网站作为政务公开第一平台，及时更新网站信息，全年在网站发布信息120条。同时，城关镇"
          "加强政务新媒体管理，通过政务公众号发布信息80条。")


def r13(text: str, unit: str = "青山乡人民政府", kind: str = "乡") -> list[tuple[str, str]]:
    report = Report(unit, kind, 2025, text={"s1.summary": text})
    found = [f for f in check_report(report) if f.rule == "R13"]
    return [(f.message, "".join(edit[2] for edit in f.fix.edits) if f.fix else "") for f in found]


@pytest.mark.parametrize(("text", "name"), [
    ("2023年，城关镇坚持以人民为中心，认真贯彻落实《条例》。", "城关镇"),
    ("同时，石桥乡加强政务新媒体管理。", "石桥乡"),
    ("一年来城关镇坚持公开为常态。", "城关镇"),
    ("2023年度，东城街道办事处认真落实上级部署。", "东城街道"),
    ("白云镇人民政府高度重视政务公开工作。", "白云镇"),
    ("2025年，示范县城关镇人民政府持续将政务公开作为重点工作。", "示范县城关镇"),
])
def test_another_township_acting_is_flagged_though_the_area_does_not_list_it(text: str, name: str) -> None:
    found = r13(text)
    assert len(found) == 1 and f"“{name}”" in found[0][0] and found[0][1] == "我乡", found


@pytest.mark.parametrize("text", [
    "青山乡坚持公开为常态。",  # its own name
    "青山乡人民政府高度重视。",
    "我乡坚持公开为常态。",
    "各乡镇积极开展工作。",
    "城乡一体化深入推进。",
    "美丽乡村建设持续推进。",
    "特色小镇坚持特色发展。",
    "在城关镇政务服务中心设置查阅点。",  # named, but not acting: left to the area's list
    "促使我乡政务公开工作朝规范化方向发展。",
    "不断提高业务能力，扎实推进街道政府信息公开工作。",  # a verb and 街道: the unit's own work, no township
    "同时，进一步加强街道政务公开队伍建设。",
    "本报告依据条例要求，由青山乡人民政府结合工作实际编制。",  # made by the unit itself
    "2025年，示范县青山乡人民政府持续将政务公开作为重点工作。",  # itself, its county before its name
])
def test_what_is_not_another_township_acting(text: str) -> None:
    assert r13(text) == []


def test_a_bureau_that_pastes_a_townships_paragraph_is_flagged() -> None:
    assert len(r13("2023年，城关镇坚持公开。", "示范县教育局", "县级部门")) == 1


def test_a_county_government_may_speak_of_its_townships() -> None:
    assert r13("城关镇开展政务公开标准化试点。", "示范县人民政府", "县级政府") == []


def test_a_pasted_paragraph_sent_as_facts_is_checked_as_a_whole() -> None:
    chat = at("1.5")
    chat.send(PASTED)
    said = reply(chat)
    assert "经检查有以下问题" in said and "“城关镇”" in said and "2023年" in said, said
    draft = said.split("草拟如下：")[1]
    assert "城关镇" not in draft and "2023" not in draft and "发布信息120条" in draft, draft
    assert "未记入" not in said  # the year and 同时 before the notes go without a word
    chat.send("1")
    assert "城关镇" not in chat.report.text["s1.platform"]


def test_a_pasted_paragraph_offered_as_the_clerks_own_is_corrected() -> None:
    chat = at("1.5")
    chat.send("网站")
    chat.send("用我的原文：" + PASTED)
    said = reply(chat)
    assert "“城关镇”" in said, said
    chat.send("1")
    text = chat.report.text["s1.platform"]
    assert "城关镇" not in text and "我乡坚持把政府网站" in text, text


def test_a_report_said_to_be_made_by_another_township_is_flagged() -> None:
    found = r13("本报告依据条例要求，由城关镇人民政府结合工作实际编制。")
    assert len(found) == 1 and "“城关镇”" in found[0][0], found
