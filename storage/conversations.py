"""Conversation state per user, and the messages already answered (WeCom retries a delivery up to three times)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .base import Repository
from .db import from_json, timestamp, to_json
from .reports import FORGET_FIGURES


class ConversationRepository(Repository):
    def conversation(self, userid: str) -> dict[str, Any] | None:
        row = self._row("SELECT state FROM conversations WHERE userid = ?", (userid,))
        return from_json(row["state"]) if row else None

    def save_conversation(self, userid: str, state: dict[str, Any], now: datetime) -> None:
        with self.transaction():
            self.db["conversations"].upsert(
                {"userid": userid, "state": to_json(state), "updated_at": timestamp(now)}, pk="userid"
            )
            # a unit's progress is the furthest of its people's: this person's unit needs its figures again
            self.db.execute(f"UPDATE reports SET {FORGET_FIGURES} WHERE open_errors IS NOT NULL AND unit = "
                            "(SELECT unit FROM users WHERE userid = ?)", (userid,))

    def log_message(self, userid: str, now: datetime, kind: str, text: str, note: str | None = None) -> None:
        """Keep what a user typed (and why, e.g. free text where a number was expected): nothing typed is lost."""
        with self.transaction():
            self.db["message_log"].insert(
                {"userid": userid, "at": timestamp(now), "kind": kind, "text": text, "note": note}
            )

    def message_log(self, userid: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM message_log WHERE userid = ? ORDER BY id", (userid,))

    def seen(self, key: str) -> list[dict[str, Any]] | None:
        """The replies given to the message with this dedup key, or None if it was never answered."""
        row = self._row("SELECT replies FROM seen_messages WHERE key = ?", (key,))
        return from_json(row["replies"]) if row else None

    def remember(self, key: str, replies: list[dict[str, Any]], now: datetime) -> None:
        """Keep the replies to a message; the first answer wins, so every retry gets the same reply."""
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO seen_messages (key, replies, at) VALUES (?, ?, ?)",
                (key, to_json(replies), timestamp(now)),
            )

    def purge_seen(self, older_than: datetime) -> int:
        """Forget messages answered before `older_than` (keep at least 24 hours); how many were forgotten."""
        with self.transaction():
            return self.db.execute("DELETE FROM seen_messages WHERE at < ?", (timestamp(older_than),)).rowcount
