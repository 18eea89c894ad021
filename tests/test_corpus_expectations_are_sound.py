"""The corpus's expectations (tests/fixtures/corpus/*.expected.json) are themselves checked: hand-read numbers can be
mistyped, and a test against a wrong expectation teaches the importer the mistake. These tests read no document
with nianbao's importer; they hold the expectations to the format's declaration and to their own arithmetic."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bot.formats import GOV2021
from tests.conftest import CORPUS

RULES = {f"R{i}" for i in range(1, 16)}
EXPECTATIONS = sorted(CORPUS.glob("*.expected.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _id(path: Path) -> str:
    return path.name.removesuffix(".expected.json")


def _documents(path: Path) -> list[Path]:
    return [p for p in CORPUS.glob(_id(path) + ".*") if not p.name.endswith(".expected.json")]


def test_the_corpus_holds_real_reports_and_generated_ones():
    expectations = [_load(p) for p in EXPECTATIONS]
    generated = [e for e in expectations if str(e["source"]).startswith("generated")]
    assert len(expectations) - len(generated) >= 26  # the city report and at least 25 gathered reports
    assert {"pdf docx", "pdf html", "pdf scanned"} <= {e["layout"] for e in generated}


def test_every_document_has_its_expectation_and_every_expectation_a_document():
    ids = {_id(p) for p in EXPECTATIONS}
    for doc in CORPUS.iterdir():
        if doc.name.endswith(".expected.json") or doc.name == "README.md":
            continue
        assert any(doc.name.startswith(i + ".") for i in ids), f"{doc.name} has no expectation"
    for path in EXPECTATIONS:
        assert _documents(path), f"{path.name} has no document"


@pytest.mark.parametrize("path", EXPECTATIONS, ids=_id)
def test_an_expectation_names_real_cells_and_rules(path: Path):
    exp = _load(path)
    known = set(GOV2021.cell_ids)
    assert set(exp["cells"]) <= known, set(exp["cells"]) - known
    assert set(exp.get("blank", [])) <= known
    assert not set(exp["cells"]) & set(exp.get("blank", [])), "a cell is either read or blank"
    must, must_not = set(exp["findings"]["must"]), set(exp["findings"]["must_not"])
    assert must <= RULES and must_not <= RULES and not must & must_not
    assert exp["source"] and exp["layout"]
    for cell, value in exp["cells"].items():
        kind = GOV2021.cell(cell).kind
        assert value >= 0 and (kind == "amount" or isinstance(value, int)), (cell, value)
    if exp["complete"]:
        assert len(exp["cells"]) == 200
    if exp.get("scanned"):
        assert not exp["cells"] and all(d.suffix == ".pdf" for d in _documents(path))
    if exp.get("refused"):
        assert not exp["cells"] and not exp["complete"]


@pytest.mark.parametrize("path", EXPECTATIONS, ids=_id)
def test_the_hand_read_numbers_add_up_unless_the_rule_is_expected(path: Path):
    """R1–R4 on every sum whose cells were all read: a difference is either in the published report (then the rule
    is in `must`) or a reading mistake in the expectation."""
    exp = _load(path)
    cells = {k: Decimal(str(v)) for k, v in exp["cells"].items()}
    broken = set()
    for s in GOV2021.sums:
        if s.target in cells and all(a in cells for a in s.addends):
            if sum(cells[a] for a in s.addends) != cells[s.target]:
                broken.add(s.rule)
    for b in GOV2021.balances:
        names = (*b.left, *b.right)
        if all(n in cells for n in names):
            if sum(cells[n] for n in b.left) != sum(cells[n] for n in b.right):
                broken.add(b.rule)
    must = set(exp["findings"]["must"])
    assert broken <= must, f"{sorted(broken - must)} broken in the expected cells but not expected"
    assert not broken & set(exp["findings"]["must_not"])
