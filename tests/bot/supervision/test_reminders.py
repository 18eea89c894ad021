from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime, timedelta

import chinese_calendar

from bot.supervision import (
    AreaView,
    Campaign,
    ChinaWorkdays,
    ReminderPlan,
    UnitStatus,
    digest_unit,
    due_sends,
    plan_slots,
    shift_to_workday,
    weekdays,
)

from .helpers import CAMPAIGN, TZ, at

# 11 days before the 15th is Sunday 4 January — a 调休 working day in 2026; 5 days before is Saturday the 10th
PLAN = ReminderPlan(days_before=(11, 7, 5, 3, 1, 0))
JANUARY = replace(CAMPAIGN, plan=PLAN)
WORKDAYS = ChinaWorkdays()


def test_what_chinese_calendar_says_about_these_days() -> None:
    assert not chinese_calendar.is_workday(date(2026, 1, 1))  # 元旦
    assert not chinese_calendar.is_workday(date(2026, 1, 2))  # 元旦 holiday
    assert chinese_calendar.is_workday(date(2026, 1, 4))  # a Sunday, worked in exchange (调休)
    assert date(2026, 1, 4).weekday() == 6
    assert not chinese_calendar.is_workday(date(2026, 1, 10)) and date(2026, 1, 10).weekday() == 5
    assert chinese_calendar.is_workday(date(2025, 12, 31))
    assert not chinese_calendar.is_workday(date(2026, 1, 31))  # Saturday: publish_by itself


def test_shift_to_the_previous_working_day() -> None:
    assert shift_to_workday(date(2026, 1, 10), WORKDAYS) == date(2026, 1, 9)
    assert shift_to_workday(date(2026, 1, 3), WORKDAYS) == date(2025, 12, 31)  # over the 元旦 holiday
    assert shift_to_workday(date(2026, 1, 4), WORKDAYS) == date(2026, 1, 4)  # 调休 Sunday stays
    assert shift_to_workday(date(2026, 1, 4), weekdays) == date(2026, 1, 2)  # a plain Mon–Fri calendar moves it


def test_unknown_years_fall_back_to_monday_to_friday_and_say_so() -> None:
    cal = ChinaWorkdays()
    assert cal(date(2031, 1, 4)) is False and cal(date(2031, 1, 6)) is True  # Saturday, Monday
    assert cal.fallback_years == {2031} and "2031年" in cal.note
    assert ChinaWorkdays(extra_holidays=[date(2031, 1, 6)])(date(2031, 1, 6)) is False
    assert ChinaWorkdays().note == ""


def test_plan_of_the_january_campaign() -> None:
    slots = plan_slots(JANUARY, WORKDAYS)
    before = [(s.key, s.at, s.kind, s.days_left) for s in slots if s.kind in ("before", "due_day")]
    assert before == [
        ("before-11", at(4), "before", 11),
        ("before-7", at(8), "before", 7),
        ("before-5", at(9), "before", 6),  # Saturday the 10th moved to Friday the 9th
        ("before-3", at(12), "before", 3),
        ("before-1", at(14), "before", 1),
        ("due", at(15), "due_day", 0),
    ]
    overdue_days = [16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]  # working days after the 15th, up to the 31st
    assert [s.at for s in slots if s.kind == "overdue_nudge"] == [at(d) for d in overdue_days]
    assert [s.key for s in slots if s.kind == "overdue_digest"] == [f"digest-2026-01-{d:02d}" for d in overdue_days]
    assert all(s.at.tzinfo is not None and s.at.utcoffset() == timedelta(hours=8) for s in slots)


def test_two_slots_on_one_day_keep_the_more_urgent() -> None:
    # due Monday 12th: 1 day before is Sunday → Friday 9th, where the 3-days-before slot already is
    campaign = Campaign(2025, date(2026, 1, 12), date(2026, 1, 31), "A")
    slots = [s for s in plan_slots(campaign, WORKDAYS) if s.kind != "overdue_nudge" and s.kind != "overdue_digest"]
    assert [(s.key, s.at.date()) for s in slots] == [
        ("before-7", date(2026, 1, 5)), ("before-1", date(2026, 1, 9)), ("due", date(2026, 1, 12))]
    assert not [s for s in plan_slots(replace(campaign, plan=ReminderPlan(overdue_daily=False)), WORKDAYS)
                if s.kind.startswith("overdue")]


def january_area() -> AreaView:
    units = [
        UnitStatus("龙亭区柳园口乡", "乡", "龙亭区", "not_started", 0, "", 0, staff=("a1", "a2")),
        UnitStatus("龙亭区北道门街道", "街道", "龙亭区", "in_progress", 60, "【3.5】办理结果", 0, staff=("b1",)),
        UnitStatus("龙亭区午朝门街道", "街道", "龙亭区", "in_progress", 90, "【6.1】信息处理费", 1, staff=("c1",)),
        UnitStatus("龙亭区水稻乡", "乡", "龙亭区", "returned", 80, "【3.2】本年新收", 2, staff=("d1",)),
        UnitStatus("龙亭区杏花营农场", "县级部门", "龙亭区", "approved", 100, "", 0, staff=("e1",)),
    ]
    return AreaView("龙亭区", JANUARY, units, supervisors=("sup1",))


DOWN = (at(11, 20), at(14, 12))  # the server is down from Sunday evening until Wednesday noon


def simulate() -> tuple[list, list, dict]:
    """The edge's loop over January every 30 minutes: sent and skipped keys are stored, state changes on the way."""
    area = january_area()
    slots = plan_slots(area.campaign, WORKDAYS)
    done: set = set()
    sends, skips, restart = [], [], {}
    last_run = None
    now = datetime(2026, 1, 1, 0, 0, tzinfo=TZ)
    while now <= datetime(2026, 2, 2, tzinfo=TZ):
        if now == at(13, 15):
            area.units[2].status = "submitted"  # 午朝门 submits while the server is down
        if now == at(20, 14):
            area.units[1].status = "submitted"  # 北道门 submits after the 20th's nudge
        if DOWN[0] <= now < DOWN[1]:
            last_run = None  # down: nothing runs, and the restart has forgotten when it last ran
        else:
            new_sends, new_skips = due_sends(slots, now, area, done, last_run)
            assert not [s for s in new_sends if s.key in done], "a key was sent twice"
            done.update(s.key for s in new_sends)
            done.update(s.key for s in new_skips)
            sends += [(now, s) for s in new_sends]
            skips += [(now, s) for s in new_skips]
            if now == DOWN[1]:
                restart = {"sends": new_sends, "skips": new_skips}
            last_run = now
        now += timedelta(minutes=30)
    return sends, skips, restart


def test_a_whole_january() -> None:
    sends, skips, restart = simulate()
    got = {(key[1], key[2]) for _, s in sends for key in [s.key]}
    assert len(got) == len(sends)  # never twice
    overdue = ["16", "19", "20", "21", "22", "23", "26", "27", "28", "29", "30"]
    full = ["before-11", "before-7", "before-5", "before-1", "due"] + [f"nudge-2026-01-{d}" for d in overdue]
    expected = (
        {("龙亭区柳园口乡", k) for k in full}
        | {("龙亭区水稻乡", k) for k in full}
        | {("龙亭区北道门街道", k) for k in full[:5] + ["nudge-2026-01-16", "nudge-2026-01-19", "nudge-2026-01-20"]}
        | {("龙亭区午朝门街道", k) for k in ("before-11", "before-7", "before-5")}  # submitted on the 13th
        | {(digest_unit("龙亭区"), f"digest-2026-01-{d}") for d in overdue}
    )
    assert got == expected
    assert not [s for _, s in sends if s.key[1] == "龙亭区杏花营农场"]  # approved: never reminded
    # on time: every send at its slot's minute, except the one catch-up after the restart
    slot_at = {s.key: s.at for s in plan_slots(JANUARY, WORKDAYS)}
    late = {(t, s.key[1], s.key[2]) for t, s in sends if t != slot_at[s.key[2]]}
    assert late == {(DOWN[1], u, "before-1") for u in ("龙亭区柳园口乡", "龙亭区北道门街道", "龙亭区水稻乡")}
    # recipients: the unit's own staff; digests to the supervisors
    users = {s.key[1]: s.users for _, s in sends}
    assert users["龙亭区柳园口乡"] == ("a1", "a2") and users[digest_unit("龙亭区")] == ("sup1",)


def test_the_restart_catches_up_once() -> None:
    _, skips, restart = simulate()
    sent = {(s.key[1], s.key[2]) for s in restart["sends"]}
    assert sent == {("龙亭区柳园口乡", "before-1"), ("龙亭区北道门街道", "before-1"), ("龙亭区水稻乡", "before-1")}
    skipped = {(s.key[1], s.key[2]): s.reason for s in restart["skips"]}
    # the 12th's "3 days left" is not sent: the 14th's is already due
    for unit in ("龙亭区柳园口乡", "龙亭区北道门街道", "龙亭区水稻乡", "龙亭区午朝门街道"):
        assert "更近的提醒" in skipped[(unit, "before-3")]
    assert "已提交" in skipped[("龙亭区午朝门街道", "before-1")]
    text = next(s.text for s in restart["sends"] if s.key[1] == "龙亭区北道门街道")
    assert "还有1天" in text and "60%" in text and "【3.5】办理结果" in text and "回复「继续」" in text


def test_reminder_texts() -> None:
    area = january_area()
    slots = plan_slots(area.campaign, WORKDAYS)
    sends, _ = due_sends(slots, at(16, 9), area, set(), at(16, 8))
    by_unit = {s.key[1]: s for s in sends}
    assert "超过截止日期（2026年1月15日）1天" in by_unit["龙亭区水稻乡"].text
    assert "已被退回" in by_unit["龙亭区水稻乡"].text
    assert "尚未开始填写" in by_unit["龙亭区柳园口乡"].text
    digest = by_unit[digest_unit("龙亭区")]
    assert digest.kind == "overdue_digest" and "有4个单位逾期未提交" in digest.text
    assert all(len(m.encode()) <= 2048 for s in sends for m in s.messages)


def test_skips_without_staff_supervisors_or_after_publish_by() -> None:
    area = january_area()
    area.units[0].staff = ()
    area.supervisors = ()
    slots = plan_slots(area.campaign, WORKDAYS)
    sends, skips = due_sends(slots, at(16, 9), area, set(), at(16, 8))
    reasons = {s.key[1]: s.reason for s in skips}
    assert "未登记经办人" in reasons["龙亭区柳园口乡"] and "未登记审核人员" in reasons[digest_unit("龙亭区")]
    late_sends, late_skips = due_sends(slots, at(2, month=2), area, set(), None)
    assert late_sends == [] and any("已过公开期限" in s.reason for s in late_skips)
    assert due_sends(slots, at(3), area, set(), None) == ([], [])  # before the first slot


def test_reminders_for_twenty_thousand_users_are_quick() -> None:
    units = [UnitStatus(f"第{i}号乡", "乡", "大区", "in_progress", i % 100, "【3.2】本年新收", 0, staff=(f"u{i}",))
             for i in range(20_000)]
    area = AreaView("大区", JANUARY, units, supervisors=("sup",))
    start = time.perf_counter()
    slots = plan_slots(area.campaign, WORKDAYS)
    sends, skips = due_sends(slots, at(14, 9), area, set(), at(14, 8))
    elapsed = time.perf_counter() - start
    print(f"\nreminders for 20,000 users: {elapsed:.2f} s, {len(sends)} sends")
    assert len(sends) == 20_000 and sum(len(s.users) for s in sends) == 20_000 and not skips
    assert elapsed < 10  # target 5 s; generous because the test machine is shared
