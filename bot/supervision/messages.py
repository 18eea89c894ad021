"""How supervision replies fit WeCom: `say` renders templates/supervision/*.j2 through `bot.messages`, the one
messages module; `pieces` and `chunks` cut long replies into messages WeCom accepts."""

from __future__ import annotations

from ..messages import supervision as say
from ..render import split_for_wecom

__all__ = ["WECOM_LIMIT", "chunks", "pieces", "say"]

WECOM_LIMIT = 2048


def pieces(text: str) -> list[str]:
    """`text` in messages WeCom accepts (2048 UTF-8 bytes each), cut between lines when possible."""
    return [p.strip("\n") for p in split_for_wecom(text, WECOM_LIMIT) if p.strip()]


def chunks(items: list[str], size: int) -> list[list[str]]:
    """Names in groups of `size`, one line each, so a long list never has to be cut inside a name."""
    return [items[i : i + size] for i in range(0, len(items), size)]
