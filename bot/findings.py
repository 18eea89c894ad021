"""What the checker and the importers say about a report.

A finding's message is rendered when someone reads it, not when the finding is made: a rule hands over a
`Sentence` (a template macro and its parameters), and `Finding.message` renders it on first access. Checking a
half-filled report yields dozens of R5 findings whose sentences nobody reads; they cost no template call.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from . import messages

Level = Literal["error", "warning"]


class Sentence:
    """A sentence not yet rendered: the macro `name` of `templates/messages/<room>.j2` and its parameters.

    A parameter may itself be a Sentence, or a list of them (R5 joins one sentence per cell): they are rendered first.
    """

    __slots__ = ("room", "name", "params")

    def __init__(self, room: str, name: str, params: Mapping[str, Any]) -> None:
        self.room, self.name, self.params = room, name, params

    def render(self) -> str:
        return messages.text(self.room, self.name, **{k: _rendered(v) for k, v in self.params.items()})

    def __repr__(self) -> str:
        return f"Sentence({self.room}.{self.name})"


def later(room: str, name: str, /, **params: Any) -> Sentence:
    """`messages.text(room, name, **params)`, rendered only when it is read."""
    return Sentence(room, name, params)


def _rendered(value: Any) -> Any:
    if isinstance(value, Sentence):
        return value.render()
    if isinstance(value, Joined):
        return value.separator.join(_rendered(v) for v in value.parts)
    return value


class Joined:
    """Parts joined by a separator when rendered: R5's “「本年制发件数」为空白，「本年废止件数」未填”."""

    __slots__ = ("separator", "parts")

    def __init__(self, separator: str, parts: list[Any]) -> None:
        self.separator, self.parts = separator, parts


class Fix:
    """A change to one prose slot's text that would settle a finding: spans of that text and what replaces each.

    Spans refer to the text the rule read (`report.text[slot]`, or the answer given to `check_answer`)."""

    __slots__ = ("slot", "edits")

    def __init__(self, slot: str, edits: tuple[tuple[int, int, str], ...]) -> None:
        self.slot, self.edits = slot, tuple(sorted(edits))

    def apply(self, text: str) -> str:
        for start, end, new in reversed(self.edits):
            text = text[:start] + new + text[end:]
        return text

    def pairs(self, text: str) -> list[tuple[str, str]]:
        """(old words, new words) for each edit, once each: for saying the fix in words."""
        return list(dict.fromkeys((text[start:end], new) for start, end, new in self.edits))

    def describe(self, text: str) -> str:
        """「将“柳园口乡”改为“我镇”」, in a sentence from templates/messages/rules.j2."""
        return messages.text("rules", "fix", pairs=self.pairs(text))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Fix) and (self.slot, self.edits) == (other.slot, other.edits)

    def __hash__(self) -> int:
        return hash((self.slot, self.edits))

    def __repr__(self) -> str:
        return f"Fix({self.slot!r}, {self.edits!r})"


class Finding:
    """A rule's verdict: the rule, its level, the cells or prose slots it concerns, and a message in plain Chinese
    (the arithmetic and where to look); for some prose findings, the `fix` to offer. Immutable; two findings are
    equal when rule, level, cells and message are."""

    __slots__ = ("rule", "level", "cells", "_message", "fix")

    rule: str  # R1 … R15
    level: Level
    cells: tuple[str, ...]  # cell ids or prose slot ids the finding concerns
    fix: Fix | None

    def __init__(self, rule: str, level: Level, cells: tuple[str, ...], message: str | Sentence,
                 fix: Fix | None = None) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "level", level)
        object.__setattr__(self, "cells", tuple(cells))
        object.__setattr__(self, "_message", message)
        object.__setattr__(self, "fix", fix)

    @property
    def message(self) -> str:
        message = self._message
        if isinstance(message, Sentence):
            message = message.render()
            object.__setattr__(self, "_message", message)
        return message

    @property
    def rendered(self) -> bool:
        """Whether the message has been rendered (for tests and benchmarks)."""
        return isinstance(self._message, str)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Finding is immutable: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Finding):
            return NotImplemented
        return (self.rule, self.level, self.cells, self.message) == (other.rule, other.level, other.cells,
                                                                     other.message)

    def __hash__(self) -> int:
        return hash((self.rule, self.level, self.cells))

    def __repr__(self) -> str:
        message = self._message if isinstance(self._message, str) else repr(self._message)
        return f"Finding({self.rule!r}, {self.level!r}, {self.cells!r}, {message!r})"

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "level": self.level, "cells": list(self.cells), "message": self.message}


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "warning"]
