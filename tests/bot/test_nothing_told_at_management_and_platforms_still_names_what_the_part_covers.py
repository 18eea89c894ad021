"""无 at 1.4 (政府信息管理) and 1.5 (平台建设): the default paragraph names what the format declares the part is about
(its aliases and signals: 发布审核、保密审查; 政府网站、政务新媒体), so the product's own completeness check finds it by its
meaning rather than giving it the benefit of the doubt; it reads as a 乡/镇/街道 works (基层政务公开标准化规范化) or as a
department does (公开属性 at the source), and claims nothing the clerk did not give: no count, no platform it runs."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.formats import GOV2021
from bot.report import empty_report, with_derived
from bot.rules import check_report
from tests.bot.draft_samples import voice

from .test_dialog_prose import at

PARTS = {"management": "s1.management", "platform": "s1.platform"}
# a count, or a platform run or opened: what only the clerk can tell
CLAIMED = re.compile(r"\d|公众号|微博|抖音|视频号|客户端|门户网站|公开栏|专栏|查阅|开通|开设|运营|建成|上线|设置|已开展|开展了")
TOWNSHIPS = [("青山乡人民政府", "乡"), ("城关镇人民政府", "镇"), ("东城街道办事处", "街道")]
OTHERS = [("示范县教育局", "县级部门"), ("示范县人民政府", "县级政府")]


def _default(drafter: str, unit: str, kind: str, variant: int) -> str:
    report = with_derived(empty_report(unit, kind, 2025))
    return draft_paragraph(drafter, "无", report, voice(unit, kind, 2025), variant=variant)


def _what_it_names(slot_id: str, paragraph: str) -> set[str]:
    slot = GOV2021.slot(slot_id)
    return {word for word in (*slot.aliases, *slot.signals) if word in paragraph}


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize(("unit", "kind"), TOWNSHIPS + OTHERS)
@pytest.mark.parametrize("drafter", sorted(PARTS))
def test_every_wording_of_the_default_names_what_the_part_covers_and_claims_nothing(
    drafter: str, unit: str, kind: str, variant: int,
) -> None:
    paragraph = _default(drafter, unit, kind, variant)
    assert len(_what_it_names(PARTS[drafter], paragraph)) >= 2, paragraph
    assert not CLAIMED.search(paragraph), paragraph


@pytest.mark.parametrize("drafter", sorted(PARTS))
def test_a_township_and_a_department_each_read_as_their_kind_works(drafter: str) -> None:
    for unit, kind in TOWNSHIPS:
        assert "基层政务公开" in _default(drafter, unit, kind, 0), (unit, drafter)
    for unit, kind in OTHERS:
        assert "基层" not in _default(drafter, unit, kind, 0), (unit, drafter)


@pytest.mark.parametrize("kind", ["乡", "镇", "街道"])
def test_none_at_both_parts_passes_the_products_own_checks(kind: str) -> None:
    chat = at("1.4", kind)
    chat.send("无")
    assert "【1.5】" in chat.last.replies[0].text
    chat.send("无")
    report = chat.report
    for slot_id in PARTS.values():
        assert report.text[slot_id].startswith(f"我{kind}"), report.text[slot_id]
    found = [f for f in check_report(with_derived(report)) if set(f.cells) & set(PARTS.values())]
    assert found == [], [f.message for f in found]
