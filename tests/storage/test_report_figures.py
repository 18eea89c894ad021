"""Migration 6 and the figures stored with each report: NULL after every write that could change them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bot.report import Report, empty_report
from storage import Store, Unit, User
from storage.db import connect
from storage.migrations import migrate
from storage.reports import FIGURES

from .conftest import at

COMPUTED = {"open_errors": 1, "typed": 1, "answered": 3, "questions": 40, "progress": 7, "next_code": "2.4",
            "next_title": "行政事业性收费"}


def figures(store: Store, unit: str, year: int) -> dict[str, object]:
    row = store.db.execute(f"SELECT {', '.join(FIGURES)} FROM reports WHERE unit = ? AND year = ?",
                           (unit, year)).fetchone()
    return dict(zip(FIGURES, row, strict=True))


def computed(store: Store, unit: str, year: int) -> None:
    store.save_figures([(unit, year, COMPUTED)])
    assert figures(store, unit, year) == COMPUTED


def test_a_version_5_file_gets_the_columns_and_keeps_its_reports_without_figures(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = connect(db_path)
    migrate(db, target=5)
    db.execute("INSERT INTO units (name, kind) VALUES ('册井镇', '镇')")
    db.execute("INSERT INTO reports (unit, year, format_id, report, updated_at) VALUES "
               "('册井镇', 2024, 'gov2021', '{}', '2025-01-06T01:30:00+00:00')")
    db.conn.commit()
    db.close()
    with Store.open(db_path) as store:
        assert set(FIGURES) <= set(store.db["reports"].columns_dict)
        assert figures(store, "册井镇", 2024) == dict.fromkeys(FIGURES)


def test_writes_that_change_a_figure_forget_it(store: Store) -> None:
    store.save_unit(Unit("册井镇", "镇", "永清县"))
    store.save_user(User("zhangsan", "张三", "staff", "册井镇"))
    for year in (2024, 2025):
        store.save_report(Report("册井镇", "镇", year, {"t2.regulations.issued": 1}), "t", at())
    computed(store, "册井镇", 2025)
    store.save_report(Report("册井镇", "镇", 2025, {"t2.regulations.issued": 1}), "t", at(1))  # nothing changed
    assert figures(store, "册井镇", 2025) == COMPUTED
    store.save_report(Report("册井镇", "镇", 2025, {"t2.regulations.issued": 2}), "t", at(2))
    assert figures(store, "册井镇", 2025) == dict.fromkeys(FIGURES)

    computed(store, "册井镇", 2025)  # last year's prose decides whether this year's conversation asks for facts
    store.save_report(Report("册井镇", "镇", 2024, {"t2.regulations.issued": 1}, {"preface": "概述"}), "t", at(3))
    assert figures(store, "册井镇", 2025)["progress"] is None

    computed(store, "册井镇", 2025)
    store.set_status("册井镇", 2025, "submitted", at(4), "t")
    assert figures(store, "册井镇", 2025)["open_errors"] is None

    computed(store, "册井镇", 2025)
    store.save_conversation("zhangsan", {"v": 1}, at(5))
    assert figures(store, "册井镇", 2025)["answered"] is None

    computed(store, "册井镇", 2025)
    store.deactivate_users_except(set())
    assert figures(store, "册井镇", 2025)["answered"] is None

    computed(store, "册井镇", 2025)
    store.accept_warning("册井镇", 2025, "R8:t2", "确有其事", at(6), "t")  # a warning is not an open error
    assert figures(store, "册井镇", 2025) == COMPUTED


def test_adding_last_years_report_for_the_first_time_forgets_this_years_figures(tmp_path) -> None:
    now = datetime(2026, 1, 5, tzinfo=UTC)
    with Store.open(tmp_path / "f.db") as store:
        this_year = empty_report("青山乡", "乡", 2025)
        store.save_report(this_year, "clerk", now)
        store.save_figures([("青山乡", 2025, {c: 1 for c in FIGURES})])
        assert store.db.execute("SELECT open_errors FROM reports WHERE year = 2025").fetchone()[0] == 1
        store.save_report(empty_report("青山乡", "乡", 2024), "import", now)  # last year's, first time
        assert store.db.execute("SELECT open_errors FROM reports WHERE year = 2025").fetchone()[0] is None


def test_figures_forgotten_once_are_forgotten_again_after_they_were_computed(store: Store, db_path: Path) -> None:
    store.save_unit(Unit("册井镇", "镇", "永清县"))
    store.save_report(Report("册井镇", "镇", 2025, {"t2.regulations.issued": 1}), "t", at())
    years = (2025, 2026)
    computed(store, "册井镇", 2025)
    store.forget_figures("册井镇", years=years)
    assert figures(store, "册井镇", 2025) == dict.fromkeys(FIGURES)
    store.forget_figures("册井镇", years=years)  # nothing to forget: held as forgotten

    computed(store, "册井镇", 2025)  # saved here
    store.forget_figures("册井镇", years=years)
    assert figures(store, "册井镇", 2025) == dict.fromkeys(FIGURES)

    with Store.open(db_path) as other:  # saved by another process (a CLI, a second server)
        other.save_figures([("册井镇", 2025, COMPUTED)])
    store.forget_figures("册井镇", years=years)
    assert figures(store, "册井镇", 2025) == dict.fromkeys(FIGURES)

    computed(store, "册井镇", 2025)
    try:
        with store.transaction():
            store.forget_figures("册井镇", years=years)
            raise RuntimeError("the message failed")
    except RuntimeError:
        pass
    assert figures(store, "册井镇", 2025) == COMPUTED  # the forgetting was rolled back with it
    store.forget_figures("册井镇", years=years)
    assert figures(store, "册井镇", 2025) == dict.fromkeys(FIGURES)
