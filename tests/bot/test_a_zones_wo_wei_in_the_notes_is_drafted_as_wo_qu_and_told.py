"""A zone's clerk says 我委 for the 管理委员会 as a department's clerk does; the zone's report says 我区 (R13 flags a
我委 in it). The draft from the clerk's notes writes 我区 where the notes say 我委, the numbered notes show it, and the
clerk is told the change in one line, as a 乡's 我镇 becomes 我乡 (which the draft, too, now writes). A committee that
is a department (卫生健康委员会) keeps its 我委, and 我委托 is no self-word."""

from __future__ import annotations

from bot.dialog import DialogContext
from bot.dialog.prose import voiced

from .dialog_helpers import Chat

ZERO_TABLES = ("0 0 0", "0 0 0", "0 0 0", "0", "否", "否")


def _notes(unit: str, kind: str, note: str) -> tuple[Chat, str]:
    chat = Chat(DialogContext(user_name="张三", unit=unit, unit_kind=kind, year=2025))
    chat.say_all("你好", *ZERO_TABLES, "1")
    return chat, chat.send(note)


def test_a_zones_wo_wei_is_drafted_as_wo_qu_and_the_clerk_is_told() -> None:
    chat, reply = _notes("舒城经济开发区管理委员会", "开发区", "网站发布56条，公众号发布120条，由我委党政办负责审核")
    assert "本单位为开发区，正文自称“我区”，已将要点中的“我委”改为“我区”。" in reply, reply
    assert "3. 由我区党政办负责审核" in reply and "我委" not in reply.split("已将要点中的", 1)[1][10:], reply
    assert "检查发现" not in reply, reply
    chat.send("1")
    text = chat.report.text["s1.active"]
    assert "由我区党政办负责审核" in text and "我委" not in text, text


def test_a_townships_wo_zhen_in_a_note_is_drafted_as_wo_xiang_and_told() -> None:
    chat, reply = _notes("青山乡人民政府", "乡", "在我镇便民服务大厅设置公开栏")
    assert "已将要点中的“我镇”改为“我乡”" in reply and "检查发现" not in reply, reply
    chat.send("1")
    assert "我镇" not in chat.report.text["s1.active"]


def test_a_departments_wo_wei_stays_and_nothing_is_told() -> None:
    chat, reply = _notes("示范县卫生健康委员会", "县级部门", "网站发布56条，由我委办公室负责审核")
    assert "已将要点中的" not in reply and "由我委办公室负责审核" in reply, reply


def test_only_the_self_word_is_changed() -> None:
    assert voiced("我委托第三方评估，我委员会审议", "我区", ("我委",)) == ("我委托第三方评估，我委员会审议", ())
    assert voiced("我委、本镇", "我区", ("我委",)) == ("我区、本区", (("本镇", "本区"), ("我委", "我区")))
