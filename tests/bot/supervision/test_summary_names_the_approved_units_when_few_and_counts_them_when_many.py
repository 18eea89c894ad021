"""汇总 names the units already approved when they are few (a county's: up to APPROVED_NAMED), so the supervisor knows
which are done, not only how many; when more are approved they are counted only — the units still to chase are the
ones a long reply must name, and each message stays within WeCom's 2048 bytes."""

from __future__ import annotations

from bot.supervision import AreaView, area_summary
from bot.supervision.area import short_name
from bot.supervision.summary import APPROVED_NAMED

from .helpers import CAMPAIGN, TZ, at, many_units


def summary(units) -> str:
    return "\n".join(area_summary(AreaView("祥符区", CAMPAIGN, units), at(16, 10), TZ))


def test_a_few_approved_units_are_named_by_their_short_names_in_name_order() -> None:
    units = many_units(6 * APPROVED_NAMED)
    approved = sorted((u for u in units if u.status == "approved"), key=lambda u: u.unit)
    assert len(approved) == APPROVED_NAMED
    text = summary(units)
    assert f"已通过{APPROVED_NAMED}个：{'、'.join(short_name(u.unit) for u in approved)}。" in text, text


def test_more_approved_units_than_are_named_are_counted_only() -> None:
    units = many_units(6 * (APPROVED_NAMED + 1))
    approved = [u for u in units if u.status == "approved"]
    text = summary(units)
    assert f"已通过{len(approved)}，" in text and f"已通过{len(approved)}个：" not in text
    assert not any(short_name(u.unit) in text for u in approved)


def test_no_approved_unit_no_line() -> None:
    units = [u for u in many_units(12) if u.status != "approved"]
    assert "已通过0，" in summary(units) and "已通过0个" not in summary(units)
