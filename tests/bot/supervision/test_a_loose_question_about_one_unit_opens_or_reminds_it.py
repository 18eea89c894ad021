"""A loose question about one unit (看看册井, 册井镇的报告, 胡集乡咋还没交) is 查看 that unit, 催一下胡集 is 催办 it,
and 册井镇退回，原因 is 退回 with its reason — as the chat's edge reads a supervisor's message (`naming_a_unit`,
then the command)."""

from __future__ import annotations

import pytest

from bot.supervision import AskConfirmation, naming_a_unit, supervisor_command

from .helpers import TZ, at, seed_area


def read(text: str) -> str:
    return naming_a_unit(text, seed_area().units)


@pytest.mark.parametrize(("asked", "command"), [
    ("看看册井镇", "查看 册井镇"), ("册井镇的报告", "查看 册井镇"), ("胡集乡咋还没交", "查看 胡集乡"),
    ("胡集怎么还没交呢？", "查看 胡集"), ("册井的年报发我", "查看 册井"), ("查一下胡集乡情况", "查看 胡集乡"),
    ("催一下胡集", "催办 胡集"), ("胡集乡催一下", "催办 胡集乡"),
])
def test_a_loose_question_naming_a_unit_is_its_command(asked: str, command: str) -> None:
    assert read(asked) == command


@pytest.mark.parametrize("text", ["看看规章", "公开栏情况", "好的", "还有几个没交的"])
def test_a_loose_question_naming_no_unit_is_left_as_it_was(text: str) -> None:
    assert read(text) == text


def test_a_unit_said_to_be_returned_without_ba_is_returned_with_its_reason() -> None:
    result = supervisor_command("册井镇退回，表三结转数不对", "supervisor", seed_area(), at(12, 10), TZ)
    assert isinstance(result.actions[0], AskConfirmation)
    assert result.actions[0].pending.word == "退回" and result.actions[0].pending.reason == "表三结转数不对"


@pytest.mark.parametrize(("asked", "answer"), [("xx镇咋还没交", "没有找到名为「xx镇」的单位"),
                                               ("胡集镇的报告", "您是否要找：胡集乡？")])
def test_a_loose_question_about_a_unit_that_is_none_says_so(asked: str, answer: str) -> None:
    assert answer in supervisor_command(asked, "supervisor", seed_area(), at(12, 10), TZ).replies[0].text


def test_a_question_ending_like_an_office_is_no_unit() -> None:
    assert read("那咋办呢") == "那咋办呢"


@pytest.mark.parametrize(("said", "command"), [("胡集乡通过", "通过 胡集乡"), ("胡集的报告可以通过了", "通过 胡集"),
                                               ("胡集乡的经办人是谁", "查看 胡集乡")])
def test_a_unit_said_to_pass_is_approved_after_confirmation_and_its_clerk_is_asked_for(said: str, command: str) -> None:
    assert read(said) == command
    if command.startswith("通过"):
        result = supervisor_command(said, "supervisor", seed_area(), at(12, 10), TZ)
        assert isinstance(result.actions[0], AskConfirmation) and result.actions[0].pending.word == "通过"


@pytest.mark.parametrize(("asked", "command"), [("胡集乡填到哪了", "查看 胡集乡"), ("刘街乡怎么还没动", "查看 刘街乡"),
                                               ("册井镇的经办人电话", "查看 册井镇")])
def test_more_loose_questions_about_one_unit(asked: str, command: str) -> None:
    assert read(asked) == command
