"""退回, 通过 and 催办 from the desk, through the very code the chat runs: `supervisor_command` decides (the same checks,
the same notice to the unit's staff) and `handlers.supervisor.execute` records it (the same status change, audit
rows and outbox rows) — in one transaction.

The command sees an area view holding only the unit the page is about, so matching a name can never act on
another unit; 催办 of every overdue unit sees only the area's overdue units, so the chat's bare 催办 (every unit
not handed in) reminds exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, tzinfo

from bot.supervision import AreaView, supervisor_command
from bot.supervision.area import days_left, local_date
from bot.supervision.commands import RemindNow
from bot.supervision.summary import overdue_units, pending_units
from handlers.areas import Scope, area_campaign, attach_accepted_by, load_units, supervisors_of
from handlers.supervisor import execute, queue_reminders
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
        if action == "return":  # its notice names who accepted each warning, as the chat's does
            attach_accepted_by(store, year, view.units, {unit})
        # the desk's form carries its own confirmation tick: this is the confirmed command, not the question
        result = supervisor_command(text, user.role, view, now, tz, confirmed=True)
        execute(store, user, result, view, Scope(area, text), stored if stored and stored.year == year else None,
                now, tz)
    return bool(result.actions), [r.text for r in result.replies if r.kind == "text" and r.text]


@dataclass(frozen=True)
class Reminded:
    """What 催办 of every overdue unit did: the units reminded now and how many people, the units reminded a moment
    ago (not again: the same minute's reminder is queued once), and the overdue units with no clerk to remind."""

    overdue: int = 0  # the units to chase (before the due date: every unit not handed in)
    units: int = 0
    people: int = 0
    repeated: int = 0
    unreachable: int = 0
    before_due: int = 0  # 1: sent before the due date, to the units not handed in yet (none is overdue)


def remind_overdue(store: Store, user: User, area: str, now: datetime, tz: tzinfo) -> Reminded:
    """催办 to every unit of the area still not handed in after the due date, as the chat's 催办 sends it (the same
    reminder, dedup key and reminder records), in one transaction."""
    with store.transaction():
        campaign, stored = area_campaign(store, area, now, tz)
        everyone = AreaView(area, campaign, load_units(store, campaign, area=area, reports=False))
        before_due = days_left(campaign.due, local_date(now, tz)) >= 0
        # before the due date every unit not handed in is chased (as the chat's 催办 does); after it the overdue
        late = [u.unit for u in (pending_units(everyone.units) if before_due else overdue_units(everyone, now, tz))]
        if not late:
            return Reminded(before_due=int(before_due))
        # loaded again as the single 催办 loads its unit: with its report, for the reminder's next question
        view = AreaView(area, campaign, load_units(store, campaign, names=late), supervisors_of(store, area))
        result = supervisor_command("催办", user.role, view, now, tz, confirmed=True)
        action = next((a for a in result.actions if isinstance(a, RemindNow)), None)
        sent, repeated = queue_reminders(store, action, campaign, stored, now) if action else ([], [])
    return Reminded(len(late), len(sent), len({p for s in sent for p in s.users}), len(repeated),
                    sum(not u.staff for u in view.units), int(before_due))
