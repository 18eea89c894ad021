"""The notes a clerk gives for a paragraph are acknowledged (已补充要点), listed and numbered in the form the draft uses
them: laughter and filler off, chatter (好的好的, 我问问小王, a phone number, what the leader said) left out and said
so. 删除 N deletes the N-th note as shown, and the draft never holds what the list does not."""

from __future__ import annotations

import re

import pytest

from .dialog_helpers import Chat, township

ZERO_T2 = ("0 0 0", "0 0 0", "0 0 0", "0")
STRAY = re.compile(r"哈|呵|嗯|好的|收到|小王|小李|老张|领导|电话|\d{7,}|找我|忙死|问问")


def _at_active() -> Chat:
    chat = Chat(township())
    chat.say_all("你好", *ZERO_T2, "否", "否", "1")
    assert chat.state["cur"][0] == "1.2"
    return chat


def _listed(reply: str) -> list[str]:
    """The numbered notes under 要点：, as the clerk reads them."""
    block = reply.split("要点：\n", 1)[1]
    return [m.group(1) for m in re.finditer(r"^\d+\. (.+)$", block, re.M)]


def _added(reply: str) -> list[str]:
    m = re.search(r"已补充要点：(.+?)。草稿更新如下", reply)
    return m.group(1).split("；") if m else []


@pytest.mark.parametrize(("typed", "used"), [
    ("好的好的，公众号发布120条，具体我问问小王，哈哈", ["公众号发布120条"]),
    ("嗯嗯 收到收到；公开栏覆盖各村", ["公开栏覆盖各村"]),
    ("政务微博发布信息30条哈哈哈，领导说先这么写", ["政务微博发布信息30条"]),
    ("还有公开栏，有事打我电话13900001111", ["公开栏"]),
    ("老张负责的网站专栏更新了18次呢", []),  # names a colleague: the whole note is left out
])
def test_added_notes_are_shown_as_the_draft_uses_them(typed: str, used: list[str]) -> None:
    chat = _at_active()
    chat.send("网站信息公开专栏56条")
    reply = chat.send(typed)
    assert _added(reply) == used
    listed = _listed(reply)
    assert listed == ["网站信息公开专栏56条", *used]
    assert not any(STRAY.search(note) for note in listed), listed
    draft = reply.split("草拟如下：\n", 1)[1].split("\n要点", 1)[0]
    assert not STRAY.search(draft), draft
    assert "未记入" in reply  # the clerk is told what was left out


def test_delete_n_removes_the_note_shown_as_n() -> None:
    chat = _at_active()
    chat.send("哈哈 网站信息公开专栏56条")
    reply = chat.send("好的好的；公众号发布120条；我问问小王；公开栏覆盖各村")
    assert _listed(reply) == ["网站信息公开专栏56条", "公众号发布120条", "公开栏覆盖各村"]
    reply = chat.send("删除 2")
    assert "已删除第 2 条要点「公众号发布120条」" in reply
    assert _listed(reply) == ["网站信息公开专栏56条", "公开栏覆盖各村"]
    assert "120条" not in reply.split("草拟如下：\n", 1)[1].split("\n要点", 1)[0]


def test_first_notes_are_listed_without_their_chatter_too() -> None:
    chat = _at_active()
    reply = chat.send("网站信息公开专栏56条 哈哈，我问问小李，政务公众号发布信息120条")
    assert _listed(reply) == ["网站信息公开专栏56条", "政务公众号发布信息120条"]


def test_notes_that_are_all_chatter_are_refused_and_the_question_stays() -> None:
    chat = _at_active()
    reply = chat.send("好的好的 哈哈")
    assert "未记入" in reply and chat.state["cur"] == ["1.2", 0] and not chat.state["facts"].get("1.2")
