"""The 落款's day is the day the unit handed the report in, on its own calendar (not UTC's), and only the version
handed in carries it: a report returned or withdrawn is edited again as a draft, signed without a day."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.report import Report
from handlers.handed_in import current_submitted_on
from handlers.web.report_pages import shown_submitted_on
from storage import StoredReport

SHANGHAI = ZoneInfo("Asia/Shanghai")
# handed in at 00:30 on 2025年1月20日 in China: still 1月19日 in UTC
HANDED_IN = datetime(2025, 1, 19, 16, 30, tzinfo=UTC)


def stored(status: str, ever_submitted: bool = True) -> StoredReport:
    report = Report("永清县刘街乡", "乡", 2024)
    return StoredReport(report, status, HANDED_IN if ever_submitted else None, HANDED_IN,
                        submitted=report if ever_submitted else None)


def test_the_day_is_the_units_calendar_day() -> None:
    assert current_submitted_on(stored("submitted"), SHANGHAI) == date(2025, 1, 20)
    assert current_submitted_on(stored("approved"), SHANGHAI) == date(2025, 1, 20)


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_a_report_edited_again_is_a_draft_without_a_day(status: str) -> None:
    assert current_submitted_on(stored(status), SHANGHAI) is None


@pytest.mark.parametrize(("status", "view", "day"), [
    ("submitted", "submitted", date(2025, 1, 20)),
    ("submitted", "draft", date(2025, 1, 20)),  # the draft link of a report handed in shows the version handed in
    ("returned", "submitted", date(2025, 1, 20)),  # the link sent at submission keeps showing what was handed in
    ("returned", "draft", None),  # the clerk's edit after the return
    ("draft", "submitted", date(2025, 1, 20)),  # withdrawn: the version handed in, as the link sent shows it
    ("draft", "draft", None),
])
def test_the_page_signs_the_version_it_shows(status: str, view: str, day: date | None) -> None:
    assert shown_submitted_on(stored(status), view, SHANGHAI) == day  # type: ignore[arg-type]


def test_a_report_never_handed_in_has_no_day() -> None:
    assert shown_submitted_on(stored("draft", ever_submitted=False), "submitted", SHANGHAI) is None
