"""`relevant_questions` asks `is_relevant` only of the questions a gate or a menu can close (held per format): the
list must be exactly the questions `is_relevant` admits, whatever the gates, answers, choices and skips say."""

from __future__ import annotations

import random

import pytest

from bot.dialog import DialogContext
from bot.dialog.flow import is_relevant, relevant_questions
from bot.formats import FORMATS


@pytest.mark.parametrize("format_id", sorted(FORMATS))
def test_the_questions_that_apply_are_the_ones_is_relevant_admits(format_id: str) -> None:
    fmt = FORMATS[format_id]
    ctx = DialogContext(user_name="张三", unit="青山乡", unit_kind="乡", year=2024, fmt=fmt)
    gates = [q.code for q in fmt.questions if q.kind == "gate"]
    menus = [q.code for q in fmt.questions if q.kind == "menu"]
    rng = random.Random(7)
    closed = 0
    for _ in range(300):
        state = {
            "gates": {g: rng.choice([True, False, None]) for g in gates if rng.random() < 0.7},
            "answered": [m for m in menus if rng.random() < 0.5],
            "choices": {m: rng.choice([[], ["a"], None]) for m in menus if rng.random() < 0.7},
            "skipped": [m for m in menus if rng.random() < 0.3],  # a menu skipped closes its counts too
        }
        applying = relevant_questions(ctx, state)
        assert applying == [q for q in fmt.questions if is_relevant(fmt, state, q)]
        closed += len(fmt.questions) - len(applying)
    assert closed  # gates and menus did close questions
