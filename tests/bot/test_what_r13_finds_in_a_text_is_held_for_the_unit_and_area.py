"""R13 holds what it found in each text, for the unit, its kind, the area's names and the area's name (each answer is
checked when given, and again at 提交 with the whole report): checked again — in another unit's report, another
kind, another area, another slot — the findings, in their order, are exactly those of one pass of each check over
all the texts, holding nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formats import GOV2021
from bot.report import Report
from bot.rules import RuleContext, check_answer, check_rules
from bot.rules import prose as prose_rules
from bot.rules.names import AreaNames, own_places
from tests.bot.test_rules import GOOD_TEXT, seed_report

LONGTING = AreaNames(("龙亭区柳园口乡人民政府", "龙亭区城关镇", "龙亭区北道门街道", "龙亭区水稻乡", "龙亭区黄河路街道",
                      "龙亭区教育局"))
YANJIN = AreaNames(("延津县塔铺街道", "延津县胡集乡", "延津县僧固乡", "延津县财政局"))
AREAS = [(LONGTING, "龙亭区"), (LONGTING, ""), (YANJIN, "延津县"), (AreaNames(()), "")]
UNITS = [("龙亭区城关镇", "镇"), ("龙亭区柳园口乡人民政府", "乡"), ("延津县塔铺街道", "街道"), ("延津县胡集乡", ""),
         ("示范县财政局", ""), ("龙亭区教育局", "区级部门")]
TEXTS = sorted({
    *GOOD_TEXT.values(), *(t for n in range(3) for t in seed_report(n).text.values() if t.strip()),
    "2025年，柳园口乡坚持以人民为中心，聚焦全乡重点工作。", "北道门办事处持续推进政务公开，我镇我乡同步推进。",
    "我乡依托“柳园口发布”公众号和城关镇发布推送信息，我单位、我局也有。", "依托郸城县人民政府网站发布信息，云上延津客户端转载。",
    "2023年，石桥乡加强组织领导；同时，城关镇坚持公开。", "我街道运用街道公众号发布，“东城街道政务”公众号转发。",
    "在西华县人民政府信息公开专栏发布，郸城县发布公众号同步。", "我镇、我乡、我街道、我单位、我局各一次，我乡镇不算。",
    "胡集乡政府网站发布信息12条，塔铺政务公众号发布8条。",
})


def _report(unit: int, texts: dict[str, str]) -> Report:
    name, kind = UNITS[unit]
    return Report(name, kind, 2025, {}, dict(texts))


def _one_pass(report: Report, ctx: RuleContext) -> list:
    """R13 as it was before it held anything: each check once over all the texts."""
    texts = list(prose_rules._texts(report, ctx))
    named = {slot_id: list(ctx.names.hits(text, own=report.unit)) for slot_id, text in texts}
    places = own_places(report.unit, ctx.area, ctx.names)
    return ([f for _, f in prose_rules._wrong_self_words(report, ctx, texts)]
            + prose_rules._other_unit_names(report, ctx, texts, named)
            + prose_rules._other_townships(report, ctx, texts, named)
            + prose_rules._other_governments(ctx, texts, places)
            + prose_rules._other_places_platforms(report, ctx, texts, places))


REPORTS = st.tuples(
    st.builds(_report, st.integers(0, len(UNITS) - 1),
              st.dictionaries(st.sampled_from(GOV2021.slot_ids), st.sampled_from(TEXTS), max_size=6)),
    st.integers(0, len(AREAS) - 1))


@settings(max_examples=150, deadline=None)
@given(st.lists(REPORTS, min_size=2, max_size=4))
def test_findings_held_from_other_reports_are_those_of_one_pass_over_the_texts(checked: list) -> None:
    for report, area in checked[:-1]:  # the texts checked first, in other units' reports, kinds, areas and slots
        names, area_name = AREAS[area]
        check_rules(report, ["R13"], other_units=names, area=area_name)
        for slot, text in report.text.items():
            check_answer(slot, text, report, other_units=names, area=area_name)
    last, area = checked[-1]
    names, area_name = AREAS[area]
    held = check_rules(last, ["R13"], other_units=names, area=area_name)
    one_pass = _one_pass(last, RuleContext(names=names, area=area_name))
    assert held == one_pass
    assert [(f.message, f.fix) for f in held] == [(f.message, f.fix) for f in one_pass]


def test_findings_in_several_texts_keep_the_order_of_one_pass() -> None:
    report = _report(1, {"s1.summary": "我镇、我单位推进，城关镇坚持公开。", "s1.active": "我单位发布，我镇转载。",
                         "s1.platform": "依托郸城县人民政府网站，城关镇发布公众号。"})
    held = check_rules(report, ["R13"], other_units=LONGTING, area="龙亭区")
    assert held == _one_pass(report, RuleContext(names=LONGTING, area="龙亭区"))
    assert [f.cells[0] for f in held][:4] == ["s1.summary", "s1.active", "s1.summary", "s1.active"]  # word by word


def test_a_text_checked_as_an_answer_is_not_scanned_again_at_submission() -> None:
    text = "2023年，城关镇坚持公开，我乡推进。"
    report = _report(1, {"s1.summary": text, "s6.other": "本年度未收取信息处理费。"})
    prose_rules._self_and_others_in.cache_clear()
    answered = check_answer("s1.summary", text, report, other_units=LONGTING, area="龙亭区")
    misses = prose_rules._self_and_others_in.cache_info().misses
    at_submission = check_rules(report.copy(), ["R13"], other_units=LONGTING, area="龙亭区")
    assert prose_rules._self_and_others_in.cache_info().misses == misses + 1  # 六's text only
    assert [f for f in answered if f.rule == "R13"] == at_submission and at_submission
