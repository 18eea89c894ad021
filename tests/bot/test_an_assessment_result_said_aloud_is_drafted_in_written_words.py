"""An assessment's result said aloud (年底县里考核政务公开得了优秀) is drafted as a report states it (在县年度考核中政务公开
工作获评优秀): the draft had printed 县里 and 得了 as typed, and R17 had named 县里 alone, with no written word. R17 now
names both and offers the drafting's clause; 得了 before a grade or a place elsewhere is 获评 / 位列. The 得了 of a
written word (获得了, 取得了, 赢得了) is no spoken word and stays."""

from __future__ import annotations

import pytest

from bot.drafting import fact_items
from bot.report import Report
from bot.rules import check_report

from .test_dialog_prose import at, reply


def r17(text: str) -> list:
    report = Report("城关镇人民政府", "镇", 2025, text={"s1.oversight": text})
    return [f for f in check_report(report) if f.rule == "R17"]


def test_the_clerks_assessment_result_is_drafted_in_written_words() -> None:
    chat = at("1.6", kind="镇")
    chat.send("培训搞了两次 年底县里考核政务公开得了优秀 没有责任追究")
    text = reply(chat)
    [draft] = [line for line in text.splitlines() if line.startswith("我镇")]
    assert "在县年度考核中政务公开工作获评优秀" in draft, text
    assert "县里" not in draft and "得了" not in draft and "口语化" not in text, text


@pytest.mark.parametrize(("said", "drafted"), [
    ("年底县里考核政务公开得了优秀", "在县年度考核中政务公开工作获评优秀"),
    ("县里考核我们得了良好", "在县级考核中获评良好"),
    ("区里政务公开考核得了第一", "在区级政务公开考核中位列第一"),  # the place said, no rank added
    ("政务公开考核得了优秀等次", "政务公开考核获评优秀等次"),
    ("在县里考核中得了良好", "在县级考核中获评良好"),  # the 在 said is the clause's own, never doubled
    ("县里年终考核得了优秀", "在县年度考核中获评优秀"),  # the year said after 县里 is kept
])
def test_an_assessment_result_is_noted_as_a_report_states_it(said: str, drafted: str) -> None:
    assert fact_items(said) == [drafted]


def test_r17_names_both_spoken_words_and_offers_the_drafted_clause() -> None:
    text = "我镇组织业务培训2次，年底县里考核政务公开得了优秀。"
    [found] = r17(text)
    assert "“县里”、“得了”" in found.message, found.message
    assert found.fix is not None
    assert found.fix.apply(text) == "我镇组织业务培训2次，在县年度考核中政务公开工作获评优秀。"


def test_r17_offers_a_written_word_for_a_got_before_a_grade() -> None:
    text = "我镇政务公开工作考核得了良好。"
    [found] = r17(text)
    assert "“得了”" in found.message and found.fix is not None, found.message
    assert found.fix.apply(text) == "我镇政务公开工作考核获评良好。"


@pytest.mark.parametrize("written", ["政务公开工作取得了优秀成绩", "年度考核获得了优秀等次", "赢得了群众好评",
                                     "获得了第一名", "争得了第一名", "分得了第一批资金"])
def test_a_got_inside_a_written_word_is_left_as_written(written: str) -> None:
    assert fact_items(written) == [written]
    assert r17(f"我镇{written}。") == []


@pytest.mark.parametrize(("said", "drafted"), [
    ("社区里评比得了先进", "社区里评比获评先进"),  # 区里 of 社区 names no district
    ("在全市里考核得了优秀", "在全市里考核获评优秀"),
])
def test_a_level_inside_a_word_is_no_body_that_assessed(said: str, drafted: str) -> None:
    assert fact_items(said) == [drafted]
