"""A supervisor's 查看 of a report still being filled in counts as 错误 only what is wrong in what the unit has
filled in: a finding about a blank — a cell never given, a total over one, a prose part not yet written (六 not yet
written states no fee: R10) — is work to do, listed under 还需填写. The clerk's 预览 and the supervisor's 查看 read
"blank" through the one `blank_ids`, and 汇总's count of a unit's errors is the one its 查看 lists."""

from __future__ import annotations

import re

import pytest

from bot.formats import GOV2021
from bot.report import Report, with_derived
from bot.rules import check_report
from bot.summary import blank_ids, findings_on_what_is_filled
from bot.supervision import AreaView, UnitStatus, supervisor_command
from bot.supervision.stats import open_errors

from .helpers import CAMPAIGN, TZ, at, seed_report

UNFINISHED_PROSE = ("s1.platform", "s1.oversight", "s5.problems", "s5.improvements", "s6.other")


def _unfinished(n: int, cells_kept: int = 60, **changed_cells: int) -> Report:
    """Seed n part-way through: the first cells of its tables typed, 1.5 onwards not yet written."""
    report = seed_report(n).copy()
    typed = [c.id for c in GOV2021.cells if not c.derived]
    report.cells = {c: report.cells.get(c) for c in typed[:cells_kept]} | changed_cells
    report.cells.update(with_derived(report).cells)  # stored with its totals, as the engine saves it
    report.text = {k: v for k, v in report.text.items() if k not in UNFINISHED_PROSE}
    return report


def _view(report: Report) -> str:
    unit = UnitStatus(report.unit, report.unit_kind, "龙亭区", "in_progress", 30, staff=("staff",), report=report)
    area = AreaView("龙亭区", CAMPAIGN, [unit], supervisors=("sup1",))
    return supervisor_command(f"查看 {report.unit}", "supervisor", area, at(12, 10), TZ).replies[0].text


@pytest.mark.parametrize("n", range(5))
def test_a_part_not_yet_written_is_no_error(n: int) -> None:
    report = _unfinished(n)
    all_errors = [f for f in check_report(report) if f.level == "error"]
    assert any(f.rule == "R10" for f in all_errors)  # 六 not written: no fee stated — but it is not written yet
    head = _view(report)
    assert "六、其他需要报告的事项" in head.split("还需填写")[1]  # listed as still to fill …
    assert "信息处理费" not in head  # … and not counted among the errors
    counted = re.search(r"已填部分检查发现(\d+)处错误", head)
    filled_errors = findings_on_what_is_filled(all_errors, report, GOV2021)
    assert (int(counted.group(1)) if counted else 0) == len(filled_errors)
    blank = blank_ids(report, GOV2021)
    assert all(blank.isdisjoint(f.cells) for f in filled_errors)
    assert open_errors(report, handed_in=False) == len(filled_errors)  # 汇总's count is 查看's


@pytest.mark.parametrize("n", range(5))
def test_the_summary_counts_the_errors_the_view_lists(n: int) -> None:
    for kept in (12, 30, 60, 100):  # part-way through the tables, totals stored over the cells not yet given
        report = _unfinished(n, cells_kept=kept)
        counted = re.search(r"已填部分检查发现(\d+)处错误", _view(report))
        assert open_errors(report, handed_in=False) == (int(counted.group(1)) if counted else 0), kept


def test_an_error_in_what_is_filled_still_counts() -> None:
    report = _unfinished(4, **{"t2.regulations.issued": 2})  # a township never makes 规章 (R7)
    head = _view(report)
    assert re.search(r"已填部分检查发现\d+处错误", head) and "规章" in head, head


def test_blank_ids_name_every_unwritten_part_and_no_written_one() -> None:
    report = _unfinished(2)
    blank = blank_ids(report, GOV2021)
    assert set(UNFINISHED_PROSE) <= blank
    assert not blank & {s for s, t in report.text.items() if t.strip()}
    report.text["s6.other"] = "   "  # spaces are no text
    assert "s6.other" in blank_ids(report, GOV2021)
