"""Each unit's figures (open errors, progress, the next question) are stored with its report by every write path, old
rows get theirs once on the next read, and 汇总 and the reminders read them without parsing or checking a report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import bot.supervision.stats
import handlers.areas
import handlers.jobs.kinds  # noqa: F401 — registers the job kinds an approval enqueues
import handlers.unit_stats
from bot.dialog import DialogContext, initial_state, progress
from bot.importers import import_report
from bot.incoming import Incoming, Reply
from bot.report import Report, with_derived
from bot.rules import check_report
from bot.supervision.stats import open_errors
from handlers.areas import default_campaign, load_units
from handlers.cli import main as nianbao
from handlers.conversation import NianbaoEngine
from handlers.jobs.reminders import run_reminders
from handlers.unit_stats import refresh_stale_figures
from storage import Store, Unit, User
from storage.reports import FIGURES
from tests.conftest import seed_path

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 1, 8, 10, 0, tzinfo=TZ)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "figures.db")
    for name in ("柳园口乡", "北道门乡", "水稻乡"):
        s.save_unit(Unit(name, "乡", "A区"))
    for userid, unit in (("liu", "柳园口乡"), ("bei", "北道门乡"), ("bei2", "北道门乡"), ("shui", "水稻乡")):
        s.save_user(User(userid, userid, "staff", unit, "A区"))
    s.save_user(User("supA", "甲审核", "supervisor", None, "A区"))
    s.save_campaign(2025, date(2026, 1, 15), date(2026, 1, 31))
    yield s
    s.close()


def seed_report(n: int, unit: str) -> Report:
    return replace(import_report(seed_path(n)).report, unit=unit, year=2025, unit_kind="乡")


def say(store: Store, user: str, text: str, now: datetime = NOW) -> list[Reply]:
    account = store.user(user)
    assert account is not None
    with store.transaction():
        replies = NianbaoEngine(TZ)(store, account, Incoming(user, "text", now, text=text), now)
    refresh_stale_figures(store)  # what the server's figures task does after each batch
    return replies


def review(store: Store, user: str, text: str, now: datetime = NOW) -> list[Reply]:
    """通过/退回 as a supervisor does it: the command, then 确认 (the command alone changes nothing)."""
    asked = say(store, user, text, now)
    assert "请确认" in asked[0].text, asked[0].text
    return say(store, user, "确认", now)


def stored(store: Store, unit: str, year: int = 2025) -> dict[str, Any]:
    row = store.db.execute(f"SELECT status, {', '.join(FIGURES)} FROM reports WHERE unit = ? AND year = ?",
                           (unit, year)).fetchone()
    assert row is not None
    return dict(zip(("status", *FIGURES), row, strict=True))


def expected_errors(store: Store, unit: str) -> int:
    report = store.report(unit, 2025)
    assert report is not None
    return open_errors(with_derived(report.report), report.status != "draft")


def forbid_report_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing or checking any report from now on fails the test."""

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a report was parsed or checked")

    monkeypatch.setattr(bot.supervision.stats, "check_report", refuse)
    monkeypatch.setattr(handlers.unit_stats, "parse_report", refuse)
    monkeypatch.setattr(handlers.areas, "parse_report", refuse)
    monkeypatch.setattr(Report, "from_json", refuse)


def test_the_units_figures_are_current_after_a_conversation_step(store: Store) -> None:
    say(store, "bei", "你好")
    greeted = stored(store, "北道门乡")
    assert greeted["status"] == "draft" and greeted["answered"] == 0 and greeted["next_code"] == "2.1"
    assert greeted["open_errors"] == 0 and greeted["typed"] == 0 and greeted["progress"] == 0
    say(store, "bei", "0 0 0")
    after = stored(store, "北道门乡")
    state = store.conversation("bei")
    report = store.report("北道门乡", 2025)
    assert state is not None and report is not None
    done, total, code, title = progress(state, report.report, DialogContext("", "北道门乡", "乡", 2025))
    assert (after["answered"], after["questions"], after["next_code"], after["next_title"]) == (done, total, code, title)
    assert after["answered"] >= 1 and after["typed"] == 1 and after["progress"] == done * 100 // total
    assert after["open_errors"] == expected_errors(store, "北道门乡")
    (unit,) = load_units(store, default_campaign(NOW, TZ), names=["北道门乡"], reports=False)
    assert unit.status == "in_progress" and unit.next_question == f"【{code}】{title}"


def test_the_unit_shows_what_its_people_answered_between_them(store: Store) -> None:
    say(store, "bei", "你好")
    say(store, "bei", "0 0 0")
    ahead = stored(store, "北道门乡")
    say(store, "bei2", "你好")  # a colleague who has answered nothing yet: the unit stays where bei got it
    assert stored(store, "北道门乡")["answered"] == ahead["answered"] >= 1
    say(store, "bei2", "0 0 0")  # 【2.2】, the question left open: the unit's second answer, whoever gave it
    assert stored(store, "北道门乡")["answered"] == ahead["answered"] + 1
    store.save_user(User("bei", "bei", "staff", "水稻乡", "A区"))  # bei moves: 北道门乡 has only bei2 left
    (unit,) = load_units(store, default_campaign(NOW, TZ), names=["北道门乡"], reports=False)
    assert unit.progress > 0 and stored(store, "北道门乡")["answered"] == ahead["answered"] + 1  # the report kept it


def test_a_conversation_whose_answers_the_report_no_longer_holds_is_no_progress(store: Store) -> None:
    say(store, "bei", "你好")
    say(store, "bei", "0 0 0")
    say(store, "bei", "0 0 0")
    stale = {**store.conversation("bei"), "answered": ["2.1", "2.2", "2.3", "2.4"]}  # type: ignore[dict-item]
    store.save_conversation("bei2", stale, NOW)  # answers of a report since emptied (as before 重新开始 said so)
    (unit,) = load_units(store, default_campaign(NOW, TZ), names=["北道门乡"], reports=False)
    assert stored(store, "北道门乡")["answered"] == 2 and unit.next_question.startswith("【2.3】")


def test_import_stores_the_figures(store: Store, tmp_path: Path) -> None:
    assert nianbao(["import", str(seed_path(0)), "--unit", "水稻乡", "--year", "2025", "--db", str(store.path)]) == 0
    row = stored(store, "水稻乡")
    assert row["open_errors"] is not None and row["open_errors"] == expected_errors(store, "水稻乡")
    assert row["typed"] == 1 and row["status"] == "draft" and row["answered"] == 0 and row["next_code"] == "2.1"


def test_return_and_approve_store_the_figures(store: Store) -> None:
    report = seed_report(1, "柳园口乡")
    store.save_report(report, "seed", NOW, status="submitted")
    say(store, "supA", "汇总")
    submitted = stored(store, "柳园口乡")
    assert submitted["progress"] == 100 and submitted["next_code"] is None
    assert submitted["open_errors"] == len([f for f in check_report(with_derived(report)) if f.level == "error"])
    review(store, "supA", "退回 柳园口 请核对表三")
    returned = stored(store, "柳园口乡")
    assert returned["status"] == "returned" and returned["open_errors"] == expected_errors(store, "柳园口乡")
    assert returned["progress"] < 100 and returned["next_code"] == "2.1"  # nobody has answered a question yet
    store.save_report(report, "seed", NOW + timedelta(minutes=1), status="submitted")
    review(store, "supA", "通过 柳园口")
    approved = stored(store, "柳园口乡")
    assert approved["status"] == "approved" and approved["progress"] == 100 and approved["open_errors"] == 0


def test_open_errors_depend_on_the_status() -> None:
    report = with_derived(seed_report(0, "柳园口乡"))
    broken = with_derived(replace(report, cells={**report.cells, "t3.new.person": 7}))
    errors = [f for f in check_report(broken) if f.level == "error"]
    assert errors and open_errors(broken, handed_in=True) == len(errors)
    blanked = with_derived(replace(report, cells={k: v for k, v in report.cells.items() if not k.startswith("t3.")}))
    # a blank not reached yet is progress, not an error — until the report is handed in
    assert open_errors(blanked, handed_in=False) < open_errors(blanked, handed_in=True)


def test_old_rows_get_their_figures_once(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_report(seed_report(1, "柳园口乡"), "seed", NOW, status="submitted")
    store.save_report(Report("北道门乡", "乡", 2025, {"t2.regulations.issued": 1}), "seed", NOW)
    store.save_conversation("bei", {**initial_state(), "greeted": True, "answered": ["2.1"], "cur": ["2.2", 0]}, NOW)
    assert stored(store, "柳园口乡")["open_errors"] is None and stored(store, "北道门乡")["answered"] is None
    first = load_units(store, default_campaign(NOW, TZ), area="A区", reports=False)
    assert stored(store, "柳园口乡")["progress"] == 100 and stored(store, "北道门乡")["answered"] == 1
    forbid_report_reading(monkeypatch)
    again = load_units(store, default_campaign(NOW, TZ), area="A区", reports=False)
    assert again == first
    # in the order the units were written in (the organisation's), not by name
    assert [(u.unit, u.status) for u in again] == [("柳园口乡", "submitted"), ("北道门乡", "in_progress"),
                                                   ("水稻乡", "not_started")]


def test_every_write_that_changes_a_figure_forgets_it(store: Store) -> None:
    say(store, "bei", "你好")
    assert stored(store, "北道门乡")["open_errors"] is not None
    store.save_conversation("bei", initial_state(), NOW)
    assert stored(store, "北道门乡")["open_errors"] is None
    say(store, "bei", "你好")
    store.set_status("北道门乡", 2025, "submitted", NOW, actor="t")
    assert all(v is None for k, v in stored(store, "北道门乡").items() if k != "status")
    say(store, "bei", "你好")
    store.save_unit(Unit("北道门乡", "镇", "A区"))
    assert stored(store, "北道门乡")["progress"] is None


def test_summary_and_reminders_read_no_report(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_report(seed_report(1, "柳园口乡"), "seed", NOW, status="submitted")
    say(store, "bei", "你好")
    say(store, "bei", "0 0 0")
    say(store, "supA", "汇总")  # the old row's figures are computed here, once
    forbid_report_reading(monkeypatch)
    (summary,) = say(store, "supA", "汇总")
    assert "共3个单位" in summary.text and "北道门" in summary.text
    assert "北道门" in say(store, "supA", "未完成")[0].text
    run = run_reminders(store, datetime(2026, 1, 16, 9, 0, tzinfo=TZ), TZ)  # overdue: nudges and a digest
    assert {v.unit for v in run.sends} >= {"北道门乡", "水稻乡", "@A区"}


def test_view_reads_only_the_unit_it_names(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_report(seed_report(1, "柳园口乡"), "seed", NOW, status="submitted")
    store.save_report(seed_report(2, "北道门乡"), "seed", NOW, status="submitted")
    say(store, "supA", "汇总")
    parsed: list[str] = []
    real = handlers.unit_stats.parse_report

    def counting(row: dict[str, Any]) -> Report:
        parsed.append(row["unit"])
        return real(row)

    monkeypatch.setattr(handlers.areas, "parse_report", counting)
    replies = say(store, "supA", "查看 柳园口")
    assert parsed == ["柳园口乡"] and any(r.kind == "file" for r in replies)
