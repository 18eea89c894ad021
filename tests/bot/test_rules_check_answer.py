"""Issue 9: checks as you type — R9, R11 and R13 on one prose answer when it is given, with the fix to offer; the
same rules as `check_report`, so the finished report says the same."""

from __future__ import annotations

from bot.report import Report, empty_report, with_derived
from bot.rules import ANSWER_RULES, AreaNames, apply_fixes, check_answer, check_report

AREA = AreaNames(("龙亭区柳园口乡人民政府", "龙亭区城关镇", "龙亭区北道门街道"))


def town(**cells: int) -> Report:
    report = empty_report("龙亭区城关镇", "镇", 2025)
    report.cells.update({k.replace("__", "."): v for k, v in cells.items()})
    return with_derived(report)


def test_another_units_text_is_caught_when_typed_with_its_fix() -> None:
    text = "2025年，柳园口乡坚持以人民为中心，聚焦重点工作。"
    (found,) = check_answer("s1.summary", text, town(), AREA, "龙亭区")
    assert found.rule == "R13" and "“柳园口乡”" in found.message
    assert found.fix.apply(text) == "2025年，我镇坚持以人民为中心，聚焦重点工作。"
    assert found.fix.describe(text) == "可将“柳园口乡”改为“我镇”。"


def test_each_rule_of_the_answer_with_its_fix() -> None:
    text = "2024年，我乡依托郸城县人民政府网站公开信息，共收到政府信息公开申请3件。"
    found = check_answer("s1.on_request", text, town(t3__new__person=1, t3__open__person=1), AREA, "龙亭区")
    assert [f.rule for f in found] == ["R9", "R11", "R13", "R13"]
    assert all(f.fix is not None for f in found)
    assert apply_fixes(text, found) == "2025年，我镇依托龙亭区人民政府网站公开信息，共收到政府信息公开申请1件。"
    assert check_answer("s1.on_request", apply_fixes(text, found), town(t3__new__person=1, t3__open__person=1),
                        AREA, "龙亭区") == []


def test_a_bureaus_word_and_a_street_by_its_short_name() -> None:
    text = "我单位与北道门办事处联合开展政务公开日活动。"
    self_word, other = check_answer("s1.active", text, town(), AREA)
    assert "写了“我单位”" in self_word.message and self_word.fix.describe(text) == "可将“我单位”改为“我镇”。"
    assert "“北道门办事处”" in other.message and other.fix is None  # a partner, not the author: no guess
    assert apply_fixes(text, [self_word, other]) == "我镇与北道门办事处联合开展政务公开日活动。"


def test_only_the_answer_is_judged_not_the_rest_of_the_report() -> None:
    report = town()
    report.text["s1.platform"] = "2024年，柳园口乡…"  # stored before: the finished report's business, not this answer's
    assert check_answer("s1.summary", "我镇高度重视政务公开工作。", report, AREA, "龙亭区") == []
    assert check_answer("s1.summary", "  ", report, AREA) == []


def test_the_answer_finds_what_the_whole_check_finds_once_stored() -> None:
    text = "2024年，柳园口乡收到申请2件，我单位均已答复。"
    report = town(t3__new__person=1, t3__open__person=1)
    typed = check_answer("s1.on_request", text, report, AREA, "龙亭区")
    stored = report.copy(text={"s1.on_request": text})
    whole = [f for f in check_report(stored, other_units=AREA, area="龙亭区") if f.rule in ANSWER_RULES]
    assert typed == whole and len(typed) == 4
    assert [f.fix for f in typed] == [f.fix for f in whole]


def test_a_future_year_is_said_without_a_guess() -> None:
    (found,) = check_answer("s1.active", "2027年，我镇主动公开信息13条。", town(), AREA)
    assert found.rule == "R11" and found.fix is None


def test_a_phone_number_typed_into_an_answer_is_pointed_out_as_it_is_given() -> None:
    (found,) = check_answer("s5.improvements", "下一步增加专人，有事找我13900001111。", town(), AREA, "龙亭区")
    assert found.rule == "R16" and "“13900001111”" in found.message and found.fix is None
