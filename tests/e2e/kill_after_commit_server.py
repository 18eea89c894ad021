"""`nianbao serve` that SIGKILLs itself right after the first batch of new messages commits, before any reply is
sent: the moment where an acknowledged-but-unanswered message could be lost or run twice. For
test_kill_between_commit_and_reply; run as `python -m tests.e2e.kill_after_commit_server PORT`."""

from __future__ import annotations

import os
import signal
import sys

from aiohttp import web

from handlers.config import settings_from_environment
from handlers.service import Handled
from handlers.web.app import create_app


def _die_after_new_messages(results: list[Handled]) -> None:
    if any(not handled.replayed for handled in results):
        os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    app = create_app(settings_from_environment(), after_commit=_die_after_new_messages)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)


if __name__ == "__main__":
    main()
