"""What the job tests share: a moment to start from and a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime

T0 = datetime(2026, 1, 6, 1, 30, tzinfo=UTC)


class Clock:
    """The worker's clock: `now` stays where the test puts it."""

    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now
