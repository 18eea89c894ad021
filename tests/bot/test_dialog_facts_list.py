"""Issue 9, facts are data the clerk controls: each prose part keeps its facts as a numbered list shown with the
draft; 重写 / 删除 N / 改 N … / 清空 / 用我的原文 work in any prose question; what is no statement is refused and never
stored. Every message goes through a JSON round trip of the state (tests/bot/dialog_helpers.py)."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")


def at(code: str, kind: str = "乡", status: str = "draft", reason: str | None = None) -> Chat:
    unit = {"乡": "柳园口乡人民政府", "镇": "城关镇人民政府"}[kind]
    chat = Chat(DialogContext(user_name="李四", unit=unit, unit_kind=kind, year=2025,
                              other_units=("柳园口乡", "城关镇")))
    chat.send("开始")
    chat.say_all(*ZERO_T2, "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while f"【{code}】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    return chat


def reply(chat: Chat) -> str:
    return chat.last.replies[0].text


def draft_part(text: str) -> str:
    """The draft on offer, without the facts listed under it nor what the reply said before it."""
    return text.split("草拟如下：")[-1].split("要点：")[0]


@pytest.mark.parametrize("junk", ["0", "1", "是", "否", "290", "２９０件", "重新草拟", "改成我乡", "还有"])
def test_what_is_no_statement_is_refused_and_never_stored(junk):
    chat = at("1.5")
    text = chat.send(junk)
    assert any(w in text for w in ("未记入", "不是本题需要的情况说明", "请用几个词", "还没有要点")), text
    assert "【1.5】" in text and "草拟如下" not in text
    assert not chat.state["facts"].get("1.5")


def test_a_zero_among_facts_is_dropped_and_never_drafted():
    chat = at("1.4")
    text = chat.send("0，落实先审后发")
    assert "「0」" in text and "未记入" in text
    assert "，0，" not in text and "：0" not in text and chat.state["facts"]["1.4"] == ["落实先审后发"]


def test_the_facts_are_shown_numbered_with_the_draft():
    chat = at("1.2")
    text = chat.send("政府网站信息公开专栏 56 条，政务公众号 120 条；重点公开财政预决算")
    assert "要点：\n1. 政府网站信息公开专栏56条\n2. 政务公众号120条\n3. 重点公开财政预决算" in text
    assert "删除 2" in text


@pytest.mark.parametrize("command", ["重新草拟", "重写", "重新草拟。"])
def test_redraft_gives_a_new_draft_from_the_same_facts_and_is_no_fact(command):
    chat = at("1.2")
    chat.send("政务公众号 120 条")
    text = chat.send(command)
    assert "已按现有要点重新草拟" in text and "重新草拟。" not in draft_part(text).split("\n", 2)[-1]
    assert chat.state["facts"]["1.2"] == ["政务公众号120条"]
    chat.send("1")
    assert "重新草拟" not in chat.report.text["s1.active"] and "120条" in chat.report.text["s1.active"]


@pytest.mark.parametrize("code, facts", [
    ("1.2", "政府网站信息公开专栏 56 条，市长热线转办２９０件，还有公开栏"),
    ("1.4", "落实先审后发，没培训"),
    ("1.6", "没培训，纳入年度考核"),
    ("5.1", "公开时效性不高 群众关注度较低；改进：提高时效性"),
])
def test_each_redraft_reads_differently_from_the_same_facts(code, facts):
    """重新草拟 (the issue's words): the same facts, a new wording each time, kept across the JSON round trip."""
    chat = at(code)
    first = draft_part(chat.send(facts))
    kept = chat.state["facts"][code]
    drafts = [first] + [draft_part(chat.send(command)) for command in ("重新草拟", "重写", "重新草拟")]
    assert chat.state["facts"][code] == kept and chat.state["variants"][code] == 3
    assert all(a != b for a, b in zip(drafts, drafts[1:], strict=False)), drafts
    assert all("重新草拟" not in d and "重写" not in d for d in drafts)
    chat.send("1")
    slot = {"1.2": "s1.active", "1.4": "s1.management", "1.6": "s1.oversight", "5.1": "s5.problems"}[code]
    assert chat.report.text[slot] == drafts[-1].strip()


def test_an_instruction_at_a_draft_is_not_appended():
    chat = at("6.1")
    text = chat.send("改成我乡")
    assert "未记入" in text and "改成我乡" not in "".join(chat.state["facts"].get("6.1") or [])
    chat.send("1")
    assert "改成我乡" not in chat.report.text["s6.other"]


def test_delete_a_fact_and_the_draft_no_longer_says_it():
    chat = at("1.2")
    chat.send("政务公众号120条，市长热线转办290件，公开栏12期")
    text = chat.send("删除 2")
    assert "已删除第 2 条要点「市长热线转办290件」" in text and "市长热线" not in draft_part(text)
    assert chat.state["facts"]["1.2"] == ["政务公众号120条", "公开栏12期"]


@pytest.mark.parametrize("command", ["改 2 组织政务公开培训1次", "改第2条为组织政务公开培训1次", "修改 2：组织政务公开培训1次"])
def test_change_a_fact(command):
    chat = at("1.6")
    chat.send("纳入年度考核，没培训")
    text = chat.send(command)
    assert "第 2 条要点已改为「组织政务公开培训1次」" in text
    assert chat.state["facts"]["1.6"] == ["纳入年度考核", "组织政务公开培训1次"]
    assert "没培训" not in text and "培训1次" in draft_part(text)


def test_a_number_that_is_not_there_is_said_so():
    chat = at("1.2")
    chat.send("政务公众号120条")
    assert "要点只有 1 条，没有第 5 条" in chat.send("删除 5")
    assert chat.state["facts"]["1.2"] == ["政务公众号120条"]


def test_clear_starts_the_part_again():
    chat = at("1.2")
    chat.send("政务公众号120条，市长热线转办290件")
    text = chat.send("清空")
    assert "已清空" in text and "【1.2】" in text and "草拟如下" not in text
    assert chat.state["facts"]["1.2"] == []
    text = chat.send("网站专栏发布56条")
    assert "网站专栏发布56条" in text and "市长热线" not in text


def test_use_my_own_text_adopts_the_paragraph_cleaned():
    chat = at("1.2")
    chat.send("用我的原文：本年度 我乡 通过政府网站发布信息５６条，现将相关情况总结如下：。")
    assert chat.report.text["s1.active"] == "本年度我乡通过政府网站发布信息56条，现将相关情况总结如下。"
    assert "1.2" in chat.state["answered"]


def test_use_my_own_text_alone_takes_the_last_reply_as_typed():
    chat = at("1.5")
    chat.send("我乡规范网站专栏8个子栏目")
    chat.send("用我的原文")
    assert chat.report.text["s1.platform"] == "我乡规范网站专栏8个子栏目。"


def test_a_fact_added_at_a_draft_joins_the_list_and_a_repeat_is_not_added_twice():
    chat = at("1.6")
    chat.send("纳入年度考核")
    text = chat.send("纳入年度考核，培训2次")
    assert "已补充要点：培训2次" in text and chat.state["facts"]["1.6"] == ["纳入年度考核", "培训2次"]


def test_improvements_are_the_clerks_own_points_and_can_be_deleted():
    chat = at("5.1")
    chat.send("信息更新不够及时，政策解读形式单一；改进：明确专人每周更新，增加图解解读")
    assert chat.state["facts"]["5.1"] == ["信息更新不够及时", "政策解读形式单一", "改进：明确专人每周更新",
                                          "改进：增加图解解读"]
    chat.send("1")
    text = reply(chat)
    assert "【5.2】" in text and "明确专人每周更新" in draft_part(text) and "增加图解解读" in draft_part(text)
    text = chat.send("删除 4")
    assert "增加图解解读" not in draft_part(text) and "明确专人每周更新" in draft_part(text)


def test_a_return_reason_that_names_a_fact_leads_to_removing_it():
    chat = at("1.2")
    chat.send("政务公众号120条，市长热线转办290件")
    chat.send("1")
    chat.with_status("returned", "主动公开部分的市长热线不属于主动公开，请删除")
    text = chat.send("好的")
    assert "【1.2】" in text and "退回意见提到第 2 条（市长热线）" in text and "删除 2" in text
    text = chat.send("删除 2")
    assert "市长热线" not in draft_part(text)
    chat.send("1")
    assert "市长热线" not in chat.report.text["s1.active"]


def test_the_facts_of_a_state_stored_as_one_text_are_read_as_a_list():
    chat = at("1.2")
    chat.send("政务公众号120条")
    chat.state["facts"]["1.2"] = "政务公众号120条，公开栏12期"  # as stored before facts were a list
    text = chat.send("删除 1")
    assert chat.state["facts"]["1.2"] == ["公开栏12期"] and "公众号" not in draft_part(text)


def test_an_improvement_label_outside_the_problems_part_is_only_a_word_and_never_printed():
    """The issue's “改进：” label adopted word for word: outside 五 it is no part of a fact, and a problem typed there
    is not turned into something done (落实信息更新不够及时)."""
    chat = at("1.4")
    text = chat.send("信息更新不够及时；改进：明确专人每周更新")
    assert chat.state["facts"]["1.4"] == ["信息更新不够及时", "明确专人每周更新"]
    drafted = draft_part(text)
    assert "改进" not in drafted and "落实信息更新" not in drafted and "明确专人每周更新" in drafted
