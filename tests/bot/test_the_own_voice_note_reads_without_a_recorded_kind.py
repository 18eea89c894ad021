"""The line telling a clerk which of their words for the unit were written in its own voice reads whole when the
unit's kind is not recorded (it read 本单位为，正文自称…)."""

from __future__ import annotations

from bot import messages


def test_the_note_without_a_kind_names_no_kind() -> None:
    said = messages.say("own_voice", kind="", words="本单位", pairs=[("我镇", "本单位")])
    assert said == "正文自称“本单位”，已将要点中的“我镇”改为“本单位”。", said


def test_the_note_with_a_kind_names_it() -> None:
    said = messages.say("own_voice", kind="开发区", words="我区", pairs=[("我委", "我区")])
    assert said.startswith("本单位为开发区，正文自称“我区”"), said
