"""五（二） 改进情况 states what was done this year about the problems last year's report named (上年度问题整改), as
evaluators expect: the offer of 5.2 asks it in one optional line, a reply marked “上年整改：” is drafted first in the
paragraph, and nothing of it is drafted when the clerk says nothing (unknown is not zero: never invented)."""

from __future__ import annotations

from bot.drafting import Voice, draft_paragraph, split_problems
from bot.importers import import_report
from bot.report import Report
from tests.conftest import seed_path

from .dialog_helpers import Chat, township
from .test_dialog_facts_list import draft_part
from .test_dialog_prose import at, reply
from .test_dialog_return_reopens_every_part_it_names import _returned

_REPORT = Report("城关镇人民政府", "镇", 2025)
_VOICE = Voice("城关镇人民政府", "镇", "我镇", 2025, True)
_NOTES = "信息更新不够及时；改进：明确专人每周更新；上年整改：已经安排专人每周更新网站"


def test_what_was_done_about_last_years_problems_opens_the_improvements() -> None:
    text = draft_paragraph("improvements", _NOTES, _REPORT, _VOICE)
    assert text.startswith("针对上年度报告所列问题，我镇已安排专人每周更新网站。"), text
    assert "将明确专人每周更新" in text, text


def test_the_problems_never_state_what_was_done_about_last_years() -> None:
    text = draft_paragraph("problems", _NOTES, _REPORT, _VOICE)
    assert "上年" not in text and "安排专人" not in text, text
    assert split_problems(_NOTES)[0] == ["信息更新不够及时"]


def test_nothing_of_last_year_is_drafted_when_nothing_was_told() -> None:
    for notes in ("信息更新不够及时；改进：明确专人每周更新", ""):
        text = draft_paragraph("improvements", notes, _REPORT, _VOICE)
        assert "上年" not in text and "整改" not in text, text


def test_the_offer_of_the_improvements_asks_about_last_years_problems() -> None:
    chat = at("5.2", "镇")
    assert "上年度报告所列问题" in reply(chat) and "上年整改：" in reply(chat), reply(chat)


def test_a_marked_reply_at_the_offer_is_drafted_and_the_question_not_asked_again() -> None:
    chat = at("5.2", "镇")
    text = chat.send("上年整改：已安排专人每周更新网站。")  # a closed sentence: still notes, not the whole paragraph
    draft = draft_part(text)
    assert "针对上年度报告所列问题，我镇已安排专人每周更新网站。" in draft, text
    assert "将明确专人每周更新" in draft, text  # the plans given at 5.1 stay
    assert "上年整改：”加做法" not in text, text  # answered: not asked again
    chat.send("1")
    assert "上年度报告所列问题" in chat.report.text["s5.improvements"]
    assert "上年" not in chat.report.text["s5.problems"]


def test_one_word_passes_the_question_and_states_nothing_of_last_year() -> None:
    chat = at("5.2", "镇")
    chat.send("无")
    assert "5.2" in chat.state["answered"], reply(chat)
    assert "上年" not in chat.report.text["s5.improvements"]


def test_last_years_problems_told_at_five_one_reach_the_improvements() -> None:
    chat = at("5.1", "镇")
    chat.say_all("信息更新不够及时；改进：明确专人每周更新；去年整改情况：网站栏目已规范", "1")
    assert "网站栏目已规范" not in chat.report.text["s5.problems"]
    assert "针对上年度报告所列问题，我镇网站栏目已规范。" in draft_part(reply(chat)), reply(chat)


def at_improvements_with_last_years_report() -> tuple[Chat, str]:
    """A chat at 5.2 with last year's report (seed 004) on file, and last year's 改进情况 offered there."""
    chat = Chat(township(import_report(seed_path(4)).report))
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    while "【5.2】" not in reply(chat):
        chat.send("1")
    return chat, reply(chat).split("请核对其中的情况是否仍然属实：\n")[1].split("\n")[0]


def test_with_last_years_report_the_answer_goes_before_its_paragraph_and_leaves_the_problems_alone() -> None:
    chat, last_year = at_improvements_with_last_years_report()
    problems = chat.report.text["s5.problems"]
    assert "上年整改：" in reply(chat), reply(chat)
    text = chat.send("上年整改：已安排专人每周更新网站")
    assert "上年问题整改情况" in text and "【5.1】" not in text, text  # 5.1 is not drafted again for it
    chat.send("1")
    assert chat.report.text["s5.improvements"] == "对照上年度报告所列问题，我乡已安排专人每周更新网站。" + last_year
    assert chat.report.text["s5.problems"] == problems


def test_a_problem_named_in_the_note_is_named_once_in_the_lead() -> None:
    notes = "上年整改：针对村级公开栏更新慢的问题，已督促各村每月更新公开栏"
    text = draft_paragraph("improvements", notes, _REPORT, _VOICE)
    assert text.startswith("针对上年度报告指出的村级公开栏更新慢的问题，我镇已督促各村每月更新公开栏。"), text


def test_the_plans_after_it_open_on_xia_yi_bu_never_on_a_second_zhen_dui() -> None:
    for variant in range(4):
        text = draft_paragraph("improvements", _NOTES, _REPORT, _VOICE, variant=variant)
        assert text.count("针对") <= 1 and "。下一步，" in text, text


def test_one_word_passes_the_question_over_last_years_paragraph_too() -> None:
    chat, offered = at_improvements_with_last_years_report()
    chat.send("无")
    assert "5.2" in chat.state["answered"] and "【6.1】" in reply(chat), reply(chat)
    assert chat.report.text["s5.improvements"] == offered


def test_a_return_asking_for_last_years_problems_reopens_the_improvements() -> None:
    chat = _returned("未写上年度问题整改情况")
    assert "【5.2】" in chat.send("你好") and chat.state["cur"][0] == "5.2"
    chat = _returned("请按意见整改后重新提交")  # 整改 alone is the supervisor's verb, no part of the report
    chat.send("你好")
    assert not chat.state["cur"], chat.state["cur"]
