"""The one error an import raises."""

from __future__ import annotations


class NotAReport(Exception):
    """The file is not a report, or cannot be read. The message is a polite Chinese sentence for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
