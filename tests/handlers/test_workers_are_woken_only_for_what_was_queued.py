"""After each message the edge wakes the background workers; each wake costs a worker a round trip to storage, so
the outbox and job workers are woken only when rows were queued for them since their last wake."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from handlers.web.app import FIGURES_KEY, JOBS_KEY, QUEUED_KEY, STORE_KEY, WORKER_KEY, _wake_worker
from storage import Store

NOW = datetime(2025, 1, 10, 2, tzinfo=UTC)


class Worker:
    def __init__(self) -> None:
        self.woken = 0

    def wake(self) -> None:
        self.woken += 1


def test_a_worker_is_woken_once_for_each_change_of_its_queue(tmp_path: Path) -> None:
    with Store.open(tmp_path / "wake.db") as store:
        outbox, jobs, figures = Worker(), Worker(), Worker()
        app = {STORE_KEY: store, QUEUED_KEY: {}, WORKER_KEY: outbox, JOBS_KEY: jobs, FIGURES_KEY: figures}
        _wake_worker(app)  # the first wake: whatever is pending from before
        assert (outbox.woken, jobs.woken, figures.woken) == (1, 1, 1)
        _wake_worker(app)
        _wake_worker(app)  # messages that queued nothing
        assert (outbox.woken, jobs.woken, figures.woken) == (1, 1, 3)
        store.enqueue(["alice"], "text", {"content": "您好"}, NOW)
        _wake_worker(app)
        assert (outbox.woken, jobs.woken) == (2, 1)
        store.enqueue_job("export_xlsx", {}, NOW)
        store.enqueue_texts([(["bob"], "提醒", "r1"), (["carol"], "提醒", "r2")], NOW)
        _wake_worker(app)
        assert (outbox.woken, jobs.woken) == (3, 2)
