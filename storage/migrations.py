"""The schema as an ordered list of forward migrations; `PRAGMA user_version` records how many have run.

A migration is SQL or a function of the database, never edited once released: a change is a new migration at the
end of the list. Each runs in its own transaction together with the version bump, so a file is never half-upgraded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from bot import messages

from .db import StorageError, connect


@dataclass(frozen=True)
class Migration:
    number: int
    title: str
    step: str | Callable[[sqlite_utils.Database], None]


class SchemaTooNew(StorageError):
    pass


CORE = """
CREATE TABLE units (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    area TEXT
);
CREATE TABLE users (
    userid TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('staff', 'supervisor', 'admin')),
    unit TEXT REFERENCES units(name) ON UPDATE CASCADE,
    area TEXT
);
CREATE INDEX users_unit ON users(unit);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL REFERENCES units(name) ON UPDATE CASCADE,
    year INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    format_id TEXT NOT NULL,
    report TEXT NOT NULL,
    accepted_warnings TEXT NOT NULL DEFAULT '{}',
    submitted_at TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (unit, year)
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    unit TEXT NOT NULL,
    year INTEGER NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    FOREIGN KEY (unit, year) REFERENCES reports(unit, year) ON UPDATE CASCADE
);
CREATE INDEX audit_report ON audit(unit, year);
CREATE TABLE conversations (
    userid TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE seen_messages (
    key TEXT PRIMARY KEY,
    replies TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX seen_messages_at ON seen_messages(at);
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    dedup_key TEXT UNIQUE,
    touser TEXT NOT NULL,
    msgtype TEXT NOT NULL CHECK (msgtype IN ('text', 'textcard', 'file')),
    payload TEXT NOT NULL,
    file_bytes BLOB,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
"""


def _organisation_upkeep(db: sqlite_utils.Database) -> None:
    # users who leave the organisation file are kept (their answers are history) but no longer served
    db["users"].add_column("active", int, not_null_default=1)
    db["units"].create_index(["area"])
    db["unknown_users"].create(
        {"userid": str, "first_seen": str, "last_seen": str, "count": int},
        pk="userid", not_null={"first_seen", "last_seen", "count"},
    )


CAMPAIGNS = """
CREATE TABLE campaigns (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    area TEXT,
    due_date TEXT NOT NULL,
    publish_by TEXT NOT NULL,
    settings TEXT NOT NULL DEFAULT '{}'
);
CREATE UNIQUE INDEX campaigns_year_area ON campaigns(year, coalesce(area, ''));
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    campaign INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    unit TEXT NOT NULL REFERENCES units(name) ON UPDATE CASCADE,
    slot TEXT NOT NULL,
    planned_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'cancelled')),
    sent_at TEXT,
    UNIQUE (campaign, unit, slot)
);
CREATE INDEX reminders_due ON reminders(status, planned_at);
"""

CONVERSATION_LOG = """
ALTER TABLE reports ADD COLUMN returned_reason TEXT;
CREATE TABLE message_log (
    id INTEGER PRIMARY KEY,
    userid TEXT NOT NULL,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    note TEXT
);
CREATE INDEX message_log_user ON message_log(userid, at);
"""

# Reminders as the timer records them: one row per judged (campaign, unit, slot) — sent, or skipped with the reason
# why — so a restart never sends one twice. `unit` may be "@<area>" (an area's digest), hence no foreign key to
# units; and each campaign remembers when the timer last looked, so a slot missed while down is judged once.
REMINDER_RECORDS = """
CREATE TABLE reminders_v5 (
    id INTEGER PRIMARY KEY,
    campaign INTEGER NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
    unit TEXT NOT NULL,
    slot TEXT NOT NULL,
    planned_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'sent', 'cancelled', 'skipped')),
    sent_at TEXT,
    reason TEXT,
    recipients INTEGER NOT NULL DEFAULT 0,
    UNIQUE (campaign, unit, slot)
);
INSERT INTO reminders_v5 (id, campaign, unit, slot, planned_at, status, sent_at)
    SELECT id, campaign, unit, slot, planned_at, status, sent_at FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_v5 RENAME TO reminders;
CREATE INDEX reminders_due ON reminders(status, planned_at);
ALTER TABLE campaigns ADD COLUMN last_run TEXT;
"""

# A unit's summary figures, stored with its report when it is written (NULL: not computed yet, or no longer current
# — the edge computes them again on the next read): 汇总 and the reminders read columns, not every report's JSON.
REPORT_FIGURES = """
ALTER TABLE reports ADD COLUMN open_errors INTEGER;
ALTER TABLE reports ADD COLUMN typed INTEGER;
ALTER TABLE reports ADD COLUMN answered INTEGER;
ALTER TABLE reports ADD COLUMN questions INTEGER;
ALTER TABLE reports ADD COLUMN progress INTEGER;
ALTER TABLE reports ADD COLUMN next_code TEXT;
ALTER TABLE reports ADD COLUMN next_title TEXT;
"""

# A conversation state is about one report year (its "year" key): the states kept before are stamped with the newest
# report year of the person's unit, the one they were filling in, so next year's report starts a fresh conversation.
CONVERSATION_YEARS = """
UPDATE conversations SET state = json_set(state, '$.year', (
    SELECT max(r.year) FROM reports r JOIN users p ON p.unit = r.unit WHERE p.userid = conversations.userid))
WHERE json_valid(state) AND json_type(state) = 'object' AND json_type(state, '$.year') IS NULL
    AND EXISTS (SELECT 1 FROM reports r JOIN users p ON p.unit = r.unit WHERE p.userid = conversations.userid);
"""

# Areas nest: a city's area contains its counties' areas. An area without a row here is a top-level area (every
# area before nesting), so old organisation files keep working unchanged.
AREA_TREE = """
CREATE TABLE areas (
    name TEXT PRIMARY KEY,
    parent TEXT REFERENCES areas(name) ON UPDATE CASCADE
);
CREATE INDEX areas_parent ON areas(parent);
"""

# what a report was when it was last handed in (a link sent at submission keeps showing it), and the 通过/退回 each
# supervisor was asked to confirm
REVIEW_SAFETY = """
ALTER TABLE reports ADD COLUMN submitted_report TEXT;
UPDATE reports SET submitted_report = report WHERE status IN ('submitted', 'approved');
CREATE TABLE pending_reviews (
    userid TEXT PRIMARY KEY,
    pending TEXT NOT NULL,
    at TEXT NOT NULL
);
"""

# Durable jobs outside the message transaction (handlers.jobs): written in the transaction that asks for them,
# claimed by the job worker, retried a bounded number of times; `data` holds an input too large for `args`.
# And the reports whose figures are stale, found without a scan (handlers.jobs.figures computes them).
JOBS = """
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    args TEXT NOT NULL DEFAULT '{}',
    data BLOB,
    dedup_key TEXT UNIQUE,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 3,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    started_at TEXT,
    finished_at TEXT,
    last_error TEXT
);
CREATE INDEX jobs_due ON jobs(status, next_attempt_at);
CREATE INDEX reports_stale_figures ON reports(unit, year) WHERE open_errors IS NULL;
"""

# The channel each user last wrote through ('app': the self-built app's callback; 'longconn': the 智能机器人 long
# connection): messages queued for them (replies, reminders, notices) go out the same way. No row → 'app'.
USER_CHANNELS = """
CREATE TABLE user_channels (
    userid TEXT PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('app', 'longconn')),
    at TEXT NOT NULL
);
"""

# Every area's status and figures are read without the report: its JSON is stored before the figure columns (added
# later), and reading a column behind a long text walks that text's overflow pages. This index covers those columns.
REPORT_FIGURES_INDEX = """
CREATE INDEX reports_figures ON reports(unit, year, id, status, submitted_at, accepted_warnings, returned_reason,
                                        open_errors, typed, answered, questions, progress, next_code, next_title);
"""

# reminders and digests are queued in bulk (thousands at a tick): a user's answer, file or notice goes out before them
OUTBOX_BULK = """
ALTER TABLE outbox ADD COLUMN bulk INTEGER NOT NULL DEFAULT 0;
CREATE INDEX outbox_due_first ON outbox(status, bulk, next_attempt_at);
"""

# 汇总 and every supervisor command read the reports of earlier years still waiting for review: without this index
# that is one lookup per unit of the area (20,000 units: 10-20 ms for what is usually none)
REPORTS_WAITING_INDEX = """
CREATE INDEX reports_waiting ON reports(status, year);
"""

# a submission notifies the area's supervisors and the admins: without this index, a scan of every user (20,000
# users: several milliseconds per submission)
USERS_ROLE_INDEX = """
CREATE INDEX users_role_area ON users(role, area);
"""

# the changes of one save by one actor in one audit row (field "*", see storage.reports.SEVERAL), not one row each: a
# message that fills a table changes a hundred cells. Rows written before stay as they are; readers take both.
AUDIT_CHANGES = """
ALTER TABLE audit ADD COLUMN changes TEXT;
"""

# Units are listed to people in the organisation file's order, the county's own (official) order, not by the code
# points of their names. A database from before keeps the order its units were first written in (their rowid: the
# order of the file first imported); the next import sets the order of its file. A unit written any other way (a
# report arriving before the organisation file names its unit) is listed last: the trigger gives every row a place.
UNIT_POSITIONS = """
ALTER TABLE units ADD COLUMN position INTEGER;
UPDATE units SET position = rowid;
-- every unit read in this order without a sort of its own (an area's few are sorted after its area's index)
CREATE INDEX units_position ON units(position, name);
CREATE TRIGGER units_listed_last AFTER INSERT ON units WHEN NEW.position IS NULL BEGIN
    UPDATE units SET position = (SELECT coalesce(max(position), 0) + 1 FROM units) WHERE name = NEW.name;
END;
"""

# a report in its return counts its returns on every message (`times_returned`: what tells this return from an earlier
# one of the same reason): without this index, every audit row of the report is read for it, hundreds once a report
# has been filled in. Only the return rows are indexed, so a save pays nothing for it
AUDIT_RETURNS_INDEX = """
CREATE INDEX audit_returns ON audit(unit, year) WHERE field = 'status' AND new_value = 'returned';
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "units, users, reports, audit, conversations, seen messages, outbox", CORE),
    Migration(2, "inactive users, unknown users", _organisation_upkeep),
    Migration(3, "campaigns and reminders", CAMPAIGNS),
    Migration(4, "the reason a report was returned; everything users typed", CONVERSATION_LOG),
    Migration(5, "reminders sent or skipped with a reason, for digests too; the timer's last run", REMINDER_RECORDS),
    Migration(6, "each report's summary figures: open errors, progress, the next question", REPORT_FIGURES),
    Migration(7, "each conversation state names the report year it is about", CONVERSATION_YEARS),
    Migration(8, "areas nest: each area's parent area", AREA_TREE),
    Migration(9, "durable jobs outside the message transaction; reports with stale figures indexed", JOBS),
    Migration(10, "the report as submitted; the review each supervisor is asked to confirm", REVIEW_SAFETY),
    Migration(11, "the channel each user last wrote through (app callback or long connection)", USER_CHANNELS),
    Migration(12, "an area's statuses and figures read without touching the reports' text", REPORT_FIGURES_INDEX),
    Migration(13, "messages queued in bulk (reminders) go out after users' answers", OUTBOX_BULK),
    Migration(14, "reports waiting for review found by status and year", REPORTS_WAITING_INDEX),
    Migration(15, "supervisors and admins found by role and area", USERS_ROLE_INDEX),
    Migration(16, "the changes of one save in one audit row", AUDIT_CHANGES),
    Migration(17, "units listed in the organisation file's order", UNIT_POSITIONS),
    Migration(18, "a report's returns counted from their own index", AUDIT_RETURNS_INDEX),
)
assert [m.number for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1)), "migrations must be numbered 1, 2, …"

LATEST = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite_utils.Database, target: int = LATEST, path: str | Path | None = None) -> tuple[int, int]:
    """Apply the missing migrations up to `target`; (version before, version after). `path` names the file in errors."""
    before = schema_version(db)
    if before > LATEST:
        raise SchemaTooNew(messages.text("storage", "schema_too_new", path=path, before=before, latest=LATEST))
    for migration in MIGRATIONS[before:target]:
        _apply(db, migration)
    return before, max(before, target)


def _apply(db: sqlite_utils.Database, migration: Migration) -> None:
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        # another process may have migrated between our version check and this lock
        if schema_version(db) < migration.number:
            if isinstance(migration.step, str):
                db.executescript(migration.step)
            else:
                migration.step(db)
            db.execute(f"PRAGMA user_version = {migration.number:d}")
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def upgrade(path: str | Path) -> tuple[int, int]:
    """`nianbao db upgrade`: bring the file at `path` to the latest schema; (version before, version after)."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    try:
        return migrate(db, path=path)
    finally:
        db.close()
