"""Every sentence the supervision features say, rendered from templates/supervision/*.j2 (plain text for WeCom)."""

from __future__ import annotations

import re
from typing import Any

import templates

from ..render import split_for_wecom

_BLANK_LINES = re.compile(r"\n{2,}")
WECOM_LIMIT = 2048


def say(template: str, /, **context: Any) -> str:
    """The message `templates/supervision/<template>.j2`, blank lines removed, trimmed."""
    # through the environment: templates.render() takes `name` itself, and our messages pass a unit's name
    text = templates.environment().get_template(f"supervision/{template}.j2").render(**context)
    return _BLANK_LINES.sub("\n", text).strip()


def pieces(text: str) -> list[str]:
    """`text` in messages WeCom accepts (2048 UTF-8 bytes each), cut between lines when possible."""
    return [p.strip("\n") for p in split_for_wecom(text, WECOM_LIMIT) if p.strip()]


def chunks(items: list[str], size: int) -> list[list[str]]:
    """Names in groups of `size`, one line each, so a long list never has to be cut inside a name."""
    return [items[i : i + size] for i in range(0, len(items), size)]
