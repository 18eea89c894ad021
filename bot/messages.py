"""Every sentence the conversation says, rendered from templates/messages/*.j2.

Plain text only (the WeChat view of WeCom shows Markdown raw); the caller keeps each passive reply within 2048 bytes.
"""

from __future__ import annotations

import re
from typing import Any

import templates

_BLANK_LINES = re.compile(r"\n{2,}")


def say(name: str, **context: Any) -> str:
    """The message `templates/messages/<name>.j2`, without trailing blank lines or doubled blank lines."""
    text = templates.render(f"messages/{name}.j2", **context)
    return _BLANK_LINES.sub("\n", text).strip()


def question(code: str, title: str, n: int, total: int, body: str) -> str:
    return say("question", code=code, title=title, n=n, total=total, body=body)


def fix_commands(targets: list[tuple[str, str]]) -> str:
    """「修改 3.5」重新填写办理结果件数，或「修改 3.2」重新填写本年新收。"""
    return say("fix", targets=targets) if targets else ""


def findings(title: str, errors: list[dict[str, str]], warnings: list[dict[str, str]]) -> str:
    return say("findings", title=title, errors=errors, warnings=warnings)
