"""The edge's `nianbao` subcommands, run in-process on real files: db upgrade, backup, org import, import."""

from __future__ import annotations

from pathlib import Path

from handlers.cli import main
from storage import LATEST, Store
from tests.conftest import seed_path

ORG = """userid,name,role,unit,unit_kind,area
zhang,张明,staff,城关镇人民政府,镇,示范县
liu,刘主任,supervisor,,,示范县
"""


def test_db_upgrade_and_backup(tmp_path: Path, capsys) -> None:
    db = tmp_path / "n.db"
    assert main(["db", "upgrade", "--db", str(db)]) == 0
    assert f"0 → {LATEST}" in capsys.readouterr().out
    assert main(["backup", str(tmp_path / "copy.db"), "--db", str(db)]) == 0
    with Store.open(tmp_path / "copy.db") as copy:
        assert copy.units() == []
    assert main(["backup", str(tmp_path / "x.db"), "--db", str(tmp_path / "missing.db")]) == 2


def test_org_import_prints_counts_or_every_bad_line(tmp_path: Path, capsys) -> None:
    db, csv = tmp_path / "n.db", tmp_path / "org.csv"
    csv.write_text(ORG, encoding="utf-8")
    assert main(["org", "import", str(csv), "--db", str(db)]) == 0
    assert "新增人员 2 名" in capsys.readouterr().out
    csv.write_text(ORG + "wang,王芳,boss,东城街道办事处,街道,示范县\n,无名,staff,青山乡,乡,示范县\n", encoding="utf-8")
    assert main(["org", "import", str(csv), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "第4行" in err and "第5行" in err, err
    with Store.open(db) as store:
        assert [u.userid for u in store.users()] == ["liu", "zhang"]  # nothing half-imported


def test_import_stores_a_report_and_prints_findings(tmp_path: Path, capsys) -> None:
    db = tmp_path / "n.db"
    assert main(["import", str(seed_path(1)), "--unit", "城关镇人民政府", "--year", "2023", "--db", str(db)]) == 0
    assert "已保存城关镇人民政府 2023 年度报告" in capsys.readouterr().out
    with Store.open(db) as store:
        stored = store.report("城关镇人民政府", 2023)
        assert stored is not None and stored.report.cells and stored.report.unit_kind == "镇"
    not_a_report = tmp_path / "x.txt"
    not_a_report.write_text("今天天气很好。", encoding="utf-8")
    assert main(["import", str(not_a_report), "--unit", "甲", "--year", "2023", "--db", str(db)]) == 1
