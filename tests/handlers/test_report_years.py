"""The report year moves on 1 January, never sooner; conversations are per report year; last year's reports waiting
for review stay reviewable after the switch (QA round 2, item 1). Real engine, real SQLite."""

from __future__ import annotations

from datetime import datetime

from bot.dialog import initial_state
from bot.formats import GOV2021
from handlers.areas import area_campaign, load_area
from handlers.conversation import report_year
from storage import Store
from tests.handlers.test_supervisor import TZ, outbox, review, say
from tests.handlers.test_supervisor import store as store  # noqa: F401  (the fixture, shared)

NOVEMBER = datetime(2026, 11, 22, 10, 0, tzinfo=TZ)
JANUARY = datetime(2027, 1, 4, 9, 30, tzinfo=TZ)
EVERY_QUESTION = {**initial_state(), "greeted": True, "answered": [q.code for q in GOV2021.questions]}


def test_a_campaign_set_in_november_starts_on_1_january(store: Store) -> None:
    say(store, "root", "设置截止 2027-01-15", NOVEMBER)
    assert store.campaign(2026) is not None
    assert report_year(store, "A区", NOVEMBER, TZ) == 2025
    assert report_year(store, "A区", datetime(2026, 12, 31, 23, 59, tzinfo=TZ), TZ) == 2025
    assert report_year(store, "A区", datetime(2027, 1, 1, 0, 0, tzinfo=TZ), TZ) == 2026
    assert area_campaign(store, "A区", NOVEMBER, TZ)[0].year == 2025
    # the clerk of a unit that handed in 2025 is told so, and no 2026 report appears before 2026 has ended
    reply = say(store, "liu", "你好", NOVEMBER)[0].text
    assert "2025年" in reply and "2026年" not in reply
    assert store.report("柳园口乡", 2026) is None


def test_without_a_campaign_for_the_year_just_ended_its_report_is_due_all_the_same(store: Store) -> None:
    assert report_year(store, "A区", JANUARY, TZ) == 2026  # only the 2025 campaign is stored


def test_next_years_conversation_starts_afresh(store: Store) -> None:
    store.save_conversation("liu", EVERY_QUESTION, NOVEMBER, year=2025)  # 2025: every question answered, submitted
    say(store, "root", "设置截止 2027-01-15", NOVEMBER)
    replies = say(store, "liu", "你好", JANUARY)
    assert not any("已提交" in r.text or "暂不能修改" in r.text for r in replies), replies[0].text
    assert "2026" in replies[0].text
    stored = store.report("柳园口乡", 2026)
    assert stored is not None and stored.status == "draft"
    assert store.conversation("liu", 2026) is not None and store.conversation("liu", 2025) is None
    assert store.report("柳园口乡", 2025).status == "submitted"  # type: ignore[union-attr]


def test_a_unit_without_a_conversation_this_year_has_not_started(store: Store) -> None:
    store.save_conversation("liu", EVERY_QUESTION, NOVEMBER, year=2025)
    store.save_conversation("bei", EVERY_QUESTION, NOVEMBER, year=2025)
    campaign, _ = area_campaign(store, "A区", JANUARY, TZ)
    units = {u.unit: u for u in load_area(store, "A区", campaign, reports=False).units}
    assert campaign.year == 2026
    assert all((u.status, u.progress) == ("not_started", 0) for u in units.values()), units
    summary = say(store, "supA", "汇总", JANUARY)[0].text
    assert "100%" not in summary and "未开始3" in summary


def test_last_years_reports_waiting_for_review_stay_reviewable(store: Store) -> None:
    say(store, "root", "设置截止 2027-01-15", NOVEMBER)
    say(store, "liu", "你好", JANUARY)  # the clerk began 2026 already
    summary = say(store, "supA", "汇总", JANUARY)[0].text
    assert "2026年度报告进度" in summary
    assert "另有往年报告1份待审核：柳园口乡（2025年度）" in summary and "「查看 柳园口乡 2025」" in summary
    view = say(store, "supA", "查看 柳园口", JANUARY)
    assert "柳园口乡（乡）2025年度报告" in view[0].text and "状态：已提交待审" in view[0].text
    assert any(r.kind == "file" and r.file_name.startswith("柳园口乡2025年") for r in view)
    reply = review(store, "supA", "通过 柳园口", JANUARY)[0].text
    assert "柳园口乡2025年度报告已审核通过" in reply, reply
    assert store.report("柳园口乡", 2025).status == "approved"  # type: ignore[union-attr]
    assert store.report("柳园口乡", 2026).status == "draft"  # type: ignore[union-attr]
    assert "往年报告" not in say(store, "supA", "汇总", JANUARY)[0].text
    # an explicit year reaches a report that no longer waits: 退回 the approved 2025 report
    reply = review(store, "supA", "退回 柳园口 2025 请补充表三说明", JANUARY)[0].text
    assert "已退回柳园口乡2025年度报告" in reply and "请补充表三说明" in reply
    stored = store.report("柳园口乡", 2025)
    assert stored is not None and stored.status == "returned" and stored.returned_reason == "请补充表三说明"
    assert "2025年政府信息公开工作年度报告已被审核人员退回" in outbox(store, "liu")[-2]
    # the clerk fixes the returned 2025 report before going on with 2026
    assert report_year(store, "A区", JANUARY, TZ) == 2026
    say(store, "liu", "继续", JANUARY)
    assert store.conversation("liu", 2025) is not None


def test_the_report_year_is_the_year_of_the_campaign_the_area_works_under(store: Store) -> None:
    """`report_year` finds the year without making the campaign: it never differs from `area_campaign`'s."""
    moments = [NOVEMBER, datetime(2026, 12, 31, 23, 59, tzinfo=TZ), datetime(2027, 1, 1, 0, 0, tzinfo=TZ), JANUARY,
               datetime(2029, 6, 1, 12, 0, tzinfo=TZ)]
    for campaign_set in (False, True):
        if campaign_set:
            say(store, "root", "设置截止 2027-01-15", NOVEMBER)  # set in advance for 2026
        for area in ("A区", "无此区", None):
            for now in moments:
                assert report_year(store, area, now, TZ) == area_campaign(store, area, now, TZ)[0].year, (area, now)
    assert [report_year(store, "A区", now, TZ) for now in moments] == [2025, 2025, 2026, 2026, 2028]
