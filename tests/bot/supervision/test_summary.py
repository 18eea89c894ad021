from __future__ import annotations

import time
from datetime import UTC, datetime

from bot.supervision import AreaView, area_summary, overdue_list, unfinished_list
from bot.supervision.area import UnitStatus, display_names, short_name

from .helpers import CAMPAIGN, TZ, at, many_units, seed_area


def nbytes(text: str) -> int:
    return len(text.encode("utf-8"))

def test_summary_of_the_seed_area() -> None:
    [text] = area_summary(seed_area(), at(12, 10), TZ)
    assert "共5个单位：已通过2，待审核1，已退回1，填写中1，未开始0。" in text
    assert "截止日期2026年1月15日，还有3天；公开期限2026年1月31日。" in text
    assert "尚未提交2个" in text
    assert "塔铺街道 90% 错1处" in text and "柳园口乡 40%" in text
    assert "已通过2个：刘街乡、册井镇。" in text  # a county's few approved are named (see test_summary_names_…)

def test_days_left_on_the_day_and_when_overdue() -> None:
    assert "今天（2026年1月15日）是截止日期" in area_summary(seed_area(), at(15, 8), TZ)[0]
    assert "截止日期2026年1月15日已过3天；公开期限2026年1月31日，还有13天。" in area_summary(seed_area(), at(18), TZ)[0]
    # the local date decides: 16:30 UTC on the 14th is already the 15th in Shanghai
    assert "今天（2026年1月15日）" in area_summary(seed_area(), datetime(2026, 1, 14, 16, 30, tzinfo=UTC), TZ)[0]

def test_forty_units_fit_in_one_message() -> None:
    units = many_units(40)
    messages = area_summary(AreaView("祥符区", CAMPAIGN, units), at(16, 10), TZ)
    assert len(messages) == 1 and nbytes(messages[0]) <= 2048
    text = messages[0]
    pending = [u for u in units if u.status not in ("submitted", "approved")]
    assert f"尚未提交{len(pending)}个" in text
    for u in pending:  # every unfinished unit is listed, by its short name
        assert short_name(u.unit) in text
    worst = [u for u in units if u.status in ("in_progress", "returned")][0]
    assert f"{short_name(worst.unit)} {worst.progress}% 错{worst.open_errors}处" in text

def test_forty_units_all_unfinished_still_fit() -> None:
    units = many_units(40)
    for i, u in enumerate(units):
        u.status, u.progress, u.open_errors = "in_progress", 100 - i, 10 + i
    [text] = area_summary(AreaView("祥符区", CAMPAIGN, units), at(16, 10), TZ)
    assert nbytes(text) <= 2048 and text.count("错") == 40

def test_two_hundred_units_continue_in_further_messages() -> None:
    units = many_units(200)
    messages = area_summary(AreaView("祥符区", CAMPAIGN, units), at(16, 10), TZ)
    assert len(messages) > 1 and all(nbytes(m) <= 2048 for m in messages)
    joined = "\n".join(messages)
    for u in units:
        if u.status not in ("submitted", "approved"):
            assert short_name(u.unit) in joined
    assert joined.startswith("祥符区2025年度报告进度")

def test_unfinished_and_overdue_lists() -> None:
    area = seed_area()
    [text] = unfinished_list(area, at(12), TZ)
    assert "尚未提交的单位共2个" in text and "柳园口乡 40%" in text and "册井镇" not in text
    assert "没有逾期单位" in overdue_list(area, at(15, 18), TZ)[0]
    [late] = overdue_list(area, at(17), TZ)
    assert "逾期未提交的单位共2个" in late and "已过2天" in late and "塔铺街道" in late
    for u in area.units:
        u.status = "approved"
    assert "全部单位均已提交" in overdue_list(area, at(17), TZ)[0]
    assert "全部单位均已提交" in unfinished_list(area, at(17), TZ)[0]

def test_summary_for_two_thousand_units_is_fast() -> None:
    area = AreaView("祥符区", CAMPAIGN, many_units(2000))
    area_summary(area, at(16, 10), TZ)  # warm the template cache
    start = time.perf_counter()
    messages = area_summary(area, at(16, 10), TZ)
    elapsed = time.perf_counter() - start
    print(f"\n汇总 for 2,000 units: {elapsed * 1000:.1f} ms, {len(messages)} messages")
    assert all(nbytes(m) <= 2048 for m in messages)
    assert elapsed < 0.5  # target 100 ms; generous here because the test machine is shared

def test_a_unit_whose_short_name_is_its_areas_keeps_its_full_name() -> None:
    units = [UnitStatus("示范县人民政府", "县级政府", "示范县"), UnitStatus("示范县城关镇", "镇", "示范县")]
    assert display_names(units) == {"示范县人民政府": "示范县人民政府", "示范县城关镇": "城关镇"}
    assert display_names([UnitStatus("示范县人民政府", "", None)], area="示范县") == {"示范县人民政府": "示范县人民政府"}
    assert display_names([UnitStatus("柳园口乡人民政府", "乡", "龙亭区")]) == {"柳园口乡人民政府": "柳园口乡"}

def test_late_submissions_are_flagged_in_overdue_and_summary() -> None:
    """issue 11: a report handed in after the due date is named with how late it came, in 逾期 and 汇总."""

    area = seed_area()
    area.units[2].submitted_at = at(17, 16, 5)  # two days after 15 January
    late_line = "逾期提交1个："
    overdue = "".join(overdue_list(area, at(20), TZ))
    assert late_line in overdue and "2026年1月17日 16:05提交，逾期2天" in overdue, overdue
    summary = "".join(area_summary(area, at(20), TZ))
    assert late_line in summary and "逾期2天" in summary
    area.units[2].submitted_at = at(15, 23, 59)  # on the due day, in local time: not late
    assert "逾期提交" not in "".join(overdue_list(area, at(20), TZ)) + "".join(area_summary(area, at(20), TZ))
    assert CAMPAIGN.due.day == 15
