"""The prose questions: what a clerk types at a facts question or at a draft is material, never final text as it is
(QA items 3, 9, 10, 11, 33)."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext, prose
from bot.drafting import draft_on_request
from bot.report import empty_report, with_derived

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def at(code: str, kind: str = "乡") -> Chat:
    """A chat with empty tables, standing at the facts question (or the draft) of `code`."""
    unit = {"乡": "青山乡人民政府", "镇": "城关镇人民政府", "街道": "东城街道办事处"}[kind]
    chat = Chat(DialogContext(user_name="李四", unit=unit, unit_kind=kind, year=2025))
    chat.send("开始")
    chat.say_all(*ZERO_T2, "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while f"【{code}】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    return chat


def reply(chat: Chat) -> str:
    return chat.last.replies[0].text


@pytest.mark.parametrize("typed", ["不知道", "采用", "好的", "嗯", "同上", "👍"])
def test_a_non_answer_at_a_facts_question_is_asked_again(typed: str) -> None:
    chat = at("1.5")
    chat.send(typed)
    assert "【1.5】" in reply(chat) and "草拟如下" not in reply(chat)
    assert "不是本题需要的情况说明" in reply(chat) or "请用几个词" in reply(chat)
    assert "1.5" not in chat.state["facts"]


def test_notes_become_tidy_prose_without_emoji_or_raw_spaces() -> None:
    chat = at("1.2")
    chat.send("网站56条 公众号120条 公开栏12期👍")
    draft = reply(chat)
    assert "网站56条、公众号120条、公开栏12期。" in draft and "👍" not in draft
    chat.send("1")
    assert chat.report.text["s1.active"].startswith("我乡全年主动公开政府信息：")


def test_the_units_own_self_word_once_per_sentence() -> None:
    chat = at("1.5")
    chat.send("我镇运营公众号“城关发布”")
    text = reply(chat)
    assert "我镇" not in text and "我乡运营公众号“城关发布”" in text
    sentence = next(s for s in text.split("。") if "城关发布" in s)
    assert sentence.count("我乡") == 1


def test_longer_notes_at_a_draft_give_a_new_draft_not_final_text() -> None:
    chat = at("1.6")
    chat.send("培训2次")
    chat.send("培训2次，纳入年度考核，开展群众满意度评议，满意率98%，无责任追究")
    offered = reply(chat)
    assert "【1.6】" in offered and "草拟如下" in offered
    assert "本年度未发生政府信息公开工作责任追究情况。" in offered and "将政务公开工作纳入年度考核" in offered
    assert "1.6" not in chat.state["answered"]
    chat.send("1")
    assert chat.report.text["s1.oversight"].endswith("责任追究情况。")


def test_a_short_reply_at_the_draft_is_redrafted_not_refused() -> None:
    chat = at("1.6")
    chat.send("纳入年度考核")
    chat.send("培训1次")
    assert "组织政务公开业务培训1次" in reply(chat) and "草拟如下" in reply(chat)


def test_nothing_at_oversight_invents_no_facts() -> None:
    chat = at("1.6")
    chat.send("无")
    assert "明确专人负责" not in reply(chat) and "日常监督检查" not in reply(chat) and "草拟如下" in reply(chat)


def test_a_long_paragraph_is_adopted_echoed_and_closed() -> None:
    chat = at("1.6")
    chat.send("培训2次")
    own = ("我乡将政务公开工作纳入年度综合考核，全年组织业务培训两次，开展群众满意度评议一次，"
           "满意率达到百分之九十八，本年度未发生政府信息公开工作责任追究情况")
    chat.send(own)
    assert reply(chat).startswith("已采用您的文字（末尾已补上句号）：")
    assert chat.report.text["s1.oversight"] == own + "。"
    assert "1.6" in chat.state["answered"]


def test_nothing_at_the_fee_draft_keeps_the_default() -> None:
    chat = at("6.1")
    assert "未收取信息处理费" in reply(chat)
    chat.send("无")
    assert "未收取信息处理费" in chat.report.text["s6.other"] and "6.1" in chat.state["answered"]


def test_problems_need_an_answer_but_default_is_a_way_out() -> None:
    chat = at("5.1")
    chat.send("没有")
    assert "必须写明" in reply(chat) and "【5.1】" in reply(chat)
    chat.send("默认")
    assert "草拟如下" in reply(chat) and "仍存在一些不足" in reply(chat)


def test_the_year_opens_only_the_first_paragraph() -> None:
    chat = at("1.1")
    chat.say_all(*PROSE_ALL_DEFAULT)
    texts = [t for slot, t in chat.report.text.items() if slot != "preface" and t]
    assert len(texts) >= 8
    assert sum(t.startswith("2025年") for t in texts) == 1, texts
    assert all("采用" not in t and "××" not in t for t in texts)


def test_the_all_default_conversation_still_fits_the_message_budget() -> None:
    chat = Chat(township())
    chat.send("你好")
    chat.say_all(*ZERO_T2, "否", "否", *PROSE_ALL_DEFAULT)
    assert "全部题目已填写完毕" in reply(chat)
    assert chat.sent <= 24


# --- the pieces ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "tidy"), [
    ("网站56条 公众号120条 公开栏12期", "网站56条、公众号120条、公开栏12期"),
    ("政府网站信息公开专栏 56 条，政务公众号 120 条", "政府网站信息公开专栏56条，政务公众号120条"),
    ("落实XX制度👍\u200b", "落实XX制度"),
    ("培训2次\n纳入年度考核\n无责任追究。", "培训2次，纳入年度考核，无责任追究"),
    ("1. 培训2次\n2. 开展评议", "培训2次，开展评议"),
])
def test_tidy_facts(typed: str, tidy: str) -> None:
    assert prose.tidy_facts(typed) == tidy


@pytest.mark.parametrize(("typed", "kind"), [
    ("培训1次", "facts"),
    ("培训2次，纳入年度考核，开展群众满意度评议，满意率98%，无责任追究", "facts"),
    ("网站56条\n公众号120条\n公开栏12期", "facts"),
    ("本年度组织政务公开培训两次，将政务公开纳入年度考核。", "own"),
    ("无", "nothing"),
    ("不知道", "unclear"),
])
def test_read_offer_reply(typed: str, kind: str) -> None:
    assert prose.read_offer_reply(typed) == kind


def test_other_applicants_are_named_in_the_draft() -> None:
    report = empty_report("东城街道办事处", "街道", 2025)
    report.cells.update({"t3.new.person": 1, "t3.new.other": 1, "t3.open.person": 1, "t3.open.other": 1})
    text = draft_on_request(with_derived(report))
    assert "其他法人或其他组织申请1件" in text and "、其他申请" not in text
