"""A stand-in conversation engine until `bot.dialog` is plugged in: answers 帮助, greets, and echoes the rest."""

from __future__ import annotations

from datetime import datetime

from bot.incoming import Incoming, Reply
from storage import Store, User
from templates import environment

HELP_WORDS = frozenset({"帮助", "help", "?", "？"})


def message(template: str, /, **context: object) -> str:
    """One edge message from templates/messages/edge_<template>.j2, without the template's final newline."""
    # through the environment: templates.render() takes `name` itself, and a user's name is a common variable
    return environment().get_template(f"messages/edge_{template}.j2").render(context).strip()


def placeholder_engine(store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
    """Matches `handlers.service.Engine`; reads and writes nothing, so any retry is trivially the same."""
    if incoming.kind == "enter_agent":
        return [Reply(message("welcome", name=user.name))]
    if incoming.kind == "file":
        return [Reply(message("file_received", file_name=incoming.file_name))]
    text = incoming.text.strip() if incoming.kind == "text" else incoming.event_key.strip()
    if text.lower() in HELP_WORDS:
        return [Reply(message("help", name=user.name))]
    return [Reply(message("echo", text=text))]
