"""Work every isolated child would otherwise do again, done once in their fork server before it forks them.

Imported by the fork server only (`handlers.jobs.queue.PRELOAD`): a memo a child fills is lost with it, one filled
here is inherited by every child. It holds the Word tables' skeletons of every format, which each report's Word
file copies (`bot.render.prepare_docx_tables`).
"""

from __future__ import annotations

import gc
import logging

from bot.formats import FORMATS
from bot.render import prepare_docx_tables

log = logging.getLogger("nianbao.jobs")

try:
    prepare_docx_tables(FORMATS.values())
except Exception:  # the fork server must start: without the skeletons a child builds them itself, as before
    log.exception("the Word tables could not be prepared before forking")
# the documents the skeletons were built in are garbage in cycles: collected here once, not in every child (a
# child's first collection of them cost more than its call, ~30 ms)
gc.collect()
