"""An account a clerk names right after its account word (我们有个公众号平安镇发布, 视频号青山之声) is printed as a named
account is, in quotes — as when the clerk says 叫 (公众号叫青山发布) — and the account the unit has is the one it runs
(运营公众号“…”). What follows an account word and is no name (公众号发布信息, 公众号信息发布及时) stays as said."""

from __future__ import annotations

import pytest

from bot.dialog import DialogContext
from bot.drafting import clean_note, draft_paragraph, voice_of
from bot.report import Report

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat

REPORT = Report("示范县青山乡人民政府", "乡", 2025)
VOICE = voice_of(REPORT, self_word="我乡", people_government=True)


@pytest.mark.parametrize(("note", "written"), [
    ("我们有个公众号平安镇发布", "运营公众号“平安镇发布”"),
    ("公众号叫平安镇发布", "运营公众号“平安镇发布”"),  # the 叫 form, as before
    ("公众号名字是青山发布", "运营公众号“青山发布”"),
    ("有个视频号青山之声", "运营视频号“青山之声”"),
    ("开通了公众号青山发布", "开通了公众号“青山发布”"),
    ("运营微信公众号青山发布", "运营微信公众号“青山发布”"),
    ("公众号青山发布发了120条", "公众号“青山发布”发布120条"),
    ("公众号青山发布每周更新", "公众号“青山发布”每周更新"),
])
def test_an_account_named_after_its_account_word_is_quoted(note: str, written: str) -> None:
    assert clean_note(note) == written
    assert written in draft_paragraph("s1.platform", [note], REPORT, VOICE)


@pytest.mark.parametrize("note", ["公众号发布信息120条", "公众号信息发布及时", "通过公众号发布", "公众号每周发布"])
def test_what_follows_an_account_word_and_is_no_name_is_not_quoted(note: str) -> None:
    assert "“" not in clean_note(note)


def test_in_the_conversation_the_account_is_quoted_and_one_named_after_another_township_is_flagged() -> None:
    chat = Chat(DialogContext(user_name="李华", unit="示范县青山乡人民政府", unit_kind="乡", year=2025,
                              other_units=("示范县青山乡人民政府", "示范县平安镇人民政府")))
    chat.say_all("开始", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否")
    answers = iter(PROSE_ALL_DEFAULT)
    while "【1.5】" not in chat.last.replies[0].text:
        chat.send(next(answers))
    said = chat.send("我们有个公众号平安镇发布")
    assert "运营公众号“平安镇发布”" in said and "其他单位的名称“平安镇”" in said, said
