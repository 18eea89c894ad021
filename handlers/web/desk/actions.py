"""退回, 通过 and 催办 from the desk, through the very code the chat runs: `supervisor_command` decides (the same checks,
the same notice to the unit's staff) and `handlers.supervisor.execute` records it (the same status change, audit
rows and outbox rows) — in one transaction.

The command sees an area view holding only the unit the page is about, so matching a name can never act on
another unit.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, tzinfo

from bot.supervision import AreaView, supervisor_command
from handlers.areas import Scope, area_campaign, load_units, supervisors_of
from handlers.supervisor import execute
from storage import Store, User

REVIEW_WORDS = {"return": "退回", "approve": "通过", "remind": "催办"}


def review(store: Store, user: User, unit: str, area: str | None, year: int, action: str, reason: str,
           now: datetime, tz: tzinfo) -> tuple[bool, list[str]]:
    """(whether the report was returned/approved or its clerks reminded, what the chat would have answered)."""
    word = REVIEW_WORDS[action]
    reason = " ".join(reason.split())  # one line, as typed in a chat message
    text = f"{word} {unit}" + (f" {reason}" if action == "return" and reason else "")
    with store.transaction():
        campaign, stored = area_campaign(store, area, now, tz)
        campaign = replace(campaign, year=year)
        view = AreaView(area or "", campaign, load_units(store, campaign, names=[unit]), supervisors_of(store, area))
        # the desk's form carries its own confirmation tick: this is the confirmed command, not the question
        result = supervisor_command(text, user.role, view, now, tz, confirmed=True)
        execute(store, user, result, view, Scope(area, text), stored if stored and stored.year == year else None,
                now, tz)
    return bool(result.actions), [r.text for r in result.replies if r.kind == "text" and r.text]
