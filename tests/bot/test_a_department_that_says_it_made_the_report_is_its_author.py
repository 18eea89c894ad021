"""A report naming its author only as the one who made it (本年度报告……由江苏省公安厅编制) is that department's: a
provincial department (省级部门); an office inside a township's government that made it (由两城镇人民政府党政办公室编制)
is not taken for the author's name."""

from __future__ import annotations

from bot.importers import import_bytes

TAIL = "\n一、总体情况\n2023年，我厅主动公开政府信息656条。\n二、主动公开政府信息情况\n规章 | 0 | 0 | 0 |\n"


def _who(preface: str) -> tuple[str, str]:
    report = import_bytes((preface + TAIL).encode("utf-8"), "report.txt").report
    return report.unit, report.unit_kind


def test_the_department_that_made_it_is_the_author() -> None:
    assert _who("本年度报告根据《中华人民共和国政府信息公开条例》有关规定,由江苏省公安厅编制。") == ("江苏省公安厅", "省级部门")


def test_an_office_of_a_township_government_is_not_the_authors_name() -> None:
    unit, _ = _who("本年度报告由两城镇人民政府党政办公室编制。")
    assert "办公室" not in unit
