"""Conversation state per user and report year, and the messages already answered (WeCom retries a delivery up to
three times).

A state is about one report year (its `year` key): when the year a unit works on moves on, the person starts a
fresh conversation — last year's "submitted" must never stand for this year's report.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .base import Repository
from .db import from_json, json_bytes, timestamp
from .reports import forget_figures_sql

YEAR_KEY = "year"  # the report year a conversation state is about


def state_year(state: dict[str, Any]) -> int | None:
    """The report year of a state (None: a state from before years were kept; upgraded files have none left)."""
    year = state.get(YEAR_KEY)
    return year if isinstance(year, int) else None


class ConversationRepository(Repository):
    def conversation(self, userid: str, year: int | None = None) -> dict[str, Any] | None:
        """The user's conversation state; with `year`, None when the state is about another report year."""
        # as bytes: the state goes to the JSON parser as UTF-8 without becoming Python text first (see bot.jsontext)
        state = from_json(self._value("SELECT CAST(state AS BLOB) FROM conversations WHERE userid = ?", (userid,)))
        if state is None or year is None or state_year(state) in (None, year):
            return state
        return None

    def save_conversation(self, userid: str, state: dict[str, Any], now: datetime, year: int | None = None,
                          forget: bool = True) -> None:
        """Keep the user's state; `year`: the report year it is about (stored in the state as `year`); `forget=False`:
        the caller forgets the figures of the user's unit itself (`forget_figures`, once for all it saved)."""
        if year is not None:
            state = {**state, YEAR_KEY: year}
        with self._statements():
            self.db.execute(
                "INSERT INTO conversations (userid, state, updated_at) VALUES (?, CAST(? AS TEXT), ?) ON CONFLICT (userid) "
                "DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (userid, json_bytes(state), timestamp(now)))
            if not forget:
                return
            # a unit's progress is the furthest of its people's: this person's unit needs its figures again
            self.db.execute(forget_figures_sql("(SELECT unit FROM users WHERE userid = ?)"), (userid,))

    def log_message(self, userid: str, now: datetime, kind: str, text: str, note: str | None = None) -> None:
        """Keep what a user typed (and why, e.g. free text where a number was expected): nothing typed is lost."""
        self._write("INSERT INTO message_log (userid, at, kind, text, note) VALUES (?, ?, ?, ?, ?)",
                    (userid, timestamp(now), kind, text, note))

    def message_log(self, userid: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM message_log WHERE userid = ? ORDER BY id", (userid,))

    def seen(self, key: str) -> list[dict[str, Any]] | None:
        """The replies given to the message with this dedup key, or None if it was never answered."""
        return from_json(self._value("SELECT CAST(replies AS BLOB) FROM seen_messages WHERE key = ?", (key,)))

    def remember(self, key: str, replies: list[dict[str, Any]], now: datetime) -> None:
        """Keep the replies to a message; the first answer wins, so every retry gets the same reply."""
        self._write("INSERT OR IGNORE INTO seen_messages (key, replies, at) VALUES (?, CAST(? AS TEXT), ?)",
                    (key, json_bytes(replies), timestamp(now)))

    def purge_seen(self, older_than: datetime) -> int:
        """Forget messages answered before `older_than` (keep at least 24 hours); how many were forgotten."""
        with self.transaction():
            return self.db.execute("DELETE FROM seen_messages WHERE at < ?", (timestamp(older_than),)).rowcount
