"""What the checker and the importers say about a report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    rule: str  # R1 … R15
    level: Level
    cells: tuple[str, ...]  # cell ids or prose slot ids the finding concerns
    message: str  # plain Chinese: the arithmetic and where to look

    def to_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "level": self.level, "cells": list(self.cells), "message": self.message}


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]


def warnings(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "warning"]
