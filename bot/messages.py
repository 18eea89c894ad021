"""The one messages module: every sentence nianbao says comes through here, from a template in `templates/`.

- `say(name, ...)`: a whole conversation reply, `templates/messages/<name>.j2`;
- `text(room, name, ...)`: one sentence, the macro `name` of `templates/messages/<room>.j2` (rules, importers,
  dialog, supervision_text, cli, settings, storage);
- `edge(name, ...)`: an edge reply, `templates/messages/edge_<name>.j2`;
- `supervision(name, ...)`: a supervision reply, `templates/supervision/<name>.j2`.

Plain text only (the WeChat view of WeCom shows Markdown raw); the caller keeps each passive reply within 2048 bytes.
Context travels as keyword arguments after positional-only names, so a context value may itself be called `name`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import templates

_BLANK_LINES = re.compile(r"\n{2,}")


def _render(path: str, context: dict[str, Any]) -> str:
    return templates.render_context(path, context)


def _without_blank_lines(text: str) -> str:
    # most messages have no blank line: the test in C is a tenth of a search by the pattern, which was made for
    # every reply
    return _BLANK_LINES.sub("\n", text) if "\n\n" in text else text


def say(name: str, /, **context: Any) -> str:
    """The message `templates/messages/<name>.j2`, without trailing blank lines or doubled blank lines."""
    return _without_blank_lines(_render(f"messages/{name}.j2", context)).strip()


@cache
def _room(room: str) -> Any:
    # the module of a macro file is built once: a rule calls its macro for every finding
    return templates.environment().get_template(f"messages/{room}.j2").module


def text(room: str, name: str, /, **context: Any) -> str:
    """The sentence of macro `name` in `templates/messages/<room>.j2`, without surrounding newlines.

    Only newlines are stripped: a sentence may begin with spaces on purpose (an indented CLI line).
    """
    return str(getattr(_room(room), name)(**context)).strip("\n")


def edge(name: str, /, **context: Any) -> str:
    """One edge message from `templates/messages/edge_<name>.j2`, without the template's final newline."""
    return _render(f"messages/edge_{name}.j2", context).strip()


def supervision(name: str, /, **context: Any) -> str:
    """The message `templates/supervision/<name>.j2`, blank lines removed, trimmed."""
    return _without_blank_lines(_render(f"supervision/{name}.j2", context)).strip()


def question(code: str, title: str, n: int, total: int, body: str) -> str:
    return say("question", code=code, title=title, n=n, total=total, body=body)


def fix_commands(targets: list[tuple[str, str]]) -> str:
    """「修改 3.5」重新填写办理结果件数，或「修改 3.2」重新填写本年新收。"""
    return say("fix", targets=targets) if targets else ""


def findings(title: str, errors: list[dict[str, str]], warnings: list[dict[str, str]]) -> str:
    return say("findings", title=title, errors=errors, warnings=warnings)
