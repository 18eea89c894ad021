"""How well real published reports are read and checked (a benchmark: not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_corpus            # every document of tests/fixtures/corpus
    .venv/bin/python -m tests.bench_corpus -v xuwen   # only ids containing "xuwen", with every wrong cell

Each `<id>.expected.json` of the corpus (see its README.md) holds the cells read by hand from the documents
`<id>.<ext>`, and the rules a correct checker must and must not report. For every document this imports it with the
project's importer, checks it as `nianbao check` does, and prints the cells read right out of those expected, the
cells read that the document does not hold, and per rule the true findings, the false ones (errors apart from
warnings) and the misses.
A document the importer refuses is reported as 未能导入 with the reason; a scanned PDF must be refused, and so must a
document that is no report (`refused` in its expectation: the words the refusal must say).
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from bot.checking import check_imported
from bot.importers import NotAReport, import_report

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@dataclass
class Case:
    doc_id: str
    path: Path
    expected: dict

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Outcome:
    case: Case
    imported: bool = False
    reason: str = ""
    right: int = 0
    wrong: list[tuple[str, object, object]] = field(default_factory=list)  # (cell, expected, read)
    extra: list[str] = field(default_factory=list)  # cells read that the document does not hold
    rules: set[str] = field(default_factory=set)  # every rule reported, errors and warnings
    errors: set[str] = field(default_factory=set)  # the rules reported at level error
    who: str = ""

    @property
    def expected_cells(self) -> int:
        return len(self.case.expected.get("cells", {})) + len(self.case.expected.get("blank", []))


def load_cases(corpus: Path = CORPUS, only: str = "") -> list[Case]:
    cases = []
    for exp_path in sorted(corpus.glob("*.expected.json")):
        doc_id = exp_path.name.removesuffix(".expected.json")
        if only and only not in doc_id:
            continue
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        for doc in sorted(corpus.glob(doc_id + ".*")):
            if doc != exp_path and not doc.name.endswith(".expected.json"):
                cases.append(Case(doc_id, doc, expected))
    return cases


def _same(expected: object, read: object) -> bool:
    if read is None or isinstance(read, str):
        return False
    return Decimal(str(expected)) == Decimal(str(read))


def run_case(case: Case) -> Outcome:
    out = Outcome(case)
    try:
        imported = import_report(case.path)
    except NotAReport as exc:
        out.reason = str(exc)
        return out
    except Exception as exc:  # the benchmark must get through the corpus whatever the importer does
        out.reason = f"异常 {type(exc).__name__}: {exc}".strip()
        traceback.print_exc(file=sys.stderr)
        return out
    out.imported = True
    report = imported.report
    exp = case.expected
    for cell, value in exp.get("cells", {}).items():
        read = report.cells.get(cell, "未读到")
        if _same(value, read):
            out.right += 1
        else:
            out.wrong.append((cell, value, read))
    for cell in exp.get("blank", []):
        if cell in report.cells and report.cells[cell] is None:
            out.right += 1
        else:
            out.wrong.append((cell, "空白", report.cells.get(cell, "未读到")))
    held = set(exp.get("cells", {})) | set(exp.get("blank", []))
    out.extra = sorted(c for c, v in report.cells.items() if c not in held and v is not None)
    try:
        findings = check_imported(imported, _previous(case))
        out.rules = {f.rule for f in findings}
        out.errors = {f.rule for f in findings if f.level == "error"}
    except Exception as exc:
        out.reason = f"检查时异常 {type(exc).__name__}: {exc}"
        traceback.print_exc(file=sys.stderr)
    marks = []
    for key, got in (("unit", report.unit), ("unit_kind", report.unit_kind), ("year", report.year)):
        want = exp.get(key)
        same = want is None or (_unit_core(want) == _unit_core(got) if key == "unit" else want == got)
        marks.append(f"{got or '?'}" + ("" if same else f"≠{want}"))
    out.who = " / ".join(str(m) for m in marks)
    return out


def _previous(case: Case):
    """Last year's report when the expectation names one (`previous`: a file of the corpus), as --previous does."""
    name = case.expected.get("previous")
    return import_report(case.path.parent / name).report if name else None


def _unit_core(name: object) -> str:
    """A unit's name without the words a title may add or drop (淮安市人民政府 and 淮安市 are one unit)."""
    text = str(name or "").strip()
    for suffix in ("人民政府", "办事处", "政府"):
        text = text.removesuffix(suffix)
    return text


def _cell_text(v: object) -> str:
    return "空白" if v is None else str(v)


def print_report(outcomes: list[Outcome], verbose: bool) -> None:
    per_rule: dict[str, Counter] = {}
    cells_right = cells_expected = cells_extra = 0
    complete_full = complete_docs = imported = scanned_refused = scanned = 0
    no_report = no_report_refused = 0
    print(f"{'document':42} {'layout':34} {'cells':>9} {'extra':>5}  findings")
    for o in outcomes:
        exp = o.case.expected
        must, must_not = set(exp["findings"]["must"]), set(exp["findings"]["must_not"])
        is_scan = bool(exp.get("scanned")) and o.case.path.suffix == ".pdf"
        scanned += is_scan
        is_no_report = bool(exp.get("refused"))
        no_report += is_no_report
        complete_docs += bool(exp.get("complete")) and not is_scan
        layout = str(exp.get("layout", ""))[:34]
        if not o.imported:
            verdict = "正确拒绝（扫描件）" if is_scan else "正确拒绝（不是年度报告）" if is_no_report else "未能导入"
            scanned_refused += is_scan
            no_report_refused += is_no_report
            print(f"{o.case.name:42} {layout:34} {'—':>9} {'':>5}  {verdict}：{o.reason}")
            if not is_scan and not is_no_report:
                for rule in must:
                    per_rule.setdefault(rule, Counter())["missed"] += 1
                cells_expected += o.expected_cells
            continue
        if is_scan:
            print(f"{o.case.name:42} {layout:34} {'—':>9} {'':>5}  扫描件却被导入（应当拒绝）")
            continue
        imported += 1
        cells_right += o.right
        cells_expected += o.expected_cells
        cells_extra += len(o.extra)
        if exp.get("complete"):
            complete_full += o.right == o.expected_cells == 200
        true_ = sorted(must & o.rules)
        missed = sorted(must - o.rules)
        false_ = sorted(must_not & o.errors)  # a false error: what a supervisor would be told is wrong
        false_warn = sorted((must_not & o.rules) - o.errors)  # e.g. "R7 not evaluated: the unit's kind is unknown"
        other = sorted(o.rules - must - must_not)
        for rule in true_:
            per_rule.setdefault(rule, Counter())["true"] += 1
        for rule in missed:
            per_rule.setdefault(rule, Counter())["missed"] += 1
        for rule in false_:
            per_rule.setdefault(rule, Counter())["false"] += 1
        for rule in false_warn:
            per_rule.setdefault(rule, Counter())["false_warning"] += 1
        for rule in other:
            per_rule.setdefault(rule, Counter())["unjudged"] += 1
        parts = [f"对 {','.join(true_)}" if true_ else "", f"漏 {','.join(missed)}" if missed else "",
                 f"误 {','.join(false_)}" if false_ else "", f"误提醒 {','.join(false_warn)}" if false_warn else "",
                 f"另 {','.join(other)}" if other else ""]
        cells = f"{o.right}/{o.expected_cells}"
        print(f"{o.case.name:42} {layout:34} {cells:>9} {len(o.extra):>5}  {' '.join(p for p in parts if p) or '—'}"
              f"  [{o.who}]")
        if verbose:
            for cell, want, got in o.wrong:
                print(f"    {cell}: 应为 {_cell_text(want)}，读到 {_cell_text(got)}")
            if o.extra:
                print(f"    文件中没有却读到：{', '.join(o.extra)}")
    print()
    print(f"{'rule':6} {'true':>5} {'false':>6} {'false warning':>14} {'missed':>7} {'unjudged':>9}")
    totals = Counter()
    for rule in sorted(per_rule, key=lambda r: int(r[1:]) if r[1:].isdigit() else 99):
        c = per_rule[rule]
        totals.update(c)
        print(f"{rule:6} {c['true']:>5} {c['false']:>6} {c['false_warning']:>14} {c['missed']:>7} {c['unjudged']:>9}")
    print(f"{'total':6} {totals['true']:>5} {totals['false']:>6} {totals['false_warning']:>14} {totals['missed']:>7}"
          f" {totals['unjudged']:>9}")
    print()
    documents = len(outcomes) - scanned - no_report
    print(f"documents imported: {imported}/{documents}; scanned PDFs refused: {scanned_refused}/{scanned}; "
          f"documents that are no report refused: {no_report_refused}/{no_report}")
    print(f"cells right: {cells_right}/{cells_expected}; cells read that the documents do not hold: {cells_extra}")
    print(f"complete documents with 200/200: {complete_full}/{complete_docs}")
    print("(true: a must rule reported; false: a must_not rule reported as an error (误); false warning: only as a")
    print(" warning (误提醒), e.g. that it could not be evaluated; missed: a must rule not reported (漏); unjudged:")
    print(" reported, in neither list (另))")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="?", default="", help="only the ids that contain this text")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every wrong or extra cell")
    args = parser.parse_args(argv)
    cases = load_cases(only=args.only)
    if not cases:
        print("no corpus documents found", file=sys.stderr)
        return 2
    print_report([run_case(c) for c in cases], args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
