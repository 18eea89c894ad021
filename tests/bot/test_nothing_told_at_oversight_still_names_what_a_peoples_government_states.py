"""无 at 1.6 (监督保障) of a 乡, 镇 or 街道: the default paragraph speaks of the part (监督保障) and claims no result the
clerk did not give (no 未发生, no 已开展, no count) — nor names 工作考核、社会评议、责任追究 as if stated: naming the three
制度 had let 提交 pass a 监督保障 that states no result, which an evaluator marks. 提交 asks the clerk to state them
or confirm why not, as it asks a clerk who gave other facts."""

from __future__ import annotations

import re

import pytest

from bot.drafting import draft_paragraph
from bot.formats import GOV2021
from bot.report import empty_report, with_derived
from tests.bot.draft_samples import voice

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

OVERSIGHT = GOV2021.slot("s1.oversight")
CLAIMED = re.compile(r"未发生|未开展|已开展|开展了|\d|纳入")
RESULTS = ["工作考核", "社会评议", "责任追究"]


@pytest.mark.parametrize("variant", [0, 1, 2])
@pytest.mark.parametrize(("unit", "kind"), [("青山乡人民政府", "乡"), ("城关镇人民政府", "镇"), ("东城街道办事处", "街道")])
def test_every_wording_of_the_default_claims_and_names_no_result(unit: str, kind: str, variant: int) -> None:
    report = with_derived(empty_report(unit, kind, 2025))
    paragraph = draft_paragraph("oversight", "无", report, voice(unit, kind, 2025), variant=variant)
    assert "监督保障" in paragraph and not CLAIMED.search(paragraph), paragraph
    assert OVERSIGHT.results_unstated(paragraph) == RESULTS, paragraph


def test_none_at_oversight_of_a_township_is_asked_for_its_results_at_hand_in() -> None:
    chat = Chat(township())
    at_oversight = PROSE_ALL_DEFAULT.index("培训 2 次；纳入年度考核，考核结果为优秀；开展群众满意度评议；无责任追究")
    prose = (*PROSE_ALL_DEFAULT[:at_oversight], "无", *PROSE_ALL_DEFAULT[at_oversight + 2:])
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *prose)
    reply = chat.send("提交")
    assert "submitted" not in chat.last.events
    assert "监督保障尚未写明工作考核、社会评议、责任追究情况" in reply, reply


def test_a_department_keeps_its_own_default() -> None:
    report = with_derived(empty_report("示范县教育局", "县级部门", 2025))
    paragraph = draft_paragraph("oversight", "无", report, voice("示范县教育局", "县级部门", 2025))
    assert "追究" not in paragraph and paragraph.startswith("我局"), paragraph
