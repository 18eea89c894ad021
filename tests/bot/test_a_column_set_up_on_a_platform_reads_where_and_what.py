"""A column the clerk says a platform has (网站设政府信息公开专栏) is drafted as where and what was set up (在政府网站
设置政府信息公开专栏), never as a thing to publish through (通过网站设政府信息公开专栏做好信息公开)."""

from __future__ import annotations

import pytest

from bot.drafting import Voice, clean_note, draft_paragraph
from bot.report import empty_report, with_derived

from .dialog_helpers import PROSE_ALL_DEFAULT, Chat, township

VOICE = Voice("东城镇人民政府", "镇", "我镇", 2025, True)
REPORT = with_derived(empty_report(VOICE.name, "镇", 2025))
FACTS = "网站设政府信息公开专栏，公众号东城发布"


@pytest.mark.parametrize("variant", range(3))
def test_the_platform_part_says_where_the_column_was_set_up(variant: int) -> None:
    text = draft_paragraph("platform", FACTS, REPORT, VOICE, variant=variant)
    assert "在政府网站设置政府信息公开专栏，运营公众号“东城发布”" in text, text
    assert "网站设政府" not in text


def test_the_clerk_at_1_5_gets_the_column_where_it_was_set_up() -> None:
    chat = Chat(township())
    prose = list(PROSE_ALL_DEFAULT)
    at_1_5 = prose.index("规范网站专栏 8 个子栏目")
    chat.say_all("你好", "0 0 0", "0 0 0", "0 0 0", "0", "否", "否", *prose[:at_1_5])
    reply = chat.send(FACTS)
    assert "【1.5】" in reply and "在政府网站设置政府信息公开专栏，运营公众号“东城发布”" in reply, reply


@pytest.mark.parametrize(("note", "written"), [
    ("网站设政府信息公开专栏", "在政府网站设置政府信息公开专栏"),
    ("网站上有政府信息公开专栏", "在政府网站设置政府信息公开专栏"),
    ("县政府网站开设了信息公开专栏", "在县政府网站设置信息公开专栏"),
    ("门户网站设置专栏", "在政府门户网站设置专栏"),
    ("公众号设了便民服务栏目", "在公众号设置便民服务栏目"),
    ("网站专栏", "网站专栏"),
])
def test_a_column_on_a_platform_is_written_where_then_what(note: str, written: str) -> None:
    assert clean_note(note) == written
