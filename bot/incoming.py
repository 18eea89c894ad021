"""What the edge hands to the conversation engine: one message or event from one user, already decrypted."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

# "draft": a model draft arriving from its job (text: the draft, event_key: "<question code>#<request n>")
IncomingKind = Literal["text", "enter_agent", "click", "file", "card", "draft", "other"]


@dataclass(frozen=True)
class Incoming:
    user_id: str
    kind: IncomingKind
    time: datetime
    text: str = ""  # the text typed, for kind == "text"
    event_key: str = ""  # menu click key or template-card button key
    media_id: str = ""  # for kind == "file"
    file_name: str = ""
    file_bytes: bytes = b""  # the file's content, downloaded by the edge before the engine sees it
    file_url: str = ""  # long connection: where the file is downloaded from (encrypted, valid five minutes) …
    file_key: str = ""  # … and the message's own key to decrypt it
    message_id: str = ""  # MsgId, or FromUserName + CreateTime + Event for events: the dedup key
    task_id: str = ""  # the template card tapped (kind "card"): which card, hence what it asked (bot.cards)


@dataclass(frozen=True)
class Deferred:
    """Slow work a reply stands for (rendering a Word file, an export): the edge queues it as a durable job of this
    kind, outside the message transaction, and its result reaches the user through the API a moment later."""

    kind: str  # a job kind registered at the edge, e.g. "report_docx"
    args: dict[str, Any] = field(default_factory=dict)  # JSON-serialisable
    data: bytes = b""  # an input too large for args (a file already in hand)


@dataclass(frozen=True)
class Reply:
    """One message back to the user. `kind` text goes out passively or through the API; the rest only through the API."""

    text: str = ""
    # "card": a template card (`card`, a bot.cards.Card) under the question; "card_update": what the tapped card
    # now shows (`text`), answered on the tap itself
    kind: Literal["text", "file", "textcard", "card", "card_update"] = "text"
    file_name: str = ""
    file_bytes: bytes = b""
    title: str = ""  # textcard
    url: str = ""  # textcard
    deferred: Deferred | None = None  # kind "file": made later by a job, not here (file_bytes stays empty)
    card: Any = None  # kind "card"
