"""无 at 1.6 (监督保障) of a 乡, 镇 or 街道: the default paragraph names the 工作考核、社会评议和责任追究 a people's
government states there (the product's own completeness check finds nothing missing at 提交), and claims no result
the clerk did not give (no 未发生, no 已开展, no count)."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.formats import GOV2021
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

from .test_dialog_prose import at

OVERSIGHT = GOV2021.slot("s1.oversight")
CLAIMED = re.compile(r"未发生|未开展|已开展|开展了|\d|纳入")


def test_none_at_oversight_of_a_township_leaves_no_result_unstated() -> None:
    chat = at("1.6", "乡")
    chat.send("无")
    paragraph = chat.report.text["s1.oversight"]
    assert paragraph.startswith("我乡"), paragraph
    assert OVERSIGHT.results_unstated(paragraph) == [], paragraph
    assert not CLAIMED.search(paragraph), paragraph


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize(("unit", "kind"), [("青山乡人民政府", "乡"), ("城关镇人民政府", "镇"), ("东城街道办事处", "街道")])
def test_every_wording_of_the_default_names_the_three_results(unit: str, kind: str, variant: int) -> None:
    report = with_derived(empty_report(unit, kind, 2025))
    paragraph = draft_paragraph("oversight", "无", report, voice(unit, kind, 2025), variant=variant)
    assert OVERSIGHT.results_unstated(paragraph) == [] and not CLAIMED.search(paragraph), paragraph


def test_a_department_keeps_its_own_default() -> None:
    report = with_derived(empty_report("示范县教育局", "县级部门", 2025))
    paragraph = draft_paragraph("oversight", "无", report, voice("示范县教育局", "县级部门", 2025))
    assert "追究" not in paragraph and paragraph.startswith("我局"), paragraph
