"""Confirmations awaited: 重新开始, 提交 with warnings and 导入 of this year's file in a clerk's conversation, 通过 and 退回 of a supervisor.

One rule for all of them: a confirmation awaited is answered by its 确认 (or the reply it asks for) or by 取消; any
other message drops it, and the reply to that message first says that the action was not carried out — a
supervisor who types 查看 after 通过 must not believe the report approved. The conversation keeps its awaited
confirmation in its state, the supervisor edge in storage; both say so through `not_carried_out`.
"""

from __future__ import annotations

from typing import Literal

from . import messages

Awaited = Literal["restart", "submit", "review", "import"]


def not_carried_out(kind: Awaited, *, cancelled: bool = False, expired: bool = False, word: str = "",
                    unit: str = "", year: int | None = None, reason: str = "") -> str:
    """What was awaiting confirmation and is not done: cancelled by 取消, or dropped by another message (`expired`:
    the confirmation came too late). A review names its word (通过/退回), unit, year and reason."""
    return messages.say("pending_dropped", kind=kind, cancelled=cancelled, expired=expired, word=word, unit=unit,
                        year=year or "", reason=reason)
