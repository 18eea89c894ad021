"""A page whose paragraphs a copy ran together on one line, one space apart ("…联系。 一、总体情况 （一）主动公开情况。
2024年…。 （二）依申请公开情况。 …"): each heading and each part of 一 starts its own paragraph again, so each part's
text is in its own place; a marker right after a sentence with no space (an enumeration inside a paragraph) is not
a part."""

from __future__ import annotations

from bot.importers import import_bytes

ONE_LINE = (
    "根据《中华人民共和国政府信息公开条例》编制本报告。如对本报告有疑问的,可与青山县大云镇人民政府党政办联系。 一、总体情况 (一)主动公开情况。 "
    "2024年,大云镇全年主动公开政府信息22条。 (二)依申请公开情况。 2024年,大云镇共收到依申请公开件1件。 "
    "(三)政府信息管理情况。 一是做好规范性文件的管理。 (四)政府信息公开平台建设情况。 门户网站运行平稳。 "
    "(五)监督保障情况。 未发生责任追究。"
)


def _report(text: str):
    return import_bytes((text + "\n").encode("utf-8"), "report.txt").report


def test_each_part_of_one_run_on_after_a_sentence_and_a_space_is_in_its_own_place() -> None:
    text = _report(ONE_LINE).text
    assert text["s1.active"].startswith("2024年,大云镇全年主动公开") and "依申请" not in text["s1.active"]
    assert text["s1.on_request"] == "2024年,大云镇共收到依申请公开件1件。"
    assert text["s1.management"] == "一是做好规范性文件的管理。"
    assert text["s1.oversight"] == "未发生责任追究。"


def test_a_marker_right_after_a_sentence_without_a_space_stays_in_the_paragraph() -> None:
    one = "根据《中华人民共和国政府信息公开条例》编制本报告。\n一、总体情况\n(一)主动公开情况。全年公开信息22条,分两类。(二)类信息另行公开。\n(二)依申请公开情况。未收到申请。"
    text = _report(one).text
    assert "(二)类信息另行公开" in text["s1.active"]
    assert text["s1.on_request"] == "未收到申请。"


def test_the_contact_line_that_says_may_contact_names_the_unit() -> None:
    report = _report(ONE_LINE)
    assert (report.unit, report.unit_kind) == ("青山县大云镇", "镇")
