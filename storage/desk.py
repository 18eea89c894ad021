"""What the supervisor's desk reads beyond the chat's queries: when each unit's report reached each status."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .base import Repository
from .db import parse_timestamp


class DeskRepository(Repository):
    def status_changes(self, year: int, areas: Sequence[str] | None) -> list[dict[str, Any]]:
        """Every status change of the year's reports of the units in `areas` (None: every unit), oldest first:
        {unit, at, status}. One query, for the progress chart over the campaign."""
        sql = ("SELECT a.unit, a.at, a.new_value AS status FROM audit a JOIN units u ON u.name = a.unit "
               "WHERE a.year = ? AND a.field = 'status'")
        params: list[Any] = [year]
        if areas is not None:
            sql += f" AND u.area IN ({','.join('?' * len(areas))})"
            params += list(areas)
        rows = self._rows(sql + " ORDER BY a.id", tuple(params))
        for r in rows:
            r["at"] = parse_timestamp(r["at"])
        return rows

    def area_unit_names(self, area: str) -> list[dict[str, Any]]:
        """The names of the units of one area (not those nested in it): R13 looks for them in a unit's prose."""
        return self._rows("SELECT name FROM units WHERE area = ?", (area,))
