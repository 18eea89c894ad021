"""A development zone's 管理委员会 (经济技术开发区、高新区、工业园区 …) files its report under a county as a kind of its
own, 开发区: its name tells the kind, its prose says 我区 as published zones' reports do (舒城经济开发区 2025:
「我区持续健全依申请公开办理工作机制」) — never 我委 for its 管理委员会, nor a township's 我镇 — it makes no 规章, and, no
人民政府 itself, it is not asked for the 考核、评议、责任追究 results the format asks of one."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.drafting import draft_paragraph, self_word, voice_of
from bot.importers import import_bytes
from bot.report import Report, empty_report, with_derived
from bot.rules import check_report
from bot.units import UNIT_KINDS, core_name, guess_unit_kind, self_word_of

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat

ZONE = "舒城经济开发区管理委员会"
ZERO_TABLES = ("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
OTHER_SELF_WORDS = ("我委", "我镇", "我乡", "我街道", "我县", "我局")


@pytest.mark.parametrize("name", [
    "舒城经济开发区管理委员会", "舒城经济开发区管委会", "舒城经济开发区", "番禺经济技术开发区管委会",
    "武昌经开区管委会", "合肥高新区管委会", "合肥高新区", "苏州工业园区管理委员会", "两江新区管理委员会",
])
def test_a_zones_name_tells_its_kind(name: str) -> None:
    assert guess_unit_kind(name) == "开发区"
    assert self_word_of(UNIT_KINDS["开发区"], name) == "我区"


@pytest.mark.parametrize(("name", "kind"), [
    ("浦东新区", None),  # 新区 by itself may be a district's government
    ("示范县发展和改革委员会", None),  # a committee of no zone
    ("示范县城市管理委员会", None),
    ("示范县城关镇人民政府", "镇"),
])
def test_a_name_of_no_zone_is_no_zone(name: str, kind: str | None) -> None:
    assert guess_unit_kind(name) == kind


def test_a_zones_core_is_its_whole_name_not_its_committee() -> None:
    assert core_name("舒城县经济开发区管委会") == "舒城县经济开发区"
    assert core_name("舒城经济开发区管理委员会") == "舒城经济开发区"


def test_the_kind_is_no_peoples_government_and_makes_no_regulations() -> None:
    kind = UNIT_KINDS["开发区"]
    assert (kind.self_word, kind.makes_regulations, kind.people_government) == ("我区", False, False)


@pytest.mark.parametrize("part", ["management", "platform", "oversight"])
def test_a_zones_drafts_say_wo_qu(part: str) -> None:
    report = with_derived(empty_report(ZONE, "开发区", 2025))
    assert self_word(report) == "我区"
    text = draft_paragraph(part, "修订了保密审查办法", report, voice_of(report))
    assert "我区" in text and not any(w in text for w in OTHER_SELF_WORDS), text


def _zone_chat() -> Chat:
    return Chat(DialogContext(user_name="张三", unit=ZONE, unit_kind="开发区", year=2025))


def test_a_zones_conversation_drafts_every_part_as_wo_qu_and_hands_in_without_a_governments_results() -> None:
    chat = _zone_chat()
    oversight = PROSE_ALL_DEFAULT.index("培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")
    chat.say_all("你好", *ZERO_TABLES, *PROSE_ALL_DEFAULT[:oversight], "培训 2 次",
                 *PROSE_ALL_DEFAULT[oversight + 1:])
    assert "全部题目已填写完毕" in chat.last.replies[0].text
    prose = "\n".join(chat.report.text.values())
    assert "我区" in prose
    assert not any(w in prose for w in OTHER_SELF_WORDS), prose
    reply = chat.send("提交")
    assert "尚未写明" not in reply and "submitted" in chat.last.events, reply


def test_a_clerks_wo_zhen_in_a_zones_notes_becomes_wo_qu() -> None:
    chat = _zone_chat()
    chat.say_all("你好", *ZERO_TABLES, "1", "我镇政府网站信息公开专栏 56 条", "1")
    text = chat.report.text["s1.active"]
    assert "我区" in text and "我镇" not in text, text


def _imported(title: str, signature: str = "") -> Report:
    text = "\n".join([
        title,
        "本报告依据《中华人民共和国政府信息公开条例》要求，结合开发区管委会信息公开工作有关统计数据撰写。",
        "一、总体情况", "（一）主动公开情况",
        "2025年，舒城经济开发区深入贯彻省、市、区关于政务公开的各项文件部署，全年主动公开信息113条。",
        "（二）依申请公开",
        "2025年，我区持续健全依申请公开办理工作机制。2025年度，我区未收到信息公开申请。",
        "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况", "存在的问题是公开不够及时。", "六、其他需要报告的事项", "本年度未收取信息处理费。",
        *([signature] if signature else []),
    ])
    return import_bytes(text.encode("utf-8"), "report.txt").report


@pytest.mark.parametrize(("title", "signature", "unit"), [
    ("舒城经济开发区2025年政府信息公开工作年度报告", "", "舒城经济开发区"),
    ("舒城经济开发区管委会2025年政府信息公开工作年度报告", "", "舒城经济开发区管委会"),
    ("2025年政府信息公开工作年度报告", "舒城经济开发区管理委员会", "舒城经济开发区管理委员会"),
])
def test_a_report_authored_by_a_zone_is_imported_as_a_zones(title: str, signature: str, unit: str) -> None:
    report = _imported(title, signature)
    assert (report.unit, report.unit_kind) == (unit, "开发区")


AREA = ("舒城县杭埠镇人民政府", "舒城县千人桥镇人民政府", ZONE, "舒城县教育局")


def _r13(text: str, unit: str = ZONE, kind: str = "开发区") -> list:
    report = Report(unit, kind, 2025, text={"s1.summary": text})
    return [f for f in check_report(report, other_units=AREA, area="舒城县") if f.rule == "R13"]


def test_a_zone_naming_itself_and_saying_wo_qu_has_no_r13_finding() -> None:
    text = ("2025年，舒城经济开发区深入贯彻政务公开各项部署。我区持续健全依申请公开办理工作机制，"
            "舒城经济开发区管理委员会门户网站专栏发布信息113条。")
    assert _r13(text) == []


def test_a_zone_speaking_of_a_town_it_administers_has_no_r13_finding() -> None:
    text = "2025年，我区持续推进政务公开。同时，桃溪镇扎实推进征迁信息公开。"
    assert _r13(text) == []
    assert len(_r13(text.replace("我区", "我镇"), unit="舒城县杭埠镇人民政府", kind="镇")) == 1  # a town's pasted text


def test_a_zones_slip_to_wo_zhen_is_fixed_to_wo_qu_not_wo_wei() -> None:
    [found] = _r13("2025年，我镇持续健全依申请公开办理工作机制。")
    assert "开发区" in found.message and "“我区”" in found.message, found.message
    assert found.fix is not None
    assert found.fix.apply("2025年，我镇持续健全依申请公开办理工作机制。") == "2025年，我区持续健全依申请公开办理工作机制。"


def test_a_township_that_names_the_zones_committee_is_told_so() -> None:
    found = _r13("配合舒城经济开发区管理委员会做好征迁信息公开。", unit="舒城县杭埠镇人民政府", kind="镇")
    assert len(found) == 1 and "“舒城经济开发区管理委员会”" in found[0].message


def test_a_zone_reporting_regulations_is_told_it_makes_none() -> None:
    report = with_derived(empty_report("舒城经济开发区", "", 2025))  # the kind from the name
    report.cells["t2.regulations.issued"] = 1
    [found] = [f for f in check_report(with_derived(report)) if f.rule == "R7"]
    assert "本单位为开发区，不制定规章" in found.message, found.message


def test_a_zones_wo_wei_is_told_to_say_wo_qu_as_a_townships_wo_ju_is() -> None:
    # 巫溪工业园区管委会 2025 (published): 「二是保障公开质效。我委严格落实“三审三校”制度」
    text = "二是保障公开质效。我委严格落实“三审三校”制度，确保公开信息依法、及时、全面、准确。"
    [found] = _r13(text)
    assert found.level == "warning"
    assert "本单位为开发区，正文应自称“我区”" in found.message and "写了“我委”" in found.message, found.message
    assert found.fix is not None and found.fix.apply(text) == text.replace("我委", "我区")


def test_a_zones_wo_wei_tuo_or_wei_yuan_hui_is_no_self_word_and_a_bureaus_wo_wei_stays_right() -> None:
    assert _r13("我委托第三方机构开展政务公开评估。") == []
    assert _r13("我委员会严格落实保密审查制度。") == []  # no fix can be offered: 我区员会 is no word
    assert _r13("2025年，我委严格落实保密审查制度。", unit="示范县卫生健康委员会", kind="县级部门") == []


def test_a_townships_wo_wei_is_not_told_what_a_zone_is() -> None:
    # a 镇's slips are its own list (我乡, 我街道, 我单位, 我局); 我委 was never among them and is not now
    assert _r13("2025年，我委严格落实保密审查制度。", unit="舒城县杭埠镇人民政府", kind="镇") == []
