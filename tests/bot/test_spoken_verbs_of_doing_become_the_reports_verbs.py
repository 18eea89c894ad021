"""搞了、弄了、做了、整了个 …: the spoken verbs of doing become the verb a report uses for what was done (开展了培训,
建立了台账, 开通了公众号, 开设了专栏, 成立了领导小组), only where the thing done says which; elsewhere the words stay
as typed and R17 shows them, without guessing a replacement."""

from __future__ import annotations

import pytest

from bot.drafting import draft_paragraph
from bot.drafting.wording import fact_items
from bot.report import empty_report, with_derived
from bot.rules import check_rules
from tests.bot.draft_samples import voice

SAID = [
    ("搞了培训", "已开展培训"),
    ("做了培训", "已开展培训"),
    ("弄了两次培训", "开展2次培训"),
    ("做了3期政策解读", "开展3期政策解读"),
    ("领导班子做了检查", "领导班子开展了检查"),
    ("整了个台账", "建立了台账"),
    ("整了一套信息发布审核制度", "建立了信息发布审核制度"),
    ("弄了个公众号", "开通了公众号"),
    ("搞了个政务公开专栏", "开设了政务公开专栏"),
    ("搞了个领导小组", "成立了领导小组"),
    ("弄了个宣传活动", "开展了宣传活动"),
    ("做了网站改版", "完成了网站改版"),
]
# where the verb is formal already, or the thing done does not say which verb a report would use
KEPT = ["做好了保密审查", "做到了政策解读全覆盖", "搞好政务公开工作", "搞了个东西"]


@pytest.mark.parametrize(("typed", "formal"), SAID)
def test_a_spoken_verb_of_doing_becomes_the_reports_verb(typed: str, formal: str) -> None:
    assert fact_items(typed) == [formal]


@pytest.mark.parametrize("typed", KEPT)
def test_a_verb_whose_meaning_is_not_certain_is_left_as_typed(typed: str) -> None:
    assert fact_items(typed) == [typed]


def test_the_drafted_paragraph_prints_no_spoken_verb() -> None:
    report = with_derived(empty_report("城关镇人民政府", "镇", 2025))
    notes = "；".join(typed for typed, _ in SAID)
    for part in ("active", "management", "platform", "oversight"):
        paragraph = draft_paragraph(part, notes, report, voice("城关镇人民政府", "镇", 2025))
        assert not any(word in paragraph for word in ("搞", "弄", "整了", "做了")), paragraph


def test_r17_shows_a_spoken_verb_it_cannot_replace_without_a_wrong_fix() -> None:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.text["s1.management"] = "我镇搞了个东西。"
    found = [f for f in check_rules(report, ("R17",)) if f.rule == "R17"]
    assert len(found) == 1 and found[0].fix is None


@pytest.mark.parametrize(("final", "fixed"), [
    ("我镇搞了个信息公开工作机制。", "我镇建立了信息公开工作机制。"),
    ("我镇弄了培训。", "我镇开展了培训。"),
    ("我镇搞了两次培训。", "我镇开展两次培训。"),
    ("我镇弄了宣传栏。", "我镇设置了宣传栏。"),
    ("我镇搞了网站改版。", "我镇完成了网站改版。"),
    ("网站弄了80条。", "网站发布80条。"),
])
def test_r17_fixes_a_spoken_verb_with_the_verb_the_drafting_writes(final: str, fixed: str) -> None:
    report = empty_report("城关镇人民政府", "镇", 2025)
    report.text["s1.management"] = final
    (finding,) = [f for f in check_rules(report, ("R17",)) if f.rule == "R17"]
    assert finding.fix is not None and finding.fix.apply(final) == fixed
