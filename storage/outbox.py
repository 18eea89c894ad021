"""The durable queue of messages to send through the WeCom API: it survives restarts and never holds one twice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from bot import messages

from .base import Repository
from .db import from_json, parse_timestamp, timestamp, to_json

MsgType = Literal["text", "textcard", "file"]
MSGTYPES = ("text", "textcard", "file")
Channel = Literal["app", "longconn"]
CHANNELS = ("app", "longconn")


@dataclass(frozen=True)
class OutboxItem:
    id: int
    dedup_key: str | None
    touser: list[str]
    msgtype: str
    payload: dict[str, Any]
    file_bytes: bytes | None
    status: str  # pending | sent | failed
    attempts: int  # sends begun (`begin_attempt`): more than 0 means WeCom may have delivered it already
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None
    last_error: str | None


def _item(row: dict[str, Any]) -> OutboxItem:
    return OutboxItem(
        id=row["id"], dedup_key=row["dedup_key"], touser=row["touser"].split("|"), msgtype=row["msgtype"],
        payload=from_json(row["payload"]), file_bytes=row["file_bytes"], status=row["status"],
        attempts=row["attempts"], next_attempt_at=parse_timestamp(row["next_attempt_at"]),
        created_at=parse_timestamp(row["created_at"]), sent_at=parse_timestamp(row["sent_at"]),
        last_error=row["last_error"],
    )


class OutboxRepository(Repository):
    def enqueue(self, touser: list[str], msgtype: MsgType, payload: dict[str, Any], now: datetime,
                dedup_key: str | None = None, file_bytes: bytes | None = None) -> int:
        """Queue a message; the id of its row. A dedup_key already queued returns the existing row's id."""
        if msgtype not in MSGTYPES:
            raise ValueError(messages.text("storage", "bad_msgtype", msgtype=msgtype))
        if not touser or any(not u or "|" in u for u in touser):
            raise ValueError(messages.text("storage", "bad_recipients"))
        at = timestamp(now)
        # no savepoint of its own (the insert, and the look-up of a key queued before, are all it does): in a
        # message's savepoint, a failure undoes it with the rest of the message; a savepoint pair was two statements
        # in every message that replied
        with self._statements():
            # the insert finds a key queued before itself (a look-up first was one more statement for every row)
            cursor = self.db.conn.execute(  # plain SQL: sqlite-utils' insert introspects the table every time
                "INSERT INTO outbox (dedup_key, touser, msgtype, payload, file_bytes, status, attempts, "
                "next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?) "
                "ON CONFLICT (dedup_key) DO NOTHING",
                (dedup_key, "|".join(touser), msgtype, to_json(payload), file_bytes, at, at))
            if cursor.rowcount == 0:  # queued before under this key (a NULL key never conflicts)
                return self._value("SELECT id FROM outbox WHERE dedup_key = ?", (dedup_key,))
            self.outbox_queued += 1
            return cursor.lastrowid

    def is_queued(self, dedup_key: str) -> bool:
        """Whether a message with this dedup key was queued already (sent or not)."""
        return self._row("SELECT 1 AS x FROM outbox WHERE dedup_key = ?", (dedup_key,)) is not None

    def due_outbox(self, now: datetime, limit: int = 50) -> list[OutboxItem]:
        """Pending messages whose time has come, oldest due first, those queued in bulk (reminders) after the others
        (an answer to a user never waits behind a tick's thousands) — but never one queued after a message to the
        same recipients that is due later (waiting for its retry): their order holds across restarts."""
        rows = self._rows(
            "SELECT * FROM outbox o WHERE status = 'pending' AND next_attempt_at <= ? AND NOT EXISTS ("
            "SELECT 1 FROM outbox e WHERE e.status = 'pending' AND e.touser = o.touser AND e.id < o.id "
            "AND e.next_attempt_at > o.next_attempt_at) ORDER BY bulk, next_attempt_at, id LIMIT ?",
            (timestamp(now), limit),
        )
        return [_item(r) for r in rows]

    def outbox_item(self, item_id: int) -> OutboxItem | None:
        row = self._row("SELECT * FROM outbox WHERE id = ?", (item_id,))
        return _item(row) if row else None

    def next_outbox_time(self) -> datetime | None:
        """When the earliest pending message falls due, so a worker can sleep until then."""
        row = self._row("SELECT min(next_attempt_at) AS t FROM outbox WHERE status = 'pending'")
        return parse_timestamp(row["t"]) if row else None

    def begin_attempt(self, item_id: int) -> None:
        """Record, before calling WeCom, that this item is being sent: if the process dies before `mark_sent`, the
        restarted worker knows the item may have been delivered (and asks WeCom's duplicate check to filter it)."""
        self._mark(item_id, "attempts = attempts + 1")

    def mark_sent(self, item_id: int, now: datetime) -> None:
        """Sent. Not waited onto the disk (one fsync less for every message sent): lost to a power cut, the item is
        sent again with WeCom's duplicate check, as after any crash between the send and this mark."""
        self._mark(item_id, "status = 'sent', sent_at = ?, last_error = NULL", timestamp(now), synced=False)

    def mark_unshown(self, item_id: int) -> None:
        """Done without sending: no recipient's client shows it (a card to the app's users without NIANBAO_CARDS).
        No sent_at, so it counts toward no rate limit. Lost to a power cut, it is only set aside again."""
        self._mark(item_id, "status = 'sent', sent_at = NULL, last_error = NULL", synced=False)

    def mark_retry(self, item_id: int, next_at: datetime, error: str) -> None:
        self._mark(item_id, "next_attempt_at = ?, last_error = ?", timestamp(next_at), error)

    def mark_failed(self, item_id: int, error: str) -> None:
        self._mark(item_id, "status = 'failed', last_error = ?", error)

    def sent_since(self, userid: str, since: datetime) -> int:
        """How many messages went to this user since `since` (WeCom drops more than 30 a minute to one member)."""
        row = self._row(
            """SELECT count(*) AS n FROM outbox WHERE status = 'sent' AND sent_at >= ?
               AND instr('|' || touser || '|', '|' || ? || '|') > 0""",
            (timestamp(since), userid),
        )
        return row["n"] if row else 0

    def _mark(self, item_id: int, assignments: str, *params: Any, synced: bool = True) -> None:
        with self.transaction(synced):
            cursor = self.db.execute(
                f"UPDATE outbox SET {assignments} WHERE id = ? AND status = 'pending'",
                (*params, item_id),
            )
            if cursor.rowcount != 1:
                raise ValueError(messages.text("storage", "outbox_not_pending", item_id=item_id))

    # -- the channel a user is reached through ------------------------------------------------------------------

    def note_channel(self, userid: str, channel: Channel, now: datetime) -> None:
        """Remember the channel a user last wrote through; written only when it changed (no write per message)."""
        if channel not in CHANNELS:
            raise ValueError(messages.text("storage", "bad_channel", channel=channel))
        with self._lock:
            # what this process last wrote is held: an unchanged channel costs no statement at all (it cost one in
            # every message); a rollback here or a commit elsewhere empties what is held
            held = self._held("_channels_held", self._data_version())
            if held.get(userid) == channel:
                return
            self._write("INSERT INTO user_channels (userid, channel, at) VALUES (?, ?, ?) ON CONFLICT (userid) DO "
                        "UPDATE SET channel = excluded.channel, at = excluded.at WHERE channel != excluded.channel",
                        (userid, channel, timestamp(now)))
            held[userid] = channel

    def channels_of(self, userids: list[str]) -> dict[str, Channel]:
        """Each user's channel: the one they last wrote through, 'app' for anyone never seen on another."""
        found: dict[str, Channel] = {}
        for start in range(0, len(userids), 500):  # SQLite's bound-parameter limit
            chunk = userids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._rows(f"SELECT userid, channel FROM user_channels WHERE userid IN ({marks})", tuple(chunk))
            found.update({r["userid"]: r["channel"] for r in rows})
        return {u: found.get(u, "app") for u in userids}
