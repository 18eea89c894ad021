"""The guided conversation as a pure function of (state, report, incoming message), driven by the format's questions.

    result = step(state, report, incoming, ctx)

`state` is plain JSON (stored between messages); `result.report` has its derived cells computed; `result.replies[0]`
is the passive reply, the rest (long text, the .docx) go out through the API.
"""

from __future__ import annotations

from typing import Any

from ..report import Report
from .context import DialogContext, StepResult, initial_state, load_state
from .engine import COMMAND_PINYIN, step
from .flow import done_total, is_relevant, next_position


def progress(state: dict[str, Any] | None, report: Report, ctx: DialogContext) -> tuple[int, int, str | None, str | None]:
    """(questions done, questions that apply, code and title of the question asked next) — counted like 第 n/m 题.

    For the supervisor's view and the reminders: the conversation's own reckoning, so that "已完成 60%" there and
    the staff member's 进度 never disagree. `report` is the unit's report (unused today: progress is the state's).
    """
    loaded = load_state(state, copy=False)
    done, total = done_total(ctx, loaded)
    # by a scan, not flow.question(): its cache hashes the whole Format, too slow for thousands of units at once
    by_code = {q.code: q for q in ctx.fmt.questions}
    cur = loaded["cur"]
    current = by_code.get(cur[0]) if cur else None
    if current is None or not is_relevant(ctx.fmt, loaded, current) or current.code in loaded["answered"]:
        pos = next_position(ctx, loaded)
        current = by_code.get(pos[0]) if pos else None
    return done, total, (current.code if current else None), (current.title if current else None)


__all__ = ["COMMAND_PINYIN", "DialogContext", "StepResult", "initial_state", "progress", "step"]
