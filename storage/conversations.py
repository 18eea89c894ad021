"""Conversation state per user and report year, and the messages already answered (WeCom retries a delivery up to
three times).

A state is about one report year (its `year` key): when the year a unit works on moves on, the person starts a
fresh conversation — last year's "submitted" must never stand for this year's report.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from bot import jsontext

from .base import Repository
from .db import from_json, json_bytes, timestamp
from .reports import forget_figures_sql

YEAR_KEY = "year"  # the report year a conversation state is about
# states held in memory as their stored JSON bytes (see `ConversationRepository._states_held`): as many as people
# typing at once in a busy hour (2,000), so that a person's next message finds theirs; a few KB each
STATES_HELD = 2048


def state_year(state: dict[str, Any]) -> int | None:
    """The report year of a state (None: a state from before years were kept; upgraded files have none left)."""
    year = state.get(YEAR_KEY)
    return year if isinstance(year, int) else None


class ConversationRepository(Repository):
    def conversation(self, userid: str, year: int | None = None) -> dict[str, Any] | None:
        """The user's conversation state; with `year`, None when the state is about another report year."""
        text, written = self._state_bytes(userid)
        # what this process wrote through orjson is read by orjson alone (see bot.jsontext.written)
        state = jsontext.loads_written(text) if written else from_json(text)
        if state is None or year is None or state_year(state) in (None, year):
            return state
        return None

    def save_conversation(self, userid: str, state: dict[str, Any], now: datetime, year: int | None = None,
                          forget: bool = True) -> None:
        """Keep the user's state; `year`: the report year it is about (stored in the state as `year`); `forget=False`:
        the caller forgets the figures of the user's unit itself (`forget_figures`, once for all it saved)."""
        if year is not None:
            state = {**state, YEAR_KEY: year}
        text, written = jsontext.written(state)  # json_bytes, and whether orjson wrote them
        with self._statements():
            self.db.execute(
                "INSERT INTO conversations (userid, state, updated_at) VALUES (?, CAST(? AS TEXT), ?) ON CONFLICT (userid) "
                "DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
                (userid, text, timestamp(now)))
            self._hold_state(userid, text, written)
            if not forget:
                return
            # a unit's progress is the furthest of its people's: this person's unit needs its figures again
            self.db.execute(forget_figures_sql("(SELECT unit FROM users WHERE userid = ?)"), (userid,))

    def _state_bytes(self, userid: str) -> tuple[bytes | None, bool]:
        """The user's stored state as UTF-8 bytes (None: none stored), which the JSON parser takes as they are (see
        bot.jsontext), and whether orjson wrote them: held in memory when this process wrote or read it last, else
        read."""
        with self._lock:
            held = self._states_held()
            found = held.get(userid)
            if found is not None:
                held.move_to_end(userid)
                return found
            text = self._value("SELECT CAST(state AS BLOB) FROM conversations WHERE userid = ?", (userid,))
            if text is not None:
                self._hold_state(userid, text, False)  # who wrote them is not known: read as any stored JSON
            return text, False

    def _hold_state(self, userid: str, text: bytes, written: bool) -> None:
        held = self._states_held()
        held[userid] = (text, written)
        held.move_to_end(userid)
        if len(held) > STATES_HELD:
            held.popitem(last=False)

    def _states_held(self) -> OrderedDict[str, tuple[bytes, bool]]:
        """The states this process last wrote or read, by user, the most recently used last: a message reads its
        person's state, and the one before it wrote it (reading it again was a statement in every message). Held
        while `_data_version()` stays as it was, that is while no other connection committed and nothing here was
        rolled back: within that, every write of the table is `save_conversation`'s, and it holds what it wrote."""
        version = self._data_version()
        if self.__dict__.get("_states_version") != version:
            self._states_version = version
            self._states = OrderedDict()
        return self._states

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
