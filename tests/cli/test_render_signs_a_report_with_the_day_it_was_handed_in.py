"""`nianbao render --handed-in 2025-01-20` prints the day the report was handed in under the unit's name in its 落款
(text, Word, web page); a day that is no date, or one inside the report's own year, is refused with one Chinese
sentence and exit 2, before anything is written; without the option the report is signed with the unit's name only."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from tests.cli.test_cli import nianbao
from tests.conftest import seed_path

UNIT = "永清县刘街乡"  # seed 000, a 2024 report


@pytest.mark.parametrize("written", ["2025-01-20", "2025年1月20日"])
def test_the_text_ends_with_the_unit_and_the_day_handed_in(written: str) -> None:
    done = nianbao("render", str(seed_path(0)), "--handed-in", written)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith(f"刘街乡不存在信息处理收费事项。\n\n{UNIT}\n2025年1月20日")


def test_the_word_file_carries_the_day_right_aligned_under_the_unit(tmp_path: Path) -> None:
    out = tmp_path / "report.docx"
    done = nianbao("render", str(seed_path(0)), "--format", "docx", "-o", str(out), "--handed-in", "2025-01-05")
    assert done.returncode == 0, done.stderr
    paragraphs = [p for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs if p.text.strip()]
    assert [(p.text, p.alignment) for p in paragraphs[-2:]] == [(UNIT, WD_ALIGN_PARAGRAPH.RIGHT),
                                                               ("2025年1月5日", WD_ALIGN_PARAGRAPH.RIGHT)]


def test_without_the_option_the_report_is_signed_with_the_unit_only() -> None:
    done = nianbao("render", str(seed_path(0)))
    assert done.returncode == 0 and done.stdout.rstrip().endswith(f"收费事项。\n\n{UNIT}")


@pytest.mark.parametrize(("given", "said"), [
    ("2025-02-30", "提交日期有误：“2025-02-30”不是有效的日期，请写成 2025-01-20 或 2025年1月20日"),
    ("明天", "提交日期有误：“明天”不是有效的日期"),
    ("2024-12-31", "提交日期有误：2024年12月31日尚在 2024 年度之内，年度报告在年度结束后提交（如 2025-01-20）"),
])
def test_a_day_that_cannot_sign_the_report_is_refused_in_one_chinese_sentence(tmp_path: Path, given: str,
                                                                             said: str) -> None:
    out = tmp_path / "report.docx"
    done = nianbao("render", str(seed_path(0)), "--format", "docx", "-o", str(out), "--handed-in", given)
    assert done.returncode == 2
    assert done.stderr.startswith(said) and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr and not out.exists()


def test_the_day_is_refused_for_json_which_prints_no_signature() -> None:
    done = nianbao("render", str(seed_path(0)), "--format", "json", "--handed-in", "2025-01-20")
    assert done.returncode == 2 and "没有落款" in done.stderr and done.stdout == ""


def test_the_day_is_refused_for_a_report_whose_unit_cannot_be_told(tmp_path: Path) -> None:
    text = seed_path(0).read_text(encoding="utf-8").split("\n", 1)[1]  # no title line
    nameless = tmp_path / "nameless.txt"
    nameless.write_text(text.replace("永清县", "").replace("刘街乡", "本乡"), encoding="utf-8")
    done = nianbao("render", str(nameless), "--handed-in", "2025-01-20")
    assert done.returncode == 2 and "未能识别报告单位" in done.stderr and done.stdout == ""
