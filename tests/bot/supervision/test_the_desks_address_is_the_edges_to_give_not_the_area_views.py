"""QA round reading the code: `AreaView.desk_link` (the address of the area's page on the 年报审核台) was a field
nothing set, so the core's 审核台 always read '' from it. The address is the edge's to give: the edge answers 审核台
before it loads any area (tests/handlers/test_a_supervisor_asking_for_the_desk_gets_its_link.py); the core, which
knows no address, answers as a server without one."""

from __future__ import annotations

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area


def test_the_core_alone_answers_the_desk_as_a_server_without_an_address() -> None:
    [reply] = supervisor_command("审核台", "supervisor", seed_area(), at(20), TZ).replies
    assert "尚未开通" in reply.text and "http" not in reply.text
