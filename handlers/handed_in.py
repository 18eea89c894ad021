"""The day a report was handed in, as its 落款 prints it: the unit's own calendar day, passed to the pure renderers
as plain data (the core reads no clock and knows no time zone)."""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from bot.supervision.stats import HANDED_IN  # the report as it stands is the version handed in
from storage import StoredReport

__all__ = ["HANDED_IN", "current_handed_in_at", "current_submitted_on", "day_of", "submitted_on"]


def submitted_on(stored: StoredReport, tz: tzinfo | None, handed_in: bool) -> date | None:
    """The day the version shown was handed in, in `tz` (NIANBAO_TZ); None for a draft (`handed_in`
    False) or a report never submitted."""
    if not handed_in or stored.submitted_at is None:
        return None
    return day_of(stored.submitted_at, tz)


def current_handed_in_at(stored: StoredReport) -> datetime | None:
    """When the report as it stands was handed in: only while it is the version handed in (a returned or withdrawn
    report is being edited again: a draft, signed without a day)."""
    return stored.submitted_at if stored.status in HANDED_IN else None


def current_submitted_on(stored: StoredReport, tz: tzinfo | None) -> date | None:
    """`current_handed_in_at` as the unit's calendar day."""
    moment = current_handed_in_at(stored)
    return day_of(moment, tz) if moment is not None else None


def day_of(moment: datetime, tz: tzinfo | None) -> date:
    """The calendar day of a stored moment (UTC) in `tz`: handed in at 00:30 on 1月20日 in China is 1月19日 in UTC."""
    return moment.astimezone(tz).date() if tz is not None else moment.date()
