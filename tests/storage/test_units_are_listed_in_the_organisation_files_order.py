"""Units are listed in the order of the organisation file the county imported (its own, official order: the seat
town first, the streets, then the townships), never by the code points of their names (东 before 城 before 青).
A re-import sets the order of the new file; a unit written otherwise is listed last; a database from before the
order was kept is upgraded to the order its units were first written in."""

from __future__ import annotations

from pathlib import Path

from bot.report import empty_report
from storage import Store, Unit, import_org_csv
from storage.db import connect
from storage.migrations import migrate

from .conftest import at

# the county's own order, which is not the order of the names' code points
OFFICIAL = ["城关镇", "青山乡", "东城街道", "北关镇"]
assert OFFICIAL != sorted(OFFICIAL)


def org_file(units: list[str]) -> str:
    rows = [f"u{i},经办人{i},staff,{name},,示范县" for i, name in enumerate(units)]
    return "\n".join(["userid,name,role,unit,unit_kind,area", *rows, "sup,审核员,supervisor,,,示范县", ""])


def names(store: Store, area: str | None = None) -> list[str]:
    return [u.name for u in store.units(area)]


def test_units_are_listed_in_the_order_of_the_imported_file(store: Store) -> None:
    import_org_csv(store, org_file(OFFICIAL))
    assert names(store) == OFFICIAL
    assert names(store, "示范县") == OFFICIAL


def test_a_new_file_sets_its_own_order_and_a_unit_it_adds_stands_where_it_says(store: Store) -> None:
    import_org_csv(store, org_file(OFFICIAL))
    reordered = ["北关镇", "城关镇", "西湖乡", "东城街道", "青山乡"]
    import_org_csv(store, org_file(reordered))
    assert names(store) == reordered


def test_a_unit_written_outside_an_organisation_file_is_listed_last(store: Store) -> None:
    import_org_csv(store, org_file(OFFICIAL))
    store.save_unit(Unit("阿里乡", "乡", "示范县"))  # 阿 sorts before every other name
    store.save_report(empty_report("安乐镇", "镇", 2025), "import", at())  # a report before its unit is imported
    assert names(store) == [*OFFICIAL, "阿里乡", "安乐镇"]


def test_an_old_database_is_upgraded_to_the_order_its_units_were_written_in(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    migrate(db, target=16)  # before units kept their order
    for name in OFFICIAL:
        db.execute("INSERT INTO units (name, kind, area) VALUES (?, '乡', '示范县')", (name,))
    db.close()
    with Store.open(db_path) as store:
        assert names(store) == OFFICIAL
        store.save_unit(Unit("阿里乡", "乡", "示范县"))
        assert names(store) == [*OFFICIAL, "阿里乡"]
