"""A supervisor on a phone asks about the whole area in loose words — 还有几个没交的, 把没交的名单发我, 谁逾期,
进度咋样, 全部催一下 — and gets the command's answer, not the command list; a question that also names a unit, a
date or anything else is left as it was."""

from __future__ import annotations

import pytest

from bot.supervision import loosely, supervisor_command

from .helpers import TZ, at, seed_area


def answer(text: str) -> str:
    return "\n".join(r.text for r in supervisor_command(text, "supervisor", seed_area(), at(20, 10), TZ).replies)


@pytest.mark.parametrize(("asked", "command"), [
    ("还有几个没交的", "未完成"), ("把没交的名单发我", "未完成"), ("没交的有哪些", "未完成"), ("还差几家", "未完成"),
    ("谁逾期", "逾期"), ("逾期没交的", "逾期"), ("进度咋样", "汇总"), ("汇总一下", "汇总"), ("截止哪天", "汇总"),
    ("哪些表对不上", "错误单位"), ("谁的表有问题", "错误单位"), ("导出一下", "导出"), ("把数据导出来", "导出"),
    ("催办全部", "催办"), ("全部催一下", "催办"), ("催办所有", "催办"), ("催一下逾期的", "催办"), ("都催一下", "催办"),
])
def test_a_loose_question_about_the_area_is_its_command(asked: str, command: str) -> None:
    assert loosely(asked) == command
    assert answer(asked) == answer(command)
    assert "未能识别" not in answer(asked)


@pytest.mark.parametrize("text", ["催办 册井", "退回 册井 表格有错误", "汇总表 含已提交", "设置截止 1月20日", "规章怎么样",
                                  "公开栏情况", "好的", "册井咋还没交", "政府网站信息公开专栏本年度共发布信息56条"])
def test_a_text_that_says_more_than_a_question_about_the_area_is_left_as_it_was(text: str) -> None:
    assert loosely(text) == text


def test_asking_who_passed_is_the_summary() -> None:
    assert loosely("哪些单位已经通过了") == "汇总" and loosely("通过了几个") == "汇总"


@pytest.mark.parametrize(("asked", "command"), [("退回的有哪些", "未完成"), ("有没有退回的", "未完成"),
                                               ("还没有交的", "未完成"), ("还剩几天", "汇总"), ("还有几天截止", "汇总")])
def test_more_loose_questions_about_the_area(asked: str, command: str) -> None:
    assert loosely(asked) == command
    assert "没有找到名为" not in answer(asked)  # 退回的有哪些 was 退回 a unit named 的有哪些


def test_a_rollup_including_the_reports_waiting_is_asked_in_more_words() -> None:
    from bot.supervision.commands import _included

    assert _included("含待审") == _included("含已提交") == _included("全部") == "submitted"
    assert _included("") == "approved"


@pytest.mark.parametrize("asked", ["哪些单位表格数字对不上", "谁的数字对不上", "哪些表数字加不上", "谁的表格数据不一致",
                                   "哪些单位数算错了"])
def test_tables_whose_numbers_do_not_add_up_asked_in_loose_words_are_the_units_with_errors(asked: str) -> None:
    assert loosely(asked) == "错误单位"
    assert answer(asked) == answer("错误单位")


@pytest.mark.parametrize("asked", ["待审核的有哪些", "有几个待审的", "哪些等待审核", "还有哪些没审核", "需要审核的单位"])
def test_asking_which_reports_wait_for_review_is_the_summary_that_names_them(asked: str) -> None:
    assert loosely(asked) == "汇总"
    assert answer(asked) == answer("汇总")


@pytest.mark.parametrize(("asked", "command"), [("谁晚了", "逾期"), ("哪些单位交晚了", "逾期"), ("谁迟了", "逾期")])
def test_asking_who_is_late_in_everyday_words_is_the_overdue_list(asked: str, command: str) -> None:
    assert loosely(asked) == command
    assert answer(asked) == answer(command)


def test_asking_whether_a_returned_unit_has_mended_is_looking_at_it() -> None:
    from bot.supervision.commands import _normalise

    assert _normalise("城关镇改好了吗") == "查看 城关镇"
    assert _normalise("册井镇修改了没有") == "查看 册井镇"
    assert loosely("今天太晚了") == "今天太晚了"


# Review M6: 退回的改了没有 had become 查看 退回, 数据改了吗 查看 数据, both answered 没有找到单位
def test_asking_whether_the_returned_reports_were_mended_is_the_list_still_to_hand_in() -> None:
    assert loosely("退回的改了没有") == "未完成"
    assert answer("退回的改了没有") == answer("未完成")
    assert "【已退回】" in answer("退回的改了没有")


@pytest.mark.parametrize("asked", ["数据改了吗", "退回的改了没有", "报告改好了吗"])
def test_a_question_naming_no_unit_is_never_looking_up_a_unit(asked: str) -> None:
    from bot.supervision.commands import _normalise

    assert not _normalise(asked).startswith("查看"), _normalise(asked)
    assert "没有找到" not in answer(asked), answer(asked)


def test_a_question_about_words_that_are_no_unit_of_the_area_is_not_looking_one_up() -> None:
    """网站栏目改好了吗 names neither a unit of the area nor anything a unit's name ends with."""
    assert "没有找到名为「网站栏目」" not in answer("网站栏目改好了吗"), answer("网站栏目改好了吗")


def test_a_unit_of_the_area_named_without_its_kind_is_looked_at_when_asked_whether_it_mended() -> None:
    assert answer("册井改好了吗") == answer("查看 册井")


@pytest.mark.parametrize("asked", ["大家交得怎么样了", "大家填得怎么样了", "大家的进度怎么样"])
def test_a_question_about_everyones_report_is_the_summary(asked: str) -> None:
    """大家 is no unit: the question about one unit's report asked of everyone had been 「没有找到名为「大家」的单位」."""
    assert answer(asked) == answer("汇总")


@pytest.mark.parametrize("said", ["册井的可以了 通过吧", "册井的可以了，通过吧", "册井没问题，通过", "册井行了 通过"])
def test_a_unit_said_good_then_passed_is_passed(said: str) -> None:
    assert answer(said) == answer("通过 册井")
