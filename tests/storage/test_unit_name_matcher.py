"""R13's matcher of an area's unit names is built once per area and held, and rebuilt when the organisation changes."""

from __future__ import annotations

from pathlib import Path

from bot.report import Report
from bot.rules import check_report
from storage import Store, Unit


def r13(store: Store, text: str) -> list[str]:
    report = Report("示范县青山镇", "镇", 2025, text={"s1.summary": text})
    return [f.message for f in check_report(report, other_units=store.unit_name_matcher("示范县")) if f.rule == "R13"]


def test_the_matcher_is_held_and_follows_changes(store: Store, db_path: Path) -> None:
    store.save_unit(Unit("示范县青山镇", "镇", "示范县"))
    store.save_unit(Unit("示范县柳树乡", "乡", "示范县"))
    matcher = store.unit_name_matcher("示范县")
    assert store.unit_name_matcher("示范县") is matcher
    assert len(r13(store, "柳树乡坚持以人民为中心。")) == 1
    assert r13(store, "青山镇坚持以人民为中心。") == []  # its own name
    with Store.open(db_path) as other_process:
        other_process.save_unit(Unit("示范县东关街道", "街道", "示范县"))  # an org import elsewhere
    assert store.unit_name_matcher("示范县") is not matcher
    assert len(r13(store, "东关街道办事处开展培训。")) == 1
