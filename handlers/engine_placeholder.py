"""A stand-in conversation engine until `bot.dialog` is plugged in: answers 帮助, greets, and echoes the rest."""

from __future__ import annotations

from datetime import datetime

from bot.incoming import Incoming, Reply
from bot.messages import edge
from storage import Store, User

HELP_WORDS = frozenset({"帮助", "help", "?", "？"})


def placeholder_engine(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
    """Matches `handlers.service.Engine`; reads and writes nothing, so any retry is trivially the same."""
    if incoming.kind == "enter_agent":
        return [Reply(edge("welcome", name=user.name))]
    if incoming.kind == "file":
        return [Reply(edge("file_received", file_name=incoming.file_name))]
    text = incoming.text.strip() if incoming.kind == "text" else incoming.event_key.strip()
    if text.lower() in HELP_WORDS:
        return [Reply(edge("help", name=user.name))]
    return [Reply(edge("echo", text=text))]
