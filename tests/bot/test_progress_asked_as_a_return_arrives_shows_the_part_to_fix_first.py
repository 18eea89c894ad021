"""A clerk whose report was returned and who types 进度 gets the return notice followed directly by the part the
reason names (下面是意见涉及的题目：【5.1】…), not a list of every part 已完成 between the two; a reason that names
no part still gets the list, which holds the numbers 修改 needs."""

from __future__ import annotations

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township


def returned(reason: str) -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    chat.with_status("returned", reason)
    return chat


def test_progress_as_a_return_arrives_goes_straight_to_the_part_to_fix() -> None:
    reply = returned("存在问题写得太笼统，请结合本乡实际").send("进度")
    assert "下面是意见涉及的题目：\n\n【5.1】存在的主要问题" in reply
    assert "已完成 15/15 题" not in reply


def test_progress_as_a_return_naming_no_part_arrives_lists_the_parts() -> None:
    reply = returned("请再核对一遍").send("进度")
    assert "已完成 15/15 题" in reply and "【6.1】其他需要报告的事项：已完成" in reply
