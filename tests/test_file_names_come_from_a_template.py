"""The names of the files people get are written in one template (templates/messages/files.j2), not spelt in code:
an AST scan finds no string in bot/, handlers/ or storage/ that holds the report's name or a Chinese file name with
its extension. The names are the ones people always got (the chat's Word file, the approved Word and PDF, 汇总表,
导出), made safe where an area's or unit's name holds a character a file system refuses."""

from __future__ import annotations

import ast
import re
from datetime import date

from bot.file_names import export_file, report_file, rollup_file
from tests.test_messages import CJK, _code_files, _documentation

EXTENSION = re.compile(r"\.(?:docx|xlsx|pdf|txt|html)$")
# the words of a file name, in a string built from parts (the words alone are also what the importers look for)
FILE_NAME_WORDS = re.compile(r"信息公开工作年度报告|年度报告数据|报告表格|汇总")


def spelt_file_names() -> list[str]:
    """(file:line: text) of every Chinese file name in code: a string ending in a file extension, or a string built
    from parts with the words of a file name."""
    found = []
    for path in _code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _documentation(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.JoinedStr):
                words = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if CJK.search(words) and FILE_NAME_WORDS.search(words):
                    found.append(f"{path.name}:{node.lineno}: {words}")
            elif (isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value)
                  and EXTENSION.search(node.value)):
                found.append(f"{path.name}:{node.lineno}: {node.value}")
    return found


def test_no_code_spells_a_file_name() -> None:
    assert spelt_file_names() == []


def test_the_names_people_get_are_unchanged() -> None:
    assert report_file("龙亭区柳园口乡", 2025, "docx") == "龙亭区柳园口乡2025年政府信息公开工作年度报告.docx"
    assert report_file("册井镇", 2024, "pdf") == "册井镇2024年政府信息公开工作年度报告.pdf"
    assert rollup_file("龙亭区", 2025) == "龙亭区2025年政府信息公开工作年度报告汇总表.docx"
    assert export_file("龙亭区", 2025, date(2026, 1, 20)) == "龙亭区2025年度报告数据20260120.xlsx"
    assert export_file(None, 2025, date(2026, 1, 5)) == "2025年度报告数据20260105.xlsx"  # every area (admins)


def test_a_name_a_file_system_refuses_is_made_safe_in_every_name() -> None:
    assert export_file("示范县/开发区", 2025, date(2026, 1, 20)) == "示范县／开发区2025年度报告数据20260120.xlsx"
    assert rollup_file("示范县/开发区", 2025) == "示范县／开发区2025年政府信息公开工作年度报告汇总表.docx"
    assert report_file('甲县"新城"|北区', 2025, "pdf") == "甲县”新城”｜北区2025年政府信息公开工作年度报告.pdf"
