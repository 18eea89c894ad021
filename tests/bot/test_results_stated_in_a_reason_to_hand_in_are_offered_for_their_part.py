"""A township's 监督保障 that leaves out 工作考核、社会评议、责任追究 is named at 提交; a clerk who confirms with a reason
that states them (确认提交 今年没考核也没评议，没追责) has said what the part must state. Those words had gone to the
supervisor only, and the published 监督保障 lacked them: they are now the part's notes, as if answered at 1.6, its
draft offered; once it is taken, 提交 hands the report in with no reason asked."""

from __future__ import annotations

from .dialog_helpers import Chat, township
from .test_a_township_handing_in_without_its_oversight_results_is_asked_to_state_or_confirm_them import (
    _filled,
)

REASON = "今年没考核也没评议，没追责"


def _draft(reply: str) -> str:
    return reply.split("草拟如下：")[1].split("回复1采用")[0]


def test_the_results_a_reason_states_are_offered_as_the_parts_notes() -> None:
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    reply = chat.send(f"确认提交 {REASON}")
    assert "submitted" not in chat.last.events and "【1.6】" in reply, reply
    answered_there = Chat(township())
    _filled(answered_there, "培训 2 次")
    assert _draft(reply) == _draft(answered_there.send(f"修改 1.6 {REASON}")), reply


def test_the_part_taken_with_them_is_published_and_handed_in_without_a_reason() -> None:
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    chat.send(f"确认提交 {REASON}")
    chat.send("1")
    oversight = chat.report.text["s1.oversight"]
    assert all(word in oversight for word in ("考核", "评议", "责任追究")), oversight
    chat.send("提交")
    assert chat.last.events == ["submitted"], chat.last.replies[0].text


def test_a_reason_that_states_no_result_hands_in_as_before() -> None:
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    chat.send("确认提交 已核实，情况属实")
    assert "submitted" in chat.last.events
    assert "warning_accepted:R14:已核实，情况属实" in chat.last.events


def test_neither_check_held_is_drafted_as_the_part_names_each() -> None:
    """今年没考核也没评议 had been drafted 未开展考核也未开展评议: each is named as 监督保障 names it."""
    chat = Chat(township())
    _filled(chat, "培训 2 次")
    draft = _draft(chat.send(f"确认提交 {REASON}")).split("要点：")[0]
    assert "未开展政务公开工作考核，未开展政务公开社会评议" in draft and "也未开展" not in draft, draft


def test_a_result_not_yet_out_said_in_a_reason_is_drafted_in_written_words() -> None:
    """The demo's clerk: 纳入考核了 at 1.6, then 确认提交 考核结果县里还没出 评议今年没搞 — drafted 考核结果县里还没出，评议
    本年度未开展 (R17 then flagged 县里 and 没) until the result not out and the check not held read as a report says them."""
    chat = Chat(township())
    _filled(chat, "培训 1 次；纳入考核了；没追责")
    draft = _draft(chat.send("确认提交 考核结果县里还没出 评议今年没搞")).split("要点：")[0]
    assert "将政务公开工作纳入考核，结果尚未公布，未开展政务公开社会评议" in draft, draft
    assert not any(word in draft for word in ("县里", "没出", "今年")), draft
