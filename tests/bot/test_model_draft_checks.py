"""A model's draft is shown only if it is held to the numbers (issue 9): every number among the facts or the tables,
no other unit, no other year, the unit's own self-word, the facts it claims to use exist, within the length."""

from __future__ import annotations

import json

import pytest

from bot.drafting import ModelDraft, check_model_draft, model_facts, model_messages, parse_model_reply
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

UNIT = "城关镇人民政府"
FACTS = model_facts("active", "政府网站信息公开专栏 56 条，政务公众号 120 条；重点公开财政预决算")
GOOD = "2025年，我镇通过政府网站信息公开专栏发布信息56条、政务公众号发布信息120条，重点公开财政预决算等信息。"


def _report():
    report = empty_report(UNIT, "镇", 2025)
    report.cells["t2.license"] = 12
    return with_derived(report)


def _problems(text: str, used: tuple[int, ...] = (1, 2, 3), part: str = "active") -> list[str]:
    return check_model_draft(ModelDraft(text, used), part, FACTS, _report(), voice(UNIT, "镇", 2025),
                             other_units=("青山乡人民政府", "东城街道办事处"))


def test_a_draft_held_to_the_facts_passes() -> None:
    assert _problems(GOOD) == []
    assert _problems(GOOD.replace("。", "，全年作出行政许可决定12件。")) == []  # a table figure


@pytest.mark.parametrize(("text", "problem"), [
    (GOOD.replace("56条", "65条"), "numbers not among the facts"),
    (GOOD + "全年累计发布信息9999条。", "numbers not among the facts"),
    (GOOD.replace("2025年", "2024年"), "another year"),
    (GOOD.replace("我镇", "我乡"), "self-word"),
    (GOOD + "青山乡开展了联合公开。", "names another unit"),
    (GOOD * 8, "too long"),
    ("", "empty"),
])
def test_a_draft_that_breaks_a_check_is_rejected(text: str, problem: str) -> None:
    assert any(problem in p for p in _problems(text)), _problems(text)


def test_facts_the_model_claims_must_exist_and_be_claimed() -> None:
    assert any("do not exist" in p for p in _problems(GOOD, used=(1, 7)))
    assert any("facts_used is empty" in p for p in _problems(GOOD, used=()))


def test_improvements_may_name_next_year_and_nothing_else() -> None:
    facts = model_facts("improvements", "更新慢；改进：2026年起每周更新")
    report, v = _report(), voice(UNIT, "镇", 2025)
    assert facts == ["2026年起每周更新"]
    assert check_model_draft(ModelDraft("下一步，我镇将从2026年起每周更新。", (1,)), "improvements", facts, report, v) == []


def test_the_model_is_asked_for_json_with_the_facts_numbered_and_the_figures_named() -> None:
    system, user = model_messages("active", FACTS, _report(), voice(UNIT, "镇", 2025))
    assert "JSON" in system["content"] and "我镇" in system["content"] and "不得增加" in system["content"]
    assert "1. 政府网站信息公开专栏56条" in user["content"] and "行政许可" in user["content"] and "12" in user["content"]


def test_a_reply_is_read_from_json_even_inside_a_fence() -> None:
    body = json.dumps({"draft": GOOD, "facts_used": [1, 2]}, ensure_ascii=False)
    assert parse_model_reply(f"```json\n{body}\n```") == ModelDraft(GOOD, (1, 2))
    assert parse_model_reply("我镇全年…") is None
    assert parse_model_reply('{"draft": 3}') is None


def test_a_draft_naming_a_zone_of_the_area_by_its_short_name_is_rejected() -> None:
    text = GOOD + "配合舒城经开区做好征迁信息公开。"
    problems = check_model_draft(ModelDraft(text, (1, 2, 3)), "active", FACTS, _report(), voice(UNIT, "镇", 2025),
                                 other_units=("舒城经济开发区管理委员会",))
    assert any("names another unit" in p for p in problems), problems
