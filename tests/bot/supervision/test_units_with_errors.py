"""错误单位: a supervisor asks whose tables don't add up and gets the units whose report still has errors, most errors
first, with where each stands — asked as the command or in plain words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.supervision import AreaView, is_refused_for_staff, is_supervisor_command, supervisor_command
from bot.supervision.commands import ERRORS_SHOWN

from .helpers import TZ, at, many_units, seed_area


def _answer(text: str, area: AreaView | None = None) -> str:
    result = supervisor_command(text, "supervisor", area or seed_area(), at(12, 10), TZ)
    assert result.handled and not result.actions
    return "\n".join(r.text for r in result.replies)


def test_the_units_with_errors_are_named_most_errors_first() -> None:
    area = seed_area()
    area.units[4] = replace(area.units[4], open_errors=3)  # in progress, 40 %
    answer = _answer("错误单位", area)
    assert "尚有错误的单位共2个" in answer
    first, second = answer.index("错3处"), answer.index("错1处")
    assert first < second
    assert "填写中 40%" in answer and "已退回" in answer
    approved = area.units[0].unit
    assert approved[:4] not in answer.split("：", 1)[1]  # a unit without errors is not named


def test_no_unit_with_errors_is_said_so() -> None:
    area = seed_area()
    area.units[3] = replace(area.units[3], open_errors=0)
    assert "目前没有单位的报告存在错误" in _answer("错误单位", area)


def test_a_long_list_names_the_first_and_counts_the_rest() -> None:
    units = [replace(u, open_errors=1 + i % 4) for i, u in enumerate(many_units(ERRORS_SHOWN + 12))]
    area = AreaView("祥符区", seed_area().campaign, units)
    answer = _answer("错误单位", area)
    assert f"共{ERRORS_SHOWN + 12}个" in answer and "另有12个单位未逐一列出" in answer
    assert answer.count("错4处") <= ERRORS_SHOWN


@pytest.mark.parametrize("asked", ["哪些单位的表对不上？", "谁的表对不上", "哪些单位有错误", "有错误的单位", "谁的表有错呢"])
def test_asked_in_plain_words_it_is_the_command(asked: str) -> None:
    assert is_supervisor_command(asked)
    assert _answer(asked) == _answer("错误单位")


def test_staff_asking_so_reach_their_own_conversation() -> None:
    assert not is_refused_for_staff("哪些单位的表对不上")
    assert is_refused_for_staff("错误单位")


def test_the_command_list_names_it() -> None:
    result = supervisor_command("帮助", "supervisor", seed_area(), at(12, 10), TZ)
    assert "「错误单位」" in result.replies[0].text
