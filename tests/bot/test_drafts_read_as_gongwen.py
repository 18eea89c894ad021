"""Drafts read as 公文 (issue 9): complete sentences with the unit's own self-word, the facts woven in, half-width
digits, clean punctuation, nothing the clerk did not state or the tables do not show, and no two units alike."""

from __future__ import annotations

import re
from itertools import combinations

import pytest

from bot.drafting import draft_paragraph, fact_items
from bot.report import empty_report, with_derived
from bot.rules import check_report
from handlers.demo import DEMO_UNITS
from tests.bot.draft_samples import DEMO_FACTS, PARTS, demo_drafts, demo_report, numbers, seed_drafts, voice

SLOTS = {"summary": "s1.summary", "active": "s1.active", "on_request": "s1.on_request",
         "management": "s1.management", "platform": "s1.platform", "oversight": "s1.oversight",
         "problems": "s5.problems", "improvements": "s5.improvements", "other": "s6.other"}
KINDS = {u.name: u.kind for u in DEMO_UNITS}


@pytest.fixture(scope="module")
def drafts() -> dict[str, dict[str, str]]:
    return demo_drafts()


def test_ten_demo_units_with_different_facts_never_share_a_paragraph(drafts) -> None:
    assert len(drafts) == 10
    for part in PARTS:
        paragraphs = [d[part] for d in drafts.values()]
        same = [(a, b) for a, b in combinations(drafts, 2) if drafts[a][part] == drafts[b][part]]
        assert len(set(paragraphs)) == 10, (part, same)


@pytest.mark.parametrize(("a", "b"), [("城关镇人民政府", "柳河镇人民政府"), ("青山乡人民政府", "石桥乡人民政府"),
                                      ("示范县教育局", "示范县自然资源局")])
def test_two_units_with_the_same_facts_read_differently(a: str, b: str) -> None:
    facts, _ = DEMO_FACTS[a]
    facts = {**facts, "improvements": facts.get("problems", "")}
    report_a = demo_report(a, KINDS[a])
    report_b = report_a.copy()
    report_b.unit = b
    for part in PARTS:
        one = draft_paragraph(part, facts.get(part, ""), report_a, voice(a, KINDS[a], 2025), known=facts)
        two = draft_paragraph(part, facts.get(part, ""), report_b, voice(b, KINDS[b], 2025), known=facts)
        assert one != two, part


def test_every_draft_is_clean_prose_with_the_units_own_subject(drafts) -> None:
    for unit, parts in drafts.items():
        word = voice(unit, KINDS[unit], 2025).self_word
        for part, text in parts.items():
            assert text.endswith("。"), (unit, part, text)
            assert not re.search(r"[：，、；][。，；]|，，|：$|[０-９]", text), (unit, part, text)
            assert not re.search(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]", text), (unit, part, text)
            assert word in text, (unit, part, text)
            others = {w for w in ("我镇", "我乡", "我街道", "我局", "我县") if w != word}
            assert not any(w in text for w in others), (unit, part, text)


def test_every_number_is_among_the_facts_or_the_tables(drafts) -> None:
    for unit, parts in drafts.items():
        facts, cells = DEMO_FACTS[unit]
        report = demo_report(unit, KINDS[unit])
        allowed = {str(v) for v in report.cells.values()} | {n for f in facts.values() for n in numbers(
            "，".join(fact_items(f)))}
        for part, text in parts.items():
            assert set(numbers(text)) <= allowed, (unit, part, text)


def test_the_report_drafted_for_each_unit_passes_the_prose_checks(drafts) -> None:
    names = list(drafts)
    for unit, parts in drafts.items():
        report = demo_report(unit, KINDS[unit])
        report.text = {SLOTS[p]: t for p, t in parts.items()}
        report.text["preface"] = draft_paragraph("preface", "", report, voice(unit, KINDS[unit], 2025))
        findings = [f for f in check_report(report, other_units=[n for n in names if n != unit])
                    if f.rule in ("R9", "R10", "R11", "R12", "R13", "R14")]
        assert not findings, (unit, [f.message for f in findings])


def test_an_all_zero_year_reads_like_a_report() -> None:
    report = with_derived(empty_report("石桥乡人民政府", "乡", 2025))
    v = voice("石桥乡人民政府", "乡", 2025)
    texts = {part: draft_paragraph(part, "", report, v) for part in PARTS}
    assert "未收到政府信息公开申请" in texts["summary"] and "我乡" in texts["summary"]
    assert "未作出行政许可、行政处罚和行政强制决定" in texts["active"]
    assert all(len(t) >= 20 and t.count("。") >= 1 for t in texts.values()), texts
    assert not any(re.search(r"(?<![\d〔])0(?!\d)", t) for t in texts.values()), texts  # no “0件” form-speak


@pytest.mark.parametrize("junk", ["0", "1", "是", "重新草拟", "改成我乡", "删除 2", "用我的原文", "0 0 0"])
def test_what_states_nothing_never_reaches_the_draft(junk: str) -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    v = voice("青山乡人民政府", "乡", 2025)
    for part in ("active", "management", "platform", "oversight", "other"):
        assert draft_paragraph(part, junk, report, v) == draft_paragraph(part, "", report, v), (part, junk)
        assert draft_paragraph(part, ["运营公众号", junk], report, v) == draft_paragraph(part, "运营公众号", report, v)


def test_colloquial_notes_are_tidied_without_changing_their_meaning() -> None:
    assert fact_items("没培训") == ["未开展培训"]
    assert fact_items("还有公开栏") == ["公开栏"]
    assert fact_items("市长热线转办２９０件") == ["市长热线转办290件"]
    assert fact_items("搞了两次培训，发了30多条") == ["开展2次培训", "发布30余条"]
    assert fact_items("网站56条 公众号120条") == ["网站56条", "公众号120条"]
    assert fact_items(["我镇运营公众号", "运营公众号"]) == ["运营公众号"]


def test_notes_joined_by_the_dialog_are_told_apart_and_lists_kept_whole() -> None:
    assert fact_items("网站56条、还有公开栏") == ["网站56条", "公开栏"]
    assert fact_items("政府网站56条、公众号120条、重点公开财政预决算、惠民补贴") == [
        "政府网站56条", "公众号120条", "重点公开财政预决算、惠民补贴"]
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    text = draft_paragraph("active", "网站５６条、还有公开栏", report, voice("城关镇人民政府", "镇", 2025))
    assert "网站发布信息56条" in text and "通过公开栏" in text and "还有" not in text


def test_facts_are_woven_in_not_listed_after_a_colon() -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    v = voice("城关镇人民政府", "镇", 2025)
    text = draft_paragraph("s1.active", ["政府网站56条", "公众号120条", "重点公开财政预决算"], report, v)
    assert "：" not in text and re.search(r"(通过|在)政府网站发布信息56条，\1微信公众号发布信息120条", text) and "财政预决算" in text
    management = draft_paragraph("s1.management", "修订了信息发布审核制度", report, v)
    assert "保密审查" not in management  # nothing the clerk did not name
    improvements = draft_paragraph("s5.improvements", "公开时效性不高 群众关注度较低 改进：提高时效性", report, v)
    assert "提高时效性" in improvements and "改进：" not in improvements and "时效性不高" not in improvements


def test_the_seeds_figures_draft_into_checked_prose() -> None:
    for name, parts in seed_drafts().items():
        for part, text in parts.items():
            assert text.endswith("。") and "：。" not in text, (name, part, text)


def test_a_count_names_what_was_counted_and_a_platform_note_gets_a_verb(drafts) -> None:
    """发布200余条 says nothing (发布信息200余条); 县政务新媒体矩阵 alone is a fragment (建设县政务新媒体矩阵)."""
    for unit, parts in drafts.items():
        assert not re.search(r"(?:发布|推送|上传)\d+(?:余)?[条篇]", parts["active"]), (unit, parts["active"])
    assert "建设县政务新媒体矩阵" in drafts["示范县人民政府"]["platform"]


@pytest.mark.parametrize(("fact", "said", "never"), [
    ("网站发布政策文件30条", "网站发布政策文件30条", "发布政策文件发布信息"),
    ("网站公开财政预算信息5条", "网站公开财政预算信息5条", "信息发布信息"),
    ("政府网站信息公开专栏56条", "政府网站信息公开专栏发布信息56条", "公开专栏56条"),
])
def test_a_count_with_its_own_verb_and_object_keeps_them_once(fact: str, said: str, never: str) -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("active", fact, report, voice("青山乡人民政府", "乡", 2025))
    assert said in text and never not in text, text


@pytest.mark.parametrize(("points", "said"), [
    ("信息更新不及时 改进：专人每周更新", "安排专人每周更新"),
    ("信息更新不及时 改进：明确专人每周更新", "明确专人每周更新"),
])
def test_an_improvement_typed_as_a_state_reads_as_a_plan(points: str, said: str) -> None:
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    text = draft_paragraph("s5.improvements", points, report, voice("青山乡人民政府", "乡", 2025))
    assert said in text and "切实专人" not in text and "将专人" not in text, text


@pytest.mark.parametrize("notes", ["人少，更新慢、明年要加强", "人少，更新慢；改进：进一步改进"])
def test_a_plan_that_names_no_work_leaves_no_verb_hanging(notes):
    text = draft_paragraph("s5.improvements", [notes], with_derived(empty_report("东城街道办事处", "街道", 2025)),
                           voice("东城街道办事处", "街道", 2025))
    assert "人员较少" in text and not re.search(r"将(?:加强|改进)[，。]", text), text  # 人少, in a report's words


def test_spoken_notes_come_out_in_report_wording():
    report = with_derived(empty_report("东城街道办事处", "街道", 2025))
    v = voice("东城街道办事处", "街道", 2025)
    oversight = draft_paragraph("s1.oversight", ["培训搞了一次 没追责"], report, v)
    assert "开展培训1次" in oversight or "培训1次" in oversight and "培训开展" not in oversight, oversight
    management = draft_paragraph("s1.management", ["按规定走的 先审查再发 没出过问题"], report, v)
    assert "“先审查、后公开”" in management and "再发" not in management and "未出现问题" in management
    active = draft_paragraph("s1.active", ["公众号的话大概两百条"], report, v)
    assert "公众号发布信息约200条" in active, active
