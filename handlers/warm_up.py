"""Compiling at start-up what the first messages would otherwise compile while clerks wait.

Every jinja2 template is compiled on its first use (184 of them: about 0.9 s of CPU), and the drafting's and rules'
regular expressions on their first match. After a restart the first clerk waited for all that their message needed:
92–246 ms for a greeting that takes 33–50 ms warm (`python -m tests.bench_throughput --messages 40 --connections 1
--no-warm-up`). `nianbao serve` therefore compiles every template and plays a short conversation through the real
engine on a throwaway database before it answers anything (about a second); the real database is not touched.
"""

from __future__ import annotations

import logging
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.incoming import Incoming
from bot.parse import chinese_to_int
from handlers.service import Engine
from storage import Store, Unit, User
from templates import environment, template

log = logging.getLogger("nianbao.warm_up")

# what a clerk sends first: the greeting, table rows, a yes, and the usual questions about where they stand
SCRIPT = ("你好", "0 0 0", "0 0 0", "0 0 0", "0", "是", "进度", "帮助")
_UNIT = Unit("预热镇人民政府", "镇", "预热县")
_CLERK = User("warm-up-clerk", "预热", "staff", _UNIT.name, _UNIT.area)


def compile_templates() -> int:
    """Compile every template into `templates.template`'s cache; how many."""
    names = environment().list_templates(filter_func=lambda name: name.endswith(".j2"))
    for name in names:
        template(name)
    return len(names)


def play_conversation(engine: Engine, script: tuple[str, ...] = SCRIPT) -> int:
    """Play `script` as a clerk of a throwaway unit, in a database of its own that is deleted afterwards; how many
    messages were answered."""
    answered = 0
    with tempfile.TemporaryDirectory(prefix="nianbao-warm-up-") as tmp, Store.open(Path(tmp) / "warm-up.db") as store:
        store.save_unit(_UNIT)
        store.save_user(_CLERK)
        clerk = store.user(_CLERK.userid)
        assert clerk is not None
        now = datetime.now(UTC)
        for n, text in enumerate(script):
            incoming = Incoming(clerk.userid, "text", now, text=text, message_id=f"warm-up-{n}")
            with store.transaction():
                answered += bool(engine(store, clerk, incoming, now))
    return answered


def warm_up(engine: Engine) -> None:
    """Both of the above; a failure is logged, never fatal: the server only starts a little colder."""
    started = time.perf_counter()
    try:
        compiled = compile_templates()
        chinese_to_int("一百零五")  # the numeral reader is loaded on first use: now, not at a clerk's 十二件
        answered = play_conversation(engine)
    except Exception:
        log.exception("warming up failed; the first messages will compile what they need")
        return
    log.info("warmed up in %.1f s: %d templates compiled, %d of %d messages answered", time.perf_counter() - started,
             compiled, answered, len(SCRIPT))
