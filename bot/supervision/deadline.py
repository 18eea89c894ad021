"""设置截止: an admin moves the due date (and, if need be, the publication date) of a campaign by message.

    decision = decide_due("2027-01-15 公开 2027-01-31", current_campaign, today)

The report year follows from the date: a due date in January–March 2027 closes the 2026 reports, so a date after
the current campaign sets — or creates — the next one. Only what can never work is refused, each time with an
example that would work today.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .area import Campaign

PUBLISH_MONTH_DAY = (1, 31)  # 条例 第四十九条: published by 31 January
LAST_DUE_MONTH = 3  # a due date in January–March belongs to the previous year's reports
EXAMPLE_DAY = 15  # the usual internal deadline: mid-January
_FULL = re.compile(r"^(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[-月./]\s*(\d{1,2})\s*日?$")
_PUBLISH = re.compile(r"\s*公开(?:期限)?\s*[:：]?\s*")


@dataclass(frozen=True)
class SetDue:
    due: date
    year: int  # the report year of the campaign set (or created)
    publish_by: date


@dataclass(frozen=True)
class DueRefusal:
    problem: str  # usage | bad_date | season | too_far | bad_publish | after_publish | past
    text: str = ""  # what the admin typed, as typed
    day: date | None = None
    publish_by: date | None = None


def parse_day(text: str, default_year: int | None = None) -> date | None:
    """2027-01-15, 2027年1月15日, 2027/1/15, 20270115, full-width digits; 1月15日 in `default_year`."""
    text = unicodedata.normalize("NFKC", text).strip().rstrip("。.")
    m = _FULL.match(text) or _COMPACT.match(text)
    parts = m.groups() if m else None
    if parts is None and default_year is not None:
        md = _MONTH_DAY.match(text)
        parts = (str(default_year), *md.groups()) if md else None
    if parts is None:
        return None
    try:
        return date(*(int(p) for p in parts))
    except ValueError:
        return None


def report_year_of_due(day: date) -> int | None:
    """The report year a due date belongs to (January–March of the next year), or None."""
    return day.year - 1 if day.month <= LAST_DUE_MONTH else None


def open_report_year(today: date) -> int:
    """The report year whose campaign is running or comes next: until March the previous year's, then this year's."""
    return today.year - 1 if today.month <= LAST_DUE_MONTH else today.year


def default_publish_by(year: int) -> date:
    return date(year + 1, *PUBLISH_MONTH_DAY)


def working_campaign(current: Campaign, today: date) -> Campaign:
    """The campaign an admin's 设置截止 is about by default: the current one until its publish-by, then the next."""
    if today <= current.publish_by:
        return current
    year = max(open_report_year(today), current.year + 1)
    publish_by = default_publish_by(year)
    return Campaign(year, publish_by, publish_by, current.area, current.plan, current.tz)


def example_due(current: Campaign, today: date) -> date:
    """A due date that would be accepted today: the working campaign's mid-January, else a few days from today."""
    campaign = working_campaign(current, today)
    wanted = date(campaign.year + 1, 1, EXAMPLE_DAY)
    if wanted >= today:
        return wanted
    soon = today + timedelta(days=3)
    return soon if soon <= campaign.publish_by else today


def decide_due(arg: str, current: Campaign, today: date) -> SetDue | DueRefusal:
    """What `设置截止 <arg>` does: the campaign it sets, or why not."""
    arg = unicodedata.normalize("NFKC", arg).strip()
    if not arg:
        return DueRefusal("usage")
    due_text, publish_text = _split(arg)
    working = working_campaign(current, today)
    day = parse_day(due_text, default_year=working.year + 1)
    if day is None:
        return DueRefusal("bad_date", due_text)
    year = report_year_of_due(day)
    if year is None:
        return DueRefusal("season", due_text, day)
    if year > today.year:
        return DueRefusal("too_far", due_text, day)
    if publish_text:
        publish_by = parse_day(publish_text, default_year=year + 1)
        if publish_by is None or publish_by.year != year + 1:
            return DueRefusal("bad_publish", publish_text, day, publish_by)
    else:
        publish_by = current.publish_by if current.year == year else default_publish_by(year)
    if day > publish_by:
        return DueRefusal("after_publish", due_text, day, publish_by)
    if day < today:
        return DueRefusal("past", due_text, day, publish_by)
    return SetDue(day, year, publish_by)


def _split(arg: str) -> tuple[str, str]:
    """The due date and the publish-by typed after 公开 (or "")."""
    parts = _PUBLISH.split(arg, maxsplit=1)
    return parts[0].strip(), (parts[1].strip() if len(parts) > 1 else "")
