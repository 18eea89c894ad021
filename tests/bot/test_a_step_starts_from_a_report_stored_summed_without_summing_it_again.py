"""A step's report has its totals summed; stored and read back as written, the next step starts from it as it is
(`step(…, derived=True)`) instead of summing every total again. That is only sound because summing a summed report
changes nothing — for every format, whatever was typed, a total typed over included — and the step must then answer
exactly as it does when it sums."""

from __future__ import annotations

import copy
import random

import pytest

from bot.dialog import step
from bot.formats import FORMATS
from bot.incoming import Incoming
from bot.report import Report, empty_report, with_derived

from .dialog_helpers import WHEN, Chat, township


@pytest.mark.parametrize("format_id", sorted(FORMATS))
@pytest.mark.parametrize("seed", range(20))
def test_summing_a_summed_report_again_changes_nothing(format_id: str, seed: int) -> None:
    fmt = FORMATS[format_id]
    totals = sorted({s.target for s in fmt.sums})
    rng = random.Random(seed)
    report = empty_report("青山乡", "乡", 2024, fmt)
    report.cells.update({c: rng.choice([0, 1, 7, 30, None]) for c in fmt.cell_ids})
    for cell in rng.sample(totals, 3):  # totals typed over, or never given
        if rng.random() < 0.3:
            report.cells.pop(cell)
        else:
            report.cells[cell] = rng.choice([0, 5, None])
    once = with_derived(report, fmt)
    twice = with_derived(once, fmt)
    assert list(twice.cells.items()) == list(once.cells.items())  # the same values, in the same order
    assert twice == once


@pytest.mark.parametrize("said", [["你好"], ["你好", "0 0 0"], ["你好", "0 0 0", "1 2 3", "0 0 0", "0"],
                                  ["你好", "1 2 3", "修改 2.1", "4 5 6", "进度"]])
def test_a_step_from_a_stored_step_answers_as_one_that_sums(said: list[str]) -> None:
    chat = Chat(township())
    chat.say_all(*said)
    assert chat.report is not None
    stored = chat.report  # read back as the last step wrote it
    for text in ("0 0 0", "5", "进度", "返回", "你好"):
        incoming = Incoming("zhangsan", "text", WHEN, text=text)
        summing = step(copy.deepcopy(chat.state), stored.copy(), incoming, chat.ctx)
        as_stored = step(copy.deepcopy(chat.state), stored.copy(), incoming, chat.ctx, derived=True)
        assert as_stored == summing, text
        assert list(as_stored.report.cells.items()) == list(summing.report.cells.items())


def test_a_report_whose_totals_were_never_summed_is_summed() -> None:
    report = Report("龙亭区柳园口乡", "乡", 2025, {"t3.new.person": 4, "t3.new.company": 2})
    result = step(None, report, Incoming("zhangsan", "text", WHEN, text="你好"), township())
    assert result.report.cells["t3.new.total"] == 6


def test_a_step_from_a_stored_report_leaves_that_report_as_it_was() -> None:
    """The step holds the report it was given as the summed report it started from: answers change the step's own
    copy, never the report given."""
    chat = Chat(township())
    chat.say_all("你好", "0 0 0")
    assert chat.report is not None
    given, before = chat.report.copy(), chat.report.copy()
    for text in ("1 2 3", "修改 2.1", "4 5 6", "返回", "0"):
        result = step(copy.deepcopy(chat.state), given, Incoming("zhangsan", "text", WHEN, text=text), chat.ctx,
                      derived=True)
        assert given == before, text
        assert result.report == with_derived(result.report, chat.ctx.fmt)
