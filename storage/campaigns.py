"""Campaigns: one reporting round per year and area, with its dates and reminder settings.

What each reminder slot became (sent or skipped) is recorded by `storage.supervision`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .base import Repository
from .db import day, from_json, to_json


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


# `above`: the area (depth 0) and the areas it is nested in (1 = its parent …); a cycle stops at the bound
_AREA_AND_ABOVE = ("WITH RECURSIVE above(name, depth) AS (SELECT ?, 0 UNION SELECT a.parent, above.depth + 1 "
                   "FROM areas a JOIN above ON a.name = above.name WHERE a.parent IS NOT NULL AND above.depth < 50)")


class CampaignRepository(Repository):
    def save_campaign(self, year: int, due_date: date, publish_by: date, area: str | None = None,
                      settings: dict[str, Any] | None = None) -> Campaign:
        """Create or update the campaign of `year` (and `area`; None = every area)."""
        values = (day(due_date), day(publish_by), to_json(settings or {}))
        self._campaigns_version += 1
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
        """The campaign an area works under now: the one of the newest year set for the area, for an area it is
        nested in (the nearest first), or for every area; within a year the nearest wins, so a county follows its
        city's dates unless it has its own, and a campaign set for every area for next year follows an area's own.

        `before_year`: only campaigns of a year before it — pass the current local year, so that a campaign set in
        advance for a year not yet ended starts on 1 January, never sooner."""
        return self._held_campaign(("current", area, before_year), lambda: self._nearest_campaign(
            area, "c.year < ?" if before_year is not None else "1", before_year))

    def upcoming_campaign(self, area: str | None, from_year: int) -> Campaign | None:
        """A campaign set in advance for the area (or an area it is nested in, or every area): the newest of a year
        `from_year` or later, the nearest within a year."""
        return self._held_campaign(("upcoming", area, from_year),
                                   lambda: self._nearest_campaign(area, "c.year >= ?", from_year))

    def _held_campaign(self, key: tuple[Any, ...], read: Callable[[], Campaign | None]) -> Campaign | None:
        # every message asks which campaign its unit works under: held until a campaign or an area's nesting
        # changes here, another process commits, or a rollback may have undone what was read
        with self._lock:
            held = self._held("_held_campaigns", (self._campaigns_version, *self._data_version()))
            if key not in held:
                held[key] = read()
            return held[key]

    def _nearest_campaign(self, area: str | None, year_test: str, year: int | None) -> Campaign | None:
        params: tuple[Any, ...] = (area,) + ((year,) if year is not None else ())
        row = self._row(
            f"{_AREA_AND_ABOVE} SELECT c.* FROM campaigns c LEFT JOIN above ON above.name = c.area "
            f"WHERE (above.name IS NOT NULL OR c.area IS NULL) AND {year_test} "
            "ORDER BY c.year DESC, coalesce(above.depth, 1000000), c.id DESC LIMIT 1",
            params,
        )
        return _campaign(row) if row else None

    def campaigns(self, year: int) -> list[Campaign]:
        return [_campaign(r) for r in self._rows("SELECT * FROM campaigns WHERE year = ? ORDER BY id", (year,))]
