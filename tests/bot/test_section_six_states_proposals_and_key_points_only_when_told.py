"""六 often reports, besides the 信息处理费 (R10: always stated), the handling of 人大代表建议和政协委员提案 and how the
year's 政务公开工作要点 were carried out. The offer of 6.1 asks for them in one optional line; notes sent are drafted
each in a sentence of its own after the fee; nothing of them is drafted when none is given."""

from __future__ import annotations

import pytest

from bot.dialog.prose import read_offer_reply
from bot.drafting import Voice, draft_paragraph
from bot.report import Report
from bot.rules.context import RuleContext
from bot.rules.prose import r10_fee_statement

from .test_dialog_facts_list import at, draft_part, reply
from .test_dialog_return_reopens_every_part_it_names import _returned

_REPORT = Report("城关镇人民政府", "镇", 2025)
_VOICE = Voice("城关镇人民政府", "镇", "我镇", 2025, True)
_TOLD = ("承办县人大代表建议2件、政协委员提案1件，均按期办结并在政府网站公开答复；按照县年度政务公开工作要点，"
         "更新基层政务公开标准目录")


def test_proposals_and_key_points_are_each_a_sentence_after_the_fee() -> None:
    notes = ["承办县人大代表建议2件", "政协委员提案1件", "均按期办结并公开答复", "按照县年度政务公开工作要点",
             "更新基层政务公开标准目录"]
    text = draft_paragraph("other", notes, _REPORT, _VOICE)
    fee, proposals, key_points = text.split("。")[:3]
    assert "未收取信息处理费" in fee, text
    assert proposals.endswith("我镇承办县人大代表建议2件、政协委员提案1件，均按期办结并公开答复"), text
    assert "人大代表建议和政协委员提案办理方面" in proposals, text
    # the note names its matter itself: no lead saying 工作要点 before it (the unit, said just before, is not said again)
    assert key_points == "按照县年度政务公开工作要点，更新基层政务公开标准目录", text
    assert "无其他需要报告的事项" not in text, text


def test_nothing_of_them_is_drafted_when_none_is_given() -> None:
    text = draft_paragraph("other", "", _REPORT, _VOICE)
    assert "建议" not in text and "提案" not in text and "要点" not in text, text
    assert "未收取信息处理费" in text and "无其他需要报告的事项" in text, text


def test_the_offer_of_six_asks_for_them() -> None:
    chat = at("6.1", "镇")
    assert "人大代表建议和政协委员提案" in reply(chat) and "政务公开工作要点" in reply(chat), reply(chat)
    assert "信息处理费" in reply(chat), reply(chat)


def test_a_long_note_at_six_is_drafted_after_the_fee_never_in_its_place() -> None:
    chat = at("6.1", "镇")
    assert read_offer_reply(_TOLD) == "own"  # as long as a paragraph of the clerk's own: notes, for it names no fee
    text = chat.send(_TOLD)
    draft = draft_part(text)
    assert "未收取信息处理费" in draft and "政协委员提案1件" in draft and "标准目录" in draft, text
    assert "如需报告，请直接发送要点" not in text, text  # answered: not asked again
    chat.send("1")
    assert "6.1" in chat.state["answered"]
    assert not r10_fee_statement(chat.report, RuleContext()), chat.report.text["s6.other"]


def test_one_word_at_six_takes_the_fee_statement_alone() -> None:
    chat = at("6.1", "镇")
    chat.send("无")
    assert "6.1" in chat.state["answered"]
    assert "未收取信息处理费" in chat.report.text["s6.other"]
    assert "提案" not in chat.report.text["s6.other"]


def test_a_suggestion_from_the_public_is_no_proposal() -> None:
    text = draft_paragraph("other", ["收集群众意见建议30条"], _REPORT, _VOICE)
    assert "人大代表建议和政协委员提案" not in text and "收集群众意见建议30条" in text, text


def test_key_points_told_without_naming_them_first_are_led_by_their_matter() -> None:
    text = draft_paragraph("other", ["年度工作要点各项任务均已完成"], _REPORT, _VOICE)
    assert "政务公开工作要点落实方面，我镇年度工作要点各项任务均已完成。" in text, text


@pytest.mark.parametrize("reason", ["请补充人大代表建议和政协委员提案办理情况", "缺少年度政务公开工作要点落实情况"])
def test_a_return_asking_for_them_reopens_section_six(reason: str) -> None:
    chat = _returned(reason)
    assert "【6.1】" in chat.send("你好") and [chat.state["cur"][0], *chat.state["queue"]] == ["6.1"]
