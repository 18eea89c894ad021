"""Reports are parsed once and held by their stored text (storage.reports.ParsedReports): a reader must still get
what the row holds now, whoever wrote it, and a copy of its own to change."""

from __future__ import annotations

from decimal import Decimal

from bot.report import Report, empty_report, with_derived
from storage import Store

from .conftest import at


def _saved(store: Store, **cells: int | Decimal | None) -> Report:
    report = empty_report("册井镇", "镇", 2024)
    report.cells.update(cells)
    store.save_report(report, "zhangsan", at())
    return report


def test_changing_a_report_read_does_not_change_the_next_read(store: Store) -> None:
    _saved(store)
    first = store.report("册井镇", 2024)
    assert first is not None
    first.report.cells["t3.new.person"] = 99
    first.report.text["s1.summary"] = "改过"
    again = store.report("册井镇", 2024)
    assert again is not None
    assert again.report.cells["t3.new.person"] == 0 and "s1.summary" not in again.report.text


def test_a_row_written_behind_the_store_is_read_as_written(store: Store) -> None:
    _saved(store)
    assert store.report("册井镇", 2024).report.cells["t3.new.person"] == 0  # type: ignore[union-attr]
    changed = empty_report("册井镇", "镇", 2024)
    changed.cells["t3.new.person"] = 7
    with store.transaction():  # as another process or a migration would: not through save_report
        store.db.execute("UPDATE reports SET report = ? WHERE unit = '册井镇'", (changed.to_json(indent=None),))
    assert store.report("册井镇", 2024).report.cells["t3.new.person"] == 7  # type: ignore[union-attr]


def test_an_amount_reads_back_as_the_text_holds_it_not_as_it_was_written(store: Store) -> None:
    _saved(store, **{"t2.fees": Decimal("0.50")})
    stored = store.report("册井镇", 2024)
    assert stored is not None
    assert stored.report.cells["t2.fees"] == Decimal("0.5")
    assert str(stored.report.cells["t2.fees"]) == str(Report.from_json(stored.report.to_json()).cells["t2.fees"])


def test_every_version_of_one_report_takes_the_same_one_place(monkeypatch) -> None:
    """Each message writes a new version of its report: kept by text, versions of one busy report would push the
    other clerks' reports out, and every one of their messages would parse its report again."""
    from bot.formats import DEFAULT_FORMAT
    from storage.reports import ParsedReports

    held = ParsedReports(size=2)
    other = empty_report("胡集乡", "乡", 2024)
    other_text = other.to_json_bytes()
    held.parsed("胡集乡", 2024, "report", other_text, DEFAULT_FORMAT)
    busy = empty_report("册井镇", "镇", 2024)
    for n in range(5):
        busy.cells["t3.new.person"] = n
        held.keep(busy.to_json_bytes(), busy)
    parses = []
    monkeypatch.setattr(Report, "from_json", classmethod(lambda cls, *a: parses.append(a) or other))
    assert held.parsed("胡集乡", 2024, "report", other_text, DEFAULT_FORMAT).unit == "胡集乡"
    assert held.parsed("册井镇", 2024, "report", busy.to_json_bytes(), DEFAULT_FORMAT).cells["t3.new.person"] == 4
    assert parses == []


def test_only_a_report_saved_as_summed_reads_back_as_summed(store: Store) -> None:
    """`save_report(…, derived=True)`: the dialog's report has its totals summed, and the next message starts from it
    as it is. Any other write, and a row written behind the store, reads back as a report to sum."""
    summed = with_derived(empty_report("册井镇", "镇", 2024))
    store.save_report(summed, "zhangsan", at())  # not said to be summed: read as any report
    stored = store.year_at_hand("册井镇", 2024)[1]
    assert stored is not None and not stored.derived
    summed.cells["t3.new.person"] = 3
    summed = with_derived(summed)
    store.save_report(summed, "zhangsan", at(1), derived=True)
    stored = store.year_at_hand("册井镇", 2024)[1]
    assert stored is not None and stored.derived and stored.report == summed
    stored.report.cells["t3.new.person"] = 9  # a reader's own copy: what is held stays as written
    assert store.year_at_hand("册井镇", 2024)[1].report == summed  # type: ignore[union-attr]
    changed = summed.copy()
    changed.cells["t3.new.person"] = 7  # its total left as it was: not summed
    with store.transaction():  # as another process would: not through save_report
        store.db.execute("UPDATE reports SET report = ? WHERE unit = '册井镇'", (changed.to_json(indent=None),))
    stored = store.year_at_hand("册井镇", 2024)[1]
    assert stored is not None and not stored.derived and stored.report.cells["t3.new.person"] == 7


def test_a_new_report_reads_back_as_written_without_parsing(store: Store) -> None:
    summed = with_derived(empty_report("册井镇", "镇", 2024))
    store.save_report(summed, "zhangsan", at(), derived=True)
    stored = store.year_at_hand("册井镇", 2024)[1]
    assert stored is not None and stored.derived and stored.report == summed
