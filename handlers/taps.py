"""Template cards at the engine's door: the card under each question with fixed answers, and a tap read as typing.

Runs inside the message's transaction (see `handlers.service.Engine`). A card goes out as one more reply (the outbox
sends it where the user's client shows cards, see `handlers.wecom.outbox_worker`). A tap names its card by the task
id: if that card is still what is asked (`bot.cards` stamps), the tap is handled exactly as typing the option's key,
and the tapped card is updated to show the choice; on a stale card it is answered politely and nothing changes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot import messages
from bot.cards import OWN_TEXT, Card, confirm_card, question_card, task_stamp
from bot.formats import GOV2021
from bot.incoming import Incoming, Reply
from bot.supervision.commands import PendingReview, is_supervisor_command
from storage import Store, User

if TYPE_CHECKING:
    from handlers.conversation import NianbaoEngine


def question_cards(store: Store, user: User, state: dict[str, Any] | None = None) -> list[Reply]:
    """The card for what the clerk's conversation asks now (none when it is typed); `state`: the conversation as
    the turn just saved it, if it saved one (else it is read)."""
    card = question_card(store.conversation(user.userid) if state is None else state, GOV2021)
    return [Reply(kind="card", card=card)] if card else []


def review_cards(store: Store, user: User) -> list[Reply]:
    """After a supervisor's turn: the 确认 / 取消 card when a 通过 or 退回 now waits for confirmation."""
    card = _confirm_card(store, user)
    return [Reply(kind="card", card=card)] if card else []


def card_tap(engine: NianbaoEngine, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
    stamp = task_stamp(incoming.task_id)
    if stamp.startswith("rv_"):  # a submission notice: its keys are whole commands, judged afresh when run
        typed = incoming.event_key if is_supervisor_command(incoming.event_key) else None
        card = None
    else:
        card = _current(store, user, stamp)
        if card is None:
            return _stale(engine, store, user, incoming, now, stamp)
        typed = card.typed(incoming.event_key, selected_options(incoming.text))
    if typed is None:
        return [Reply(messages.text("cards", "none_chosen"))]
    label = card.label(typed) if card else typed
    if typed == OWN_TEXT:  # 我来写: nothing to record; the paragraph they send next answers the question
        return [_update(messages.text("cards", "chosen", label=label)), Reply(messages.text("cards", "own_text"))]
    replies = engine(store, user, replace(incoming, kind="text", text=typed, event_key=""), now)
    return [_update(messages.text("cards", "chosen", label=label)), *replies]


def _stale(engine: NianbaoEngine, store: Store, user: User, incoming: Incoming, now: datetime,
           stamp: str) -> list[Reply]:
    """A tap on a card no longer asked changes nothing. Where a colleague changed the report since (a file taken
    over, answers given), the clerk's latest message no longer says what is asked: the news is told and the question
    the unit's draft goes on at is asked, with its card, as 继续 would."""
    expired = _update(messages.text("cards", "expired"))
    state = store.conversation(user.userid) if not stamp.startswith("cf_") else None
    if not state or not (state.get("colleague_file") or state.get("colleague_news")):
        return [expired, Reply(messages.text("cards", "stale"))]
    replies = engine(store, user, replace(incoming, kind="text", text="继续", event_key=""), now)
    return [expired, Reply(messages.text("cards", "stale_moved")), *replies]


def selected_options(text: str) -> list[str]:
    """The options chosen on a vote card, from the edge's lines `question_key=id,id`."""
    return [o for line in text.splitlines() if "=" in line for o in line.split("=", 1)[1].split(",") if o]


def _current(store: Store, user: User, stamp: str) -> Card | None:
    """The card with this stamp if it is still what is asked of this user."""
    card = _confirm_card(store, user) if stamp.startswith("cf_") else question_card(
        store.conversation(user.userid), GOV2021)
    return card if card is not None and card.stamp == stamp else None


def _confirm_card(store: Store, user: User) -> Card | None:
    stored = store.pending_review(user.userid)
    if stored is None:
        return None
    pending = PendingReview.from_dict(stored[0])
    return confirm_card(pending.word, pending.unit, pending.year) if pending else None


def _update(label: str) -> Reply:
    return Reply(label, kind="card_update")
