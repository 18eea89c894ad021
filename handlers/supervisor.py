"""Supervisors and admins by message (stub: the supervision wiring replaces it)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.incoming import Incoming, Reply
from bot.supervision import is_supervisor_command
from handlers.engine_placeholder import message
from storage import Store, User


def is_command(incoming: Incoming) -> bool:
    return incoming.kind == "text" and is_supervisor_command(incoming.text)


def supervisor_turn(store: Store, user: User, incoming: Incoming, now: datetime, tz: ZoneInfo) -> list[Reply]:
    return [Reply(message("help", name=user.name))]


def notify_submitted(store: Store, unit: str, year: int, now: datetime, tz: ZoneInfo) -> None:
    return None


def no_unit_reply(user: User) -> list[Reply]:
    return [Reply(message("help", name=user.name))]
