"""查看 of a report handed in ends with the two answers a supervisor can give it, with the unit's name filled in
(「通过 胡集乡」, 「退回 胡集乡 原因」); a report with errors only with 退回; a report not waiting for review with
neither."""

from __future__ import annotations

from dataclasses import replace

from bot.supervision import supervisor_command

from .helpers import TZ, at, seed_area


def head(unit: str, area=None) -> str:
    return supervisor_command(f"查看 {unit}", "supervisor", area or seed_area(), at(12, 10), TZ).replies[0].text


def test_a_report_waiting_for_review_says_how_to_approve_or_return_it() -> None:
    assert head("胡集").endswith("审核后请回复「通过 胡集乡」，或「退回 胡集乡 原因」。")


def test_a_report_waiting_for_review_with_errors_says_only_how_to_return_it() -> None:
    area = seed_area()
    area = replace(area, units=[replace(u, status="submitted", open_errors=2) if u.unit.endswith("塔铺街道") else u for u in area.units])
    text = head("塔铺", area)
    assert text.endswith("报告仍有错误，不能通过，请回复「退回 塔铺街道 原因」退回修改。")


def test_a_report_approved_or_unfinished_says_neither() -> None:
    for unit in ("册井", "柳园口"):
        assert "「通过" not in head(unit) and "「退回" not in head(unit)
