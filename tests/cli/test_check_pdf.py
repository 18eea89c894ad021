"""`nianbao check`, `render` and `import` take a PDF wherever they take a report file (issue 8): last year's PDF
as --previous finds an R6 error planted in the carry-over; a scan gets one clear sentence and exit 2; a --previous
that yields no number says so instead of checking against nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.importers import import_report
from bot.report import Report
from handlers.cli import main
from tests.conftest import seed_path
from tests.pdfs import report_pdf, scanned_pdf


def _report(year: int, **cells: int) -> Report:
    report = import_report(seed_path(4)).report  # 龙亭区柳园口乡: one application, answered
    report.year = year
    report.cells.update(cells)
    return report


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    # last year ended with one application still open; this year says two were carried in
    last = _report(2024, **{"t3.carry_over.person": 1, "t3.carry_over.total": 1, "t3.new.person": 2,
                            "t3.new.total": 2})
    this = _report(2025, **{"t3.carried_in.person": 2, "t3.carried_in.total": 2, "t3.carry_over.person": 2,
                            "t3.carry_over.total": 2})
    return {
        "last": report_pdf(last, folder, "last"),
        "this": report_pdf(this, folder, "this"),
        "scan": scanned_pdf(this, folder, "scan"),
        "fragment": _fragment(folder),
    }


def _fragment(folder: Path) -> Path:
    path = folder / "fragment.txt"
    path.write_text("龙亭区柳园口乡2024年政府信息公开工作年度报告\n一、总体情况\n我乡坚持公开为常态。\n", encoding="utf-8")
    return path


def test_a_pdf_reads_every_cell(pdfs: dict[str, Path]) -> None:
    report = import_report(pdfs["this"]).report
    assert (report.unit.removesuffix("人民政府"), report.year) == ("龙亭区柳园口乡", 2025)
    assert report.cells["t3.carried_in.person"] == 2 and len(report.cells) == 200
    assert not report.not_found


def test_check_with_last_years_pdf_finds_the_carry_over_error(pdfs: dict[str, Path], capsys) -> None:
    code = main(["check", str(pdfs["this"]), "--previous", str(pdfs["last"]), "--json"])
    (result,) = json.loads(capsys.readouterr().out)
    r6 = [f for f in result["findings"] if f["rule"] == "R6"]
    assert code == 1 and len(r6) == 1, result["findings"]
    assert "2" in r6[0]["message"] and "1" in r6[0]["message"]


def test_without_last_year_there_is_no_carry_over_error(pdfs: dict[str, Path], capsys) -> None:
    main(["check", str(pdfs["this"]), "--json"])
    (result,) = json.loads(capsys.readouterr().out)
    assert not [f for f in result["findings"] if f["rule"] == "R6"]


def test_a_scanned_pdf_gets_one_clear_sentence_and_exit_2(pdfs: dict[str, Path], capsys) -> None:
    code = main(["check", str(pdfs["scan"])])
    out = capsys.readouterr()
    assert code == 2
    assert "扫描件" in out.out and "Traceback" not in out.out + out.err
    assert main(["check", str(pdfs["this"]), "--previous", str(pdfs["scan"])]) == 2
    assert "扫描件" in capsys.readouterr().err


def test_a_previous_report_without_numbers_is_said_not_checked_against(pdfs: dict[str, Path], capsys) -> None:
    code = main(["check", str(pdfs["this"]), "--previous", str(pdfs["fragment"])])
    err = capsys.readouterr().err
    assert code == 2 and "没有读到任何表格数字" in err


def test_render_takes_a_pdf(pdfs: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "this.json"
    assert main(["render", str(pdfs["this"]), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["cells"]["t3.carried_in.person"] == 2 and data["year"] == 2025
