"""A return reason that asks for more (1.5请写明网站栏目和公众号名称) does not lead the clerk to delete the fact they
add in answer (公众号东城发布): only a reason that finds fault (市长热线不属于主动公开，请删除) flags the facts it
names."""

from __future__ import annotations

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township


def returned(reason: str) -> Chat:
    chat = Chat(township())
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *PROSE_ALL_DEFAULT, "提交")
    chat.with_status("returned", reason)
    chat.send("你好")
    return chat


def test_the_fact_added_in_answer_to_a_return_asking_for_more_is_not_flagged() -> None:
    chat = returned("1.5平台建设写得太空，请写明网站栏目和公众号名称")
    reply = chat.send("网站设政府信息公开专栏，公众号柳园口发布")
    assert "公众号" in reply and "退回意见提到" not in reply


def test_a_fact_a_return_finds_fault_with_is_flagged() -> None:
    chat = returned("1.5平台建设中的市长热线不属于公开平台，请删除")
    reply = chat.send("网站设政府信息公开专栏，市长热线")
    assert "退回意见提到第" in reply and "条（市长热线）" in reply
