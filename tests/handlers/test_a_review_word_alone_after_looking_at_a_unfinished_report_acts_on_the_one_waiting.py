"""A supervisor opens 城关镇's report (waiting), then 青山乡's (still being filled in), then types 通过 alone: it
asks to approve 城关镇's, the one report that can be approved — it had answered that 青山乡 cannot be approved yet,
leaving the supervisor to guess why 通过 failed on the report the notice had just asked them to review. Real SQLite,
the engine as the WeCom edge calls it."""

from __future__ import annotations

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    UNIT,
    say,
    store,
)


def _looked_at_a_unit_still_filling_in(store: Store) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    say(store, "li", "你好", "0 0 0")
    say(store, "liu", "查看 城关镇")
    assert "填写中" in say(store, "liu", "查看 青山乡")


def test_approve_alone_after_looking_at_a_unit_still_filling_in_asks_about_the_one_waiting(store: Store) -> None:  # noqa: F811
    _looked_at_a_unit_still_filling_in(store)
    asked = say(store, "liu", "通过")
    assert asked.startswith(f"请确认：审核通过{UNIT}2025年度报告"), asked
    say(store, "liu", "确认")
    assert store.report(UNIT, 2025).status == "approved"  # type: ignore[union-attr]


def test_return_alone_after_looking_at_a_unit_still_filling_in_asks_the_reason_for_the_one_waiting(store: Store) -> None:  # noqa: F811
    _looked_at_a_unit_still_filling_in(store)
    asked = say(store, "liu", "退回")
    assert UNIT in asked and "原因" in asked and "青山乡" not in asked, asked


def test_look_alone_still_opens_the_report_last_looked_at(store: Store) -> None:  # noqa: F811
    _looked_at_a_unit_still_filling_in(store)
    assert say(store, "liu", "查看").startswith("青山乡人民政府（乡）2025年度报告")
