"""The prose questions: what a clerk types at a facts question or at a draft is material, never final text as it is
(QA items 3, 9, 10, 11, 33)."""

from __future__ import annotations

import re

import pytest

from bot import drafting
from bot.dialog import DialogContext, facts, prose
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
    assert re.search(r"(通过|在)网站发布信息56条，\1微信公众号发布信息120条，\1公开栏更新12期。", draft) and "👍" not in draft
    chat.send("1")
    adopted = chat.report.text["s1.active"]
    assert "我乡" in adopted.split("。")[0] and "：" not in adopted  # a subject, the facts woven in, not listed


def test_the_units_own_self_word_once_per_sentence() -> None:
    chat = at("1.5")
    chat.send("我镇运营公众号“城关发布”")
    text = reply(chat)
    assert "我镇" not in text and "我乡" in text and "运营公众号“城关发布”" in text
    sentence = next(s for s in text.split("。") if "城关发布" in s)
    assert sentence.count("我乡") == 1


def test_longer_notes_at_a_draft_give_a_new_draft_not_final_text() -> None:
    chat = at("1.6")
    chat.send("培训2次")
    chat.send("培训2次，纳入年度考核，开展群众满意度评议，满意率98%，无责任追究")
    offered = reply(chat)
    assert "【1.6】" in offered and "草拟如下" in offered
    assert "未发生政府信息公开工作责任追究情况。" in offered and "将政务公开工作纳入年度考核" in offered
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
    assert "明确专人负责" not in reply(chat) and "日常监督检查" not in reply(chat) and "已按常见表述写入" in reply(chat)
    assert "1.6" in chat.state["answered"]  # nothing to choose: recorded at once, 修改 1.6 reopens it


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
    assert "草拟如下" in reply(chat) and "信息发布的及时性还需提高" in reply(chat)


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
    assert "其他组织申请1件" in text and "、其他申请" not in text and "其他法人" not in text


# --- QA round 2 ------------------------------------------------------------------------------------------------

def test_qa2_item_3_facts_sent_at_a_draft_are_merged_not_replaced() -> None:
    chat = at("1.6", "镇")
    chat.send("培训2次，纳入年度考核，考核结果为良好")
    chat.send("开展群众满意度评议满意率98%，无责任追究，培训2次")
    text = reply(chat)
    assert text.startswith("已补充要点：") and "草稿更新如下" in text and "【1.6】" in text
    assert "组织政务公开业务培训2次" in text and "纳入年度考核" in text and "满意率98%" in text
    assert "已补充要点：开展群众满意度评议，满意率98%；未发生责任追究。" in text  # the repeated 培训2次 is not added again
    assert "尚未写明" not in text


def test_qa2_item_3_a_short_complete_sentence_is_adopted_and_nothing_shifts() -> None:
    chat = at("1.3", "镇")
    chat.send("本年度未收到政府信息公开申请。")
    assert reply(chat).startswith("已采用您的文字") and "【1.4】" in reply(chat)
    assert chat.report.text["s1.on_request"] == "本年度未收到政府信息公开申请。"
    chat.send("落实“先审查、后公开”")  # meant for 1.4, lands in 1.4
    assert "【1.4】" in reply(chat) and "先审查" in reply(chat)
    assert chat.report.text["s1.on_request"] == "本年度未收到政府信息公开申请。"


@pytest.mark.parametrize(("typed", "kind"), [
    ("本年共收到申请3件，均予以公开。", "own"),
    ("2025年，我局修订信息发布审核制度", "own"),
    ("我镇运营公众号“城关发布”", "own"),
    ("培训2次。", "own"),
    ("开展群众满意度评议满意率98%，无责任追究", "facts"),
    ("全年培训2次", "facts"),
    ("今年我镇完成了网站改版", "own"),
    ("今年主要完成了网站改版", "facts"),  # a year is no subject: a note for 1.1's draft, not its replacement
    ("今年还新开了视频号", "facts"),
])
def test_qa2_item_3_what_counts_as_own_text(typed: str, kind: str) -> None:
    assert prose.read_offer_reply(typed) == kind


def test_qa2_item_3_facts_sent_again_are_added_once() -> None:
    assert facts.added(["培训2次", "纳入年度考核"], ["纳入年度考核", "无责任追究"]) == ["无责任追究"]
    assert facts.added(["培训1次"], ["培训1次"]) == []


@pytest.mark.parametrize(("unit", "kind", "word"), [
    ("示范县人民政府", "县级政府", "我县"), ("示范县教育局", "县级部门", "我局"), ("青山乡人民政府", "乡", "我乡"),
])
def test_qa2_item_4_a_township_self_word_becomes_the_units_own(unit: str, kind: str, word: str) -> None:
    ctx = DialogContext(user_name="陈", unit=unit, unit_kind=kind, year=2025)
    q = next(x for x in ctx.fmt.questions if x.code == "1.4")
    text = prose.draft(q, ctx, empty_report(unit, kind, 2025), "我镇严格执行保密审查，坚持先审查后公开")
    assert "我镇" not in text and text.startswith(word) and "，严格执行保密审查，" in text
    assert text.count("保密审查") == 1 and "先审查" in text and "“先审查、后公开”" not in text


def test_qa2_item_6_numbers_are_never_taken_from_last_years_text() -> None:
    previous = empty_report("青山乡人民政府", "乡", 2024)
    previous.text["s1.on_request"] = "上年结转1件。办理结果为：予以公开3件。结转下年度继续办理1件。"
    previous.text["s6.other"] = "本年度收取信息处理费100元。"
    previous.text["s1.platform"] = "2024年，我乡运营公众号。"
    ctx = DialogContext(user_name="赵", unit="青山乡人民政府", unit_kind="乡", year=2025, previous=previous)
    report = with_derived(empty_report("青山乡人民政府", "乡", 2025))
    by_code = {x.code: x for x in ctx.fmt.questions}
    on_request = prose.draft(by_code["1.3"], ctx, report)
    assert "上年结转1件" not in on_request and "予以公开3件" not in on_request and "未收到" in on_request
    assert "100元" not in prose.draft(by_code["6.1"], ctx, report)
    assert not prose.reuses_last_year(ctx, by_code["1.3"]) and not prose.reuses_last_year(ctx, by_code["6.1"])
    assert prose.reuses_last_year(ctx, by_code["1.5"])
    assert prose.draft(by_code["1.5"], ctx, report) == "2025年，我乡运营公众号。"
    assert "城关发布" in prose.draft(by_code["1.5"], ctx, report, "运营公众号“城关发布”")  # this year's facts win


def test_qa2_item_11_plans_without_the_word_gaijin_go_to_improvements() -> None:
    facts = "人员少兼职多 栏目更新慢 解读形式单一 明年准备安排专人负责，每周更新，多搞图解"
    problems, improvements = drafting.split_problems(facts)
    assert problems == ["人员少兼职多", "栏目更新慢", "政策解读形式单一"]
    assert improvements[0].startswith("明年准备安排专人负责") and "多制作图解" in improvements
    chat = at("5.1", "镇")
    chat.send(facts)
    drafted = reply(chat).split("要点：")[0]
    assert "明年" not in drafted and "政策解读形式单一。" in drafted
    chat.send("1")
    assert "我镇将安排专人负责栏目更新，做到每周更新，多制作图解。" in reply(chat)


@pytest.mark.parametrize(("facts", "problem"), [
    ("问题是栏目更新慢，下一步专人负责", "栏目更新慢"),
    ("存在的不足主要在于解读形式单一", "政策解读形式单一"),
    ("不足之处：公开不够全面", "信息公开不够全面"),
])
def test_the_clerks_own_label_of_the_problems_is_not_drafted_again(facts, problem) -> None:
    assert drafting.split_problems(facts)[0] == [problem]
    chat = at("5.1", "镇")
    chat.send(facts)
    drafted = reply(chat).split("要点：")[0]
    assert f"主要是{problem}。" in drafted, drafted


def test_a_problem_that_begins_with_the_word_problem_is_kept_whole() -> None:
    assert drafting.split_problems("问题整改不到位")[0] == ["问题整改不到位"]


@pytest.mark.parametrize(("notes", "polished"), [
    ("政府网站专栏发了86条", "政府网站专栏发布86条"),
    ("栏目调整了一次", "栏目调整1次"),
    ("多搞图解", "多制作图解"),
    ("搞培训", "开展培训"),
    ("开展群众满意度评议满意率98%", "开展群众满意度评议，满意率98%"),
    ("重点是财政预决算", "重点为财政预决算"),
    ("印发了方案", "印发了方案"),
])
def test_qa2_item_17_colloquial_notes_are_polished(notes: str, polished: str) -> None:
    assert drafting.formal(notes) == polished


def test_qa2_item_18_the_active_draft_claims_no_publication_and_names_abolished_documents() -> None:
    chat = at("1.2")
    chat.report.cells.update({"t2.normative.issued": 2, "t2.normative.abolished": 1, "t2.normative.in_force": 15,
                              "t2.penalty": 5})
    chat.send("网站56条")
    assert "本年制发行政规范性文件2件，废止1件，现行有效15件。" in reply(chat)
    assert "全年作出行政处罚决定5件，未作出行政许可、行政强制决定。" in reply(chat) and "依法予以公开" not in reply(chat)


# --- QA round 3 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("correction", ["未收取", "0元", "无"])
def test_qa3_item_2_a_no_fee_correction_replaces_the_fee(correction: str) -> None:
    chat = at("6.1")
    chat.send("200元")
    assert "200元" in reply(chat)
    chat.send(correction)
    draft = chat.state["offered"]["6.1"]
    assert "200" not in draft and draft.count("未收取") == 1 and not draft.endswith("未收取。"), draft
    chat.send("1")
    assert "200" not in chat.report.text["s6.other"] and chat.report.text["s6.other"].count("未收取") == 1


def _last_year_ctx(unit: str = "示范县人民政府", kind: str = "县级政府") -> DialogContext:
    previous = empty_report(unit, kind, 2024)
    previous.text["s1.active"] = ("2024年，我县通过政府网站主动公开政府信息。本年制发行政规范性文件2件，现行有效15件。"
                                  "全年作出行政许可决定3件。")
    previous.text["s1.oversight"] = "我县将政务公开纳入年度考核，考核结果为优秀，开展群众满意度评议，未发生责任追究情况。"
    previous.text["s6.other"] = "本年度未收取信息处理费。"
    previous.text["s1.on_request"] = "本年度收到申请2件。"
    return DialogContext(user_name="陈", unit=unit, unit_kind=kind, year=2025, previous=previous)


def test_qa3_item_3_last_years_table_two_counts_give_way_to_this_years() -> None:
    ctx = _last_year_ctx()
    report = empty_report("示范县人民政府", "县级政府", 2025)
    report.cells.update({"t2.normative.issued": 3, "t2.normative.abolished": 0, "t2.normative.in_force": 16,
                         "t2.license": 12})
    q = next(x for x in ctx.fmt.questions if x.drafter == "active")
    text = prose.draft(q, ctx, with_derived(report), "")
    assert text.startswith("2025年，我县通过政府网站主动公开政府信息。"), text
    assert "文件2件" not in text and "15件" not in text and "决定3件" not in text
    assert "制发行政规范性文件3件" in text and "现行有效16件" in text and "行政许可决定12件" in text


def test_qa3_item_11_the_numbers_heading_only_when_last_year_stated_numbers() -> None:
    ctx = _last_year_ctx()
    by_drafter = {x.drafter: x for x in ctx.fmt.questions if x.kind == "prose"}
    assert prose.last_year_had_numbers(ctx, by_drafter["on_request"])
    assert not prose.last_year_had_numbers(ctx, by_drafter["other"])  # 国办函〔2020〕109号 is no number of 六
    assert prose.last_year_had_numbers(ctx, by_drafter["active"])
    assert not prose.last_year_had_numbers(ctx, by_drafter["oversight"])


def test_qa3_item_4_notes_at_last_years_paragraph_become_a_new_draft() -> None:
    from bot.dialog.context import initial_state
    from bot.dialog.flow import Turn

    ctx = _last_year_ctx()
    q = next(x for x in ctx.fmt.questions if x.drafter == "management")
    ctx.previous.text[q.slot] = "我县严格落实保密审查制度。"
    report = empty_report("示范县人民政府", "县级政府", 2025)
    turn = Turn(ctx, initial_state(), report)
    turn.state["offered"][q.code] = prose.draft(q, ctx, report)
    assert prose.answer(turn, q, 1, "我镇严格执行保密审查，修订了保密审查制度")
    assert report.text.get(q.slot) is None and q.code not in turn.state["answered"]  # never adopted verbatim
    assert not prose.reuses_last_year(ctx, q, turn.state["facts"][q.code])
    text = prose.draft(q, ctx, report, turn.state["facts"][q.code])
    assert "我镇" not in text and text.startswith("我县") and "，严格执行保密审查，修订了保密审查制度，" in text, text


def test_qa3_item_5_no_hint_for_what_the_offered_text_covers() -> None:
    ctx = _last_year_ctx()
    offered = ctx.previous.text["s1.oversight"]
    assert prose.oversight_gaps(ctx, "s1.oversight", "", offered) == []
    # 纳入年度考核 alone names the assessment, not its result (条例 第五十条: 工作考核…结果): the result is asked for
    assert prose.oversight_gaps(ctx, "s1.oversight", "", "我县将政务公开纳入年度考核。") == ["考核结果", "社会评议", "责任追究"]
    assert prose.oversight_gaps(ctx, "s1.oversight", "", "我县将政务公开纳入年度考核，结果为优秀。") == ["社会评议", "责任追究"]


@pytest.mark.parametrize(("notes", "polished"), [
    ("公开栏4期 重点为惠农补贴、低保名单", ["公开栏4期", "重点为惠农补贴、低保名单"]),
    ("严格执行保密审查 修订了保密审查制度", ["严格执行保密审查", "修订了保密审查制度"]),
    ("网站56条 公众号120条", ["网站56条", "公众号120条"]),
    ("公开栏在各村都有", ["公开栏覆盖各村"]),
    ("纳入考核，无追究，没有开展社会评议", ["纳入考核", "未发生责任追究", "未开展社会评议"]),
])
def test_qa3_item_14_list_marks_and_colloquial_notes(notes: str, polished: list[str]) -> None:
    assert drafting.fact_items(notes) == polished


def test_qa3_item_14_no_redundant_wording() -> None:
    ctx = DialogContext(user_name="陈", unit="青山乡人民政府", unit_kind="乡", year=2025)
    by_drafter = {x.drafter: x for x in ctx.fmt.questions if x.kind == "prose"}
    report = empty_report("青山乡人民政府", "乡", 2025)
    management = prose.draft(by_drafter["management"], ctx, report, "先审后发")
    assert "先审后发" not in management and management.count("先审查、后公开") == 1
    improvements = prose.draft(by_drafter["improvements"], ctx, report, "问题：更新慢；改进：进一步拓展公开内容")
    default = prose.draft(by_drafter["improvements"], ctx, report, "")
    assert "进一步" not in improvements and "将进一步" not in default and "我乡将" in default


@pytest.mark.parametrize(("code", "what"), [("5.1", "具体问题"), ("1.6", "具体做法")])
def test_the_usual_wording_recorded_asks_for_what_the_part_holds(code: str, what: str) -> None:
    chat = at(code)
    chat.send("默认")
    assert f"如需补充本单位的{what}" in reply(chat), reply(chat)
