"""Units, users and the WeCom users nobody has introduced yet."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal, TypeVar

from bot import messages
from bot.rules import AreaNames

from .base import Repository
from .db import parse_timestamp, timestamp
from .reports import forget_figures_sql

T = TypeVar("T")
ROLES = ("staff", "supervisor", "admin")
# the order units are listed in to people: the organisation file's (see `set_unit_order`), then by name
LISTED = "ORDER BY position, name"
Saved = Literal["added", "updated", "unchanged"]


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str
    area: str | None = None
    # its active people, as read with the unit (`OrgRepository.unit`): several write one report, each in a
    # conversation of their own, which then learn of each other's answers; one (nearly every unit) pays nothing for it
    clerks: int = field(default=1, compare=False)


@dataclass(frozen=True)
class User:
    userid: str
    name: str
    role: str  # staff | supervisor | admin
    unit: str | None = None
    area: str | None = None  # a supervisor covers every unit of this area
    active: bool = True


def _user(row: dict[str, Any]) -> User:
    return User(row["userid"], row["name"], row["role"], row["unit"], row["area"], bool(row["active"]))


class OrgRepository(Repository):
    def unit(self, name: str) -> Unit | None:
        # the count is held with the row (`_held_row`), read again when a user is saved: no statement per message
        return self._held_row("SELECT name, kind, area, (SELECT count(*) FROM users WHERE users.unit = units.name AND "
                              "active) AS clerks FROM units WHERE name = ?", name, lambda row: Unit(**row))

    def units(self, area: str | None = None) -> list[Unit]:
        """The units (of `area`) in the organisation list's order, the order a person reads them in."""
        if area is None:
            rows = self._rows(f"SELECT name, kind, area FROM units {LISTED}")
        else:
            rows = self._rows(f"SELECT name, kind, area FROM units WHERE area = ? {LISTED}", (area,))
        return [Unit(**r) for r in rows]

    def set_unit_order(self, names: Sequence[str]) -> int:
        """List the units in the order of `names` (an organisation file's), those not named after them in the
        order they had; how many moved. The order is what people read (a county's official order), never a key."""
        with self.transaction():
            now = dict(self.db.execute(f"SELECT name, position FROM units {LISTED}").fetchall())
            named = dict.fromkeys(names)
            order = [*named, *(name for name in now if name not in named)]
            moves = [(i, name) for i, name in enumerate(order, 1) if name in now and now[name] != i]
            self.db.conn.executemany("UPDATE units SET position = ? WHERE name = ?", moves)
            return len(moves)

    def unit_name_matcher(self, area: str) -> AreaNames:
        """Every unit name of `area` compiled into one matcher (R13 scans a text once for all of them), held in
        memory: a message in an area of 20,000 units must not read and compile them all. Built once per area, again
        when a unit is saved here or another process (`nianbao org import`) committed anything since
        (`PRAGMA data_version`); a report's own unit among them is left out by the rule."""
        with self._lock:
            cache = self._names_held()
            key = ("matcher", area)
            if key not in cache:
                cache[key] = AreaNames(self._area_names(cache, area))
            return cache[key]

    def hold_unit_name_matchers(self) -> int:
        """Build every area's name matcher now (at start-up); how many areas. An area of 20,000 units takes a
        second or more to compile, which would otherwise hold up the first batch of messages from it."""
        areas = [r[0] for r in self.db.execute("SELECT DISTINCT area FROM units WHERE area IS NOT NULL")]
        for area in areas:
            self.unit_name_matcher(area)
        return len(areas)

    def unit_names(self) -> tuple[str, ...]:
        """Every unit's name, held like `unit_name_matcher` (a staff member's command word is checked against
        them: reading 20,000 rows for that on a message is what the cache spares)."""
        with self._lock:
            cache = self._names_held()
            names = cache.get("all")
            if names is None:
                names = cache["all"] = tuple(r[0] for r in self.db.conn.execute("SELECT name FROM units ORDER BY name"))
            return names

    def _names_version(self) -> tuple[int, ...]:
        return (self._units_version, *self._data_version())

    def _names_held(self) -> dict:
        return self._held("_other_names", self._names_version())

    def _area_names(self, cache: dict, area: str) -> tuple[str, ...]:
        names = cache.get(("area", area))
        if names is None:
            names = cache[("area", area)] = tuple(
                r[0] for r in self.db.execute("SELECT name FROM units WHERE area = ? ORDER BY name", (area,)))
        return names

    def user(self, userid: str) -> User | None:
        """The user, active or not: the edge decides what an inactive user may still do."""
        return self._held_row("SELECT * FROM users WHERE userid = ?", userid, _user)

    def _held_row(self, sql: str, key: str, make: Callable[[dict[str, Any]], T]) -> T | None:
        """The row `sql` reads for `key`, made into a frozen object and held: every message reads its user and
        unit. Held until a unit or user is saved here, a rollback here, or a commit elsewhere; a row not found is
        not held (it may be added at any moment)."""
        with self._lock:
            held = self._held("_held_org_rows", (self._units_version, self._users_version, *self._data_version()))
            found = held.get((sql, key))
            if found is None:
                row = self._row(sql, (key,))
                if row is None:
                    return None
                found = held[(sql, key)] = make(row)
            return found

    def users(self) -> list[User]:
        return [_user(r) for r in self._rows("SELECT * FROM users ORDER BY userid")]

    def users_of_unit(self, unit: str) -> list[User]:
        rows = self._rows("SELECT * FROM users WHERE unit = ? AND active ORDER BY userid", (unit,))
        return [_user(r) for r in rows]

    def supervisors_of_area(self, area: str) -> list[User]:
        rows = self._rows(
            "SELECT * FROM users WHERE role = 'supervisor' AND area = ? AND active ORDER BY userid", (area,)
        )
        return [_user(r) for r in rows]

    def admins(self) -> list[User]:
        return [_user(r) for r in self._rows("SELECT * FROM users WHERE role = 'admin' AND active ORDER BY userid")]

    def save_unit(self, unit: Unit) -> Saved:
        with self.transaction():
            old = self.unit(unit.name)
            if old == unit:
                return "unchanged"
            # a new unit is listed last (storage.migrations.UNIT_POSITIONS), until an organisation file says where
            self.db["units"].upsert({k: v for k, v in asdict(unit).items() if k != "clerks"}, pk="name")
            self._units_version += 1  # the names held in memory are rebuilt
            self.forget_figures(unit.name)  # its kind decides which questions are asked
            return "added" if old is None else "updated"

    def save_user(self, user: User) -> Saved:
        if user.role not in ROLES:
            raise ValueError(messages.text("storage", "bad_role", role=user.role))
        with self.transaction():
            old = self.user(user.userid)
            if old == user:
                return "unchanged"
            self.db["users"].upsert({**asdict(user), "active": int(user.active)}, pk="userid")
            self._users_version += 1
            self.forget_figures(user.unit, old.unit if old else None)  # a unit's progress is its people's
            return "added" if old is None else "updated"

    def deactivate_users_except(self, userids: set[str]) -> int:
        """Mark every active user not in `userids` inactive (never deleted: their audit rows name them)."""
        with self.transaction():
            active = {r["userid"]: r["unit"] for r in self._rows("SELECT userid, unit FROM users WHERE active")}
            leaving = sorted(active.keys() - userids)
            for userid in leaving:
                self.db["users"].update(userid, {"active": 0})
            self._users_version += 1
            self.forget_figures(*(active[u] for u in leaving))
            return len(leaving)

    def forget_figures(self, *units: str | None, years: tuple[int, ...] = ()) -> None:
        """The units' stored figures are no longer current (computed again on the next read): of `years` only, or
        of every year. Each year forgotten needlessly is a report checked again in full by the figures task.

        What this process forgot stays forgotten until figures are saved (`save_figures`), another connection
        commits or a rollback undoes it: a clerk's every message forgets their unit's figures, and while the figures
        task waits for a quiet moment the statement found nothing to forget in all but the first."""
        with self._lock:
            forgotten = self._held("_figures_forgotten", (self._figures_saved, *self._data_version()))
            for unit in {u for u in units if u}:
                if (unit, years) not in forgotten:
                    self._write(forget_figures_sql(years=len(years)), (unit, *years))
                    forgotten[(unit, years)] = True

    def log_unknown_user(self, userid: str, now: datetime) -> None:
        at = timestamp(now)
        with self.transaction():
            self.db.execute(
                """INSERT INTO unknown_users (userid, first_seen, last_seen, count) VALUES (?, ?, ?, 1)
                   ON CONFLICT (userid) DO UPDATE SET last_seen = excluded.last_seen, count = count + 1""",
                (userid, at, at),
            )

    def unknown_users(self) -> list[dict[str, Any]]:
        """Unknown WeCom users not imported since, most recent first: {userid, first_seen, last_seen, count}."""
        rows = self._rows(
            """SELECT * FROM unknown_users WHERE userid NOT IN (SELECT userid FROM users)
               ORDER BY last_seen DESC, userid"""
        )
        for r in rows:
            r["first_seen"], r["last_seen"] = parse_timestamp(r["first_seen"]), parse_timestamp(r["last_seen"])
        return rows
