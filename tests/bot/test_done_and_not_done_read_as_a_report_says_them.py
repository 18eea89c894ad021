"""An activity a clerk says was done or not, in the order a phone message puts it (评议没搞, 保密审查都做了), reads as
a report says it (未开展评议, 已开展保密审查); a thing that is not an activity is left as typed, never 未开展网站."""

from __future__ import annotations

import pytest

from bot.drafting.wording import fact_items


@pytest.mark.parametrize(("typed", "notes"), [
    ("没搞", ["未开展"]),
    ("评议没有", ["未开展评议"]),
    ("社会评议也没做", ["未开展社会评议"]),
    ("培训２次 评议没搞 🙂", ["培训2次", "未开展评议"]),
    ("保密审查都做了", ["已开展保密审查"]),
    ("搞了两次培训", ["开展2次培训"]),
    ("网站没有", ["网站没有"]),
    ("网站都做了", ["网站都做了"]),
])
def test_done_and_not_done(typed: str, notes: list[str]) -> None:
    assert fact_items(typed) == notes
