"""Campaigns (one reporting round per year and area) and the reminders planned for them.

Minimal for now: the timers of a later issue build on these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from bot import messages

from .base import Repository
from .db import day, from_json, parse_timestamp, timestamp, to_json


@dataclass(frozen=True)
class Campaign:
    id: int
    year: int
    area: str | None
    due_date: date
    publish_by: date
    settings: dict[str, Any] = field(default_factory=dict)


def _campaign(row: dict[str, Any]) -> Campaign:
    return Campaign(row["id"], row["year"], row["area"], date.fromisoformat(row["due_date"]),
                    date.fromisoformat(row["publish_by"]), from_json(row["settings"], {}))


class CampaignRepository(Repository):
    def save_campaign(self, year: int, due_date: date, publish_by: date, area: str | None = None,
                      settings: dict[str, Any] | None = None) -> Campaign:
        """Create or update the campaign of `year` (and `area`; None = every area)."""
        values = (day(due_date), day(publish_by), to_json(settings or {}))
        with self.transaction():
            existing = self.campaign(year, area)
            if existing is None:
                self.db.execute(
                    "INSERT INTO campaigns (year, area, due_date, publish_by, settings) VALUES (?, ?, ?, ?, ?)",
                    (year, area, *values),
                )
            else:
                self.db.execute("UPDATE campaigns SET due_date = ?, publish_by = ?, settings = ? WHERE id = ?",
                                (*values, existing.id))
            campaign = self.campaign(year, area)
            assert campaign is not None
            return campaign

    def campaign(self, year: int, area: str | None = None) -> Campaign | None:
        row = self._row("SELECT * FROM campaigns WHERE year = ? AND area IS ?", (year, area))
        return _campaign(row) if row else None

    def current_campaign(self, area: str | None, before_year: int | None = None) -> Campaign | None:
        """The campaign an area works under now: the one of the newest year set for the area or for every area (the
        area's own first within a year): a campaign set for every area for next year follows an area's own.

        `before_year`: only campaigns of a year before it — pass the current local year, so that a campaign set in
        advance for a year not yet ended starts on 1 January, never sooner."""
        sql, params = "SELECT * FROM campaigns WHERE (area IS ? OR area IS NULL)", (area,)
        if before_year is not None:
            sql, params = sql + " AND year < ?", (area, before_year)
        row = self._row(sql + " ORDER BY year DESC, area IS NULL, id DESC LIMIT 1", params)
        return _campaign(row) if row else None

    def upcoming_campaign(self, area: str | None, from_year: int) -> Campaign | None:
        """A campaign set in advance for the area (or every area): the newest of a year `from_year` or later."""
        row = self._row(
            "SELECT * FROM campaigns WHERE (area IS ? OR area IS NULL) AND year >= ? "
            "ORDER BY year DESC, area IS NULL, id DESC LIMIT 1",
            (area, from_year),
        )
        return _campaign(row) if row else None

    def campaigns(self, year: int) -> list[Campaign]:
        return [_campaign(r) for r in self._rows("SELECT * FROM campaigns WHERE year = ? ORDER BY id", (year,))]

    def plan_reminder(self, campaign_id: int, unit: str, slot: str, planned_at: datetime) -> bool:
        """Plan one reminder; False when this (campaign, unit, slot) was planned already."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO reminders (campaign, unit, slot, planned_at) VALUES (?, ?, ?, ?)",
                (campaign_id, unit, slot, timestamp(planned_at)),
            )
            return cursor.rowcount == 1

    def due_reminders(self, now: datetime) -> list[dict[str, Any]]:
        """Planned reminders whose time has come: {id, campaign, unit, slot, planned_at, status, sent_at}."""
        rows = self._rows(
            "SELECT * FROM reminders WHERE status = 'planned' AND planned_at <= ? ORDER BY planned_at, id",
            (timestamp(now),),
        )
        for r in rows:
            r["planned_at"], r["sent_at"] = parse_timestamp(r["planned_at"]), parse_timestamp(r["sent_at"])
        return rows

    def mark_reminder(self, reminder_id: int, status: str, now: datetime) -> None:
        """Close a reminder as sent or cancelled."""
        if status not in ("sent", "cancelled"):
            raise ValueError(messages.text("storage", "bad_reminder_status", status=status))
        with self.transaction():
            self.db.execute("UPDATE reminders SET status = ?, sent_at = ? WHERE id = ?",
                            (status, timestamp(now) if status == "sent" else None, reminder_id))
