"""The message that offers a drafted paragraph reads cleanly on a phone: the heading, the paragraph, each fact, each
finding of the check and each hint on a line of its own, no blank line and no line run into the next (a finding
without a fact number used to run into the next finding, or into 提示：)."""

from __future__ import annotations

import itertools

import pytest

from bot import messages

DRAFT = "我乡健全政务公开监督保障，组织政务公开业务培训2次。"
FINDINGS = [{"message": "一、总体情况（五）监督保障写了口语“搞”。", "n": 0},
            {"message": "一、总体情况（五）监督保障写的“培训3次”与表格不符。", "n": 1},
            {"message": "一、总体情况（五）监督保障出现了其他单位的名称“城关镇”。", "n": 0}]
# the optional question a part asks with its draft (Question.offer_prompt: 上年整改, 建议提案)
ASKED = "本年办理人大代表建议和政协委员提案的情况如需报告，请直接发送要点。"
STARTS_A_LINE = ("其中的数字", "要点：", "检查发现：", "提示：", "如本年收取了信息处理费", ASKED[:8], "退回意见提到",
                 "回复1采用")


def offer(facts: bool, findings: int, gaps: bool, fees: bool, flagged: bool, asked: bool = True) -> str:
    return messages.say(
        "draft_offer", draft=DRAFT, last_year=False, fresh_from_tables=False, tables=False,
        facts=["培训2次", "纳入年度考核"] if facts else [], findings=FINDINGS[:findings], gaps="社会评议" if gaps else "",
        fees_hint=fees, offer_prompt=ASKED if asked else "", rectified=False, flagged=[{"n": 1, "words": "培训"}] if flagged and facts else [],
        old_counts=[] if facts else ["290件", "118件"],  # last year's counts are named only over last year's words
    )


@pytest.mark.parametrize(("facts", "findings", "gaps", "fees", "flagged"),
                         list(itertools.product((False, True), (0, 1, 3), (False, True), (False, True), (False, True))))
def test_every_part_of_the_offer_is_a_line_of_its_own(facts: bool, findings: int, gaps: bool, fees: bool,
                                                     flagged: bool) -> None:
    text = offer(facts, findings, gaps, fees, flagged)
    lines = text.split("\n")
    assert all(line.strip() for line in lines), text  # no blank line
    assert lines[1] == DRAFT, text  # the paragraph stands alone under its heading
    for f in FINDINGS[:findings]:
        assert any(line.startswith(f"· {f['message']}") for line in lines), text
    assert text.count("· ") == findings and all(line.count("· ") <= 1 for line in lines), text
    for word in STARTS_A_LINE:
        assert all(line.startswith(word) for line in lines if word in line), text
    assert lines[-1].startswith("回复1采用"), text


@pytest.mark.parametrize("fees", [False, True])
def test_the_optional_question_is_a_line_of_its_own_and_absent_when_answered(fees: bool) -> None:
    lines = offer(True, 1, True, fees, True).split("\n")
    assert ASKED in lines and lines[-2] == ASKED, lines  # just above what the replies do
    assert not any(ASKED[:8] in line for line in offer(True, 1, True, fees, True, asked=False).split("\n"))
