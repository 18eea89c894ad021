"""The demo's start-up banner: the command to run in another terminal stands on a line of its own (the stop hint
used to be glued to it)."""

from __future__ import annotations

import pytest

from bot.messages import edge
from handlers.demo import DEMO_USERS, ROLE_NAMES


@pytest.mark.parametrize("gateway", ["", "http://127.0.0.1:8080/wecom-gateway/"])
def test_the_chat_command_is_a_line_of_its_own(gateway: str) -> None:
    banner = edge("demo_banner", base_url="http://127.0.0.1:8080", db_path="data/demo.db", env_path="data/demo.env",
                  users=DEMO_USERS, roles=ROLE_NAMES, gateway=gateway)
    lines = banner.splitlines()
    command = next(line.strip() for line in lines if line.strip().startswith("nianbao chat"))
    assert command.endswith("--channel longconn" if gateway else "--url http://127.0.0.1:8080"), command
    assert lines[-1].strip() == "按 Ctrl-C 停止。"
