"""Which campaign an area works under is asked by every message, so it is held in memory; it must follow every
change: here, in another process, in an area's nesting, and a change rolled back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storage import Store


def _due(store: Store, area: str | None = "示范县") -> date | None:
    campaign = store.current_campaign(area, before_year=2026)
    return campaign.due_date if campaign else None


def test_a_campaign_set_here_or_elsewhere_is_seen_at_once(store: Store, db_path: Path) -> None:
    assert _due(store) is None
    store.save_campaign(2025, date(2026, 1, 20), date(2026, 1, 31))
    assert _due(store) == date(2026, 1, 20)
    with Store.open(db_path) as other_process:
        other_process.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31), area="示范县")
    assert _due(store) == date(2026, 1, 15)


def test_an_area_nested_anew_follows_its_new_parent(store: Store) -> None:
    store.save_campaign(2025, date(2026, 1, 10), date(2026, 1, 31), area="开封市")
    assert _due(store) is None
    store.save_area_parent("示范县", "开封市")
    assert _due(store) == date(2026, 1, 10)


def test_a_campaign_rolled_back_is_not_held(store: Store) -> None:
    assert _due(store) is None
    with pytest.raises(RuntimeError), store.transaction():
        store.save_campaign(2025, date(2026, 1, 20), date(2026, 1, 31))
        assert _due(store) == date(2026, 1, 20)  # read inside the transaction that is then undone
        raise RuntimeError
    assert _due(store) is None
