"""The opening of 一 (1.1) is asked before 主动公开 (1.2), yet names its channels (网站, 公众号…): a paragraph taken as
drafted is drafted again when an answer it draws on arrives or changes, and the clerk is told so; a paragraph in the
clerk's own words is never touched."""

from __future__ import annotations

from tests.bot.test_dialog_prose import at, reply

CHANNELS = "政府网站信息公开专栏 56 条，政务公众号 120 条"


def test_the_channels_told_at_active_disclosure_reach_the_opening_adopted_before() -> None:
    chat = at("1.2")
    assert "依法主动公开政府信息" in chat.report.text["s1.summary"]  # 1.1 was taken before the channels were told
    chat.send(CHANNELS)
    assert "同步更新【1.1】" in reply(chat), reply(chat)
    chat.send("1")
    opening = chat.report.text["s1.summary"]
    assert "通过政府网站信息公开专栏、政务公众号主动公开政府信息" in opening, opening
    assert "1.1" in chat.state["answered"]


def test_channels_changed_later_change_the_opening_again() -> None:
    chat = at("1.2")
    chat.say_all(CHANNELS, "1")
    chat.say_all("修改 1.2", "政务公开栏 12 期")
    opening = chat.report.text["s1.summary"]
    assert "政务公开栏" in opening, opening


def test_an_opening_in_the_clerks_own_words_is_kept_as_written() -> None:
    chat = at("1.1")
    own = ("2025年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
           "扎实推进政务公开各项工作，取得了较好成效。现将有关情况报告如下。")
    chat.send(f"用我的原文：{own}")
    kept = chat.report.text["s1.summary"]
    chat.say_all(CHANNELS, "1")
    assert chat.report.text["s1.summary"] == kept and "同步更新" not in reply(chat)
