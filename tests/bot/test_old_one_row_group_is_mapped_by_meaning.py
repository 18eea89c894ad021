"""2019's one-row （六）其他处理 counted every other outcome in one number; the 2021 format asks for three leaves and
has no cell for their sum. A 0 says each leaf is 0; any other number, or a blank, cannot be split: the leaves are not
found (never 0), the rules that need them are not evaluated, and the import says what it could not read."""

from __future__ import annotations

import re

import pytest

from bot.checking import check_imported
from bot.formats import GOV2021
from bot.importers import import_bytes
from bot.importers.tables import NOT_READ_RULE
from tests.conftest import seed_path

T3 = GOV2021.table("t3")
LEAVES = ("other_1", "other_2", "other_3")
COLUMNS = [c.key for c in T3.columns]


def _seed_001_with_other_row(values: list[str]):
    """Seed 001 (2019's one-row layout, all 0) with its （六）其他处理 row printed as `values`, and the rows that must
    agree with it (（七）总计, 一、本年新收) moved by the same numbers, so the report adds up."""
    text = seed_path(1).read_text(encoding="utf-8")
    deltas = [int(v) if v.strip().isdigit() else 0 for v in values]
    for label in ("（六）其他处理", "（七）总计", "一、本年新收政府信息公开申请数量"):
        block = re.search(re.escape(label) + r"((?:\n\t?\d+){7})", text)
        assert block, label
        old = [int(n) for n in re.findall(r"\d+", block.group(1))]
        new = values if label == "（六）其他处理" else [str(o + d) for o, d in zip(old, deltas, strict=True)]
        lines = "".join(f"\n\t{v}" for v in new)
        text = text[: block.start(1)] + lines + text[block.end(1):]
    return import_bytes(text.encode("utf-8"), "seed001.txt")


def _leaf_cells(columns) -> set[str]:
    return {f"t3.{row}.{col}" for row in LEAVES for col in columns}


def test_a_row_of_zeros_says_every_leaf_is_zero() -> None:
    imported = _seed_001_with_other_row(["0"] * 7)
    assert all(imported.report.cells[c] == 0 for c in _leaf_cells(COLUMNS))
    assert not imported.report.not_found
    assert [f.rule for f in imported.findings] == ["R12"]  # the old layout is still reported


def test_a_number_in_the_row_leaves_its_column_not_found_and_no_rule_guesses() -> None:
    imported = _seed_001_with_other_row(["2", "0", "0", "0", "0", "0", "2"])
    report = imported.report
    unsplit = _leaf_cells(("person", "total"))
    assert unsplit <= report.not_found and not unsplit & set(report.cells)
    assert all(report.cells[c] == 0 for c in _leaf_cells(COLUMNS) - unsplit)  # the 0 columns are known
    findings = check_imported(imported)
    assert not {f.rule for f in findings if f.level == "error"} & {"R1", "R2", "R3"}, \
        [f.message for f in findings if f.level == "error"]
    (unread,) = [f for f in findings if f.rule == NOT_READ_RULE]
    assert "「自然人」2" in unread.message and "「总计」2" in unread.message and "未导入" in unread.message
    assert set(unread.cells) == unsplit
    assert any(f.rule == "R12" and f.level == "warning" for f in findings)


def test_a_blank_row_is_not_found_either() -> None:
    imported = _seed_001_with_other_row([""] * 7)
    assert _leaf_cells(COLUMNS) <= imported.report.not_found
    (unread,) = [f for f in imported.findings if f.rule == NOT_READ_RULE]
    assert "空白" in unread.message and "21" in unread.message


@pytest.mark.parametrize("values", [["1", "0", "0", "0", "0", "0", "1"], ["0"] * 7])
def test_the_other_result_rows_still_add_up_when_known(values: list[str]) -> None:
    findings = check_imported(_seed_001_with_other_row(values))
    assert not [f for f in findings if f.rule in ("R1", "R2", "R3")]
