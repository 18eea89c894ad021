"""A supervisor asking in plain words whether the returned reports were mended (退回的改了没有) gets the units still
to hand in, the returned ones among them (handlers.conversation, real SQLite); 数据改了吗 names no unit and is told
what can be asked. Both had been read as 查看 of a unit named 退回 or 数据, and answered 没有找到名为…的单位."""

from __future__ import annotations

from storage import Store, User
from tests.bot.dialog_helpers import PROSE_ALL_DEFAULT
from tests.handlers.test_two_clerks_of_one_unit_write_one_report_and_hear_of_each_other import (  # noqa: F401
    UNIT,
    say,
    store,
)


def test_asking_whether_the_returned_reports_were_mended_lists_those_still_returned(store: Store) -> None:  # noqa: F811
    store.save_user(User("liu", "刘主任", "supervisor", None, "示范县"))
    say(store, "zhang", "你好", "0 0 0", "1 0 1", "210 12 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    say(store, "liu", f"退回 {UNIT} 表二行政许可的数字请再核对", "确认")
    reply = say(store, "liu", "退回的改了没有")
    assert "【已退回】" in reply and "城关镇" in reply and "没有找到" not in reply, reply
    reply = say(store, "liu", "数据改了吗")
    assert "没有找到" not in reply and "「数据改了吗」" in reply, reply
