"""A message whose wait is cancelled (the client hung up) is committed all the same once it is in a batch, a
message that gave up waiting for its user's turn is not handled at all, and neither holds up the user's next one."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, datetime

from bot.incoming import Incoming, Reply
from handlers.engine_placeholder import placeholder_engine
from handlers.service import CallbackService, UserTurns
from storage import Store, User
from tests.e2e.servers import eventually

NOW = datetime(2025, 3, 1, 2, tzinfo=UTC)


class SlowEngine:
    """The placeholder engine, slow, recording the texts it was called with (in the storage thread)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.lock = threading.Lock()

    def __call__(self, store: Store, user: User, incoming: Incoming, now: datetime) -> list[Reply]:
        with self.lock:
            self.texts.append(incoming.text)
        time.sleep(0.05)
        return placeholder_engine(store, user, incoming, now)


def text(message_id: str, content: str) -> Incoming:
    return Incoming("alice", "text", NOW, text=content, message_id=message_id)


async def test_a_message_in_a_batch_is_committed_though_its_wait_is_cancelled(store: Store) -> None:
    engine = SlowEngine()
    service = CallbackService(store, engine)
    first = asyncio.create_task(service.handle(text("m1", "一")))
    await eventually(lambda: engine.texts)  # in its batch, in the storage thread
    first.cancel()
    second = await service.handle(text("m2", "二"))
    assert first.cancelled()
    assert engine.texts == ["一", "二"] and second.passive == "已收到：二"
    assert store.seen("m1") is not None and store.seen("m2") is not None
    assert len(service.turns) == 0


async def test_a_message_that_gives_up_waiting_for_its_turn_is_not_handled_and_holds_nobody_up(store: Store) -> None:
    engine = SlowEngine()
    service = CallbackService(store, engine)
    first = asyncio.create_task(service.handle(text("m1", "一")))
    await eventually(lambda: engine.texts)
    second = asyncio.create_task(service.handle(text("m2", "二")))
    third = asyncio.create_task(service.handle(text("m3", "三")))
    await eventually(lambda: service.turns.waiting("alice") == 3)
    second.cancel()
    assert [(await first).passive, (await third).passive] == ["已收到：一", "已收到：三"]
    assert second.cancelled() and engine.texts == ["一", "三"] and store.seen("m2") is None
    assert len(service.turns) == 0


async def test_a_turn_handed_to_a_message_cancelled_before_it_ran_passes_to_the_next() -> None:
    turns = UserTurns()
    await turns.take("alice")
    second = asyncio.create_task(turns.take("alice"))
    third = asyncio.create_task(turns.take("alice"))
    await asyncio.sleep(0)  # both wait
    turns.give_back("alice")  # the turn goes to the second…
    second.cancel()  # …which is cancelled before it runs
    await asyncio.wait_for(third, 1)
    assert second.cancelled() and turns.waiting("alice") == 1
    turns.give_back("alice")
    assert len(turns) == 0


async def test_a_turn_skips_a_message_cancelled_while_it_waited() -> None:
    turns = UserTurns()
    await turns.take("alice")
    second = asyncio.create_task(turns.take("alice"))
    third = asyncio.create_task(turns.take("alice"))
    await asyncio.sleep(0)
    second.cancel()
    turns.give_back("alice")  # before the cancelled one ran to leave the queue
    await asyncio.wait_for(third, 1)
    assert second.cancelled() and turns.waiting("alice") == 1
    turns.give_back("alice")
    assert len(turns) == 0
