"""五's 改进情况 is drafted from the 改进 notes given at 5.1: when the clerk changes those notes after 5.2 was adopted
(修改 5.1, 清空, new notes), 5.2 is asked again with a fresh draft; its old paragraph never stays with words the
clerk has taken back."""

from __future__ import annotations

from .test_dialog_prose import at, reply


def test_the_improvements_are_asked_again_when_their_notes_change() -> None:
    chat = at("5.1", "街道")
    chat.say_all("人少；改进：下一步的话配个专人，多弄点图解", "1", "1")
    assert "配备专人" in chat.report.text["s5.improvements"]
    chat.send("1")  # 六
    chat.say_all("修改 5.1", "清空", "更新不及时；改进：安排专人每周更新", "1")
    assert "【5.2】" in reply(chat) and "安排专人每周更新" in reply(chat), reply(chat)
    chat.send("1")
    assert chat.report.text["s5.improvements"] == "下一步，我街道将安排专人每周更新，推动政务公开工作提质增效。"
    assert "5.2" in chat.state["answered"]


def test_notes_unchanged_ask_nothing_again() -> None:
    chat = at("5.1", "街道")
    chat.say_all("人少；改进：配备专人", "1", "1", "1")
    chat.say_all("修改 5.1", "1")
    assert "【5.2】" not in reply(chat) and "5.2" in chat.state["answered"], reply(chat)
