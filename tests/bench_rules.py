"""Benchmark of the checker (not collected by pytest; nothing asserted).

    .venv/bin/python -m tests.bench_rules

1. One `check_report` of a real seed report whose area has 20,000 other units (R13 looks for each of their names).
2. One `check_report` of a half-filled draft (the shape a report has during the conversation): how long, and how
   many sentences were rendered from templates (jinja2 macro calls), before and after anyone reads a message.
Each figure is the median of several runs in this process; run it pinned (`taskset -c 1`) for steadier numbers.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from bot import messages
from bot.importers import import_report
from bot.report import Report, with_derived
from bot.rules import check_report
from bot.units import core_name
from tests.conftest import seed_path

AREA_SIZE = 20_000
_CHARS = "东西南北中新老大小金银石马牛羊河湖山岭桥庄集店铺营屯口沟坡寨堡关岗峪湾塘坝园林柳杨李王张刘陈"


def area_names(count: int, seed: int = 7) -> tuple[str, ...]:
    """Unit names as an area lists them: 某某县某某镇, 某某区某某街道 … (distinct, deterministic)."""
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < count:
        county = "".join(rng.choice(_CHARS) for _ in range(2)) + rng.choice("县区市")
        core = "".join(rng.choice(_CHARS) for _ in range(rng.choice((2, 3))))
        names.add(county + core + rng.choice(("乡", "镇", "街道", "镇人民政府", "街道办事处")))
    return tuple(sorted(names))


def half_filled(report: Report) -> Report:
    """The first half of the cells and no prose after 一: a draft in the middle of the conversation."""
    draft = report.copy()
    for cell_id in list(draft.cells)[len(draft.cells) // 2:]:
        del draft.cells[cell_id]
    for slot in ("s5.problems", "s5.improvements", "s6.other"):
        draft.text.pop(slot, None)
    return draft


def names_by_loop(report: Report, others: tuple[str, ...]) -> int:
    """R13's names as it was before AreaNames (the baseline, in the same run): each name's core, then one
    `str.find` per name per prose slot."""
    own = core_name(report.unit)
    names = {core_name(u) for u in others if u.strip()}
    names = {n for n in names if len(n) >= 2 and n != own and n not in report.unit}
    return sum(1 for name in sorted(names) for text in report.text.values() if text.strip() and text.find(name) >= 0)


def eager(findings: list) -> list[str]:
    """Every message rendered, as every finding's message was before it was rendered on access."""
    return [f.message for f in findings]


def median_ms(run: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


class RenderCounter:
    """Counts sentences rendered from templates (calls of `bot.messages.text`)."""

    def __init__(self) -> None:
        self.calls = 0
        self._text = messages.text

    def __enter__(self) -> RenderCounter:
        def counted(room: str, name: str, /, **context: object) -> str:
            self.calls += 1
            return self._text(room, name, **context)

        messages.text = counted
        return self

    def __exit__(self, *exc: object) -> None:
        messages.text = self._text


def main() -> None:
    report = with_derived(import_report(seed_path(4)).report)
    names = area_names(AREA_SIZE)
    print(f"seed 004 ({report.unit}), area of {len(names):,} other units")

    first = time.perf_counter()
    check_report(report, other_units=names)
    print(f"  check_report, first call (any matcher built):    {(time.perf_counter() - first) * 1000:8.1f} ms")
    print(f"  check_report, area names as a tuple (median):     {median_ms(lambda: check_report(report, other_units=names)):8.1f} ms")
    try:
        from bot.rules import AreaNames
    except ImportError:
        AreaNames = None  # noqa: N806 — before the matcher existed
    if AreaNames is not None:
        start = time.perf_counter()
        area = AreaNames(names)
        print(f"  AreaNames built once for the area:                {(time.perf_counter() - start) * 1000:8.1f} ms")
        print(f"  check_report with the built AreaNames (median):   {median_ms(lambda: check_report(report, other_units=area)):8.1f} ms")
    print(f"  check_report, no other units (median):            {median_ms(lambda: check_report(report)):8.1f} ms")
    print(f"  baseline: R13 names by a loop of str.find (median): {median_ms(lambda: names_by_loop(report, names)):8.1f} ms"
          "  (added to 'no other units' before)")

    draft = half_filled(report)
    with RenderCounter() as counter:
        found = check_report(draft)
    rendered_by_check = counter.calls
    with RenderCounter() as counter:
        for f in found:
            _ = f.message
    print(f"half-filled draft: {len(found)} findings")
    print(f"  check_report (median):                            {median_ms(lambda: check_report(draft)):8.1f} ms")
    print(f"  sentences rendered by check_report:               {rendered_by_check:8d}")
    print(f"  sentences rendered when every message is read:    {counter.calls:8d}")
    print(f"  check_report + reading every message (median):    "
          f"{median_ms(lambda: eager(check_report(draft))):8.1f} ms  (what every check cost before)")


if __name__ == "__main__":
    main()
