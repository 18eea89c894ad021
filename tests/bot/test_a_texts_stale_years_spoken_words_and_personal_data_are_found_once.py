"""R11, R16 and R17 hold what they found in a text (each answer is checked when given, and again at 提交 with the
whole report): checked again — in another unit's report, another year, another slot — the findings are exactly
those of a check that holds nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021
from bot.report import Report
from bot.rules import check_answer, check_rules
from bot.rules import prose as prose_rules
from tests.bot.test_rules import GOOD_TEXT, seed_report

RULES = ["R11", "R16", "R17"]
HELD = (prose_rules._stale_years_in, prose_rules._spoken_in, prose_rules._personal_in)
TEXTS = sorted({*GOOD_TEXT.values(), *(t for n in range(5) for t in seed_report(n).text.values() if t.strip()),
                "2023年，我们单位搞了两次培训，大概完成了吧。", "联系人小王，电话13812345678。2024年度报告于2024年1月公布。",
                "依据国办公开办函〔2021〕30号，2025年将加强培训，咱们这块的话还要弄个台账。", "我们镇里开展了评议。"})
UNITS = [("永清县刘街乡", "乡"), ("沙河市册井镇人民政府", "镇"), ("延津县塔铺街道", "街道"), ("示范县财政局", "")]


def _report(unit: int, year: int, texts: dict[str, str]) -> Report:
    name, kind = UNITS[unit]
    return Report(name, kind, year, {}, dict(texts))


def _forget() -> None:
    for held in HELD:
        held.cache_clear()


def _uncached(report: Report) -> list:
    _forget()
    return check_rules(report, RULES)


REPORTS = st.builds(_report, st.integers(0, len(UNITS) - 1), st.sampled_from([2023, 2024, 2025]),
                    st.dictionaries(st.sampled_from(GOV2021.slot_ids), st.sampled_from(TEXTS), max_size=4))


@settings(max_examples=120, deadline=None)
@given(st.lists(REPORTS, min_size=2, max_size=4))
def test_findings_held_from_other_reports_are_those_of_a_fresh_check(reports: list[Report]) -> None:
    for report in reports[:-1]:  # the texts checked first, in other units' reports, years and slots
        check_rules(report, RULES)
        for slot, text in report.text.items():
            check_answer(slot, text, report)
    last = reports[-1]
    held = check_rules(last, RULES)
    fresh = _uncached(last)
    assert held == fresh
    assert [(f.message, f.fix) for f in held] == [(f.message, f.fix) for f in fresh]


def test_a_text_checked_as_an_answer_is_not_scanned_again_at_submission() -> None:
    text = "2023年，我们单位搞了两次培训，联系人小王。"
    report = _report(1, 2024, {"s1.summary": text, "s6.other": "本年度未收取信息处理费。"})
    _forget()
    answered = check_answer("s1.summary", text, report)
    misses = [held.cache_info().misses for held in HELD]
    at_submission = check_rules(report.copy(text={**report.text, "s1.summary": "".join(text)}), RULES)
    assert [held.cache_info().misses for held in HELD] == [m + 1 for m in misses]  # 六's text only
    assert {f.rule for f in answered} >= {"R11", "R16", "R17"} and at_submission
