"""汇总 (and 未完成, 逾期) is counted by SQLite (`handlers.areas.load_digest`): only the units it names are read. It must
say exactly what the view of every unit's status says (`bot.supervision.summary.digest_of`) — statuses from stored
figures and from figures still to compute, units with no report, nested areas, reports handed in late, short names
that collide, earlier years waiting, and more units than are named."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.dialog import initial_state
from bot.importers import import_report
from bot.supervision.summary import (
    DIGEST_TEXTS,
    LATE_SHOWN,
    PENDING_SHOWN,
    WAITING_SHOWN,
    AreaDigest,
    digest_of,
)
from handlers.areas import ALL_AREAS, area_campaign, load_area, load_digest, sub_area_map
from handlers.jobs.export import ReadingStore
from handlers.unit_stats import refresh_unit_figures
from storage import Store, Unit, User
from storage.db import timestamp
from tests.conftest import seed_path
from tests.handlers.test_supervisor import TZ

DUE = date(2026, 1, 15)
NOW = datetime(2026, 1, 20, 10, 0, tzinfo=TZ)
ON_TIME = datetime(2026, 1, 10, 9, 0, tzinfo=TZ)
LATE = datetime(2026, 1, 17, 16, 5, tzinfo=TZ)
MANY = PENDING_SHOWN + 30  # units not started, beyond what a reply names
MANY_LATE = LATE_SHOWN + 10  # units handed in, beyond what a reply names as late
ON_TIME_TOO = 5  # of them on time


def _report(store: Store, unit: str, kind: str, status: str, at: datetime, year: int = 2025, seed: int = 1) -> None:
    report = replace(import_report(seed_path(seed)).report, unit=unit, year=year, unit_kind=kind)
    store.save_report(report, "seed", at, status=status)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "city.db"
    with Store.open(db) as store:
        store.save_area_parent("甲区", "示范市")
        store.save_area_parent("乙区", "示范市")
        store.save_campaign(2025, DUE, date(2026, 1, 31))
        units = [("甲区城关镇", "镇", "甲区"), ("乙区城关镇", "镇", "乙区"), ("甲区柳园口乡", "乡", "甲区"),
                 ("甲区北道门乡", "乡", "甲区"), ("乙区水稻乡", "乡", "乙区"), ("乙区西姜寨乡", "乡", "乙区"),
                 ("示范市人民政府", "设区的市政府", "示范市"), ("乙区刘店乡", "乡", "乙区"), ("甲区杏花营镇", "镇", "甲区")]
        for name, kind, area in units:
            store.save_unit(Unit(name, kind, area))
            store.save_user(User(f"u-{name}", "王芳", "staff", name, area))
        store.save_user(User("sup", "李审核", "supervisor", None, "示范市"))
        _report(store, "甲区城关镇", "镇", "submitted", ON_TIME)
        _report(store, "乙区城关镇", "镇", "submitted", LATE, seed=2)  # late; its short name is 甲区城关镇's too
        _report(store, "甲区柳园口乡", "乡", "draft", ON_TIME, seed=3)
        _report(store, "甲区北道门乡", "乡", "draft", ON_TIME, seed=4)  # its figures are never computed
        _report(store, "示范市人民政府", "设区的市政府", "submitted", LATE)  # its short name is its area's
        store.set_status("示范市人民政府", 2025, "approved", LATE, actor="sup")
        _report(store, "乙区刘店乡", "乡", "submitted", ON_TIME, seed=2)
        store.set_status("乙区刘店乡", 2025, "returned", ON_TIME, actor="sup", reason="表三有误")
        _report(store, "甲区杏花营镇", "镇", "submitted", ON_TIME, year=2024)  # last year's, still waiting
        # no report yet, but someone has answered: progress from the conversation
        store.save_conversation("u-乙区西姜寨乡", {**initial_state(), "greeted": True, "answered": ["2.1", "2.2"],
                                                 "cur": ["2.3", 0]}, ON_TIME, year=2025)
        for unit in ("甲区城关镇", "乙区城关镇", "甲区柳园口乡", "示范市人民政府", "乙区刘店乡"):
            refresh_unit_figures(store, unit, 2025)
        with store.transaction():
            conn = store.db.conn
            conn.executemany("INSERT INTO units (name, kind, area) VALUES (?, '乡', '甲区')",
                             [(f"甲区{n:03d}乡",) for n in range(MANY)])
            late = [f"乙区第{n:03d}镇" for n in range(MANY_LATE)]  # named after 乙区城关镇
            conn.executemany("INSERT INTO units (name, kind, area) VALUES (?, '镇', '乙区')", [(n,) for n in late])
            columns = ("status, format_id, report, updated_at, accepted_warnings, open_errors, typed, answered, "
                       "questions, progress, next_code, next_title")
            conn.executemany(f"INSERT INTO reports (unit, year, submitted_at, {columns}) SELECT ?, year, ?, {columns} "
                             "FROM reports WHERE unit = '乙区城关镇' AND year = 2025",
                             [(n, timestamp(ON_TIME if i < ON_TIME_TOO else LATE)) for i, n in enumerate(late)])
            # and their reports of the year before, still waiting for review
            conn.execute(f"INSERT INTO reports (unit, year, submitted_at, {columns}) SELECT unit, year - 1, "
                         f"submitted_at, {columns} FROM reports WHERE unit LIKE '乙区第%' AND year = 2025")
    return db


def _both(path: Path, area: str | None, label: str,
          word: str = "汇总") -> tuple[list[str], list[str], AreaDigest, AreaDigest]:
    """(the command counted in storage, from every unit's status) and the two digests, on read-only connections
    (the figures found missing are computed by both, stored by neither)."""
    store = ReadingStore.open(path)
    try:
        campaign, _ = area_campaign(store, area, NOW, TZ)
        counted = load_digest(store, area, campaign, TZ, label)
        view = load_area(store, area, campaign, label, reports=False)
        view.sub_areas = sub_area_map(store, area)
        view.waiting_earlier = tuple((r["unit"], r["year"]) for r in store.waiting_reports(campaign.year, area))
        listed = digest_of(view, TZ)
        answer = DIGEST_TEXTS[word]
        return answer(counted, NOW, TZ), answer(listed, NOW, TZ), counted, listed
    finally:
        store.close()


@pytest.mark.parametrize("word", list(DIGEST_TEXTS))
@pytest.mark.parametrize(("area", "label"), [("示范市", "示范市"), ("乙区", "乙区"), (None, ALL_AREAS)])
def test_the_counted_summary_says_what_every_units_status_says(path: Path, area: str | None, label: str,
                                                               word: str) -> None:
    counted, listed, digest, view_digest = _both(path, area, label, word)
    assert counted == listed
    assert _shown(digest) == _shown(view_digest)


def _shown(digest: AreaDigest) -> tuple[object, ...]:
    """What of a digest 汇总 shows: a unit to chase by its name, area, status, progress and errors, one handed in
    late by its name, area, status and when (not, say, its staff)."""
    pending = [(u.unit, u.area, u.status, u.progress, u.open_errors) for u in digest.pending]
    late = [(u.unit, u.area, u.status, u.submitted_at) for u in digest.late]
    return (digest.area, digest.campaign, digest.tallies, pending, late,
            digest.late_count, digest.late_names, digest.sub_areas, digest.waiting_earlier, digest.waiting_areas,
            digest.waiting_count, [u.unit for u in digest.approved])


def test_the_city_summary_names_what_it_should(path: Path) -> None:
    counted, _, digest, _ = _both(path, "示范市", "示范市")
    text = "\n".join(counted)
    total = 9 + MANY + MANY_LATE
    assert f"共{total}个单位：" in text
    assert "甲区：共" in text and "乙区：共" in text and "示范市（直属）：共1个" in text
    late = MANY_LATE - ON_TIME_TOO + 2
    assert f"逾期提交{late}个：" in text and f"另有{late - LATE_SHOWN}个逾期提交的单位未逐一列出" in text
    assert "乙区城关镇（2026年1月17日 16:05提交，逾期2天）" in text  # told apart from 甲区城关镇
    # in the order the units were written in (the organisation's): 杏花营镇 before the 乙区 units added after it
    assert f"另有往年报告{MANY_LATE + 1}份待审核：杏花营镇（2024年度）、第000镇（2024年度）、" in text
    assert "、第198镇（2024年度）等。" in text and "第199镇（2024年度）" not in text
    assert "【已退回】\n刘店乡" in text and "西姜寨乡" in text
    assert f"另有{MANY + 6 - PENDING_SHOWN}个单位未逐一列出" in text  # 6: 刘店 北道门 柳园口 西姜寨 水稻 杏花营
    assert len(digest.pending) == PENDING_SHOWN and len(digest.late) == LATE_SHOWN
    assert len(digest.waiting_earlier) == WAITING_SHOWN


@pytest.mark.parametrize("text", ["汇总", "进度", "未完成", "逾期"])
def test_the_message_answers_from_the_counted_summary(path: Path, text: str) -> None:
    from bot.incoming import Incoming
    from handlers.conversation import NianbaoEngine

    with Store.open(path) as store:
        sup = store.user("sup")
        assert sup is not None
        with store.transaction():
            replies = NianbaoEngine(TZ)(store, sup, Incoming("sup", "text", NOW, text=text), NOW)
    counted, _, _, _ = _both(path, "示范市", "示范市", "汇总" if text == "进度" else text)
    assert [r.text for r in replies] == counted
