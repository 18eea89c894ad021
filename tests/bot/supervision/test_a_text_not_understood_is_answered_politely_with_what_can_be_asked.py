"""A supervisor's text that is no command is answered politely (抱歉，未能理解「…」。), with the commands and a word
that plain questions work too, named with a unit of the supervisor's own area."""

from __future__ import annotations

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area


def test_a_text_not_understood_is_answered_politely_with_a_unit_of_the_area() -> None:
    text = supervisor_command("jindu", "supervisor", seed_area(), at(12, 10), TZ).replies[0].text
    assert text.startswith("抱歉，未能理解「jindu」。\n审核人员可用命令（也可直接问，如“还有几个没交的”“催一下刘街乡”")
    assert "未能识别的命令" not in text
