"""A clerk of 青山乡 gives table 三 more 办理结果 (4) than 新收 + 上年结转 (3) and stops at 【3.6】结转下年度, which
would be negative. No count is negative, so that column cannot add up however 3.6 is filled: the supervisor asking
whose tables do not add up is told 青山乡 (it was told none, 3.6 being blank), and 查看 says the blank as 未填, never
as 0. Results fewer than the applications, 3.6 blank, are work still to do: no error. Real SQLite, the engine as the
WeCom edge calls it."""

from __future__ import annotations

from storage import Store, User
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    say,
    store,
)

UP_TO_THE_RESULTS = ("你好", "0 0 0", "0 0 0", "5 3 0", "0", "是", "3 0 0 0 0 0", "无", "1 11")


def _results_given(store: Store, *results: str) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "li", *UP_TO_THE_RESULTS, *results)


def test_results_more_than_the_applications_are_a_table_that_does_not_add_up(store: Store) -> None:  # noqa: F811
    _results_given(store, "2 0 0 0 0 0", "2 0 0 0 0 0")  # 4 results of 3 applications
    assert "青山乡 错2处" in say(store, "liu", "错误单位")
    looked = say(store, "liu", "查看 青山乡")
    assert "表三「自然人」列：本年新收 3 + 上年结转 0 = 3，但办理结果总计 4 + 结转下年度 未填，至少为 4，相差至少 1" in looked, looked
    assert "结转下年度 0" not in looked, looked


def test_results_fewer_than_the_applications_before_the_carry_forward_are_no_error(store: Store) -> None:  # noqa: F811
    _results_given(store, "1 0 0 0 0 0", "1 0 0 0 0 0")  # 2 of 3: one may yet be carried forward
    assert "没有单位的报告存在错误" in say(store, "liu", "错误单位")
    assert "错误" not in say(store, "liu", "查看 青山乡")
