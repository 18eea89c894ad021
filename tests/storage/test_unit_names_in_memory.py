"""An area's unit names are held in memory for the hot path, and refreshed when the organisation changes — here or
from another process (`nianbao org import`)."""

from __future__ import annotations

from pathlib import Path

from storage import Store, Unit


def test_an_areas_names_follow_changes_here_and_elsewhere(store: Store, db_path: Path) -> None:
    store.save_unit(Unit("甲镇", "镇", "示范县"))
    store.save_unit(Unit("乙乡", "乡", "示范县"))
    store.save_unit(Unit("丙镇", "镇", "别县"))
    assert set(store.unit_name_matcher("示范县")) == {"甲镇", "乙乡"}
    assert store.unit_name_matcher("示范县") is store.unit_name_matcher("示范县")  # held
    store.save_unit(Unit("丁街道", "街道", "示范县"))
    assert set(store.unit_name_matcher("示范县")) == {"甲镇", "乙乡", "丁街道"}
    assert "丁街道" in store.unit_names()
    with Store.open(db_path) as other_process:
        other_process.save_unit(Unit("丙镇", "镇", "示范县"))  # moved to this area by an org import elsewhere
    assert set(store.unit_name_matcher("示范县")) == {"甲镇", "乙乡", "丙镇", "丁街道"}
    assert set(store.unit_name_matcher("别县")) == set()


def test_every_areas_matcher_is_built_before_the_first_message_asks(store: Store) -> None:
    store.save_unit(Unit("甲镇", "镇", "示范县"))
    store.save_unit(Unit("丙镇", "镇", "别县"))
    store.save_unit(Unit("无区镇", "镇", None))
    assert store.hold_unit_name_matchers() == 2
    held = store.__dict__["_other_names"]
    assert ("matcher", "示范县") in held and ("matcher", "别县") in held
    assert store.unit_name_matcher("示范县") is held[("matcher", "示范县")]
