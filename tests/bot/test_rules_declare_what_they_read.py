"""Issue 10: each rule declares what it reads (cells, prose slots, context) as data, and the declaration is complete:
every rule is run on traced reports — good ones, broken ones, the seeds — and may read nothing it did not declare.
So a caller may re-run only the rules a change can affect (`rules_affected_by`) and keep the others' findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.findings import Finding
from bot.formats import GOV2021
from bot.importers import import_report
from bot.report import LayoutNote, Report, with_derived
from bot.rules import CONTEXT, RULES, AreaNames, Reads, Rule, check_report, check_rules, rules_affected_by
from bot.rules.context import RuleContext
from tests.bot.test_rules import GOOD_TEXT, good, last_year, with_cells, with_text
from tests.conftest import seed_path


class _Traced(dict):
    """A dict that remembers which keys were asked for (iterating it reads every key)."""

    def __init__(self, data: dict, seen: set[str], prefix: str = "") -> None:
        super().__init__(data)
        self._seen, self._prefix = seen, prefix

    def _saw(self, key: object) -> None:
        self._seen.add(f"{self._prefix}{key}")

    def get(self, key: Any, default: Any = None) -> Any:
        self._saw(key)
        return super().get(key, default)

    def __getitem__(self, key: Any) -> Any:
        self._saw(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self._saw(key)
        return super().__contains__(key)

    def __iter__(self) -> Iterator:
        self._saw("*")
        return super().__iter__()

    def items(self) -> Any:
        self._saw("*")
        return super().items()

    def values(self) -> Any:
        self._saw("*")
        return super().values()

    def keys(self) -> Any:
        self._saw("*")
        return super().keys()


_REPORT_CONTEXT = {"unit": "unit", "unit_kind": "unit", "year": "year", "layout_notes": "layout",
                   "not_found": "layout"}


class _TracedReport(Report):
    def __getattribute__(self, name: str) -> Any:
        if name in _REPORT_CONTEXT:
            object.__getattribute__(self, "_seen").add("@" + _REPORT_CONTEXT[name])
        return object.__getattribute__(self, name)


def _traced(report: Report, seen: set[str], prefix: str = "") -> Report:
    out = _TracedReport(report.unit, report.unit_kind, report.year, format_id=report.format_id,
                        not_found=report.not_found, layout_notes=report.layout_notes)
    object.__setattr__(out, "_seen", seen if not prefix else set())  # last year's unit and year are not read
    out.cells = _Traced(report.cells, seen, prefix)
    out.text = _Traced(report.text, seen, prefix)
    return out


class _TracedContext(RuleContext):
    def __getattribute__(self, name: str) -> Any:
        if name in ("previous", "names", "area"):
            object.__getattribute__(self, "_seen").add("@" + name)
        return object.__getattribute__(self, name)


def reads_of(rule: Rule, report: Report, previous: Report | None, names: AreaNames, area: str) -> set[str]:
    """What `rule` read while checking `report`: cell and slot ids, last year's as "previous:…", context as "@…"."""
    seen: set[str] = set()
    traced_previous = _traced(previous, seen, "previous:") if previous else None
    ctx = _TracedContext(GOV2021, traced_previous, names, area)
    object.__setattr__(ctx, "_seen", seen)
    rule.function(_traced(report, seen), ctx)
    return seen


def undeclared(rule: Rule, report: Report, previous: Report | None = None, names: AreaNames | None = None,
               area: str = "龙亭区") -> set[str]:
    """The reads of `rule` its declaration does not cover (last year's cells count under "previous")."""
    declared = rule.reads.ids(GOV2021)
    out = set()
    for read in reads_of(rule, report, previous, names or AreaNames(()), area):
        if read.startswith("@"):
            if read[1:] not in rule.reads.context:
                out.add(read)
        elif read.startswith("previous:"):
            if "previous" not in rule.reads.context:
                out.add(read)
        elif read not in declared:
            out.add(read)
    return out


NAMES = AreaNames(("龙亭区柳园口乡", "延津县塔铺街道", "永清县刘街乡"))


def reports() -> Iterator[tuple[str, Report, Report | None]]:
    """Reports that take every rule down its paths: passing, failing, blank cells, last year's report, seeds."""
    previous = last_year(t3__carry_over__person=2, t2__normative__in_force=1, t2__license=3)
    yield "good", good(), None
    yield "good with last year", good(), previous
    yield "broken numbers", with_cells(good(), derive=False, t3__new__person=9, t3__total__total=1,
                                       t4__review__upheld=2, t2__regulations__issued=1, t2__license=40), previous
    blank = good()
    blank.cells.update({"t2.fees": None, "t3.open.company": -1, "t2.license": 1.5})
    del blank.cells["t3.new.legal"]
    yield "blank and wrong cells", blank, previous
    prose = {**GOOD_TEXT, "s1.on_request": "共收到申请8件（含上年度结转2件），予以公开3件，1件顺延至下一年答复。",
             "s1.oversight": "无行政复议和行政诉讼。行政许可决定40件，制发行政规范性文件2件，行政事业性收费0.5万元。",
             "s1.active": "2023年，我镇在柳园口乡、XX县人民政府网站公开。依据国办公开办函〔2019〕60号，本年新制作数量3件。",
             "s6.other": "收取信息处理费100元。", "s5.problems": "", "s5.improvements": ""}
    yield "prose slips", with_text(good(unit="延津县城关镇", unit_kind="镇"), **{k.replace(".", "__"): v for k, v in prose.items()}), previous
    yield "empty", Report("刘街乡", "", 2024), previous
    notes = (LayoutNote("legacy_labels", "t2", ("上一年项目数量",), "2019年试行格式"),)
    yield "2019 layout", good().copy(layout_notes=notes), None
    for n in range(5):
        yield f"seed {n}", with_derived(import_report(seed_path(n)).report), previous


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_rule_reads_only_what_it_declares(rule_id: str) -> None:
    rule = RULES[rule_id]
    for name, report, previous in reports():
        extra = undeclared(rule, report, previous, NAMES)
        assert not extra, f"{rule_id} on {name} read undeclared {sorted(extra)}"


def test_a_rule_reading_an_undeclared_cell_is_caught() -> None:
    def sneaky(report: Report, ctx: RuleContext) -> list[Finding]:
        report.value("t2.license")
        return []

    rule = Rule(sneaky, "error", "", Reads(cells=("t2.penalty",)))
    assert undeclared(rule, good()) == {"t2.license"}
    assert undeclared(rule._replace(reads=Reads(cells=("t2.license",))), good()) == set()


def test_a_rule_reading_undeclared_context_is_caught() -> None:
    def kind_and_last_year(report: Report, ctx: RuleContext) -> list[Finding]:
        _ = report.unit_kind, ctx.previous and ctx.previous.value("t3.carry_over.total")
        return []

    rule = Rule(kind_and_last_year, "error", "", Reads())
    assert undeclared(rule, good(), last_year()) == {"@unit", "@previous", "previous:t3.carry_over.total"}
    assert undeclared(rule._replace(reads=Reads(context=("unit", "previous"))), good(), last_year()) == set()


def test_declarations_name_real_cells_and_slots() -> None:
    ids = set(GOV2021.cell_ids) | set(GOV2021.slot_ids)
    for rule_id, rule in RULES.items():
        assert rule.reads.ids(GOV2021) <= ids
        assert rule.reads.ids(GOV2021) or rule.reads.context, rule_id
        assert set(rule.reads.context) <= set(CONTEXT)
        assert all(GOV2021.has_cell(c) for c in rule.reads.cells), rule_id


def test_rules_affected_by_a_change() -> None:
    assert rules_affected_by(["t4.review.upheld"]) == ("R4", "R5", "R9")
    assert rules_affected_by(["s6.other"]) == ("R9", "R10", "R11", "R12", "R13", "R14", "R16", "R17", "R18")
    assert rules_affected_by(["t2.regulations.issued"]) == ("R5", "R7", "R8", "R9")
    assert rules_affected_by(["previous"]) == ("R6", "R8", "R15")
    assert rules_affected_by(["names"]) == ("R13",)
    assert rules_affected_by([]) == ()


def test_re_running_the_affected_rules_gives_the_full_check() -> None:
    """What a message does: check once, change one thing, re-run only the affected rules, keep the others'."""
    before = good()
    after = with_text(with_cells(before, t3__new__person=4), s1__active="2023年，我乡主动公开信息13条。")
    changed = {"t3.new.person", "t3.new.total", "t3.total.person", "s1.active"}
    affected = rules_affected_by(changed)
    kept = [f for f in check_report(before) if f.rule not in affected]
    redone = check_rules(after, affected)
    merged = sorted(kept + redone, key=lambda f: (f.level != "error", list(RULES).index(f.rule)))
    assert merged == check_report(after) and redone


@pytest.mark.parametrize("rule_id", list(RULES))
def test_each_finding_names_only_what_its_rule_reads(rule_id: str) -> None:
    """So the findings about one table are all among the rules that read its cells, or the layout (the dialog checks
    a finished table with those rules only): a layout note names the cells of the older table it found."""
    declared = RULES[rule_id].reads.ids(GOV2021)
    if "layout" in RULES[rule_id].reads.context:
        declared |= set(GOV2021.cell_ids)
    for name, report, previous in reports():
        for f in check_rules(report, [rule_id], previous=previous, other_units=NAMES):
            assert set(f.cells) <= declared, f"{rule_id} on {name} named {sorted(set(f.cells) - declared)}"


@pytest.mark.parametrize("rule_id", [r for r, rule in RULES.items() if rule.level == "warning"])
def test_a_warning_rule_finds_no_error(rule_id: str) -> None:
    """So the report's errors are found by the rules declared at the level "error" alone (the dialog's 进度)."""
    for name, report, previous in reports():
        levels = {f.level for f in check_rules(report, [rule_id], previous=previous, other_units=NAMES)}
        assert levels <= {"warning"}, f"{rule_id} on {name}"
