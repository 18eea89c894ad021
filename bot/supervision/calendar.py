"""Working days in China, with the 调休 days, from the maintained `chinese_calendar` package.

`chinese_calendar` knows each year only once the State Council has published its holiday notice (usually in
November for the next year); for a year it does not know it raises NotImplementedError. We then fall back to
Monday–Friday and record the year in `fallback_years`, so that the edge can log it and the admin can add the
holidays by hand (`extra_holidays`, `extra_workdays`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from .. import messages

IsWorkday = Callable[[date], bool]


class ChinaWorkdays:
    """A callable `is_workday(day)`: chinese_calendar first, then Mon–Fri for years it does not know."""

    def __init__(self, extra_holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()) -> None:
        self.extra_holidays = frozenset(extra_holidays)
        self.extra_workdays = frozenset(extra_workdays)
        self.fallback_years: set[int] = set()

    def __call__(self, day: date) -> bool:
        if day in self.extra_holidays:
            return False
        if day in self.extra_workdays:
            return True
        try:
            import chinese_calendar

            return bool(chinese_calendar.is_workday(day))
        except (ImportError, NotImplementedError):
            self.fallback_years.add(day.year)
            return day.weekday() < 5

    @property
    def note(self) -> str:
        """What to log when a year was guessed as Mon–Fri ('' when every day came from the calendar)."""
        if not self.fallback_years:
            return ""
        years = "、".join(str(y) for y in sorted(self.fallback_years))
        return messages.text("supervision_text", "calendar_fallback", years=years)


def weekdays(day: date) -> bool:
    """Monday–Friday: the fallback, and a plain calendar for tests."""
    return day.weekday() < 5


def shift_to_workday(day: date, is_workday: IsWorkday, limit: int = 30) -> date:
    """`day` if it is a working day, else the working day before it (a reminder never moves past its date)."""
    for back in range(limit + 1):
        candidate = day - timedelta(days=back)
        if is_workday(candidate):
            return candidate
    return day  # no working day in a month: a broken calendar, keep the date rather than lose the reminder
