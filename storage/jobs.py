"""The durable job queue: slow work (files, rendering, exports, drafts, reminder ticks) outside the message
transaction. A row is written in the transaction of whatever asked for it, so a job exists iff that commit did.

States: pending → running → done | failed. `claim_job` moves a due pending row to running and counts the attempt
before any work starts; a row left running by a process that died is pending again after `requeue_running` (at
start-up), so every job runs at least once, and at most `max_attempts` times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .base import Repository
from .db import from_json, parse_timestamp, timestamp, to_json

JOB_STATUSES = ("pending", "running", "done", "failed")


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    args: dict[str, Any]
    dedup_key: str | None
    status: str
    attempts: int  # attempts begun (claimed), including the one running now
    max_attempts: int
    created_at: datetime
    last_error: str | None


def _job(row: dict[str, Any]) -> Job:
    return Job(row["id"], row["kind"], from_json(row["args"], {}), row["dedup_key"], row["status"], row["attempts"],
               row["max_attempts"], parse_timestamp(row["created_at"]), row["last_error"])


class JobRepository(Repository):
    def enqueue_job(self, kind: str, args: dict[str, Any], now: datetime, *, dedup_key: str | None = None,
                    max_attempts: int = 3, data: bytes | None = None) -> int:
        """Queue a job (joins the open transaction); its id. A dedup_key queued before returns that job's id."""
        at = timestamp(now)
        # as `enqueue`: no savepoint of its own, and the insert finds a key queued before itself
        with self._statements():
            cursor = self.db.conn.execute(
                "INSERT INTO jobs (kind, args, data, dedup_key, status, attempts, max_attempts, next_attempt_at, "
                "created_at) VALUES (?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING",
                (kind, to_json(args), data, dedup_key, max_attempts, at, at))
            if cursor.rowcount == 0:  # queued before under this key (a NULL key never conflicts)
                return self._value("SELECT id FROM jobs WHERE dedup_key = ?", (dedup_key,))
            self.jobs_queued += 1
            return cursor.lastrowid

    def claim_job(self, now: datetime, kinds: tuple[str, ...] | None = None) -> Job | None:
        """The oldest due pending job, now running with its attempt counted; None when nothing is due."""
        where = "status = 'pending' AND next_attempt_at <= ?"
        params: list[Any] = [timestamp(now)]
        if kinds is not None:
            where += f" AND kind IN ({','.join('?' * len(kinds))})"
            params += kinds
        with self.transaction():
            row = self._row(f"SELECT * FROM jobs WHERE {where} ORDER BY next_attempt_at, id LIMIT 1", tuple(params))
            if row is None:
                return None
            self.db.execute("UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?",
                            (timestamp(now), row["id"]))
            return _job({**row, "status": "running", "attempts": row["attempts"] + 1})

    def job(self, job_id: int) -> Job | None:
        row = self._row("SELECT * FROM jobs WHERE id = ?", (job_id,))
        return _job(row) if row else None

    def asked_again_since(self, job: Job, userid: str) -> bool:
        """Whether `userid` asked for another job of the same kind after `job` was queued (查看 of another unit
        while this one's Word file was still being made)."""
        return self._row("SELECT 1 AS x FROM jobs WHERE kind = ? AND id > ? AND json_extract(args, '$.userid') = ? "
                         "LIMIT 1", (job.kind, job.id, userid)) is not None

    def job_data(self, job_id: int) -> bytes | None:
        row = self.db.execute("SELECT data FROM jobs WHERE id = ?", (job_id,)).fetchone()
        return row[0] if row else None

    def finish_job(self, job_id: int, now: datetime) -> None:
        """Done (call in the transaction that delivers the job's result); its input bytes are dropped."""
        self._set(job_id, "status = 'done', finished_at = ?, last_error = NULL, data = NULL", timestamp(now))

    def retry_job(self, job_id: int, next_at: datetime, error: str) -> None:
        self._set(job_id, "status = 'pending', next_attempt_at = ?, last_error = ?", timestamp(next_at), error)

    def fail_job(self, job_id: int, now: datetime, error: str) -> None:
        self._set(job_id, "status = 'failed', finished_at = ?, last_error = ?, data = NULL", timestamp(now), error)

    def requeue_running(self) -> int:
        """At start-up: jobs a dead process left running are pending again (their attempt stays counted)."""
        with self.transaction():
            return self.db.execute("UPDATE jobs SET status = 'pending' WHERE status = 'running'").rowcount

    def next_job_time(self) -> datetime | None:
        row = self.db.execute("SELECT min(next_attempt_at) FROM jobs WHERE status = 'pending'").fetchone()
        return parse_timestamp(row[0]) if row else None

    def job_counts(self) -> dict[str, int]:
        """Jobs by status (every status present, 0 when none)."""
        with self._lock:
            rows = self.db.execute("SELECT status, count(*) FROM jobs GROUP BY status").fetchall()
        return {**dict.fromkeys(JOB_STATUSES, 0), **dict(rows)}

    def purge_jobs(self, before: datetime) -> int:
        """Forget finished jobs older than `before`."""
        with self.transaction():
            return self.db.execute("DELETE FROM jobs WHERE status IN ('done', 'failed') AND finished_at < ?",
                                   (timestamp(before),)).rowcount

    def _set(self, job_id: int, assignments: str, *params: Any) -> None:
        with self.transaction():
            self.db.execute(f"UPDATE jobs SET {assignments} WHERE id = ?", (*params, job_id))
