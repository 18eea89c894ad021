"""`nianbao check` and `nianbao render` as a person runs them: a real process, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SEEDS, seed_path


def nianbao(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "handlers.cli", *args], capture_output=True, text=True, timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )


def test_check_seeds_prints_the_expected_findings() -> None:
    done = nianbao("check", *sorted(str(p) for p in SEEDS.glob("*.txt")))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "R13" in done.stdout and "我乡" in done.stdout  # seed 001, a 镇 writing 我乡
    assert "错误 0 项" in done.stdout
    assert "Traceback" not in done.stderr


def test_check_json_and_exit_1_on_errors(tmp_path: Path) -> None:
    text = seed_path(0).read_text(encoding="utf-8")
    start = text.index("一、本年新收政府信息公开申请数量")
    first = text.index("\t0", start)
    bad = tmp_path / "bad.txt"
    bad.write_text(text[:first] + "\t1" + text[first + 2:], encoding="utf-8")
    done = nianbao("check", str(bad), "--json")
    assert done.returncode == 1
    [result] = json.loads(done.stdout)
    assert {"file", "unit", "unit_kind", "year", "cells", "text", "findings"} <= result.keys()
    rules = {f["rule"]: f for f in result["findings"] if f["level"] == "error"}
    assert {"R1", "R3"} <= rules.keys()
    assert "t3.new.person" in rules["R1"]["cells"] and "t3.new.total" in rules["R3"]["cells"]
    assert result["cells"]["t3.new.person"] == 1


def test_check_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("明天上午开会，记得带材料。", encoding="utf-8")
    done = nianbao("check", str(junk))
    assert done.returncode == 2
    assert "无法读取" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_check_with_previous_year_finds_carry_mismatch(tmp_path: Path) -> None:
    last = json.loads(nianbao("render", str(seed_path(4)), "--format", "json").stdout)
    last["year"] = 2023
    last["cells"]["t3.carry_over.person"] = 2
    last["cells"]["t3.carry_over.total"] = 2
    previous = tmp_path / "2023.json"
    previous.write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    done = nianbao("check", str(seed_path(4)), "--previous", str(previous), "--json")
    assert done.returncode == 1
    assert "R6" in {f["rule"] for f in json.loads(done.stdout)[0]["findings"]}


def test_render_every_format(tmp_path: Path) -> None:
    for form in ("txt", "html", "docx", "json"):
        out = tmp_path / f"report.{form}"
        done = nianbao("render", str(seed_path(1)), "--format", form, "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    assert "行政许可\t204" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    again = nianbao("check", str(tmp_path / "report.docx"), "--json")
    assert json.loads(again.stdout)[0]["cells"]["t2.license"] == 204


def test_check_finds_another_units_name_among_the_files_checked_together(tmp_path: Path) -> None:
    """A supervisor checks the files units sent in: the units of those files (and --units) are one area (R13)."""
    text = seed_path(3).read_text(encoding="utf-8")  # 延津县塔铺街道
    copied = tmp_path / "copied.txt"
    # named, not acting (我街道与刘街乡…): only the names of the area tell it is another unit
    copied.write_text(text.replace("我街道", "我街道与刘街乡", 1), encoding="utf-8")
    alone = json.loads(nianbao("check", str(copied), "--json").stdout)
    assert not [f for f in alone[0]["findings"] if "刘街乡" in f["message"]]
    acting = tmp_path / "acting.txt"  # a township acting in the text (2024年度刘街乡未收取…) is found alone
    acting.write_text(text.replace("我街道", "刘街乡", 1), encoding="utf-8")
    alone = json.loads(nianbao("check", str(acting), "--json").stdout)
    assert [f["rule"] for f in alone[0]["findings"] if "“刘街乡”" in f["message"]] == ["R13"]
    together = json.loads(nianbao("check", str(copied), str(seed_path(0)), "--json").stdout)
    assert [f["rule"] for f in together[0]["findings"] if "“刘街乡”" in f["message"]] == ["R13"]
    units = tmp_path / "units.txt"
    units.write_text("name\n永清县刘街乡\n郸城县胡集乡\n", encoding="utf-8")
    listed = json.loads(nianbao("check", str(copied), "--units", str(units), "--json").stdout)
    assert [f["rule"] for f in listed[0]["findings"] if "“刘街乡”" in f["message"]] == ["R13"]
